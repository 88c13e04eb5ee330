// Schemas of the working-day calendar endpoints (API.md "Working-day calendar").
import { z } from 'zod';
import { businessDate } from './common.ts';

/** Ten years of working days is far beyond any deadline; larger counts are a mistake, not a request. */
export const maxWorkingDays = 2500;

export const addWorkingDaysQuery = z.object({
  from: businessDate,
  days: z.coerce.number({ error: '必须是整数 / must be an integer' }).int().min(0).max(maxWorkingDays),
});
export const addWorkingDaysResponse = z.object({ from: z.string(), days: z.number(), date: z.string(), deadline: z.string() });

export const countWorkingDaysQuery = z
  .object({ from: businessDate, to: businessDate })
  .refine((q) => q.from <= q.to, { path: ['to'], error: '不能早于 from / must not be before from' });
export const countWorkingDaysResponse = z.object({ from: z.string(), to: z.string(), count: z.number() });

export const dayKinds = ['holiday', 'workday'] as const;
export const calendarDayView = z.object({
  date: z.string(),
  kind: z.enum(dayKinds),
  name: z.string(),
  source: z.string(),
});
export type CalendarDayView = z.infer<typeof calendarDayView>;

export const calendarDaysQuery = z.object({ year: z.coerce.number().int().min(1900).max(2200) });
export const putCalendarDayBody = z.object({ kind: z.enum(dayKinds), name: z.string().trim().min(1).max(32) });
export const calendarDateParams = z.object({ date: businessDate });

export const calendarStatus = z.object({
  years: z.array(z.number().int()),
  currentYear: z.number().int(),
  nextYearMissing: z.boolean(),
  missingYears: z.array(z.number().int()),
});
export type CalendarStatus = z.infer<typeof calendarStatus>;

export const publishYearBody = z.object({ year: z.number().int().min(1900).max(2200), note: z.string().trim().max(200).optional() });
