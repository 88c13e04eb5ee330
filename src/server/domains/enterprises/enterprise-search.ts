// Searching the registry in SQL: name (partial, trigram), former names, credit-code prefix, pinyin initials; division subtree, industry, tag held today, size.
import { sql, type ExpressionBuilder, type Selectable, type SelectQueryBuilder } from 'kysely';
import { pinyin } from 'pinyin-pro';
import type { Database } from '../../db/schema.ts';
import { inTransaction, type Executor } from '../../db/transaction.ts';
import { invalid } from '../../http/errors.ts';
import type { EnterpriseListItem, SearchEnterprisesQuery } from '../../../shared/schemas/enterprises.ts';
import { inEnterpriseScope, type EnterpriseScope } from './enterprise.access.ts';
import { maskPersonName } from './enterprise-view.ts';
import { findDivision } from './reference/divisions.ts';
import { findIndustry, normaliseIndustryCode } from './reference/industries.ts';
import { heldTagsOf, tagHeldOn } from './tags.ts';

/** A character's initial when every reading of it starts with the same letter; null for 长 (c/z), 行 (x/h) … */
const initialOfChar = new Map<string, string | null>();
function charInitial(ch: string): string | null {
  let initial = initialOfChar.get(ch);
  if (initial === undefined) {
    const readings = new Set(pinyin(ch, { pattern: 'first', toneType: 'none', multiple: true, type: 'array' }).map((r) => r.toLowerCase().replace(/[^a-z0-9]/g, '')));
    initial = readings.size === 1 ? [...readings][0]! : null;
    initialOfChar.set(ch, initial);
  }
  return initial;
}

/**
 * Lower-case pinyin initials of a name, letters and digits kept, everything else dropped: 湖州织里童装有限公司 → hzzltzyxgs.
 * Names without a polyphonic character are mapped character by character (≈6 µs); the others go through pinyin-pro's
 * word segmentation (≈40 µs), so 银行 gives yh and 长兴 cx — this matters for a million-row import.
 */
export function initialsOf(name: string): string {
  let out = '';
  for (const ch of name) {
    const initial = charInitial(ch);
    if (initial === null) {
      return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, '');
    }
    out += initial;
  }
  return out;
}

/** What enterprises.name_initials holds: the name's initials, then each former name's, space-separated (prefix search hits the current name). */
export const nameInitials = (name: string, formerNames: readonly string[] = []): string =>
  [name, ...formerNames].map(initialsOf).filter(Boolean).join(' ');

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** GB/T 4754-2017 sections (门类) and the divisions (大类) each spans. */
const sectionDivisions: Record<string, [number, number]> = {
  A: [1, 5], B: [6, 12], C: [13, 43], D: [44, 46], E: [47, 50], F: [51, 52], G: [53, 60], H: [61, 62], I: [63, 65], J: [66, 69],
  K: [70, 70], L: [71, 72], M: [73, 75], N: [76, 79], O: [80, 82], P: [83, 83], Q: [84, 85], R: [86, 90], S: [91, 96], T: [97, 97],
};

/** The industry filter as code prefixes: a class (3011 / C3011) itself, a group or division its prefix, a section letter its divisions. */
export function industryPrefixes(input: string): { exact: string } | { prefixes: string[] } {
  const code = input.trim().toUpperCase();
  const letter = /^[A-T]/.test(code) ? code[0] : null;
  const digits = letter ? code.slice(1) : code;
  if (digits.length === 4) {
    const normal = normaliseIndustryCode(code);
    if (!normal) throw invalid('industryCode', `没有这个行业小类 ${input} / unknown industry class`);
    return { exact: normal };
  }
  if (digits.length === 0) {
    const range = letter ? sectionDivisions[letter] : undefined;
    if (!range) throw invalid('industryCode', `没有这个行业门类 ${input} / unknown industry section`);
    const prefixes: string[] = [];
    for (let d = range[0]; d <= range[1]; d++) prefixes.push(String(d).padStart(2, '0'));
    return { prefixes };
  }
  if (!/^\d{2,3}$/.test(digits)) throw invalid('industryCode', `行业代码格式不正确 ${input} / not an industry code`);
  if (letter) {
    const range = sectionDivisions[letter];
    const division = Number(digits.slice(0, 2));
    if (!range || division < range[0] || division > range[1]) throw invalid('industryCode', `${input}: 大类不属于该门类 / the division is not in that section`);
  }
  return { prefixes: [digits] };
}

