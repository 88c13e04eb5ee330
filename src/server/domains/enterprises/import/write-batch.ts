// The fast path of an import: a batch of checked rows COPYed into a temporary staging table, then one INSERT … ON CONFLICT each for enterprises, the year's figures and tags.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../../db/transaction.ts';
import { classifySize } from '../../../../shared/enterprise-size.ts';
import { nameInitials } from '../enterprise-search.ts';
import { refreshSizeClass } from '../figures.ts';
import { copyInto, CopyBuffer } from './copy-into.ts';
import type { CheckedRow } from './import-row.ts';

export const STAGE_TABLE = 'enterprise_import_stage';

const stageColumns = [
  'enterprise_id', 'is_new', 'uscc', 'name', 'former_names', 'name_initials', 'division_code', 'industry_code', 'founded_on',
  'legal_representative', 'registered_address', 'registered_capital_wan', 'taxpayer_type', 'credit_rating',
  'contact_name', 'contact_phone', 'contact_email', 'size_class', 'size_year',
  'has_figures', 'year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan', 'tags',
] as const;

/** A session temp table (dropped with the connection); `onCommitDrop` for a single-transaction import. */
export async function createStage(db: Executor, onCommitDrop: boolean): Promise<void> {
  await sql
    .raw(
      `CREATE TEMP TABLE IF NOT EXISTS ${STAGE_TABLE} (
        enterprise_id uuid NOT NULL, is_new boolean NOT NULL, uscc char(18) NOT NULL, name text NOT NULL, former_names text[] NOT NULL,
        name_initials text, division_code text, industry_code text, founded_on date, legal_representative text, registered_address text,
        registered_capital_wan numeric(20,6), taxpayer_type text, credit_rating text, contact_name text, contact_phone text, contact_email text,
        size_class text, size_year smallint, has_figures boolean NOT NULL, year smallint NOT NULL, headcount integer,
        revenue_wan numeric(20,6), assets_wan numeric(20,6), tax_wan numeric(20,6), tags text[] NOT NULL
      )${onCommitDrop ? ' ON COMMIT DROP' : ''}`,
    )
    .execute(db);
}

export const dropStage = (db: Executor) => sql.raw(`DROP TABLE IF EXISTS ${STAGE_TABLE}`).execute(db);

/**
 * Bulk settings for the import's connection (`local`: this transaction only). New trigram entries wait in the GIN
 * indexes' pending lists, merged in large sorted runs rather than row by row; `finishIndexes` merges what is left,
 * so that searches do not scan a long pending list afterwards.
 */
export async function bulkSettings(db: Executor, local: boolean): Promise<void> {
  const scope = local ? 'LOCAL ' : '';
  await sql.raw(`SET ${scope}gin_pending_list_limit = '32MB'; SET ${scope}work_mem = '64MB'`).execute(db);
}

export const resetBulkSettings = (db: Executor) => sql.raw('RESET gin_pending_list_limit; RESET work_mem').execute(db);

/** Past this many rows written, the planner's statistics are refreshed at the end: a bulk load otherwise leaves them describing the old table until autovacuum comes by. */
export const ANALYZE_AFTER_ROWS = 10_000;

export async function finishIndexes(db: Executor, written: number): Promise<void> {
  if (written >= ANALYZE_AFTER_ROWS) await sql`ANALYZE enterprises, enterprise_figures, enterprise_tags`.execute(db);
  await sql`
    SELECT gin_clean_pending_list(c.oid)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
    WHERE i.indrelid = 'enterprises'::regclass AND am.amname = 'gin'`.execute(db);
}

