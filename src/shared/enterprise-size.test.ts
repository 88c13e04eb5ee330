// Size classification against every row of the 2017 official table at its boundaries, the industry-to-row mapping, missing figures, and the csv transcription when present.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifySize, sizeClassOf, sizeRowForIndustry, type SizeClass } from './enterprise-size.ts';
import { SIZE_TABLE } from './enterprise-size-table.ts';

type Ind = 'headcount' | 'revenue' | 'assets';
// The test's own reading of 附表 (X 从业人员 人, Y 营业收入 万元, Z 资产总额 万元; lower bounds of 大型, 中型, 小型),
// each row with a real GB/T 4754-2017 class that falls in it.
const OFFICIAL: { zh: string; sample: string; bounds: Partial<Record<Ind, [number, number, number]>> }[] = [
  { zh: '农、林、牧、渔业', sample: '0111', bounds: { revenue: [20000, 500, 50] } },
  { zh: '工业', sample: '3011', bounds: { headcount: [1000, 300, 20], revenue: [40000, 2000, 300] } },
  { zh: '建筑业', sample: '4710', bounds: { revenue: [80000, 6000, 300], assets: [80000, 5000, 300] } },
  { zh: '批发业', sample: '5111', bounds: { headcount: [200, 20, 5], revenue: [40000, 5000, 1000] } },
  { zh: '零售业', sample: '5211', bounds: { headcount: [300, 50, 10], revenue: [20000, 500, 100] } },
  { zh: '交通运输业', sample: '5431', bounds: { headcount: [1000, 300, 20], revenue: [30000, 3000, 200] } },
  { zh: '仓储业', sample: '5920', bounds: { headcount: [200, 100, 20], revenue: [30000, 1000, 100] } },
  { zh: '邮政业', sample: '6010', bounds: { headcount: [1000, 300, 20], revenue: [30000, 2000, 100] } },
  { zh: '住宿业', sample: '6110', bounds: { headcount: [300, 100, 10], revenue: [10000, 2000, 100] } },
  { zh: '餐饮业', sample: '6210', bounds: { headcount: [300, 100, 10], revenue: [10000, 2000, 100] } },
  { zh: '信息传输业', sample: '6311', bounds: { headcount: [2000, 100, 10], revenue: [100000, 1000, 100] } },
  { zh: '软件和信息技术服务业', sample: '6513', bounds: { headcount: [300, 100, 10], revenue: [10000, 1000, 50] } },
  { zh: '房地产开发经营', sample: '7010', bounds: { revenue: [200000, 1000, 100], assets: [10000, 5000, 2000] } },
  { zh: '物业管理', sample: '7020', bounds: { headcount: [1000, 300, 100], revenue: [5000, 1000, 500] } },
  { zh: '租赁和商务服务业', sample: '7211', bounds: { headcount: [300, 100, 10], assets: [120000, 8000, 100] } },
  { zh: '其他未列明行业', sample: '7310', bounds: { headcount: [300, 100, 10] } },
];

const CLASSES: SizeClass[] = ['large', 'medium', 'small', 'micro'];
const below = (c: SizeClass): SizeClass => CLASSES[CLASSES.indexOf(c) + 1];
const STEP: Record<Ind, number> = { headcount: 1, revenue: 0.01, assets: 0.01 };
const figures = (sample: string, values: Partial<Record<Ind, number>>) => ({
  industryCode: sample,
  headcount: values.headcount ?? null,
  revenueWan: values.revenue ?? null,
  assetsWan: values.assets ?? null,
});

describe('size table transcription', () => {
  it('has the sixteen rows of the official table with the test’s reading of their bounds', () => {
    expect(SIZE_TABLE.map((r) => r.name.zh)).toEqual(OFFICIAL.map((r) => r.zh));
    for (const [i, row] of SIZE_TABLE.entries()) {
      const bounds = Object.fromEntries(row.thresholds.map((t) => [t.indicator, [t.large, t.medium, t.small]]));
      expect(bounds, row.name.zh).toEqual(OFFICIAL[i].bounds);
      for (const t of row.thresholds) expect(t.large > t.medium && t.medium > t.small && t.small > 0, row.name.zh).toBe(true);
    }
  });

  const csvPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/sme-2017-thresholds.csv');
  it.skipIf(!fs.existsSync(csvPath))('equals the reference csv in shared/data, row by row and in scope', () => {
    const lines = fs.readFileSync(csvPath, 'utf8').trim().split(/\r?\n/).slice(1);
    const fromCsv = lines.map((line) => {
      const [industry, scope, indicator, large, medium, small] = line.split(',');
      return {
        name: industry.replace('*', ''),
        combined: industry.endsWith('*'),
        scope: scope.replace(/\s*\(excl\. \d+\)/, '').split(';').sort(),
        indicator: ({ X: 'headcount', Y: 'revenue', Z: 'assets' } as const)[indicator as 'X' | 'Y' | 'Z'],
        bounds: [Number(large), Number(medium), Number(small)],
      };
    });
    const ours = SIZE_TABLE.flatMap((row) =>
      row.thresholds.map((t) => ({
        name: row.name.zh,
        combined: row.combined,
        scope: [...row.scope].sort(),
        indicator: t.indicator,
        bounds: [t.large, t.medium, t.small],
      })),
    );
    expect(ours).toEqual(fromCsv);
  });
});

