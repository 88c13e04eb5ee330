// Calls of the working-day calendar endpoints: status, exceptions of a year, overrides, calculators.
import { z } from 'zod';
import {
  addWorkingDaysResponse,
  calendarDayView,
  calendarStatus,
  countWorkingDaysResponse,
  type CalendarDayView,
} from '../../../shared/schemas/index.ts';
import { api } from '../../lib/api.ts';

export const calendarKeys = {
  all: ['calendar'] as const,
  status: ['calendar', 'status'] as const,
  days: (year: number) => ['calendar', 'days', year] as const,
};

const calendarDaysResponse = z.object({ items: z.array(calendarDayView) });

export function fetchCalendarStatus() {
  return api.get('/calendar/status', calendarStatus);
}

export function fetchCalendarDays(year: number) {
  return api.get('/calendar/days', calendarDaysResponse, { year });
}

export function putCalendarDay(date: string, body: { kind: CalendarDayView['kind']; name: string }) {
  return api.put(`/calendar/days/${encodeURIComponent(date)}`, body, calendarDayView);
}

export function deleteCalendarDay(date: string) {
  return api.delete(`/calendar/days/${encodeURIComponent(date)}`);
}

/** Marks a year's official schedule as entered, so deadlines may be counted in it. */
export function publishCalendarYear(year: number, note?: string) {
  return api.create('/calendar/years', { year, note }, calendarStatus);
}

export function addWorkingDays(from: string, days: number) {
  return api.get('/calendar/working-days/add', addWorkingDaysResponse, { from, days });
}

export function countWorkingDays(from: string, to: string) {
  return api.get('/calendar/working-days/count', countWorkingDaysResponse, { from, to });
}