interface Existing {
  i: number;
  id: string;
  name: string;
  former_names: string[];
  name_initials: string | null;
  industry_code: string | null;
  size_class: string | null;
  size_year: number | null;
  headcount: number | null;
  revenue_wan: string | null;
  assets_wan: string | null;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BatchContext {
  at: Date;
  today: string;
  actorId: string | null;
}

const sizeOf = (industryCode: string | null, headcount: number | null, revenue: string | null, assets: string | null) =>
  classifySize({ industryCode, headcount, revenueWan: revenue === null ? null : Number(revenue), assetsWan: assets === null ? null : Number(assets) }).size;

/**
 * Writes one batch inside the caller's transaction. Existing rows are read (and locked, in id order) first, so that the
 * final name history, pinyin initials and size class are computed here and written by one statement per table; rows whose
 * stored values would not change are left untouched (no new row versions on a re-import).
 */
const timing = process.env.QINQING_IMPORT_TIMING === '1';
const phaseMs: Record<string, number> = {};
let phaseAt = 0;
const phase = (name: string) => {
  if (!timing) return;
  const now = performance.now();
  if (name !== 'start') phaseMs[name] = (phaseMs[name] ?? 0) + now - phaseAt;
  phaseAt = now;
};
if (timing) process.on('exit', () => console.error('import phases (ms):', JSON.stringify(Object.fromEntries(Object.entries(phaseMs).map(([k, v]) => [k, Math.round(v)])))));

export async function writeBatch(trx: Executor, rows: readonly CheckedRow[], context: BatchContext): Promise<BatchOutcome> {
  phase('start');
  // Index lookups by code, then by (id, year): written as = ANY(array) so that the plan stays index scans however large the table.
  const { rows: found } = await sql<Omit<Existing, 'i' | 'headcount' | 'revenue_wan' | 'assets_wan'> & { uscc: string }>`
    SELECT e.id, e.uscc, e.name, e.former_names, e.name_initials, e.industry_code, e.size_class, e.size_year
    FROM enterprises e
    WHERE e.uscc = ANY(${sql.val(rows.map((r) => r.uscc))}::bpchar[])
    ORDER BY e.id
    FOR UPDATE`.execute(trx);
  const years = [...new Set(rows.map((r) => r.year))];
  const stored = found.length
    ? (await sql<{ enterprise_id: string; year: number; headcount: number | null; revenue_wan: string | null; assets_wan: string | null }>`
        SELECT enterprise_id, year, headcount, revenue_wan, assets_wan FROM enterprise_figures
        WHERE enterprise_id = ANY(${sql.val(found.map((e) => e.id))}::uuid[]) AND year = ANY(${sql.val(years)}::int[])`.execute(trx)).rows
    : [];
  const figuresOf = new Map(stored.map((f) => [`${f.enterprise_id}/${f.year}`, f]));
  const byCode = new Map(found.map((e) => [e.uscc, e]));
  phase('prefetch');
  const existing = new Map<number, Existing>();
  rows.forEach((r, i) => {
    const e = byCode.get(r.uscc);
    if (!e) return;
    const f = figuresOf.get(`${e.id}/${r.year}`);
    existing.set(i, { ...e, i, headcount: f?.headcount ?? null, revenue_wan: f?.revenue_wan ?? null, assets_wan: f?.assets_wan ?? null });
  });

  const copy = new CopyBuffer();
  const refreshAfter: string[] = [];
  const newIds = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const e = existing.get(i);
    const name = r.name!;
    let formerNames: string[];
    let initials: string | null;
    let sizeClass: string | null;
    let sizeYear: number | null;
    const hasFigures = r.headcount !== null || r.revenue !== null || r.assets !== null || r.tax !== null;
    const id = e?.id ?? randomUUID();
    if (!e) {
      newIds.add(id);
      formerNames = r.formerNames ?? [];
      initials = nameInitials(name, formerNames);
      const size = r.headcount !== null || r.revenue !== null || r.assets !== null ? sizeOf(r.industryCode, r.headcount, r.revenue, r.assets) : null;
      sizeClass = size;
      sizeYear = size ? r.year : null;
    } else {
      const renamed = name !== e.name;
      const merged = new Set(e.former_names);
      for (const n of r.formerNames ?? []) merged.add(n);
      if (renamed) {
        merged.delete(e.name);
        merged.add(e.name);
      }
      merged.delete(name);
      formerNames = [...merged];
      const namesChanged = renamed || formerNames.length !== e.former_names.length || formerNames.some((n, k) => n !== e.former_names[k]);
      initials = namesChanged ? nameInitials(name, formerNames) : e.name_initials;
      const industry = r.industryCode ?? e.industry_code;
      sizeClass = e.size_class;
      sizeYear = e.size_year;
      const headcount = r.headcount ?? e.headcount;
      const revenue = r.revenue ?? e.revenue_wan;
      const assets = r.assets ?? e.assets_wan;
      const hasSizeFigures = headcount !== null || revenue !== null || assets !== null;
      if (hasSizeFigures && (e.size_year === null || r.year >= e.size_year)) {
        sizeClass = sizeOf(industry, headcount, revenue, assets);
        sizeYear = r.year;
      } else if (industry !== e.industry_code) {
        // The size of a later year was decided under the old industry's thresholds: recomputed once the batch is written.
        refreshAfter.push(id);
      }
    }
    copy.add([
      id, !e, r.uscc, name, formerNames, initials, r.divisionCode ?? (e ? null : r.divisionFromCode), r.industryCode, r.foundedOn,
      r.legalRepresentative, r.registeredAddress, r.registeredCapital, r.taxpayerType, r.creditRating,
      r.contactName, r.contactPhone, r.contactEmail, sizeClass, sizeYear,
      hasFigures, r.year, r.headcount, r.revenue, r.assets, r.tax, r.tags,
    ]);
  }

