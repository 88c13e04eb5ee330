// Daily coverage check: warns while next year's official holiday schedule is not yet in the calendar.
import type { Deps } from '../../deps.ts';
import type { CalendarStatus } from '../../../shared/schemas/index.ts';
import { calendarStatus } from './calendar-status.ts';

export async function checkCalendarCoverage(deps: Pick<Deps, 'db' | 'clock' | 'log'>): Promise<CalendarStatus> {
  const status = await calendarStatus(deps.db, deps.clock.now());
  if (status.missingYears.length > 0) {
    deps.log.warn(
      { missingYears: status.missingYears, currentYear: status.currentYear },
      `节假日安排缺失 ${status.missingYears.join(', ')}：请在国务院通知发布后录入 / holiday calendar missing for ${status.missingYears.join(', ')}: enter it once the State Council publishes it`,
    );
  }
  return status;
}
