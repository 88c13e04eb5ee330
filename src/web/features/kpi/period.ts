// The statistical period of KPI pages: business dates from/to, the default (this year so far) and the quick choices.
export interface Period {
  from: string;
  to: string;
}

export const periodPresets = ['thisYear', 'thisQuarter', 'thisMonth', 'lastYear', 'last12Months'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

const pad = (n: number) => String(n).padStart(2, '0');

/** The period of a preset on the business date `today` (YYYY-MM-DD); periods run up to today, not beyond. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'thisQuarter':
      return { from: `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}-01`, to: today };
    case 'thisMonth':
      return { from: `${year}-${pad(month)}-01`, to: today };
    case 'lastYear':
      return { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` };
    case 'last12Months': {
      const [y, m] = month === 12 ? [year, 1] : [year - 1, month + 1];
      return { from: `${y}-${pad(m)}-01`, to: today };
    }
  }
}

export const defaultPeriod = (today: string): Period => presetPeriod('thisYear', today);
