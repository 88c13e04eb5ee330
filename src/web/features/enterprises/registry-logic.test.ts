// Tests of the registry pages' logic: URL filters, the credit-code message, 万元 display, create and edit bodies, column mapping and job progress.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeUscc } from '../../../shared/uscc.ts';
import { createBody } from './create-body.ts';
import { changedFields } from './edit-changes.ts';
import { formatWan, isWanInput } from './format-wan.ts';
import { badRowCount, choicesFromReport, csvHeaders, guessedChoices, guessField, isJobFinished, jobPercent, mappingProblems, mappingToSend, sortedErrors } from './import-mapping.ts';
import { divisionPath, filtersFromSearch, searchFromFilters } from './list-filters.ts';
import { enterpriseMessages } from './messages.ts';
import { usccProblemText } from './uscc-check.ts';

beforeAll(async () => {
  await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: enterpriseMessages['zh-CN'] }, en: { translation: enterpriseMessages.en } }, initAsync: false, showSupportNotice: false, interpolation: { escapeValue: false } });
});

describe('list filters in the URL', () => {
  it('round-trip every filter and the page', () => {
    const filters = { q: '织里', divisionCode: '330502', industryCode: 'C', tag: 'high_tech' as const, size: 'small' as const };
    const search = searchFromFilters(filters, 3);
    expect(search.toString()).toBe('q=%E7%BB%87%E9%87%8C&division=330502&industry=C&tag=high_tech&size=small&page=3');
    expect(filtersFromSearch(search)).toEqual({ filters, page: 3 });
  });

  it('drop values the API would refuse and default the page to 1', () => {
    const { filters, page } = filtersFromSearch(new URLSearchParams('q=%20&division=33x&industry=3011&tag=famous&size=huge&page=-2'));
    expect(filters).toEqual({ industryCode: '3011' });
    expect(page).toBe(1);
    expect(searchFromFilters({ q: '  ' }, 1).toString()).toBe('');
  });

  it('gives the cascader path of a division code at each level', () => {
    expect(divisionPath('330502001')).toEqual(['33', '3305', '330502', '330502001']);
    expect(divisionPath('330502001203')).toEqual(['33', '3305', '330502', '330502001', '330502001203']);
    expect(divisionPath('33')).toEqual(['33']);
    expect(divisionPath(undefined)).toEqual([]);
  });
});

describe('credit code message at the field', () => {
  const valid = makeUscc('91', '330502', 'MA2B3C4D');
  const t = i18next.t.bind(i18next);

  it('says nothing for a valid code, lower case included, or an empty field', () => {
    expect(usccProblemText(valid, t)).toBeNull();
    expect(usccProblemText(valid.toLowerCase(), t)).toBeNull();
    expect(usccProblemText('', t)).toBeNull();
  });

  it('names the length, the bad character position, and which check failed', () => {
    expect(usccProblemText(valid.slice(0, 17), t)).toBe('应为 18 位，现在是 17 位');
    expect(usccProblemText(`${valid.slice(0, 4)}I${valid.slice(5)}`, t)).toContain('第 5 位');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(usccProblemText(wrongCheck, t)).toContain('校验码');
    const orgBroken = valid.slice(0, 16) + (valid[16] === '0' ? '1' : '0') + valid[17];
    expect(usccProblemText(orgBroken, t)).toMatch(/组织机构代码|校验码/);
  });

  it('speaks the UI language', async () => {
    await i18next.changeLanguage('en');
    expect(usccProblemText('123', t)).toBe('Needs 18 characters, has 3');
    await i18next.changeLanguage('zh-CN');
  });
});

describe('万元 amounts', () => {
  it('are grouped without trailing zeros and without floating point', () => {
    expect(formatWan('12345.600000')).toBe('12,345.6');
    expect(formatWan('0.000001')).toBe('0.000001');
    expect(formatWan('99999999999999.999999')).toBe('99,999,999,999,999.999999');
    expect(formatWan('-1200.50')).toBe('-1,200.5');
    expect(formatWan('100.000000')).toBe('100');
    expect(formatWan(null)).toBeNull();
  });

  it('accept the API rule only', () => {
    expect(isWanInput('1200.123456')).toBe(true);
    expect(isWanInput('1200.1234567')).toBe(false);
    expect(isWanInput('-5')).toBe(false);
    expect(isWanInput('-5', { signed: true })).toBe(true);
    expect(isWanInput('1e3')).toBe(false);
  });
});

