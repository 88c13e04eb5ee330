// Yearly figures (headcount, revenue, assets, tax in 万元): one row per year, never overwritten by another year; the size class follows the latest year with figures.
import { inTransaction, type Executor } from '../../db/transaction.ts';
import type { RequestContext } from '../../http/context.ts';
import { invalid } from '../../http/errors.ts';
import type { Clock } from '../../platform/clock.ts';
import type { PutFiguresBody } from '../../../shared/schemas/enterprises.ts';
import { classifySize } from '../../../shared/enterprise-size.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { shanghaiYearOf } from '../calendar/working-days.ts';

export interface FiguresRow {
  year: number;
  headcount: number | null;
  revenue_wan: string | null;
  assets_wan: string | null;
  tax_wan: string | null;
}

const hasSizeFigures = (r: FiguresRow) => r.headcount !== null || r.revenue_wan !== null || r.assets_wan !== null;

/** The size class from the latest year that has any of headcount, revenue or assets (a comparison only: decimals become numbers here, never summed). */
export function sizeFromFigures(industryCode: string | null, figures: FiguresRow[]) {
  const latest = [...figures].sort((a, b) => b.year - a.year).find(hasSizeFigures);
  if (!latest) return null;
  const result = classifySize({
    industryCode,
    headcount: latest.headcount,
    revenueWan: latest.revenue_wan === null ? null : Number(latest.revenue_wan),
    assetsWan: latest.assets_wan === null ? null : Number(latest.assets_wan),
  });
  return { year: latest.year, ...result };
}

/** Recomputes enterprises.size_class/size_year from the stored figures; call after any change to figures or the industry. */
export async function refreshSizeClass(db: Executor, enterpriseId: string): Promise<{ size: string | null; year: number | null }> {
  const enterprise = await db.selectFrom('enterprises').select(['industry_code']).where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  const figures = await db.selectFrom('enterprise_figures').select(['year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan']).where('enterprise_id', '=', enterpriseId).execute();
  const size = sizeFromFigures(enterprise.industry_code, figures);
  await db.updateTable('enterprises').set({ size_class: size?.size ?? null, size_year: size?.year ?? null }).where('id', '=', enterpriseId).execute();
  return { size: size?.size ?? null, year: size?.year ?? null };
}

export interface FiguresInput {
  headcount?: number | null;
  revenue?: string | null;
  assets?: string | null;
  tax?: string | null;
}

/** Upserts row `year` only; fields left out keep their stored value. Runs inside the caller's transaction; no audit. */
export async function upsertFigures(
  db: Executor,
  enterpriseId: string,
  year: number,
  input: FiguresInput,
  source: 'manual' | 'import' | 'enterprise',
  actorId: string | null,
  at: Date,
): Promise<{ before: FiguresRow | null; after: FiguresRow }> {
  if (year > shanghaiYearOf(at)) throw invalid('year', `不能登记未来年份的数据 / no figures for a future year (${year})`);
  const before = await db
    .selectFrom('enterprise_figures')
    .select(['year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan'])
    .where('enterprise_id', '=', enterpriseId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  const pick = <K extends keyof FiguresRow>(key: K, given: FiguresRow[K] | undefined): FiguresRow[K] | null => (given !== undefined ? given : before ? before[key] : null);
  const values = {
    headcount: pick('headcount', input.headcount),
    revenue_wan: pick('revenue_wan', input.revenue),
    assets_wan: pick('assets_wan', input.assets),
    tax_wan: pick('tax_wan', input.tax),
  };
  const after = await db
    .insertInto('enterprise_figures')
    .values({ enterprise_id: enterpriseId, year, ...values, source, updated_at: at, updated_by: actorId })
    .onConflict((oc) => oc.columns(['enterprise_id', 'year']).doUpdateSet({ ...values, source, updated_at: at, updated_by: actorId }))
    .returning(['year', 'headcount', 'revenue_wan', 'assets_wan', 'tax_wan'])
    .executeTakeFirstOrThrow();
  return { before: before ?? null, after };
}

export async function putFigures(deps: { db: Executor; clock: Clock }, ctx: RequestContext, enterpriseId: string, year: number, body: PutFiguresBody) {
  const at = deps.clock.now();
  if (Object.values(body).every((v) => v === undefined)) throw invalid('headcount', '至少给出一项数据（从业人员、营业收入、资产总额、税收）/ give at least one figure');
  return inTransaction(deps.db, async (trx) => {
    await trx.selectFrom('enterprises').select('id').where('id', '=', enterpriseId).forUpdate().executeTakeFirstOrThrow();
    const { before, after } = await upsertFigures(trx, enterpriseId, year, body, 'manual', ctx.actor?.userId ?? null, at);
    const size = await refreshSizeClass(trx, enterpriseId);
    await trx.updateTable('enterprises').set({ updated_at: at, updated_by: ctx.actor?.userId ?? null }).where('id', '=', enterpriseId).execute();
    await recordAudit(trx, ctx, { action: 'enterprise.figures', entityType: 'enterprise', entityId: enterpriseId, before, after: { ...after, size: size.size, sizeYear: size.year } }, at);
    return after;
  });
}
