// A card for a capability that is not built yet: says so plainly with a "coming soon" tag, no fake data.
import { Card, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ComingSoonCard({ icon, title, description, testId }: { icon: ReactNode; title: ReactNode; description: ReactNode; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Card data-testid={testId} style={{ height: '100%', opacity: 0.92 }} aria-disabled="true">
      <Flex vertical gap={8}>
        <Flex justify="space-between" align="center" gap={8}>
          <span style={{ fontSize: '2em', color: '#8c8c8c', lineHeight: 1 }} aria-hidden="true">
            {icon}
          </span>
          <Tag color="default">{t('common.comingSoon')}</Tag>
        </Flex>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Text type="secondary">{description}</Typography.Text>
      </Flex>
    </Card>
  );
}
