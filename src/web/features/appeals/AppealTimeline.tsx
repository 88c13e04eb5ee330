// The timeline of an appeal, oldest first: who did what when, the status change, the note and the details.
import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppealStatus } from '../../../shared/schemas/appeals.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { appealKeys, fetchAppealEvents } from './api.ts';
import { StatusTag } from './StatusTag.tsx';
import { timelineDetails } from './timeline-text.ts';
import { useAppealLabels } from './use-appeal-labels.ts';

const colorOf = (action: string) =>
  ['reject', 'return', 'deny-extension', 'reopen', 'supervision_registered', 'supervise'].includes(action) ? 'red' : ['close', 'reply', 'rate'].includes(action) ? 'green' : 'blue';

export function AppealTimeline({ appealId, version }: { appealId: string; version: number }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const labels = useAppealLabels();
  const { data, error, refetch } = useQuery({ queryKey: [...appealKeys.events(appealId), version], queryFn: () => fetchAppealEvents(appealId) });
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  const events = data?.items ?? [];
  if (data && events.length === 0) return <Empty />;

  const detailText = (key: string, values: Record<string, string | number>) => {
    if (key === 'due') return t('appeals.timeline.due', { clock: labels.clock(String(values.clock)), time: formatDateTime(String(values.time), locale) });
    if (key === 'newDue') return t('appeals.timeline.newDue', { time: formatDateTime(String(values.time), locale) });
    if (key === 'resolution') return t('appeals.timeline.resolution', { resolution: labels.resolution(String(values.resolution)) });
    if (key === 'rating') return t('appeals.timeline.rating', { rating: labels.rating(Number(values.rating)) });
    return t(`appeals.timeline.${key}`, values);
  };

  return (
    <Timeline
      data-testid="appeal-timeline"
      items={events.map((event) => ({
        key: event.id,
        color: colorOf(event.action),
        content: (
          <Flex vertical gap={2} data-testid="timeline-item" data-action={event.action}>
            <Flex gap={8} wrap align="center">
              <Typography.Text strong>{labels.event(event.action)}</Typography.Text>
              {event.to && event.to !== event.from && <StatusTag status={event.to as AppealStatus} />}
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {formatDateTime(event.at, locale)}
              </Typography.Text>
            </Flex>
            {(event.actorName || event.actorUnitName) && (
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {[event.actorName, event.actorUnitName].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            {event.note && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{event.note}</Typography.Paragraph>}
            {timelineDetails(event).map((detail, i) => (
              <Tag key={i} style={{ alignSelf: 'flex-start', whiteSpace: 'normal' }}>
                {detailText(detail.key, detail.values)}
              </Tag>
            ))}
          </Flex>
        ),
      }))}
    />
  );
}