/**
 * The q condition, chosen by the shape of q so that every branch can use an index: name and former names contain q
 * (trigrams: three characters or more); a credit-code prefix (code characters); pinyin initials (letters: one or two as a
 * prefix of the current name's initials, three or more anywhere). One or two ASCII characters never scan names (they
 * would defeat the indexes of the other branches); two Chinese characters use the two-character pieces index; a single
 * Chinese character still matches names by scanning.
 */
function matchesText(q: string) {
  return (eb: ExpressionBuilder<Database, 'enterprises'>) => {
    const like = `%${escapeLike(q)}%`;
    const length = [...q].length;
    const ascii = /^[\x20-\x7e]*$/.test(q);
    const conditions = [];
    if (length >= 3) conditions.push(eb('enterprises.name', 'ilike', like), eb(sql`enterprise_names_text(enterprises.former_names)`, 'ilike', like));
    // The index answers the pieces; the strpos beside it is what a plan walking names in order checks first (cheap), so
    // the function is only called on names that already match. Not ILIKE, and `<> 0` rather than `> 0`: the planner
    // multiplies the estimates of the two conditions, which say the same thing, and ILIKE's (3% for 地产: 918 rows
    // instead of 29,800) or `> 0`'s default third made it expect sparse matches; `<> 0` is estimated at 99.5%.
    else if (!ascii && length === 2) {
      const piece = q.toLowerCase();
      conditions.push(eb.and([eb(sql`enterprise_name_bigrams(enterprises.name)`, '@>', sql`ARRAY[${piece}]::text[]`), eb(sql`strpos(lower(enterprises.name), ${piece})`, '<>', 0)]));
    }
    else if (!ascii) conditions.push(eb('enterprises.name', 'ilike', like));
    const upper = q.toUpperCase();
    if (/^[0-9A-Z]{1,18}$/.test(upper)) conditions.push(eb('enterprises.uscc', 'like', `${upper}%`));
    if (/^[a-zA-Z]+$/.test(q)) {
      const lower = q.toLowerCase();
      conditions.push(eb('enterprises.name_initials', 'like', lower.length < 3 ? `${lower}%` : `%${lower}%`));
    }
    if (conditions.length === 0) conditions.push(eb('enterprises.name', 'ilike', like));
    return eb.or(conditions);
  };
}

export function applyEnterpriseFilters<O>(
  qb: SelectQueryBuilder<Database, 'enterprises', O>,
  scope: EnterpriseScope,
  query: Omit<SearchEnterprisesQuery, 'page' | 'pageSize'>,
  today: string,
): SelectQueryBuilder<Database, 'enterprises', O> {
  let q = qb.where(inEnterpriseScope(scope));
  if (query.q) q = q.where(matchesText(query.q));
  if (query.divisionCode) {
    if (![2, 4, 6, 9, 12].includes(query.divisionCode.length)) throw invalid('divisionCode', '区划代码为 2、4、6、9 或 12 位 / a division code has 2, 4, 6, 9 or 12 digits');
    q = q.where('enterprises.division_code', 'like', `${query.divisionCode}%`);
  }
  if (query.industryCode) {
    const industry = industryPrefixes(query.industryCode);
    q = 'exact' in industry
      ? q.where('enterprises.industry_code', '=', industry.exact)
      : q.where((eb) => eb.or(industry.prefixes.map((p) => eb('enterprises.industry_code', 'like', `${p}%`))));
  }
  if (query.size) q = q.where('enterprises.size_class', '=', query.size);
  if (query.status) q = q.where('enterprises.status', '=', query.status);
  if (query.tag) {
    const tag = query.tag;
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('enterprise_tags').select(sql`1`.as('one')).whereRef('enterprise_tags.enterprise_id', '=', 'enterprises.id').where('enterprise_tags.tag', '=', tag).where(tagHeldOn(today)),
      ),
    );
  }
  return q;
}

/** Counting stops here: beyond it the total is reported as at least this many (`totalExact: false`), so a broad search stays fast at a million rows. */
export const COUNT_CAP = 1_000;

