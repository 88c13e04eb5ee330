// Tests of the dashboard's target judgement: met at or above, near within two points, below beyond, none without a rate.
import { describe, expect, it } from 'vitest';
import { rateTargets, targetStatus } from './targets.ts';

describe('targetStatus', () => {
  it('judges a rate against its target in percentage points', () => {
    expect(targetStatus(0.993, 0.993)).toBe('met');
    expect(targetStatus(1, 0.993)).toBe('met');
    expect(targetStatus(0.975, 0.993)).toBe('near');
    expect(targetStatus(0.973, 0.993)).toBe('near');
    expect(targetStatus(0.972, 0.993)).toBe('below');
    expect(targetStatus(0.5, 0.95)).toBe('below');
    expect(targetStatus(null, 0.95)).toBe('none');
  });
  it('has a target for each of the three headline rates, satisfaction at 湖州’s 99.3%', () => {
    expect(Object.keys(rateTargets).sort()).toEqual(['onTimeSignRate', 'resolutionRate', 'satisfactionRate']);
    expect(rateTargets.satisfactionRate).toBe(0.993);
  });
});
