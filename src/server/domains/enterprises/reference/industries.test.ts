// GB/T 4754-2017 lookups: counts per level, normalisation, paths, the picker tree, and a cross-check against the reference table in shared/data when present.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sizeRowForIndustry } from '../../../../shared/enterprise-size.ts';
import { findIndustry, industryCounts, industryOptions, normaliseIndustryCode } from './industries.ts';

describe('GB/T 4754-2017 industries', () => {
  it('has 20 sections, 97 divisions, 473 groups and 1,381 classes', () => {
    expect(industryCounts()).toEqual({ section: 20, division: 97, group: 473, class: 1381 });
  });

  it('normalises class codes with or without the section letter', () => {
    expect(normaliseIndustryCode('3011')).toBe('3011');
    expect(normaliseIndustryCode('C3011')).toBe('3011');
    expect(normaliseIndustryCode(' c3011 ')).toBe('3011');
    expect(normaliseIndustryCode('Ｃ３０１１')).toBe('3011');
    expect(normaliseIndustryCode('0111')).toBe('0111');
    expect(normaliseIndustryCode('A0111')).toBe('0111');
  });

  it('refuses unknown codes, codes above the class level and a wrong section letter', () => {
    for (const code of ['3010', '9999', '0000', '30', '301', 'C', '', 'abc', '30111', 'B3011', 'C-3011']) expect(normaliseIndustryCode(code), code).toBeNull();
  });

  it('finds a class with its path from the section', () => {
    expect(findIndustry('3011')).toEqual({
      code: '3011',
      name: '水泥制造',
      level: 'class',
      section: 'C',
      sectionName: '制造业',
      division: '30',
      group: '301',
      path: [
        { code: 'C', name: '制造业' },
        { code: '30', name: '非金属矿物制品业' },
        { code: '301', name: '水泥、石灰和石膏制造' },
        { code: '3011', name: '水泥制造' },
      ],
    });
    expect(findIndustry('C3011')?.name).toBe('水泥制造');
    expect(findIndustry('6513')).toMatchObject({ name: '应用软件开发', section: 'I', division: '65', group: '651' });
    expect(findIndustry('7010')).toMatchObject({ name: '房地产开发经营', section: 'K' });
  });

  it('finds higher levels too, and nothing for unknown codes', () => {
    expect(findIndustry('C')).toMatchObject({ level: 'section', name: '制造业', division: null, group: null });
    expect(findIndustry('30')).toMatchObject({ level: 'division', name: '非金属矿物制品业', division: '30', group: null });
    expect(findIndustry('C30')).toMatchObject({ level: 'division', section: 'C' });
    expect(findIndustry('301')).toMatchObject({ level: 'group', group: '301' });
    for (const code of ['3010', 'U', 'Z', '98', '999', 'D3011', '']) expect(findIndustry(code), code).toBeNull();
  });

  it('gives the picker tree: every class once, under its group, division and section', () => {
    const tree = industryOptions();
    expect(tree).toHaveLength(20);
    expect(tree.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    const classes = tree.flatMap((s) => s.children!.flatMap((d) => d.children!.flatMap((g) => g.children!)));
    expect(classes).toHaveLength(1381);
    expect(new Set(classes.map((c) => c.value)).size).toBe(1381);
    for (const c of classes) {
      expect(c.children).toBeUndefined();
      expect(findIndustry(c.code)?.level).toBe('class');
    }
    const cement = tree.find((s) => s.code === 'C')!.children!.find((d) => d.code === '30')!.children!.find((g) => g.code === '301')!.children!.find((c) => c.code === '3011');
    expect(cement).toEqual({ value: '3011', label: '3011 水泥制造', code: '3011', name: '水泥制造' });
  });
});

describe('every class has a size-table row or is outside the 2017 size classification', () => {
  it('outside: J 金融业, P 教育, Q84 卫生, S, T, G53 铁路运输业, K704 房地产租赁经营; everything else has a row', () => {
    const tree = industryOptions();
    const classes = tree.flatMap((s) => s.children!.flatMap((d) => d.children!.flatMap((g) => g.children!)));
    const outside = (code: string) => {
      const industry = findIndustry(code)!;
      return ['J', 'P', 'S', 'T'].includes(industry.section) || ['53', '84'].includes(industry.division!) || industry.group === '704';
    };
    for (const c of classes) {
      const found = sizeRowForIndustry(c.code);
      if (outside(c.code)) expect('problem' in found && found.problem, c.code).toBe('not_covered');
      else expect('row' in found, c.code).toBe(true);
    }
  });
});

const referenceCsv = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/data/gbt4754-2017/gbt4754_2017_industry_codes.csv');

describe.skipIf(!fs.existsSync(referenceCsv))('cross-check against the reference table in shared/data', () => {
  it('every code, name, level and parent agrees', () => {
    // Only the first six columns are read; the quoted descriptions come after them.
    const lines = fs.readFileSync(referenceCsv, 'utf8').split(/\r?\n/).slice(1).filter((l) => /^[A-T0-9]/.test(l));
    const rows = lines.map((l) => l.split(',')).filter((cells) => /^[1-4]$/.test(cells[2]));
    expect(rows).toHaveLength(20 + 97 + 473 + 1381);
    const levels = ['', 'section', 'division', 'group', 'class'];
    for (const [code, section, level, , parent, name] of rows) {
      const found = findIndustry(code);
      expect(found, code).not.toBeNull();
      expect(found!.name, code).toBe(name);
      expect(found!.level, code).toBe(levels[Number(level)]);
      expect(found!.section, code).toBe(section);
      if (parent) expect(found!.path.at(-2)!.code, code).toBe(parent);
      if (level === '4') expect(normaliseIndustryCode(`${section}${code}`)).toBe(code);
    }
  });
});
