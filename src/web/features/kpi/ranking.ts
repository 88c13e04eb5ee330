// How the department ranking (部门比服务) is shown: tables per tier, the weights as percentages, medals, the best and worst few.
import type { DepartmentTier, RankingItem, RankingWeights } from '../../../shared/schemas/index.ts';
import type { RateKey } from './rates.ts';

export interface TierGroup {
  tier: DepartmentTier;
  items: RankingItem[];
}

/** Tiers in the server's order (市直, 区县, 乡镇), each with its departments as ranked. */
export function groupByTier(items: readonly RankingItem[]): TierGroup[] {
  const groups: TierGroup[] = [];
  for (const item of items) {
    const group = groups.find((g) => g.tier === item.tier);
    if (group) group.items.push(item);
    else groups.push({ tier: item.tier, items: [item] });
  }
  return groups;
}

const weightRates: Record<keyof RankingWeights, RateKey> = { onTimeSign: 'onTimeSignRate', resolution: 'resolutionRate', satisfaction: 'satisfactionRate' };

/** The weights as whole percentages beside the rate they apply to, heaviest first (ties keep the server's order). */
export function weightShares(weights: RankingWeights): Array<{ rate: RateKey; percent: number }> {
  const total = Object.values(weights).reduce((sum, w) => sum + w, 0);
  return (Object.keys(weightRates) as Array<keyof RankingWeights>)
    .filter((key) => weights[key] > 0)
    .map((key) => ({ rate: weightRates[key], percent: total > 0 ? Math.round((weights[key] / total) * 1000) / 10 : 0 }))
    .sort((a, b) => b.percent - a.percent);
}

export type Medal = 'gold' | 'silver' | 'bronze';
export const medalOf = (rank: number | null): Medal | null => (rank === 1 ? 'gold' : rank === 2 ? 'silver' : rank === 3 ? 'bronze' : null);

export interface Standing {
  best: RankingItem[];
  worst: RankingItem[];
  /** True when no department has enough appeals to be ranked and the lists go by score alone. */
  provisional: boolean;
}

/**
 * The best and the worst `count` departments across tiers by score. Ranked departments are used
 * when there are any; otherwise every department with a score, flagged as provisional. A department
 * never appears in both lists.
 */
export function bestAndWorst(items: readonly RankingItem[], count: number): Standing {
  const ranked = items.filter((i) => i.rank !== null && i.score !== null);
  const provisional = ranked.length === 0;
  const pool = (provisional ? items.filter((i) => i.score !== null) : ranked).slice().sort((a, b) => b.score! - a.score! || b.total - a.total);
  const best = pool.slice(0, count);
  const worst = pool.slice(Math.max(best.length, pool.length - count)).reverse();
  return { best, worst, provisional };
}
