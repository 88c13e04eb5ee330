// Submitting an appeal: the enterprise's short form (works on a phone; care mode asks only what is needed) and the staff form for every intake channel.
import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Grid, Input, Row, Select, Switch, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { appealChannels, type AppealChannel, type CreateAppealBody } from '../../../shared/schemas/appeals.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { uploadEach } from '../../lib/upload-each.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { useSession } from '../auth/use-me.ts';
import { EnterpriseSelect } from '../enterprises/EnterpriseSelect.tsx';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { appealKeys, fetchCategories, submitAppeal, uploadAttachment } from './api.ts';
import { acceptedFiles, checkFile } from './attachment-rules.ts';
import { SimilarAppeals } from './SimilarAppeals.tsx';
import { useAppealLabels } from './use-appeal-labels.ts';
import { titleFromContent } from './intake.ts';

/** Channels staff enter on an enterprise's behalf (web and mobile are the enterprise's own; api and import are machines). */
const staffChannels = appealChannels.filter((c) => !['web', 'mobile', 'api', 'import'].includes(c));

interface Values {
  title?: string;
  content: string;
  categoryId?: string;
  urgent?: boolean;
  channel?: AppealChannel;
  sourceNote?: string;
  enterpriseId?: string | null;
  contactName?: string;
  contactPhone?: string;
}

