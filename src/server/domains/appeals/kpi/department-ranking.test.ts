// 部门比服务: the composite score from exact rates, ranks within tiers, shared ranks on ties, small departments listed but not ranked, the weights and their version.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts';
import { fixedClock } from '../../../platform/clock.ts';
import { compositeScore, weightsFor } from './department-ranking.ts';
import { clock, insertAppeal } from './test-appeals.ts';

const now = fixedClock('2024-08-01T10:00:00+08:00');
let t: TestApp;
let units: Record<string, string>;

/** An appeal signed (on time or late), replied with a resolution, followed up with a rating. */
async function appeal(department: string, day: number, o: { lateSign?: boolean; resolved?: boolean; rating?: number | null }) {
  const d = `2024-06-${String(day).padStart(2, '0')}`;
  await insertAppeal(t.deps.db, units.huzhou!, {
    lead_department_id: units[department]!,
    submitted_at: `${d}T09:00:00+08:00`,
    status: 'replied',
    ...clock('sign', `${d}T10:00:00+08:00`, `${d}T23:59:59.999+08:00`, o.lateSign ? '2024-06-28T10:00:00+08:00' : `${d}T11:00:00+08:00`),
    ...clock('reply', `${d}T10:00:00+08:00`, '2024-07-20T23:59:59.999+08:00', '2024-07-01T10:00:00+08:00'),
    replied_at: '2024-07-01T10:00:00+08:00',
    resolution: o.resolved === false ? 'unresolved' : 'resolved',
    rating: o.rating === undefined ? 5 : o.rating,
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock: now });
  units = Object.fromEntries((await t.deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  for (let i = 1; i <= 5; i++) await appeal('zjj', i, {}); // perfect: score 1
  for (let i = 1; i <= 5; i++) await appeal('fgw', i, {}); // also perfect: shares rank 1
  // 市场监管局: 4 of 5 signed on time, 3 of 5 resolved, ratings 5,5,2,1 and one unrated (2 of 4 satisfied).
  for (const [i, o] of ([{}, {}, { lateSign: true, resolved: false, rating: 2 }, { resolved: false, rating: 1 }, { rating: null }] as const).entries()) await appeal('scjgj', i + 1, o);
  for (let i = 1; i <= 4; i++) await appeal('swj', i, { resolved: false }); // 4 appeals: listed, not ranked
  for (let i = 1; i <= 6; i++) await appeal('wuxing-zjj', i, { rating: i === 1 ? 2 : 4 }); // the district tier's only department
});

describe('department ranking', () => {
  it('computes Σ wᵢ·rateᵢ over the rates that exist', () => {
    const { weights } = weightsFor('2024-06-30');
    expect(weights).toEqual({ onTimeSign: 0.3, resolution: 0.35, satisfaction: 0.35 });
    expect(compositeScore({ onTimeSignRate: 0.8, resolutionRate: 0.6, satisfactionRate: 0.5 }, weights)).toBeCloseTo(0.3 * 0.8 + 0.35 * 0.6 + 0.35 * 0.5, 6);
    expect(compositeScore({ onTimeSignRate: 1, resolutionRate: null, satisfactionRate: null }, weights)).toBe(1);
    expect(compositeScore({ onTimeSignRate: null, resolutionRate: null, satisfactionRate: null }, weights)).toBeNull();
  });

  it('ranks within each tier, ties share a rank, small departments are listed unranked', async () => {
    const response = await t.call('GET', '/api/v1/kpis/appeals/ranking?from=2024-06-01&to=2024-06-30', { cookie: await t.login('leader') });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ from: '2024-06-01', to: '2024-06-30', weightsVersion: '2026.1-30/35/35', weights: { onTimeSign: 0.3, resolution: 0.35, satisfaction: 0.35 }, minAppeals: 5 });
    const rows = body.items.map((i: { departmentId: string; tier: string; rank: number | null; score: number | null; total: number }) => [i.departmentId, i.tier, i.rank, i.score, i.total]);
    const market = 0.3 * (4 / 5) + 0.35 * (3 / 5) + 0.35 * (2 / 4);
    expect(rows).toEqual([
      [expect.any(String), 'city', 1, 1, 5],
      [expect.any(String), 'city', 1, 1, 5],
      [units.scjgj, 'city', 3, expect.closeTo(market, 6), 5],
      [units.swj, 'city', null, expect.closeTo(0.3 + 0.35 * 0 + 0.35, 6), 4],
      [units['wuxing-zjj'], 'district', 1, expect.closeTo(0.3 + 0.35 + 0.35 * (5 / 6), 6), 6],
    ]);
    expect(new Set(rows.slice(0, 2).map((r: unknown[]) => r[0]))).toEqual(new Set([units.zjj, units.fgw]));
    expect(body.items[4].tierLabel).toBe('区县部门');
  });
});
