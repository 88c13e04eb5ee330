// A countdown badge: "剩余 N 小时" / "超期 N 小时" in green, amber or red, with the due time in Shanghai time.
import { ClockCircleOutlined, PauseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { toneTagColors, type Countdown } from './countdown.ts';
import { useAppealLabels } from './use-appeal-labels.ts';

export function countdownText(countdown: Countdown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (countdown.tone === 'paused') return t('appeals.countdown.paused');
  if (countdown.overdue) return countdown.hours === 0 ? t('appeals.countdown.overdueUnderHour') : t('appeals.countdown.overdue', { hours: countdown.hours });
  return countdown.hours === 0 ? t('appeals.countdown.underHour') : t('appeals.countdown.remaining', { hours: countdown.hours });
}

export function CountdownTag({ countdown, showDue = true, showClock = true }: { countdown: Countdown | null; showDue?: boolean; showClock?: boolean }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const labels = useAppealLabels();
  if (!countdown) return <Typography.Text type="secondary">—</Typography.Text>;
  const icon = countdown.tone === 'red' ? <WarningOutlined /> : countdown.tone === 'paused' ? <PauseCircleOutlined /> : <ClockCircleOutlined />;
  return (
    <Flex vertical gap={2} align="flex-start" data-testid="countdown" data-tone={countdown.tone} data-clock={countdown.clock}>
      <Tag color={toneTagColors[countdown.tone]} icon={icon} style={{ marginInlineEnd: 0, fontWeight: 600 }}>
        {showClock ? `${labels.clock(countdown.clock)} · ` : ''}
        {countdownText(countdown, t)}
      </Tag>
      {showDue && (
        <Typography.Text type="secondary" style={{ fontSize: '0.85em', whiteSpace: 'nowrap' }}>
          {t('appeals.countdown.due', { time: formatDateTime(countdown.dueAt, locale) })}
        </Typography.Text>
      )}
    </Flex>
  );
}