describe('create and edit bodies', () => {
  it('normalise the code, leave blanks out, keep money as strings and send the year only with figures', () => {
    const base = { uscc: ' 91330502ma2b3c4d5e ', name: ' 湖州织里童装 ', divisionCode: '330502', industryCode: '1811', foundedOn: '2019-04-01' };
    expect(createBody({ ...base, figuresYear: 2025, contactName: ' ', formerNames: [' 旧名 ', ''] })).toEqual({
      uscc: '91330502MA2B3C4D5E',
      name: '湖州织里童装',
      divisionCode: '330502',
      industryCode: '1811',
      foundedOn: '2019-04-01',
      formerNames: ['旧名'],
    });
    expect(createBody({ ...base, figuresYear: 2025, headcount: 0, revenue: '1200.5', tags: ['high_tech'] })).toMatchObject({ figuresYear: 2025, headcount: 0, revenue: '1200.5', tags: ['high_tech'] });
  });

  it('send only changed fields; a masked phone left alone is not sent back', () => {
    const initial = { name: '甲', contactPhone: '138****5678', contactEmail: null, legalRepresentative: '张三' };
    expect(changedFields(initial, { name: '甲', contactPhone: '138****5678', contactEmail: '', legalRepresentative: '张三' })).toEqual({});
    expect(changedFields(initial, { name: ' 乙 ', contactPhone: '138****5678', contactEmail: 'a@b.cn', legalRepresentative: '' })).toEqual({
      name: '乙',
      contactEmail: 'a@b.cn',
      legalRepresentative: null,
    });
  });
});

describe('column mapping', () => {
  it('reads csv headers with a BOM, quotes and CRLF', () => {
    expect(csvHeaders('\uFEFF统一社会信用代码,"企业名称","营业收入(万元)","a ""b"", c"\r\n1,2,3,4')).toEqual(['统一社会信用代码', '企业名称', '营业收入(万元)', 'a "b", c']);
    expect(csvHeaders('')).toEqual([]);
  });

  it('guesses fields from Chinese and API headers, each field once', () => {
    expect(guessField('营业收入（万元）')).toBe('revenue');
    expect(guessField('从业人员(人)')).toBe('headcount');
    expect(guessField('USCC')).toBe('uscc');
    expect(guessField('备用列')).toBeNull();
    expect(guessedChoices(['信用代码', '企业名称', '名称', '所属行业'])).toEqual({ 信用代码: 'uscc', 企业名称: 'name', 名称: 'auto', 所属行业: 'auto' });
  });

  it('sends decided columns only, leaving unknown headers to the server', () => {
    expect(mappingToSend({ 信用代码: 'uscc', 备注: 'ignore', 名称: 'auto' })).toEqual({ 信用代码: 'uscc', 备注: null });
    expect(choicesFromReport([{ header: '代码', field: 'uscc' }, { header: '备注', field: null }])).toEqual({ 代码: 'uscc', 备注: 'ignore' });
  });

  it('blocks a dry run on duplicate fields, and on missing required ones when every column is decided', () => {
    expect(mappingProblems({ a: 'uscc', b: 'name' })).toEqual({ duplicates: [], missing: [] });
    expect(mappingProblems({ a: 'uscc', b: 'uscc', c: 'ignore' })).toEqual({ duplicates: ['uscc'], missing: ['name'] });
    expect(mappingProblems({ a: 'uscc', c: 'auto' })).toEqual({ duplicates: [], missing: [] });
  });
});

describe('job progress', () => {
  it('is processed of total, capped below 100 until the job finishes', () => {
    expect(jobPercent({ status: 'running', processed: 250, total: 1000 })).toBe(25);
    expect(jobPercent({ status: 'running', processed: 1000, total: 1000 })).toBe(99);
    expect(jobPercent({ status: 'running', processed: 10, total: null })).toBe(0);
    expect(jobPercent({ status: 'succeeded', processed: 3, total: 1000 })).toBe(100);
    expect(isJobFinished({ status: 'queued' })).toBe(false);
    expect(isJobFinished({ status: 'failed' })).toBe(true);
  });

  it('lists bad rows in file order and counts rows once', () => {
    const errors = [
      { row: 9, column: 'uscc', message: 'x' },
      { row: 3, column: 'name', message: 'y' },
      { row: 3, column: 'headcount', message: 'z' },
      { row: 0, column: null, message: 'file' },
    ];
    expect(sortedErrors(errors).map((e) => `${e.row}:${e.column}`)).toEqual(['0:null', '3:headcount', '3:name', '9:uscc']);
    expect(badRowCount(errors)).toBe(3);
  });
});
