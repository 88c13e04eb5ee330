// The working-day calculator: the N-th working day after a date, and the working days between two dates.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, DatePicker, Form, InputNumber, Row, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { maxWorkingDays } from '../../../shared/schemas/index.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatDateTime, weekdayOf } from '../../lib/format.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { addWorkingDays, countWorkingDays } from './api.ts';

const iso = (date: Dayjs) => date.format('YYYY-MM-DD');

export function WorkingDayCalculator() {
  const { t } = useTranslation();
  const { locale } = usePreferences();
  const add = useMutation({ mutationFn: (v: { from: Dayjs; days: number }) => addWorkingDays(iso(v.from), v.days) });
  const count = useMutation({ mutationFn: (v: { range: [Dayjs, Dayjs] }) => countWorkingDays(iso(v.range[0]), iso(v.range[1])) });

  return (
    <Card title={t('calendar.calculator')} data-testid="working-day-calculator">
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('calendar.addTitle')}</Typography.Title>
          <Form layout="vertical" onFinish={(values: { from: Dayjs; days: number }) => add.mutate(values)} initialValues={{ days: 10 }} requiredMark={false}>
            <Form.Item name="from" label={t('calendar.fromDate')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="days" label={t('calendar.workingDays')} rules={[{ required: true, message: t('common.required') }]}>
              <InputNumber min={0} max={maxWorkingDays} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={add.isPending}>
              {t('calendar.calculate')}
            </Button>
          </Form>
          {add.data && (
            <Alert
              type="success"
              style={{ marginTop: 16 }}
              data-testid="calendar-add-result"
              title={t('calendar.addResult', { days: add.data.days, date: `${add.data.date}（${weekdayOf(add.data.date, locale)}）` })}
              description={t('calendar.deadline', { deadline: formatDateTime(add.data.deadline, locale) })}
            />
          )}
          {add.error && <Alert type="error" style={{ marginTop: 16 }} title={errorMessage(add.error, t)} />}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5}>{t('calendar.countTitle')}</Typography.Title>
          <Form layout="vertical" onFinish={(values: { range: [Dayjs, Dayjs] }) => count.mutate(values)} requiredMark={false}>
            <Form.Item name="range" label={t('calendar.dateRange')} rules={[{ required: true, message: t('common.required') }]}>
              <DatePicker.RangePicker style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={count.isPending}>
              {t('calendar.calculate')}
            </Button>
          </Form>
          {count.data && (
            <Alert type="success" style={{ marginTop: 16 }} data-testid="calendar-count-result" title={t('calendar.countResult', { from: count.data.from, to: count.data.to, n: count.data.count })} />
          )}
          {count.error && <Alert type="error" style={{ marginTop: 16 }} title={errorMessage(count.error, t)} />}
        </Col>
      </Row>
    </Card>
  );
}
