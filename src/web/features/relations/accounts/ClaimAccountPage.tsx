// The public enterprise account registration (/register/enterprise): claim by credit code, name and legal representative; then the request number and status code, and a status check.
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Divider, Form, Input, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClaimAccountBody } from '../../../../shared/schemas/enterprise-relations.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { PublicShell } from '../../green-card/PublicShell.tsx';
import { claimAccount, claimStatus } from './api.ts';
import '../messages.ts';

export default function ClaimAccountPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<ClaimAccountBody>();
  const [statusForm] = Form.useForm<{ requestId: string; token: string }>();
  const [error, setError] = useState<unknown>(null);
  const claim = useMutation({
    mutationFn: (body: ClaimAccountBody) => claimAccount({ ...body, phone: body.phone || undefined, email: body.email || undefined }),
    onSuccess: (result) => statusForm.setFieldsValue({ requestId: result.requestId, token: result.statusToken }),
    onError: (failure) => {
      setError(failure);
      applyFieldErrors(form, failure);
    },
  });
  const status = useMutation({ mutationFn: (v: { requestId: string; token: string }) => claimStatus(v.requestId.trim(), v.token.trim()) });

  return (
    <PublicShell title={t('enterpriseAccounts.claimTitle')} intro={t('enterpriseAccounts.claimIntro')} width={600}>
      {claim.data ? (
        <>
          <Alert type="success" showIcon title={t('enterpriseAccounts.submitted')} description={t('enterpriseAccounts.keepToken')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small" data-testid="claim-result">
            <Descriptions.Item label={t('enterpriseAccounts.requestId')}>
              <Typography.Text copyable>{claim.data.requestId}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('enterpriseAccounts.statusToken')}>
              <Typography.Text copyable code>
                {claim.data.statusToken}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <>
          <ErrorAlert error={error} />
          <Form form={form} layout="vertical" requiredMark={false} initialValues={{ kind: 'legal_representative' }} onFinish={(v) => claim.mutate(v)} data-testid="claim-form">
            <Form.Item name="uscc" label={t('enterpriseAccounts.uscc')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
            </Form.Item>
            <Form.Item name="enterpriseName" label={t('enterpriseAccounts.enterpriseName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="legalRepresentative" label={t('enterpriseAccounts.legalRepresentative')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="kind" label={t('enterpriseAccounts.kind')}>
              <Radio.Group options={(['legal_representative', 'staff'] as const).map((k) => ({ value: k, label: t(`enterpriseAccounts.kinds.${k}`) }))} />
            </Form.Item>
            <Form.Item name="username" label={t('enterpriseAccounts.username')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={32} autoComplete="username" />
            </Form.Item>
            <Form.Item name="displayName" label={t('enterpriseAccounts.displayName')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
              <Input maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label={t('enterpriseAccounts.password')} rules={[{ required: true, min: 10, message: t('enterpriseAccounts.password') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="phone" label={t('enterpriseAccounts.phone')}>
              <Input maxLength={20} />
            </Form.Item>
            <Form.Item name="email" label={t('enterpriseAccounts.email')}>
              <Input maxLength={120} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={claim.isPending}>
              {t('enterpriseAccounts.submit')}
            </Button>
          </Form>
        </>
      )}
      <Divider>{t('enterpriseAccounts.statusTitle')}</Divider>
      <Form form={statusForm} layout="vertical" requiredMark={false} onFinish={(v) => status.mutate(v)}>
        <Form.Item name="requestId" label={t('enterpriseAccounts.requestId')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item name="token" label={t('enterpriseAccounts.statusToken')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input />
        </Form.Item>
        <Button htmlType="submit" loading={status.isPending}>
          {t('enterpriseAccounts.checkStatus')}
        </Button>
      </Form>
      <ErrorAlert error={status.error} />
      {status.data && (
        <Alert
          style={{ marginTop: 16 }}
          type={status.data.status === 'approved' ? 'success' : status.data.status === 'rejected' ? 'error' : 'info'}
          showIcon
          title={`${status.data.enterpriseName}：${t(`enterpriseAccounts.statuses.${status.data.status}`)}`}
          description={
            status.data.rejectReason ? t('enterpriseAccounts.rejectReason', { reason: status.data.rejectReason }) : status.data.status === 'approved' ? <Link to="/login">{t('enterpriseAccounts.toLogin')}</Link> : undefined
          }
        />
      )}
    </PublicShell>
  );
}
