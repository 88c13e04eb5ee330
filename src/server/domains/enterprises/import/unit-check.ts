// Catches figures given in 元 where 万元 is expected: a column a thousand times too large for the headcount (or the assets) beside it.
import type { EnterpriseImportError } from '../../../../shared/schemas/enterprise-import.ts';
import type { CheckedRow } from './import-row.ts';

/**
 * Revenue and assets per person in 万元 lie between about 1 and 500 for almost every enterprise (规上工业 average ≈ 180);
 * a median per person above 5,000 万元 (五千万元/人) means the column is in 元 or 千元. Revenue ≈ 0.1–5 × assets, so a median
 * ratio above 300 (or below 1/300) says one of the two is in the wrong unit. Comparisons only: the decimals are never summed.
 */
export const PER_HEAD_LIMIT_WAN = 5_000;
export const RATIO_LIMIT = 300;
/** Enough rows to decide on; the decision is taken before anything is written. */
export const UNIT_SAMPLE_ROWS = 2_000;
const MIN_SAMPLES = 20;

const median = (xs: number[]): number | null => {
  if (xs.length < MIN_SAMPLES) return null;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

const fmt = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

export class UnitCheck {
  private revenuePerHead: number[] = [];
  private assetsPerHead: number[] = [];
  private revenueToAssets: number[] = [];
  private examples: { revenue: number[]; assets: number[] } = { revenue: [], assets: [] };
  private seen = 0;

  get decided(): boolean {
    return this.seen >= UNIT_SAMPLE_ROWS;
  }

  add(row: CheckedRow): void {
    if (this.decided) return;
    const revenue = row.revenue === null ? null : Number(row.revenue);
    const assets = row.assets === null ? null : Number(row.assets);
    if (revenue === null && assets === null) return;
    this.seen++;
    if (row.headcount && row.headcount > 0) {
      if (revenue !== null && revenue > 0) this.revenuePerHead.push(revenue / row.headcount);
      if (assets !== null && assets > 0) this.assetsPerHead.push(assets / row.headcount);
    }
    if (revenue !== null && assets !== null && revenue > 0 && assets > 0) this.revenueToAssets.push(revenue / assets);
    if (revenue !== null && this.examples.revenue.length < 3) this.examples.revenue.push(row.row);
    if (assets !== null && this.examples.assets.length < 3) this.examples.assets.push(row.row);
  }

  /** The columns that look 元-sized, each as one problem on the header row. */
  problems(headers: { revenue?: string; assets?: string }, headerRow: number): EnterpriseImportError[] {
    const problems: EnterpriseImportError[] = [];
    const advice =
      '如确为万元，请加 --accept-units（接口 acceptUnits=true）重新导入；如为元，请把表头改为“营业收入(元)”“资产总额(元)”，导入时会精确换算为万元 / ' +
      'if the figures really are in 万元, import again with --accept-units (API acceptUnits=true); if they are in 元, put (元) in the header and they are converted exactly';
    const flag = (field: 'revenue' | 'assets', why: string, whyEn: string) => {
      const header = headers[field];
      if (!header || problems.some((p) => p.column === header)) return;
      const rows = this.examples[field].join('、');
      problems.push({
        row: headerRow,
        column: header,
        message: `“${header}”的数值像是以元（或千元）而非万元填写：${why}（例如第 ${rows} 行）。${advice}. The column looks given in 元 where 万元 is expected: ${whyEn}.`,
      });
    };
    const revenueHead = median(this.revenuePerHead);
    const assetsHead = median(this.assetsPerHead);
    const ratio = median(this.revenueToAssets);
    if (revenueHead !== null && revenueHead > PER_HEAD_LIMIT_WAN) {
      flag('revenue', `人均营业收入中位数 ${fmt(revenueHead)} 万元/人，通常在 1–500 万元/人`, `median revenue per person ${fmt(revenueHead)} 万元 (usually 1–500)`);
    }
    if (assetsHead !== null && assetsHead > PER_HEAD_LIMIT_WAN) {
      flag('assets', `人均资产总额中位数 ${fmt(assetsHead)} 万元/人，通常在 1–500 万元/人`, `median assets per person ${fmt(assetsHead)} 万元 (usually 1–500)`);
    }
    if (ratio !== null && ratio > RATIO_LIMIT) {
      flag('revenue', `营业收入中位数是资产总额的 ${fmt(ratio)} 倍，通常在 0.1–5 倍`, `median revenue is ${fmt(ratio)} times the assets (usually 0.1–5)`);
    }
    if (ratio !== null && ratio < 1 / RATIO_LIMIT) {
      flag('assets', `资产总额中位数是营业收入的 ${fmt(1 / ratio)} 倍，通常在 0.2–10 倍`, `median assets are ${fmt(1 / ratio)} times the revenue (usually 0.2–10)`);
    }
    return problems;
  }
}
