// The title row of a page: heading, optional description (hidden in care mode) and actions on the right.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { usePreferences } from '../features/preferences/PreferencesProvider.tsx';

export function PageTitle({ title, description, extra }: { title: ReactNode; description?: ReactNode; extra?: ReactNode }) {
  const { settings } = usePreferences();
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap style={{ marginBottom: 16 }}>
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {description && settings.showSecondary && (
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {description}
          </Typography.Paragraph>
        )}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
