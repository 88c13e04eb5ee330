// Publishing a policy: first the preview of who gains and who loses eligibility against the current version, then the immutable version and the number of enterprises told.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Col, Modal, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublishPreview, PublishResult } from '../../../shared/schemas/policies.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fetchPublishPreview, policyKeys, publishPolicy } from './api.ts';

interface Props {
  policyId: string;
  open: boolean;
  onClose: () => void;
  onPublished?: (result: PublishResult) => void;
}

function ChangeList({ side, refs, testId }: { side: 'gained' | 'lost'; refs: PublishPreview['gained']; testId: string }) {
  const { t } = useTranslation();
  return (
    <div data-testid={testId} data-total={refs.total}>
      <Typography.Text strong type={side === 'gained' ? 'success' : 'danger'}>
        {t(`policiesPage.publish.${side}`, { count: refs.total })}
      </Typography.Text>
      {refs.items.length ? (
        <ul style={{ maxHeight: 240, overflowY: 'auto', margin: '8px 0', paddingInlineStart: 18 }}>
          {refs.items.map((item) => (
            <li key={item.uscc}>
              <Link to={`/enterprises/${item.uscc}`} target="_blank">
                {item.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <Typography.Paragraph type="secondary">{t('policiesPage.publish.none')}</Typography.Paragraph>
      )}
      {refs.total > refs.items.length && <Typography.Text type="secondary">{t('policiesPage.publish.more', { count: refs.total - refs.items.length })}</Typography.Text>}
    </div>
  );
}

export function PublishModal({ policyId, open, onClose, onPublished }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const preview = useQuery({ queryKey: policyKeys.preview(policyId), queryFn: () => fetchPublishPreview(policyId), enabled: open, staleTime: 0, gcTime: 0 });
  const publish = useMutation({
    mutationFn: () => publishPolicy(policyId),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.all });
      message.success(t('policiesPage.publish.done', { version: result.version, notified: result.notified }));
      onPublished?.(result);
      onClose();
    },
    onError: (error) => message.error(errorMessage(error, t)),
  });
  const data = preview.data;
  return (
    <Modal
      open={open}
      title={t('policiesPage.publish.title')}
      onCancel={onClose}
      onOk={() => publish.mutate()}
      okText={t('policiesPage.publish.confirm')}
      okButtonProps={{ disabled: !data, loading: publish.isPending, 'data-testid': 'publish-confirm' } as never}
      width={720}
      destroyOnHidden
    >
      <div data-testid="publish-preview">
        <Typography.Paragraph type="secondary">{t('policiesPage.publish.intro')}</Typography.Paragraph>
        <ErrorAlert error={preview.error} onRetry={() => void preview.refetch()} />
        {preview.isLoading && <Typography.Text>{t('policiesPage.publish.loading')}</Typography.Text>}
        {data && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              <Col span={12}>
                <Statistic title={t('policiesPage.publish.before')} value={data.eligibleBefore} />
              </Col>
              <Col span={12}>
                <Statistic title={t('policiesPage.publish.after')} value={data.eligibleAfter} data-testid="publish-after" />
              </Col>
            </Row>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <ChangeList side="gained" refs={data.gained} testId="publish-gained" />
              </Col>
              <Col xs={24} md={12}>
                <ChangeList side="lost" refs={data.lost} testId="publish-lost" />
              </Col>
            </Row>
          </>
        )}
      </div>
    </Modal>
  );
}
