// The engine over the live registry: one EnterpriseColumnStore per database, loaded on first use and brought up to date before each evaluation from the registry's change_seq (writes by any process).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { rootDatabase, type Executor } from '../../db/transaction.ts';
import { REGISTRY_CHANGE_LOCK } from '../../db/migrations/2026-11-26T0900_policies.ts';
import { EnterpriseColumnStore } from './engine/column-store.ts';
import { ColumnarEvaluator } from './engine/columnar-evaluator.ts';
import type { EnterpriseFigureRecord, EnterpriseRecord, EnterpriseTagRecord } from './engine/enterprise-record.ts';
import type { RuleCreditRating, RuleSizeClass, RuleTag, RuleTaxpayerType } from '../../../shared/rules/rule-language.ts';

/** Past this many changed enterprises a full reload is cheaper than one query per batch. */
const INCREMENTAL_LIMIT = 5000;
/** Condition bits of this many as-of dates are kept; older ones are dropped (keys include the date's parts). */
const DATES_KEPT = 4;

interface EnterpriseRow {
  id: string;
  status: string;
  division_code: string | null;
  industry_code: string | null;
  size_class: RuleSizeClass | null;
  founded_on: string | null;
  registered_capital_wan: string | null;
  taxpayer_type: RuleTaxpayerType | null;
  credit_rating: RuleCreditRating | null;
}

/** Registry records with their status: the enterprises of `ids`, or all of them. */
export async function loadEnterpriseRecords(db: Executor, ids: readonly string[] | null): Promise<{ record: EnterpriseRecord; active: boolean }[]> {
  const only = ids === null ? sql`TRUE` : sql`id = ANY(${sql.val(ids)}::uuid[])`;
  const onlyChild = ids === null ? sql`TRUE` : sql`enterprise_id = ANY(${sql.val(ids)}::uuid[])`;
  const [enterprises, figures, tags] = await Promise.all([
    sql<EnterpriseRow>`SELECT id, status, division_code, industry_code, size_class, founded_on::text, registered_capital_wan::text, taxpayer_type, credit_rating FROM enterprises WHERE ${only}`.execute(db),
    sql<{ enterprise_id: string; year: number; headcount: number | null; revenue_wan: string | null; assets_wan: string | null; tax_wan: string | null }>`
      SELECT enterprise_id, year, headcount, revenue_wan::text, assets_wan::text, tax_wan::text FROM enterprise_figures WHERE ${onlyChild}`.execute(db),
    sql<{ enterprise_id: string; tag: RuleTag; valid_from: string; valid_until: string | null; revoked_at: string | null }>`
      SELECT enterprise_id, tag, valid_from::text, valid_until::text, revoked_at::text FROM enterprise_tags WHERE ${onlyChild}`.execute(db),
  ]);
  const figuresOf = new Map<string, EnterpriseFigureRecord[]>();
  for (const f of figures.rows) {
    const list = figuresOf.get(f.enterprise_id) ?? [];
    list.push({ year: f.year, headcount: f.headcount, revenueWan: f.revenue_wan, assetsWan: f.assets_wan, taxWan: f.tax_wan });
    figuresOf.set(f.enterprise_id, list);
  }
  const tagsOf = new Map<string, EnterpriseTagRecord[]>();
  for (const t of tags.rows) {
    const list = tagsOf.get(t.enterprise_id) ?? [];
    list.push({ tag: t.tag, validFrom: t.valid_from, validUntil: t.valid_until, revokedAt: t.revoked_at });
    tagsOf.set(t.enterprise_id, list);
  }
  return enterprises.rows.map((e) => ({
    active: e.status === 'active',
    record: {
      id: e.id,
      divisionCode: e.division_code,
      industryCode: e.industry_code,
      sizeClass: e.size_class,
      foundedOn: e.founded_on,
      registeredCapitalWan: e.registered_capital_wan,
      taxpayerType: e.taxpayer_type,
      creditRating: e.credit_rating,
      figures: figuresOf.get(e.id) ?? [],
      tags: tagsOf.get(e.id) ?? [],
    },
  }));
}

const blankRecord = (id: string): EnterpriseRecord => ({
  id, divisionCode: null, industryCode: null, sizeClass: null, foundedOn: null, registeredCapitalWan: null, taxpayerType: null, creditRating: null, figures: [], tags: [],
});

/**
 * The column store of one database and how far it has read the registry's changes. `synced` is a change_seq below
 * which every change is loaded: it only moves while no writer holds the registry's change lock (see the migration),
 * so a transaction that took a lower number and commits late is still read.
 */
