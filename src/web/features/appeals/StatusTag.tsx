// The coloured tag of an appeal's status (open states blue/orange, finished ones green or grey).
import { Tag } from 'antd';
import type { AppealStatus } from '../../../shared/schemas/appeals.ts';
import { useAppealLabels } from './use-appeal-labels.ts';

const colors: Record<AppealStatus, string> = {
  submitted: 'blue',
  accepted: 'geekblue',
  rejected: 'default',
  merged: 'default',
  assigned: 'cyan',
  signed: 'processing',
  returned: 'orange',
  paused: 'gold',
  replied: 'purple',
  closed: 'success',
  reopened: 'magenta',
};

export function StatusTag({ status }: { status: AppealStatus }) {
  const labels = useAppealLabels();
  return (
    <Tag color={colors[status]} data-testid="appeal-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}
