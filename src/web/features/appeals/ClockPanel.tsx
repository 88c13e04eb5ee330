// The four stage clocks of an appeal (受理, 签收, 答复, 回访): not started, running with a countdown, or met on time / late.
import { CheckCircleOutlined, ExclamationCircleOutlined, MinusCircleOutlined } from '@ant-design/icons';
import { Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { clockNames, type AppealView } from '../../../shared/schemas/appeals.ts';
import { formatDateTime } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { countdownOf } from './countdown.ts';
import { CountdownTag } from './CountdownTag.tsx';
import { useAppealLabels } from './use-appeal-labels.ts';
import type { WorkingDayTest } from './working-time.ts';

export function ClockPanel({ appeal, now, isWorkingDay }: { appeal: AppealView; now: Date; isWorkingDay: WorkingDayTest }) {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const labels = useAppealLabels();
  return (
    <Row gutter={[12, 12]} data-testid="appeal-clocks">
      {clockNames.map((name) => {
        const clock = appeal.clocks[name];
        let body;
        if (!clock.startedAt || !clock.dueAt) {
          body = (
            <Tag icon={<MinusCircleOutlined />} color="default">
              {t('appeals.clockState.notStarted')}
            </Tag>
          );
        } else if (clock.metAt) {
          body = (
            <Flex vertical gap={2} align="flex-start">
              <Tag icon={clock.overdue ? <ExclamationCircleOutlined /> : <CheckCircleOutlined />} color={clock.overdue ? 'error' : 'success'}>
                {clock.overdue ? t('appeals.clockState.metLate') : t('appeals.clockState.metOnTime')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
                {formatDateTime(clock.metAt, locale)}
              </Typography.Text>
            </Flex>
          );
        } else {
          const countdown = countdownOf({
            clock: name,
            dueAt: clock.dueAt,
            startedAt: clock.startedAt,
            now,
            overdue: clock.overdue,
            paused: name === 'reply' && appeal.status === 'paused',
            isWorkingDay,
          });
          body = <CountdownTag countdown={countdown} showClock={false} />;
        }
        return (
          <Col xs={12} key={name}>
            <Flex vertical gap={4} data-testid={`clock-${name}`}>
              <Typography.Text type="secondary">{labels.clock(name)}</Typography.Text>
              {body}
            </Flex>
          </Col>
        );
      })}
    </Row>
  );
}