describe('classifySize at every boundary of every row', () => {
  for (const row of OFFICIAL) {
    const indicators = Object.keys(row.bounds) as Ind[];
    const bound = (i: Ind, c: SizeClass) => row.bounds[i]![CLASSES.indexOf(c)];
    it(`${row.zh} (${row.sample})`, () => {
      let checked = 0;
      const check = (values: Partial<Record<Ind, number>>, expected: SizeClass, what: string) => {
        const result = classifySize(figures(row.sample, values));
        expect(result.size, `${row.zh} ${what} ${JSON.stringify(values)}`).toBe(expected);
        expect(result.sector).toBe(row.zh);
        checked++;
      };
      for (const c of ['large', 'medium', 'small'] as SizeClass[]) {
        const at = Object.fromEntries(indicators.map((i) => [i, bound(i, c)]));
        const above = Object.fromEntries(indicators.map((i) => [i, bound(i, c) + STEP[i]]));
        const justBelow = Object.fromEntries(indicators.map((i) => [i, bound(i, c) - STEP[i]]));
        check(at, c, 'every indicator at the bound');
        check(above, c, 'every indicator just above');
        check(justBelow, below(c), 'every indicator just below');
        for (const i of indicators) {
          check({ ...at, [i]: bound(i, c) - STEP[i] }, below(c), `${i} just below, the rest at the bound`);
          check({ ...at, [i]: bound(i, c) + STEP[i] }, c, `${i} just above, the rest at the bound`);
          if (indicators.length > 1) {
            // One condition met, far above even: not enough (下划一档), except that 微型 needs only one.
            check({ ...justBelow, [i]: bound(i, 'large') * 10 }, below(c), `only ${i} meets the bound`);
          }
        }
      }
      check(Object.fromEntries(indicators.map((i) => [i, 0])), 'micro', 'all zero');
      for (const i of indicators) {
        const big = Object.fromEntries(indicators.map((o) => [o, bound(o, 'large') * 10]));
        check({ ...big, [i]: bound(i, 'small') - STEP[i] }, 'micro', `${i} just below 小型, the rest huge`);
      }
      expect(checked).toBeGreaterThan(10);
    });
  }
});

describe('industry decides the row', () => {
  const rowOf = (code: string) => {
    const found = sizeRowForIndustry(code);
    return 'row' in found ? found.row.name.zh : found.problem;
  };
  it('by GB/T 4754-2017 ranges, the most specific entry winning', () => {
    expect(rowOf('0610')).toBe('工业');
    expect(rowOf('C3011')).toBe('工业');
    expect(rowOf('c3741')).toBe('工业');
    expect(rowOf('4412')).toBe('工业');
    expect(rowOf('5910')).toBe('交通运输业'); // 装卸搬运
    expect(rowOf('5920')).toBe('仓储业');
    expect(rowOf('5990')).toBe('仓储业');
    expect(rowOf('5411')).toBe('交通运输业');
    expect(rowOf('6410')).toBe('信息传输业');
    expect(rowOf('7030')).toBe('其他未列明行业');
    expect(rowOf('7090')).toBe('其他未列明行业');
    expect(rowOf('7111')).toBe('租赁和商务服务业');
    expect(rowOf('7610')).toBe('其他未列明行业');
    expect(rowOf('8010')).toBe('其他未列明行业');
    expect(rowOf('8521')).toBe('其他未列明行业'); // 社会工作
    expect(rowOf('8610')).toBe('其他未列明行业');
    expect(rowOf('13')).toBe('工业');
  });

  it('outside the scope: finance, railways, education, health, public administration, leasing own property', () => {
    for (const code of ['6621', '5313', '5320', '8310', '8411', '9100', '9700', '7040']) expect(rowOf(code), code).toBe('not_covered');
    const result = classifySize(figures('6621', { headcount: 5000, revenue: 900000 }));
    expect(result).toMatchObject({ size: null, sector: null });
    expect(result.basis).toContain('6621');
    expect(result.basis).toContain('不在');
  });

  it('codes too coarse or malformed give no class', () => {
    expect(rowOf('59')).toBe('too_coarse');
    expect(rowOf('70')).toBe('too_coarse');
    expect(rowOf('A3011')).toBe('malformed');
    expect(rowOf('9911')).toBe('malformed');
    expect(rowOf('30111')).toBe('malformed');
    expect(classifySize(figures('nope', { headcount: 10 })).size).toBeNull();
  });
});

