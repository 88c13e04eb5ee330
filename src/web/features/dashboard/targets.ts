// The targets the leader dashboard measures the three headline rates against, and how far a rate is from its target.
import { gapToTarget, type RateKey } from '../kpi/rates.ts';

/**
 * Targets of the 三率. Satisfaction takes 湖州's published 99.3% as the benchmark; the timeliness and
 * resolution targets are the product's defaults until the city sets its own (there is no server
 * setting for them yet).
 */
export const rateTargets: Partial<Record<RateKey, number>> = {
  onTimeSignRate: 0.98,
  resolutionRate: 0.95,
  satisfactionRate: 0.993,
};

export type TargetStatus = 'met' | 'near' | 'below' | 'none';

/** Within this many percentage points below target a rate is "near" (amber) rather than "below" (red). */
export const NEAR_POINTS = 2;

export function targetStatus(rate: number | null | undefined, target: number): TargetStatus {
  const gap = gapToTarget(rate, target);
  if (gap === null) return 'none';
  if (gap >= 0) return 'met';
  return gap >= -NEAR_POINTS ? 'near' : 'below';
}

export const statusColors: Record<TargetStatus, string> = { met: '#389e0d', near: '#d48806', below: '#cf1322', none: '#8c8c8c' };
