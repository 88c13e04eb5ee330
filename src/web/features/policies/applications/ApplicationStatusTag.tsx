// The coloured tag of an application's status: 审核中 blue, 已通过 green, 未通过 red, 已撤回 grey.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './api.ts';
import './messages.ts';

const colors: Record<ApplicationStatus, string> = { submitted: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-testid="application-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`policyApplications.statuses.${status}`)}
    </Tag>
  );
}
