// A clickable card that leads to a working page (the counterpart of ComingSoonCard).
import { RightOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function LinkCard({ to, icon, title, description, testId, badge }: { to: string; icon: ReactNode; title: ReactNode; description?: ReactNode; testId?: string; badge?: ReactNode }) {
  return (
    <Link to={to} data-testid={testId} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }}>
        <Flex vertical gap={8}>
          <Flex justify="space-between" align="center">
            <span style={{ fontSize: '2em', color: '#1456d9', lineHeight: 1 }} aria-hidden="true">
              {icon}
            </span>
            <Flex align="center" gap={8}>
              {badge}
              <RightOutlined aria-hidden="true" />
            </Flex>
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {description && <Typography.Text type="secondary">{description}</Typography.Text>}
        </Flex>
      </Card>
    </Link>
  );
}
