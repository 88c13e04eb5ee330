// Tests of registry search: pinyin initials (fast path and polyphones), the industry filter's prefixes, and searchEnterprises against a filter computed in JS over 1,300 generated rows (both paths: all matches under the cap, and paging a broad filter in name order).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/database.ts';
import type { SearchEnterprisesQuery } from '../../../shared/schemas/enterprises.ts';
import { COUNT_CAP, industryPrefixes, initialsOf, nameInitials, searchEnterprises } from './enterprise-search.ts';

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

describe('searchEnterprises over generated rows', () => {
  const today = '2026-03-10';
  const rows = 1_300;
  let database: TestDatabase;
  interface Row { id: string; name: string; division: string; industry: string | null; size: string; held: boolean }
  let all: Row[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    // Names from md5 so that name order and id order disagree; every 50th name holds 织里 (every 100th as ABC织里).
    await sql`
      INSERT INTO enterprises (uscc, name, division_code, industry_code, size_class)
      SELECT 'T' || lpad(g::text, 17, '0'),
             CASE WHEN g % 100 = 0 THEN 'ABC织里' || g WHEN g % 50 = 0 THEN '湖州织里' || g ELSE '检索测试' || md5(g::text) END,
             (ARRAY['330502001', '330503100', '110101'])[g % 3 + 1],
             (ARRAY['3812', '3811', '5211', NULL])[g % 4 + 1],
             CASE WHEN g % 10 = 0 THEN 'large' ELSE 'small' END
      FROM generate_series(1, ${rows}) g`.execute(db);
    // 规上 on every 5th: held, expired, not yet valid, revoked, open-ended.
    await sql`
      INSERT INTO enterprise_tags (enterprise_id, tag, valid_from, valid_until, revoked_at)
      SELECT id, 'above_scale',
             CASE WHEN n % 7 = 0 THEN DATE '2027-01-01' ELSE DATE '2025-01-01' END,
             CASE WHEN n % 7 = 0 THEN NULL WHEN n % 15 = 0 THEN DATE '2025-12-31' WHEN n % 2 = 0 THEN NULL ELSE DATE '2026-12-31' END,
             CASE WHEN n % 25 = 0 THEN now() END
      FROM (SELECT id, substr(uscc, 2)::int AS n FROM enterprises WHERE uscc LIKE 'T%') e WHERE n % 5 = 0`.execute(db);
    const found = await sql<Row>`
      SELECT e.id, e.name, e.division_code AS division, e.industry_code AS industry, e.size_class AS size,
             EXISTS (SELECT 1 FROM enterprise_tags t WHERE t.enterprise_id = e.id AND t.tag = 'above_scale' AND t.valid_from <= ${today}
                     AND (t.valid_until IS NULL OR t.valid_until >= ${today}) AND t.revoked_at IS NULL) AS held
      FROM enterprises e`.execute(db);
    all = found.rows;
  });
  afterAll(async () => {
    await database?.close();
  });

  type Filters = Omit<SearchEnterprisesQuery, 'page' | 'pageSize'>;
  const matchesInJs = (f: Filters) => (r: Row) =>
    (!f.divisionCode || (r.division ?? '').startsWith(f.divisionCode)) &&
    (!f.industryCode || (f.industryCode.length === 4 ? r.industry === f.industryCode : (r.industry ?? '').startsWith(f.industryCode))) &&
    (!f.size || r.size === f.size) &&
    (!f.tag || r.held) &&
    (!f.q || r.name.toLowerCase().includes(f.q.toLowerCase()));
  /** The expected order: the ids the JS filter keeps, sorted by the database (its collation decides name order). */
  const expectedOrder = async (f: Filters) => {
    const ids = all.filter(matchesInJs(f)).map((r) => r.id);
    if (ids.length === 0) return [];
    const sorted = await sql<{ id: string }>`SELECT id FROM enterprises WHERE id = ANY(${ids}::uuid[]) ORDER BY name, id`.execute(database.db);
    return sorted.rows.map((r) => r.id);
  };
  const search = (f: Filters, page = 1, pageSize = 20) =>
    searchEnterprises(database.db, { kind: 'all' }, { page, pageSize, ...f } as SearchEnterprisesQuery, today);

  const cases: Filters[] = [
    { size: 'small' }, // 1,170: more than the cap
    { size: 'large' }, // 130
    { divisionCode: '3305' }, // 867
    { divisionCode: '330503' },
    { divisionCode: '33', industryCode: '38' },
    { industryCode: '3812' },
    { industryCode: '52', tag: 'above_scale' },
    { industryCode: '38', tag: 'above_scale' },
    { tag: 'above_scale' },
    { divisionCode: '110101', size: 'large', tag: 'above_scale' },
    { q: '织里' },
    { q: 'c织' },
  ];

  it('gives every match in name order with the exact total under the cap, and pages in name order above it', async () => {
    expect(all.filter(matchesInJs({ size: 'small' })).length).toBeGreaterThan(COUNT_CAP);
    for (const f of cases) {
      const expected = await expectedOrder(f);
      for (const page of [1, 3]) {
        const result = await search(f, page);
        const label = `${JSON.stringify(f)} page ${page}`;
        expect(result.items.map((i) => i.id), label).toEqual(expected.slice((page - 1) * 20, page * 20));
        expect({ total: result.total, totalExact: result.totalExact }, label).toEqual(
          expected.length > COUNT_CAP ? { total: COUNT_CAP, totalExact: false } : { total: expected.length, totalExact: true },
        );
      }
    }
  });

  it('keeps the total when the page is past the last match', async () => {
    const expected = await expectedOrder({ size: 'large' });
    expect(await search({ size: 'large' }, 50)).toEqual({ items: [], total: expected.length, totalExact: true });
    expect(await search({ size: 'small' }, 100)).toEqual({ items: [], total: COUNT_CAP, totalExact: false });
    expect(await search({ industryCode: '13', tag: 'above_scale' })).toEqual({ items: [], total: 0, totalExact: true });
  });

  it('shows the tags held today with each item, and finds two characters in any case', async () => {
    const tagged = await search({ tag: 'above_scale', industryCode: '38' }, 1, 100);
    expect(tagged.items.length).toBeGreaterThan(0);
    expect(tagged.items.every((i) => i.tags.includes('above_scale'))).toBe(true);
    const upper = await search({ q: 'C织' }, 1, 100);
    expect(upper.items.map((i) => i.name)).toEqual((await search({ q: 'c织' }, 1, 100)).items.map((i) => i.name));
    expect(upper.items.length).toBe(all.filter((r) => r.name.startsWith('ABC织里')).length);
  });

  it('shows an enterprise user only its own enterprise', async () => {
    const own = all.find((r) => r.size === 'large')!;
    const result = await searchEnterprises(database.db, { kind: 'enterprise', enterpriseId: own.id }, { page: 1, pageSize: 20, size: 'large' } as SearchEnterprisesQuery, today);
    expect(result).toMatchObject({ total: 1, totalExact: true });
    expect(result.items.map((i) => i.id)).toEqual([own.id]);
  });
});
