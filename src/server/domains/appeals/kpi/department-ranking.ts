// 部门比服务: departments ranked within their tier by a composite score Σ wᵢ·rateᵢ under a versioned set of weights.
import type { Executor } from '../../../db/transaction.ts';
import type { DepartmentTier, KpiRanking, RankingItem, RankingWeights } from '../../../../shared/schemas/ledger.ts';
import type { AppealScope } from '../appeal.access.ts';
import { computeAppealKpis, kpiPeriod, UNASSIGNED } from './appeal-kpis.ts';

/** Weight sets in force from a date; a score is always reported with the version that produced it (PRODUCT.md: weights change over time). */
export const weightSets: ReadonlyArray<{ version: string; since: string; weights: RankingWeights }> = [
  { version: '2026.1-30/35/35', since: '1900-01-01', weights: { onTimeSign: 0.3, resolution: 0.35, satisfaction: 0.35 } },
];

/** Departments with fewer appeals in the period are listed but not ranked: a rate over a handful of cases says little. */
export const MIN_APPEALS_TO_RANK = 5;

const tierLabels: Record<DepartmentTier, string> = { city: '市直部门', district: '区县部门', township: '乡镇（街道）部门' };
const tierOrder: DepartmentTier[] = ['city', 'district', 'township'];

export function weightsFor(date: string): { version: string; weights: RankingWeights } {
  const set = [...weightSets].reverse().find((s) => s.since <= date) ?? weightSets[0]!;
  return { version: set.version, weights: set.weights };
}

/** The weighted mean of the rates that exist; null when none does (nothing signed, replied or rated yet). */
export function compositeScore(row: Pick<RankingItem, 'onTimeSignRate' | 'resolutionRate' | 'satisfactionRate'>, weights: RankingWeights): number | null {
  const parts: Array<[number, number | null]> = [
    [weights.onTimeSign, row.onTimeSignRate],
    [weights.resolution, row.resolutionRate],
    [weights.satisfaction, row.satisfactionRate],
  ];
  let sum = 0;
  let used = 0;
  for (const [w, r] of parts) {
    if (r === null || w === 0) continue;
    sum += w * r;
    used += w;
  }
  return used === 0 ? null : Math.round((sum / used) * 1e6) / 1e6;
}

/** Ranks 1, 1, 3 … for equal scores, best first. */
function assignRanks(items: RankingItem[]): void {
  const ranked = items.filter((i) => i.total >= MIN_APPEALS_TO_RANK && i.score !== null).sort((a, b) => b.score! - a.score!);
  ranked.forEach((item, index) => {
    const previous = ranked[index - 1];
    item.rank = previous && previous.score === item.score ? previous.rank : index + 1;
  });
}

async function tiersOf(db: Executor, departmentIds: string[]): Promise<Map<string, DepartmentTier>> {
  if (departmentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('org_units as d')
    .leftJoin('org_units as p', 'p.id', 'd.parent_id')
    .select(['d.id', 'p.kind as parent_kind'])
    .where('d.id', 'in', departmentIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.parent_kind === 'district' ? 'district' : r.parent_kind === 'township' || r.parent_kind === 'village' ? 'township' : 'city']));
}

export async function rankDepartments(db: Executor, scope: AppealScope, query: { from?: string; to?: string }, now: Date): Promise<KpiRanking> {
  const period = kpiPeriod(query, now);
  const { version, weights } = weightsFor(period.to);
  const rows = (await computeAppealKpis(db, scope, { ...period, groupBy: 'department' }, now)).filter((r) => r.key !== UNASSIGNED);
  const tiers = await tiersOf(db, rows.map((r) => r.key));
  const items: RankingItem[] = rows.map((row) => {
    const tier = tiers.get(row.key) ?? 'city';
    return { ...row, departmentId: row.key, tier, tierLabel: tierLabels[tier], score: compositeScore(row, weights), rank: null };
  });
  for (const tier of tierOrder) assignRanks(items.filter((i) => i.tier === tier));
  items.sort((a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier) || (a.rank ?? Infinity) - (b.rank ?? Infinity) || b.total - a.total || a.label.localeCompare(b.label, 'zh-CN'));
  return { ...period, weightsVersion: version, weights, minAppeals: MIN_APPEALS_TO_RANK, items };
}