  phase('compute');
  await sql.raw(`TRUNCATE ${STAGE_TABLE}`).execute(trx);
  await copyInto(trx, STAGE_TABLE, stageColumns, copy.data());
  phase('copy');

  const { at, actorId, today } = context;
  const { rows: written } = await sql<{ id: string; inserted: boolean }>`
    INSERT INTO enterprises AS e (id, uscc, name, former_names, name_initials, division_code, industry_code, founded_on,
      legal_representative, registered_address, registered_capital_wan, taxpayer_type, credit_rating,
      contact_name, contact_phone, contact_email, size_class, size_year, created_at, updated_at, updated_by)
    SELECT s.enterprise_id, s.uscc, s.name, s.former_names, s.name_initials, s.division_code, s.industry_code, s.founded_on,
      s.legal_representative, s.registered_address, s.registered_capital_wan, s.taxpayer_type, s.credit_rating,
      s.contact_name, s.contact_phone, s.contact_email, s.size_class, s.size_year, ${at}, ${at}, ${actorId}
    FROM ${sql.table(STAGE_TABLE)} s
    ON CONFLICT (uscc) DO UPDATE SET
      name = EXCLUDED.name,
      former_names = EXCLUDED.former_names,
      name_initials = EXCLUDED.name_initials,
      division_code = COALESCE(EXCLUDED.division_code, e.division_code),
      industry_code = COALESCE(EXCLUDED.industry_code, e.industry_code),
      founded_on = COALESCE(EXCLUDED.founded_on, e.founded_on),
      legal_representative = COALESCE(EXCLUDED.legal_representative, e.legal_representative),
      registered_address = COALESCE(EXCLUDED.registered_address, e.registered_address),
      registered_capital_wan = COALESCE(EXCLUDED.registered_capital_wan, e.registered_capital_wan),
      taxpayer_type = COALESCE(EXCLUDED.taxpayer_type, e.taxpayer_type),
      credit_rating = COALESCE(EXCLUDED.credit_rating, e.credit_rating),
      contact_name = COALESCE(EXCLUDED.contact_name, e.contact_name),
      contact_phone = COALESCE(EXCLUDED.contact_phone, e.contact_phone),
      contact_email = COALESCE(EXCLUDED.contact_email, e.contact_email),
      size_class = EXCLUDED.size_class,
      size_year = EXCLUDED.size_year,
      updated_at = EXCLUDED.updated_at,
      updated_by = EXCLUDED.updated_by
    WHERE (e.name, e.former_names, e.name_initials, e.division_code, e.industry_code, e.founded_on, e.legal_representative,
           e.registered_address, e.registered_capital_wan, e.taxpayer_type, e.credit_rating, e.contact_name, e.contact_phone,
           e.contact_email, e.size_class, e.size_year)
      IS DISTINCT FROM
          (EXCLUDED.name, EXCLUDED.former_names, EXCLUDED.name_initials, COALESCE(EXCLUDED.division_code, e.division_code),
           COALESCE(EXCLUDED.industry_code, e.industry_code), COALESCE(EXCLUDED.founded_on, e.founded_on),
           COALESCE(EXCLUDED.legal_representative, e.legal_representative), COALESCE(EXCLUDED.registered_address, e.registered_address),
           COALESCE(EXCLUDED.registered_capital_wan, e.registered_capital_wan), COALESCE(EXCLUDED.taxpayer_type, e.taxpayer_type),
           COALESCE(EXCLUDED.credit_rating, e.credit_rating), COALESCE(EXCLUDED.contact_name, e.contact_name),
           COALESCE(EXCLUDED.contact_phone, e.contact_phone), COALESCE(EXCLUDED.contact_email, e.contact_email),
           EXCLUDED.size_class, EXCLUDED.size_year)
    RETURNING e.id, (e.xmax = 0) AS inserted`.execute(trx);