describe('missing and invalid figures', () => {
  it('give no class and say what is missing', () => {
    const result = classifySize(figures('3011', { revenue: 2500 }));
    expect(result.size).toBeNull();
    expect(result.sector).toBe('工业');
    expect(result.basis).toBe('工业: 缺少从业人员，无法划型（营业收入 2500 万元）');
    expect(result.basisTw).toBe('工業: 缺少從業人員，無法劃型（營業收入 2500 萬元）');
    expect(result.basisEn).toContain('headcount missing');

    const none = classifySize(figures('4710', {}));
    expect(none.size).toBeNull();
    expect(none.basis).toBe('建筑业: 缺少营业收入、资产总额，无法划型');

    expect(classifySize(figures('7010', { revenue: 300000 })).size).toBeNull();
    expect(classifySize({ industryCode: null, headcount: 5, revenueWan: 5, assetsWan: 5 })).toMatchObject({ size: null, sector: null });
  });

  it('a known figure below the 小型 bound is 微型 whatever the missing one is', () => {
    const result = classifySize(figures('3011', { revenue: 250 }));
    expect(result.size).toBe('micro');
    expect(result.basis).toBe('工业: 营业收入 250 万元 → 微型（营业收入低于小型下限 300 万元；缺少从业人员）');
  });

  it('negative or non-numeric figures are not used', () => {
    expect(classifySize(figures('3011', { headcount: -5, revenue: 50000 })).size).toBeNull();
    expect(classifySize(figures('3011', { headcount: Number.NaN, revenue: 50000 })).basis).toContain('无效');
  });

  it('figures the row does not use do not matter', () => {
    expect(classifySize(figures('7310', { headcount: 150 })).size).toBe('medium');
    expect(classifySize(figures('7310', { headcount: 150, revenue: 1, assets: 1 })).size).toBe('medium');
  });
});

describe('basis text', () => {
  it('names the row, the figures in 人 / 万元 / 亿元, the class, and what held it down', () => {
    const medium = classifySize(figures('3011', { headcount: 350, revenue: 12000 }));
    expect(medium.size).toBe('medium');
    expect(medium.basis).toBe('工业: 从业人员 350 人, 营业收入 1.2 亿元 → 中型');
    expect(medium.basisTw).toBe('工業: 從業人員 350 人, 營業收入 1.2 億元 → 中型');
    expect(medium.basisEn).toBe('Industry: headcount 350 people, revenue 120 million yuan → medium');

    const down = classifySize(figures('3011', { headcount: 1200, revenue: 39999.99 }));
    expect(down.size).toBe('medium');
    expect(down.basis).toBe('工业: 从业人员 1200 人, 营业收入 3.999999 亿元 → 中型（营业收入低于大型下限 4 亿元，下划一档）');
    expect(down.basisEn).toBe('Industry: headcount 1200 people, revenue 399.9999 million yuan → medium (revenue below the large bound of 400 million yuan: one class down)');

    const micro = classifySize(figures('5111', { headcount: 4, revenue: 99999 }));
    expect(micro.basis).toBe('批发业: 从业人员 4 人, 营业收入 9.9999 亿元 → 微型（从业人员低于小型下限 5 人）');
  });
});

describe('sizeClassOf (the class without the texts, for bulk imports)', () => {
  it('always agrees with classifySize', () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const codes = [...OFFICIAL.map((r) => r.sample), '6621', '7040', '59', 'C3011', 'x', '', null];
    const pickFigure = (bounds: number[] | undefined): number | null => {
      const roll = random();
      if (roll < 0.1) return null;
      if (roll < 0.13) return -1;
      if (!bounds || roll < 0.3) return Math.floor(random() * 300000);
      const b = bounds[Math.floor(random() * 3)];
      return b + [-1, 0, 1, -0.01, 0.01][Math.floor(random() * 5)];
    };
    for (let n = 0; n < 20000; n++) {
      const code = codes[Math.floor(random() * codes.length)];
      const row = OFFICIAL.find((r) => r.sample === code);
      const input = {
        industryCode: code,
        headcount: pickFigure(row?.bounds.headcount),
        revenueWan: pickFigure(row?.bounds.revenue),
        assetsWan: pickFigure(row?.bounds.assets),
      };
      expect(sizeClassOf(input), JSON.stringify(input)).toBe(classifySize(input).size);
    }
  });
});
