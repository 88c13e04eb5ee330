// The public green card verification page (/verify/green-card/:number): no login; shows only holder, enterprise and validity.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Flex, Form, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../lib/api.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { formatCardNumber, greenCardKeys, verifyGreenCard } from './api.ts';
import { PublicShell } from './PublicShell.tsx';
import './messages.ts';

const statusColors = { valid: 'green', not_yet_valid: 'blue', expired: 'orange', revoked: 'red' } as const;

export default function VerifyGreenCardPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { number = '' } = useParams();
  const { data, error, isFetching } = useQuery({ queryKey: greenCardKeys.verify(number), queryFn: () => verifyGreenCard(number), enabled: number.length > 0, retry: false });

  return (
    <PublicShell title={t('greenCard.verifyTitle')} intro={t('greenCard.verifyIntro')}>
      <Form layout="inline" initialValues={{ number }} onFinish={(v: { number: string }) => navigate(`/verify/green-card/${encodeURIComponent(v.number.trim())}`)} style={{ marginBottom: 16 }}>
        <Flex gap={8} style={{ width: '100%' }}>
          <Form.Item name="number" rules={[{ required: true, whitespace: true, message: t('common.required') }]} style={{ flex: 1, marginInlineEnd: 0 }}>
            <Input placeholder="LK-XXXX-XXXX-XXXX-X" maxLength={40} data-testid="green-card-number" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={isFetching}>
            {t('greenCard.verify')}
          </Button>
        </Flex>
      </Form>
      {error && <Alert type={isApiError(error) && error.status === 404 ? 'warning' : 'error'} showIcon title={isApiError(error) && error.status === 404 ? t('greenCard.notFound') : errorMessage(error, t)} />}
      {data && (
        <Descriptions column={1} bordered size="small" title={t('greenCard.result')} data-testid="green-card-result">
          <Descriptions.Item label={t('common.status')}>
            <Tag color={statusColors[data.status]} style={{ fontSize: '1.1em', padding: '2px 10px' }}>
              {t(`greenCard.status.${data.status}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('greenCard.number')}>{formatCardNumber(data.number)}</Descriptions.Item>
          <Descriptions.Item label={t('greenCard.holder')}>{data.holderName}</Descriptions.Item>
          <Descriptions.Item label={t('greenCard.enterprise')}>{data.enterpriseName}</Descriptions.Item>
          <Descriptions.Item label={t('greenCard.validity')}>
            {data.validFrom} ~ {data.validUntil}
          </Descriptions.Item>
        </Descriptions>
      )}
    </PublicShell>
  );
}
