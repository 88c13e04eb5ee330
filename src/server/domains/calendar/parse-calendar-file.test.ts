// Parsing holiday files for `qinqing calendar import`: both formats, notice years, and every bad line reported.
import { describe, expect, it } from 'vitest';
import { parseCalendarFile, splitCsvLine } from './parse-calendar-file.ts';
import { chineseDaysRows, chineseDaysYears, chineseNameOf } from './chinese-days-source.ts';

describe('CSV date,name,type', () => {
  it('reads the holiday-cn CSV layout, ignoring extra columns and using notice_year', () => {
    const text = [
      'date,name,type,notice_year,gov_cn_notice_urls',
      '2022-12-31,元旦,off,2023,http://www.gov.cn/a',
      '2023-01-01,元旦,off,2023,http://www.gov.cn/a',
      '2023-01-28,春节,makeup_workday,2023,http://www.gov.cn/a',
      '',
    ].join('\r\n');
    expect(parseCalendarFile(`\uFEFF${text}`)).toEqual({
      ok: true,
      years: [2023],
      days: [
        { date: '2022-12-31', kind: 'holiday', name: '元旦' },
        { date: '2023-01-01', kind: 'holiday', name: '元旦' },
        { date: '2023-01-28', kind: 'workday', name: '春节' },
      ],
    });
  });

  it('accepts holiday/workday, files without a header, and quoted names', () => {
    const parsed = parseCalendarFile('2027-01-01,"元旦",holiday\n2027-02-06,"春节 ""调休""",WORKDAY\n');
    expect(parsed).toEqual({
      ok: true,
      years: [2027],
      days: [
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'workday', name: '春节 "调休"' },
      ],
    });
  });

  it('lists every bad line with its number', () => {
    const parsed = parseCalendarFile(
      ['date,name,type', '2027-02-30,春节,off', '2027-02-10,,off', '2027-02-11,春节,vacation', '2027-02-12,春节,off', '2027-02-12,春节,off'].join('\n'),
    );
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.where)).toEqual(['line 2', 'line 3', 'line 4', 'line 6']);
    expect(parsed.problems[3].reason).toContain('line 5');
  });

  it('refuses a notice year that does not fit the date, and an empty file', () => {
    const parsed = parseCalendarFile('date,name,type,notice_year\n2027-01-01,元旦,off,2030\n');
    expect(parsed.ok || parsed.problems[0].where).toBe('line 2');
    const empty = parseCalendarFile('date,name,type\n');
    expect(empty.ok || empty.problems[0].where).toBe('file');
  });

  it('splits quoted cells', () => {
    expect(splitCsvLine(' a ,"b,c","d""e"')).toEqual(['a', 'b,c', 'd"e']);
  });
});

describe('holiday-cn JSON', () => {
  const file = (days: unknown[], year: unknown = 2027) => JSON.stringify({ year, papers: [], days });

  it('reads {year, days: [{name, date, isOffDay}]}', () => {
    const parsed = parseCalendarFile(
      file([
        { name: '元旦', date: '2026-12-31', isOffDay: true },
        { name: '春节', date: '2027-02-06', isOffDay: false },
      ]),
    );
    expect(parsed).toEqual({
      ok: true,
      years: [2027],
      days: [
        { date: '2026-12-31', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'workday', name: '春节' },
      ],
    });
  });

  it('does not publish a year whose file lists none of its days (holiday-cn ships an empty next-year file)', () => {
    const parsed = parseCalendarFile(file([]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ where: 'file' });
    expect(parseCalendarFile(file([{ name: '元旦', date: '2026-12-31', isOffDay: true }])).ok).toBe(false);
  });

  it('lists bad entries by index', () => {
    const parsed = parseCalendarFile(
      file([
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '元旦', date: '2027-13-01', isOffDay: true },
        { name: '元旦', date: '2027-01-02', isOffDay: 'yes' },
        { name: '元旦', date: '2030-01-02', isOffDay: true },
      ]),
    );
    expect(parsed.ok || parsed.problems.map((p) => p.where)).toEqual(['days[1]', 'days[2]', 'days[3]']);
    expect(parseCalendarFile('{"days": [').ok).toBe(false);
    expect(parseCalendarFile('{"year": 2027}').ok).toBe(false);
    const badYear = parseCalendarFile(file([{ name: '元旦', date: '2027-01-01', isOffDay: true }], 'next'));
    expect(badYear.ok || badYear.problems[0].where).toBe('year');
  });
});

describe('chinese-days data', () => {
  it('takes the Chinese name from "English,中文,n"', () => {
    expect(chineseNameOf("New Year's Day,元旦,1")).toBe('元旦');
    expect(chineseNameOf('Mid-autumn Festival,中秋,6')).toBe('中秋');
    expect(chineseNameOf('春节')).toBe('春节');
  });

  it('turns both maps into rows and publishes 2004 to the last year present', () => {
    const rows = chineseDaysRows({
      holidays: { '2005-01-01': "New Year's Day,元旦,1" },
      workdays: { '2004-10-09': 'National Day,国庆节,3' },
      inLieuDays: {},
    });
    expect(rows).toEqual([
      { date: '2004-10-09', kind: 'workday', name: '国庆节' },
      { date: '2005-01-01', kind: 'holiday', name: '元旦' },
    ]);
    expect(chineseDaysYears(rows)).toEqual([2004, 2005]);
  });
});
