// Warns calendar administrators when next year's official holidays are not entered yet.
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { calendarKeys, fetchCalendarStatus } from './api.ts';

export function CalendarMissingBanner() {
  const { t } = useTranslation();
  const { data: status } = useQuery({ queryKey: calendarKeys.status, queryFn: fetchCalendarStatus, staleTime: 5 * 60_000 });
  if (!status?.nextYearMissing) return null;
  const year = status.currentYear + 1;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="calendar-missing-banner"
      title={t('calendar.nextYearMissing', { year })}
      description={t('calendar.nextYearMissingHint')}
      action={<Link to={`/calendar?year=${year}`}>{t('calendar.goEnter')}</Link>}
      style={{ marginBottom: 16 }}
    />
  );
}
