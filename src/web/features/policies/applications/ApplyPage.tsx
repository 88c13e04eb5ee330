// 政策申报 (/my/policies/:id/apply): the registry values pre-filled and read-only, the conditions ✓ / ✗ / ?, the estimate, a contact and statement, the confirmation, materials; submitted with an Idempotency-Key, then the materials are uploaded and the application opens.
import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Grid, Input, Result, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { PageSpin } from '../../../components/PageSpin.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { isApiError } from '../../../lib/api.ts';
import { applyFieldErrors } from '../../../lib/form-errors.ts';
import { uploadEach } from '../../../lib/upload-each.ts';
import { errorMessage } from '../../../lib/error-message.ts';
import { acceptedFiles, checkFile } from '../../appeals/attachment-rules.ts';
import { useSession } from '../../auth/use-me.ts';
import { benefitText } from '../policy-format.ts';
import { applicationKeys, applyForPolicy, fetchApplicationForm, uploadApplicationAttachment, type ApplicationForm } from './api.ts';
import { applyBodyOf, contactPhonePattern, type ApplyFormValues } from './application-rules.ts';
import { EligibilityList } from './EligibilityList.tsx';
import { EnterpriseSnapshotView } from './EnterpriseSnapshotView.tsx';
import '../messages.ts';
import './messages.ts';

export default function ApplyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, error, isPending, refetch } = useQuery({ queryKey: applicationKeys.form(id), queryFn: () => fetchApplicationForm(id) });
  if (isApiError(error) && error.status === 404) return <Result status="404" title={t('policyApplications.apply.notFound')} data-testid="apply-not-found" />;
  if (error) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (isPending || !data) return <PageSpin />;
  return <ApplyForm policyId={id} form={data} />;
}