  phase('enterprises');
  // A code registered by someone else between the read above and the insert took the conflict path under its own id.
  const lost = written.filter((w) => !w.inserted && newIds.has(w.id));
  const missingNew = written.filter((w) => w.inserted).length !== newIds.size || lost.length > 0;
  if (missingNew) {
    await sql`UPDATE ${sql.table(STAGE_TABLE)} s SET enterprise_id = e.id FROM enterprises e WHERE s.is_new AND e.uscc = s.uscc AND e.id <> s.enterprise_id`.execute(trx);
  }

  const { rows: figures } = await sql<{ enterprise_id: string }>`
    INSERT INTO enterprise_figures AS f (enterprise_id, year, headcount, revenue_wan, assets_wan, tax_wan, source, updated_at, updated_by)
    SELECT s.enterprise_id, s.year, s.headcount, s.revenue_wan, s.assets_wan, s.tax_wan, 'import', ${at}, ${actorId}
    FROM ${sql.table(STAGE_TABLE)} s
    WHERE s.has_figures
    ON CONFLICT (enterprise_id, year) DO UPDATE SET
      headcount = COALESCE(EXCLUDED.headcount, f.headcount),
      revenue_wan = COALESCE(EXCLUDED.revenue_wan, f.revenue_wan),
      assets_wan = COALESCE(EXCLUDED.assets_wan, f.assets_wan),
      tax_wan = COALESCE(EXCLUDED.tax_wan, f.tax_wan),
      source = 'import', updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
    WHERE (f.headcount, f.revenue_wan, f.assets_wan, f.tax_wan) IS DISTINCT FROM
          (COALESCE(EXCLUDED.headcount, f.headcount), COALESCE(EXCLUDED.revenue_wan, f.revenue_wan),
           COALESCE(EXCLUDED.assets_wan, f.assets_wan), COALESCE(EXCLUDED.tax_wan, f.tax_wan))
    RETURNING f.enterprise_id`.execute(trx);

  phase('figures');
  const { rows: tags } = await sql<{ enterprise_id: string }>`
    INSERT INTO enterprise_tags (enterprise_id, tag, valid_from, set_by, set_at, note)
    SELECT DISTINCT s.enterprise_id, t.tag, ${today}::date, ${actorId}::uuid, ${at}::timestamptz, '导入 / import'
    FROM ${sql.table(STAGE_TABLE)} s CROSS JOIN LATERAL unnest(s.tags) AS t(tag)
    WHERE cardinality(s.tags) > 0
      AND (s.is_new OR NOT EXISTS (
        SELECT 1 FROM enterprise_tags x
        WHERE x.enterprise_id = s.enterprise_id AND x.tag = t.tag AND x.revoked_at IS NULL
          AND x.valid_from <= ${today}::date AND (x.valid_until IS NULL OR x.valid_until >= ${today}::date)))
    RETURNING enterprise_id`.execute(trx);

  phase('tags');
  for (const id of refreshAfter) await refreshSizeClass(trx, id);

  const created = written.filter((w) => w.inserted).length;
  const changed = new Set<string>();
  for (const w of written) if (!w.inserted) changed.add(w.id);
  for (const f of figures) changed.add(f.enterprise_id);
  for (const t of tags) changed.add(t.enterprise_id);
  for (const w of written) if (w.inserted) changed.delete(w.id);
  return { created, updated: changed.size, unchanged: rows.length - created - changed.size };
}
