// Unit tests of the search helpers: pinyin initials (fast path and polyphones) and the industry filter's prefixes.
import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { industryPrefixes, initialsOf, nameInitials } from './enterprise-search.ts';

describe('pinyin initials', () => {
  it('gives the initials of Chinese names, keeping letters and digits and dropping punctuation', () => {
    expect(initialsOf('湖州织里童装示范有限公司（演示）')).toBe('hzzltzsfyxgsys');
    expect(initialsOf('ABC科技1号')).toBe('abckj1h');
  });

  it('reads polyphonic characters in context', () => {
    expect(initialsOf('长兴县农商银行')).toBe('cxxnsyh');
    expect(initialsOf('重庆长安汽车')).toBe('cqcaqc');
    expect(initialsOf('行业协会')).toBe('hyxh');
  });

  it('agrees with pinyin-pro on whole names for names without polyphones', () => {
    const names = ['湖州南浔木业示范有限公司', '德清地信科技示范有限公司', '安吉椅业示范股份有限公司', '南浔电机示范有限公司'];
    for (const name of names) expect(initialsOf(name)).toBe(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase());
  });

  it('stores the current name first, then former names', () => {
    expect(nameInitials('湖州新材料有限公司', ['湖州旧厂'])).toBe('hzxclyxgs hzjc');
  });
});

describe('industry filter', () => {
  it('turns a class into an exact code, a group or division into a prefix, a section into its divisions', () => {
    expect(industryPrefixes('C3812')).toEqual({ exact: '3812' });
    expect(industryPrefixes('381')).toEqual({ prefixes: ['381'] });
    expect(industryPrefixes('c38')).toEqual({ prefixes: ['38'] });
    expect(industryPrefixes('K')).toEqual({ prefixes: ['70'] });
    expect(industryPrefixes('C')).toMatchObject({ prefixes: expect.arrayContaining(['13', '43']) });
    expect((industryPrefixes('C') as { prefixes: string[] }).prefixes).toHaveLength(31);
  });

  it('refuses unknown classes, sections and a division outside the section given', () => {
    expect(() => industryPrefixes('9999')).toThrow();
    expect(() => industryPrefixes('Z')).toThrow();
    expect(() => industryPrefixes('A38')).toThrow();
  });
});
