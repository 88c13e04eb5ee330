// The frame of a page reachable without logging in (green card verification, account registration): language and care-mode switches, one centred card.
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { CareModeToggle } from '../preferences/CareModeToggle.tsx';
import { LanguageSwitch } from '../preferences/LanguageSwitch.tsx';

export function PublicShell({ title, intro, children, width = 520 }: { title: string; intro?: string; children: ReactNode; width?: number }) {
  return (
    <Flex vertical style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #f0f7ef 0%, #eef3fb 55%, #f5f6f8 100%)' }}>
      <Flex justify="flex-end" align="center" gap={16} wrap style={{ padding: '12px 16px' }}>
        <LanguageSwitch />
        <CareModeToggle />
      </Flex>
      <Flex flex={1} justify="center" align="flex-start" style={{ padding: '4vh 16px 48px' }}>
        <Card style={{ width: '100%', maxWidth: width }} variant="borderless">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {intro && <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>}
          {children}
        </Card>
      </Flex>
    </Flex>
  );
}
