// What countdowns need besides the appeal: the current time (ticking each minute), the working-day calendar and the clock rules.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { fetchCalendarDays, calendarKeys } from '../calendar/api.ts';
import { appealKeys, fetchClockRules } from './api.ts';
import { workingDayTest, type DayKind } from './working-time.ts';

export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The current and next year's holidays and make-up days; Monday–Friday until they are loaded (or when the call fails). */
export function useWorkingDays() {
  const year = new Date().getFullYear();
  const thisYear = useQuery({ queryKey: calendarKeys.days(year), queryFn: () => fetchCalendarDays(year), staleTime: 3_600_000 });
  const nextYear = useQuery({ queryKey: calendarKeys.days(year + 1), queryFn: () => fetchCalendarDays(year + 1), staleTime: 3_600_000 });
  return useMemo(() => {
    const exceptions = new Map<string, DayKind>();
    for (const day of [...(thisYear.data?.items ?? []), ...(nextYear.data?.items ?? [])]) exceptions.set(day.date, day.kind);
    return workingDayTest(exceptions);
  }, [thisYear.data, nextYear.data]);
}

export function useClockRules(enabled = true) {
  return useQuery({ queryKey: appealKeys.clockRules, queryFn: fetchClockRules, staleTime: 300_000, enabled }).data?.items;
}

export function useClockContext(options: { rules?: boolean } = {}) {
  const now = useNow();
  const isWorkingDay = useWorkingDays();
  const rules = useClockRules(options.rules ?? false);
  return { now, isWorkingDay, rules };
}