const listColumns = [
  'enterprises.id', 'enterprises.uscc', 'enterprises.name', 'enterprises.division_code', 'enterprises.industry_code', 'enterprises.legal_representative',
  'enterprises.founded_on', 'enterprises.size_class', 'enterprises.size_year', 'enterprises.status',
] as const;

type ListRow = Pick<Selectable<Database['enterprises']>, 'id' | 'uscc' | 'name' | 'division_code' | 'industry_code' | 'legal_representative' | 'founded_on' | 'size_class' | 'size_year' | 'status'>;

/**
 * The matches are found first, without any order (the filter's own index, or a scan that stops at the cap), so that no
 * plan walks the name index hoping to meet a page of sparse matches early. One statement counts them up to the cap and,
 * when they are all there, sorts the page from them (primary-key lookups of at most COUNT_CAP rows). Only a broad filter
 * (more than the cap) is paged in name order over the table: the ids of the page come from an index-only walk of
 * `(name, id) INCLUDE (division_code, industry_code, size_class, status)` (migration 2026-11-26T1000), which checks those
 * filters on the index entries, and only the page's rows are read from the table.
 */
export async function searchEnterprises(
  db: Executor,
  scope: EnterpriseScope,
  query: SearchEnterprisesQuery,
  today: string,
): Promise<{ items: EnterpriseListItem[]; total: number; totalExact: boolean }> {
  if (scope.kind === 'none') return { items: [], total: 0, totalExact: true };
  // A page of 20 never gains from parallel workers: on this 2-core machine starting them cost 60–230 ms under load, and
  // the planner chose them for name walks it expected to be long (SET LOCAL: this transaction only; a caller's own
  // transaction is left as it is).
  if (!db.isTransaction) return inTransaction(db, async (trx) => {
    await sql`SET LOCAL max_parallel_workers_per_gather = 0`.execute(trx);
    return searchEnterprises(trx, scope, query, today);
  });
  const base = applyEnterpriseFilters(db.selectFrom('enterprises'), scope, query, today);
  const offset = (query.page - 1) * query.pageSize;
  const first = await db
    .with((cte) => cte('matches').materialized(), () => base.select('enterprises.id').limit(COUNT_CAP + 1))
    .with('counted', (qc) => qc.selectFrom('matches').select(sql<number>`count(*)::int`.as('total')))
    .selectFrom('counted')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('matches')
          .innerJoin('enterprises', 'enterprises.id', 'matches.id')
          .select(listColumns)
          .where(sql<boolean>`counted.total <= ${COUNT_CAP}`)
          .orderBy('enterprises.name')
          .orderBy('enterprises.id')
          .limit(query.pageSize)
          .offset(offset)
          .as('page'),
      (join) => join.onTrue(),
    )
    .select('counted.total')
    .selectAll('page')
    .execute();
  const total = first[0]?.total ?? 0;
  const exact = total <= COUNT_CAP;
  const rows: ListRow[] = exact
    ? (first.filter((r) => r.id !== null) as ListRow[])
    : await db
        .selectFrom('enterprises')
        .innerJoin(
          base.select(['enterprises.id as page_id', 'enterprises.name as page_name']).orderBy('enterprises.name').orderBy('enterprises.id').limit(query.pageSize).offset(offset).as('page'),
          'page.page_id',
          'enterprises.id',
        )
        .select(listColumns)
        .orderBy('page.page_name')
        .orderBy('page.page_id')
        .execute();
  const tags = await heldTagsOf(db, rows.map((r) => r.id), today);
  const items = rows.map((r) => ({
    id: r.id,
    uscc: r.uscc,
    name: r.name,
    divisionCode: r.division_code,
    divisionName: r.division_code ? (findDivision(r.division_code)?.fullName ?? null) : null,
    industryCode: r.industry_code,
    industryName: r.industry_code ? (findIndustry(r.industry_code)?.name ?? null) : null,
    legalRepresentative: maskPersonName(r.legal_representative),
    foundedOn: r.founded_on,
    size: r.size_class,
    sizeYear: r.size_year,
    status: r.status,
    tags: tags.get(r.id) ?? [],
  }));
  return { items, total: exact ? total : COUNT_CAP, totalExact: exact };
}