export function ApplyForm({ policyId, form: application }: { policyId: string; form: ApplicationForm }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ApplyFormValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const { policy, refusal } = application;

  const submit = useMutation({
    mutationFn: async (values: ApplyFormValues) => {
      const created = await applyForPolicy(policyId, applyBodyOf(values));
      const failedUploads = await uploadEach(files, (file) => uploadApplicationAttachment(created.id, file), (failure) => errorMessage(failure, t));
      return { created, failedUploads };
    },
    onSuccess: ({ created, failedUploads }) => {
      void queryClient.invalidateQueries({ queryKey: applicationKeys.all });
      void message.success(t('policyApplications.apply.submitted', { number: created.number }));
      if (failedUploads.length) void message.warning(t('policyApplications.apply.someUploadsFailed', { files: failedUploads.join('；') }), 8);
      navigate(`/my/applications/${created.id}`);
    },
    onError: (failure) => {
      if (!applyFieldErrors(form, failure)) void message.error(errorMessage(failure, t));
    },
  });

  const cardStyle = { marginBottom: 16 };
  return (
    <div data-testid="page-policy-apply" data-can-apply={String(application.canApply)}>
      <Link to="/my/policies">
        <Button icon={<ArrowLeftOutlined />} type="link" style={{ paddingInline: 0 }}>
          {t('policyApplications.apply.back')}
        </Button>
      </Link>
      <PageTitle title={t('policyApplications.apply.pageTitle')} description={t('policyApplications.apply.intro')} />
      <Card size="small" title={t('policyApplications.apply.policy')} style={cardStyle}>
        <Typography.Title level={5} style={{ marginTop: 0, wordBreak: 'break-word' }} data-testid="apply-policy-title">
          {policy.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {[policy.docNumber, benefitText(policy.benefit, t)].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
        <Typography.Text>{t('policyApplications.apply.reviewDays', { days: policy.reviewWorkingDays })}</Typography.Text>
      </Card>
      {refusal && (
        <Alert
          type="warning"
          showIcon
          style={cardStyle}
          data-testid="apply-refusal"
          data-reason={refusal.reason}
          title={t('policyApplications.apply.cannotApply')}
          description={refusal.message}
          action={
            application.existingApplicationId ? (
              <Link to={`/my/applications/${application.existingApplicationId}`}>
                <Button size="small">{t('policyApplications.apply.viewExisting')}</Button>
              </Link>
            ) : undefined
          }
        />
      )}
      <Card size="small" title={t('policyApplications.apply.registry')} style={cardStyle}>
        <Typography.Paragraph type="secondary" style={{ fontSize: '0.9em' }}>
          {t('policyApplications.apply.registryHint')}
        </Typography.Paragraph>
        <EnterpriseSnapshotView enterprise={application.enterprise} />
      </Card>
      <Card size="small" title={t('policyApplications.apply.eligibility')} style={cardStyle}>
        <EligibilityList eligibility={application.eligibility} />
        {application.eligibility.eligible === 'unknown' && <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('policyApplications.apply.pendingData')} />}
      </Card>
      <Card size="small" title={t('policyApplications.apply.estimated')} style={cardStyle}>
        <Typography.Text strong style={{ fontSize: '1.4em' }} data-testid="apply-estimate">
          {application.estimatedAmount ? t('policyApplications.apply.estimatedAmount', { wan: application.estimatedAmount }) : t('policyApplications.apply.estimatedNone')}
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0', fontSize: '0.9em' }}>
          {t('policyApplications.apply.estimatedHint')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('policyApplications.apply.contact')} style={cardStyle}>
        <Form<ApplyFormValues>
          form={form}
          layout="vertical"
          disabled={!application.canApply}
          initialValues={{ contactName: me.user.displayName, contactPhone: me.user.phone ?? application.enterprise.contactPhone ?? undefined, confirmed: false }}
          onFinish={(values) => submit.mutate(values)}
          scrollToFirstError
          data-testid="apply-form"
        >
          <Flex gap={16} wrap>
            <Form.Item name="contactName" label={t('policyApplications.apply.contactName')} style={{ flex: '1 1 200px' }} rules={[{ required: true, whitespace: true, message: t('policyApplications.apply.nameRequired') }, { max: 50 }]}>
              <Input maxLength={50} data-testid="apply-contact-name" />
            </Form.Item>
            <Form.Item
              name="contactPhone"
              label={t('policyApplications.apply.contactPhone')}
              style={{ flex: '1 1 200px' }}
              rules={[
                { required: true, whitespace: true, message: t('policyApplications.apply.phoneRequired') },
                { pattern: contactPhonePattern, message: t('policyApplications.apply.phoneRule') },
              ]}
            >
              <Input inputMode="tel" maxLength={20} data-testid="apply-contact-phone" />
            </Form.Item>
          </Flex>
          <Form.Item name="statement" label={t('policyApplications.apply.statement')}>
            <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('policyApplications.apply.statementPlaceholder')} data-testid="apply-statement" />
          </Form.Item>
          <Form.Item label={t('policyApplications.apply.attachments')} extra={t('policyApplications.apply.attachmentsHint')}>
            <Upload
              accept={acceptedFiles}
              multiple
              fileList={files}
              beforeUpload={(file) => {
                const problem = checkFile(file);
                if (problem) {
                  void message.error(t(`appeals.attachments.${problem}`, { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<PaperClipOutlined />} data-testid="apply-attach">
                {t('policyApplications.apply.choose')}
              </Button>
            </Upload>
          </Form.Item>
          <Form.Item
            name="confirmed"
            valuePropName="checked"
            rules={[{ validator: (_, value) => (value === true ? Promise.resolve() : Promise.reject(new Error(t('policyApplications.apply.confirmRequired')))) }]}
          >
            <Checkbox data-testid="apply-confirm">{t('policyApplications.apply.confirm')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block={!screens.md} loading={submit.isPending} disabled={!application.canApply} data-testid="apply-submit">
            {t('policyApplications.apply.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
