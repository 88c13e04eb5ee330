// The visit plan of one assignment: the next visit it asks for (every N months after the last visit, or the next planned date not yet visited) and whether it is overdue.
export interface PlanInput {
  validFrom: string;
  /** The last day of the period (the end day when the assignment was ended), null when open-ended. */
  validUntil: string | null;
  ended: boolean;
  visitEveryMonths: number | null;
  plannedVisits: readonly string[];
  lastVisitOn: string | null;
}

export interface PlanState {
  active: boolean;
  nextVisitDue: string | null;
  visitOverdue: boolean;
}

/** `YYYY-MM-DD` plus whole months; the 31st of a shorter month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** Today's business date in Asia/Shanghai. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export function planState(input: PlanInput, today: string): PlanState {
  const active = !input.ended && input.validFrom <= today && (input.validUntil === null || today <= input.validUntil);
  const stillRunning = !input.ended && (input.validUntil === null || today <= input.validUntil);
  if (!stillRunning) return { active, nextVisitDue: null, visitOverdue: false };
  const candidates: string[] = [];
  if (input.visitEveryMonths) candidates.push(addMonths(input.lastVisitOn ?? input.validFrom, input.visitEveryMonths));
  const nextPlanned = [...input.plannedVisits].sort().find((date) => input.lastVisitOn === null || date > input.lastVisitOn);
  if (nextPlanned) candidates.push(nextPlanned);
  const inPeriod = candidates.filter((date) => input.validUntil === null || date <= input.validUntil).sort();
  const nextVisitDue = inPeriod[0] ?? null;
  return { active, nextVisitDue, visitOverdue: nextVisitDue !== null && nextVisitDue < today };
}