export class RegistryEngine {
  store = new EnterpriseColumnStore();
  evaluator = new ColumnarEvaluator(this.store);
  /** Rows of deregistered (or removed) enterprises: kept in the store as blank records, left out of every answer. */
  readonly inactive = new Set<number>();
  synced: string | null = null;
  readonly stats = { fullLoads: 0, incrementalLoads: 0, enterprisesReloaded: 0 };
  private running: Promise<void> | null = null;
  private readonly dates: string[] = [];

  /** Brings the store up to date (one query when nothing changed); concurrent callers share one run. */
  async sync(db: Executor): Promise<void> {
    while (this.running) await this.running;
    this.running = (db.isTransaction ? this.syncIn(db) : db.transaction().execute((trx) => this.syncIn(trx))).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Notes an as-of date about to be evaluated; drops the cached condition bits once too many dates are held. */
  useDate(asOf: string): void {
    if (this.dates.includes(asOf)) return;
    this.dates.push(asOf);
    if (this.dates.length > DATES_KEPT) {
      this.evaluator.clearCache();
      this.dates.splice(0, this.dates.length - 1);
    }
  }

  isActive = (row: number): boolean => !this.inactive.has(row);

  /** Rows of a bitset's row list that are active enterprises. */
  activeRows(rows: Int32Array): Int32Array {
    return this.inactive.size === 0 ? rows : rows.filter(this.isActive);
  }

  get activeCount(): number {
    return this.store.count - this.inactive.size;
  }

  private async syncIn(db: Executor): Promise<void> {
    const locked = (await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${REGISTRY_CHANGE_LOCK}) AS locked`.execute(db)).rows[0].locked;
    let changed: { id: string; seq: string }[] | null = null;
    let highest: string | null = null;
    try {
      if (this.synced !== null) {
        changed = (
          await sql<{ id: string; seq: string }>`
            SELECT enterprise_id AS id, max(seq)::text AS seq FROM (
              SELECT id AS enterprise_id, change_seq AS seq FROM enterprises WHERE change_seq > ${this.synced}::bigint
              UNION ALL SELECT enterprise_id, change_seq FROM enterprise_figures WHERE change_seq > ${this.synced}::bigint
              UNION ALL SELECT enterprise_id, change_seq FROM enterprise_tags WHERE change_seq > ${this.synced}::bigint
            ) c GROUP BY enterprise_id LIMIT ${INCREMENTAL_LIMIT + 1}`.execute(db)
        ).rows;
      }
      if (changed === null || changed.length > INCREMENTAL_LIMIT) {
        changed = null;
        highest = (
          await sql<{ seq: string }>`
            SELECT greatest(0, (SELECT max(change_seq) FROM enterprises), (SELECT max(change_seq) FROM enterprise_figures), (SELECT max(change_seq) FROM enterprise_tags))::text AS seq`.execute(db)
        ).rows[0].seq;
      } else {
        highest = changed.reduce((max, c) => (BigInt(c.seq) > BigInt(max) ? c.seq : max), this.synced!);
      }
    } finally {
      if (locked) await sql`SELECT pg_advisory_unlock(${REGISTRY_CHANGE_LOCK})`.execute(db);
    }
    if (changed === null) {
      await this.loadAll(db);
      this.synced = locked ? highest : (this.synced ?? '0');
    } else {
      if (changed.length > 0) await this.reload(db, changed.map((c) => c.id));
      if (locked) this.synced = highest;
    }
  }

  private async loadAll(db: Executor): Promise<void> {
    const records = await loadEnterpriseRecords(db, null);
    const store = new EnterpriseColumnStore(records.length);
    this.inactive.clear();
    for (const { record, active } of records) {
      const row = store.upsert(active ? record : blankRecord(record.id), false);
      if (!active) this.inactive.add(row);
    }
    this.store = store;
    this.evaluator = new ColumnarEvaluator(store);
    this.dates.length = 0;
    this.stats.fullLoads++;
  }

  private async reload(db: Executor, ids: string[]): Promise<void> {
    const records = await loadEnterpriseRecords(db, ids);
    const found = new Set<string>();
    for (const { record, active } of records) {
      found.add(record.id);
      const row = this.store.upsert(active ? record : blankRecord(record.id));
      if (active) this.inactive.delete(row);
      else this.inactive.add(row);
    }
    for (const id of ids) {
      if (found.has(id) || !this.store.rowOf.has(id)) continue;
      this.inactive.add(this.store.upsert(blankRecord(id)));
    }
    this.stats.incrementalLoads++;
    this.stats.enterprisesReloaded += ids.length;
  }
}

const engines = new WeakMap<Kysely<Database>, RegistryEngine>();

/** The engine of the database behind `db`, up to date with the registry. */
export async function registryEngine(db: Executor): Promise<RegistryEngine> {
  const root = rootDatabase(db);
  let engine = engines.get(root);
  if (!engine) {
    engine = new RegistryEngine();
    engines.set(root, engine);
  }
  await engine.sync(db);
  return engine;
}