export default function AppealSubmitPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { message } = App.useApp();
  const me = useSession();
  const labels = useAppealLabels();
  const { careMode } = usePreferences();
  const screens = Grid.useBreakpoint();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const enterprise = me.user.roles.includes('enterprise');
  const short = enterprise && careMode;
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const enterpriseId = Form.useWatch('enterpriseId', form);
  const categories = useQuery({ queryKey: appealKeys.categories, queryFn: fetchCategories, staleTime: 300_000 });
  const categoryOptions = (categories.data?.items ?? []).filter((c) => c.active).map((c) => ({ value: c.id, label: labels.category(c) }));

  const submit = useMutation({
    mutationFn: async (values: Values) => {
      const category = categories.data?.items.find((c) => c.id === values.categoryId);
      const body: CreateAppealBody = {
        title: values.title?.trim() || titleFromContent(values.content),
        content: values.content.trim(),
        channel: enterprise ? (screens.md ? 'web' : 'mobile') : (values.channel ?? 'hotline_12345'),
        category: category?.code,
        urgency: values.urgent ? 'urgent' : 'normal',
        enterpriseId: enterprise ? undefined : (values.enterpriseId ?? undefined),
        contactName: values.contactName?.trim() || undefined,
        contactPhone: values.contactPhone?.trim() || undefined,
        sourceNote: values.sourceNote?.trim() || undefined,
      };
      const appeal = await submitAppeal(body);
      const failedUploads = await uploadEach(files, (file) => uploadAttachment(appeal.id, file), (error) => errorMessage(error, t));
      return { appeal, failedUploads };
    },
    onSuccess: ({ appeal, failedUploads }) => {
      void queryClient.invalidateQueries({ queryKey: appealKeys.all });
      void message.success(t('appeals.submit.done', { number: appeal.number }));
      if (failedUploads.length) void message.warning(t('appeals.attachments.someFailed', { files: failedUploads.join('；') }), 8);
      navigate(`/appeals/${appeal.id}`);
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) void message.error(errorMessage(error, t));
    },
  });

  const attachments = (
    <Form.Item label={t('appeals.attachments.title')} extra={t('appeals.attachments.rule')}>
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
        <Button icon={<PaperClipOutlined />} size={careMode ? 'large' : undefined}>
          {t('appeals.attachments.choose')}
        </Button>
      </Upload>
    </Form.Item>
  );

  const fields = (
    <>
      {!enterprise && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={t('appeals.fields.channel')} rules={[{ required: true, message: t('common.required') }]}>
              <Select options={staffChannels.map((c) => ({ value: c, label: labels.channel(c) }))} data-testid="submit-channel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="sourceNote" label={t('appeals.fields.sourceNote')} extra={t('appeals.submit.sourceNoteHint')}>
              <Input maxLength={200} data-testid="submit-source-note" />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="enterpriseId" label={t('appeals.fields.enterprise')} extra={t('appeals.submit.enterpriseHint')}>
              <EnterpriseSelect />
            </Form.Item>
          </Col>
        </Row>
      )}
      {!short && (
        <Form.Item name="title" label={tc('appeals.fields.title')} rules={[{ required: true, whitespace: true, message: t('appeals.submit.titleRequired') }]}>
          <Input maxLength={200} showCount placeholder={t('appeals.submit.titlePlaceholder')} data-testid="submit-title" />
        </Form.Item>
      )}
      <Form.Item name="content" label={tc('appeals.fields.content')} rules={[{ required: true, whitespace: true, message: t('appeals.submit.contentRequired') }]}>
        <Input.TextArea rows={short ? 6 : 5} maxLength={10_000} showCount placeholder={tc('appeals.submit.contentPlaceholder')} data-testid="submit-content" />
      </Form.Item>
      {!short && (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="categoryId" label={t('appeals.fields.category')} extra={enterprise ? t('appeals.submit.categoryHint') : undefined}>
              <Select allowClear options={categoryOptions} loading={categories.isLoading} placeholder={t('appeals.submit.categoryPlaceholder')} data-testid="submit-category" />
            </Form.Item>
          </Col>
          {!enterprise && (
            <Col xs={24} md={12}>
              <Form.Item name="urgent" label={t('appeals.fields.urgency')} valuePropName="checked">
                <Switch checkedChildren={labels.urgency('urgent')} unCheckedChildren={labels.urgency('normal')} />
              </Form.Item>
            </Col>
          )}
        </Row>
      )}
      <Row gutter={16}>
        {!short && (
          <Col xs={24} md={12}>
            <Form.Item name="contactName" label={t('appeals.fields.contactName')}>
              <Input maxLength={64} data-testid="submit-contact-name" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item
            name="contactPhone"
            label={tc('appeals.fields.contactPhone')}
            rules={[{ pattern: /^[0-9+\- ]{5,20}$/, message: t('appeals.submit.phoneRule') }, ...(short ? [{ required: true, message: t('appeals.submit.phoneRequired') }] : [])]}
          >
            <Input inputMode="tel" maxLength={20} data-testid="submit-contact-phone" />
          </Form.Item>
        </Col>
      </Row>
      {attachments}
    </>
  );

  return (
    <div data-testid="page-appeal-submit">
      <PageTitle title={enterprise ? tc('nav.submitAppeal') : t('nav.registerAppeal')} description={enterprise ? tc('appeals.submit.enterpriseIntro') : t('appeals.submit.staffIntro')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={enterprise ? 24 : 15} xl={enterprise ? 16 : 15}>
          <Card>
            <Form<Values>
              form={form}
              layout="vertical"
              size={careMode ? 'large' : undefined}
              onFinish={(values) => submit.mutate(values)}
              initialValues={{
                channel: 'hotline_12345',
                contactName: enterprise ? me.user.displayName : undefined,
                contactPhone: enterprise ? (me.user.phone ?? undefined) : undefined,
              }}
              scrollToFirstError
            >
              {fields}
              <Button type="primary" htmlType="submit" size="large" block={!screens.md || short} loading={submit.isPending} data-testid="submit-appeal">
                {tc('appeals.submit.button')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={enterprise ? 24 : 9} xl={enterprise ? 8 : 9}>
          <SimilarAppeals input={{ title: title ?? '', content: content ?? '', enterpriseId: enterprise ? undefined : (enterpriseId ?? undefined) }} />
          {enterprise && !short && (
            <Card size="small" style={{ marginTop: 16 }}>
              <Typography.Paragraph style={{ margin: 0 }} type="secondary">
                {t('appeals.submit.whatNext')}
              </Typography.Paragraph>
            </Card>
          )}
        </Col>
      </Row>
    </div>
  );
}
