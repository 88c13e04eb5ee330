// Five stars with their words (5 非常满意 … 1 非常不满意) shown beside them: input in dialogs, read-only on the detail page.
import { Flex, Rate, Typography } from 'antd';
import { useAppealLabels } from './use-appeal-labels.ts';

const ratings = [1, 2, 3, 4, 5] as const;

export function RatingInput({ id, value, onChange, disabled = false, testId }: { id?: string; value?: number | null; onChange?: (value: number) => void; disabled?: boolean; testId?: string }) {
  const labels = useAppealLabels();
  return (
    <Flex align="center" gap={12} wrap data-testid={testId}>
      <Rate id={id} value={value ?? 0} onChange={onChange} disabled={disabled} allowClear={false} tooltips={ratings.map((r) => labels.rating(r))} style={{ fontSize: 28 }} />
      {value ? (
        <Typography.Text strong data-testid={testId ? `${testId}-label` : undefined}>
          {labels.rating(value)}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
