// The top bar: product name, notifications, the user and their unit, language switch, care toggle and logout.
import { KeyOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dropdown, Flex, Grid, Layout, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { logout } from '../../features/auth/api.ts';
import { ChangePasswordModal } from '../../features/auth/ChangePasswordModal.tsx';
import { homePathFor } from '../../features/auth/role-home.ts';
import { useSession } from '../../features/auth/use-me.ts';
import { CareModeToggle } from '../../features/preferences/CareModeToggle.tsx';
import { NotificationBell } from '../../features/notifications/NotificationBell.tsx';
import { LanguageSwitch } from '../../features/preferences/LanguageSwitch.tsx';
import { usePreferences } from '../../features/preferences/PreferencesProvider.tsx';

export function AppHeader({ onOpenNav }: { onOpenNav?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { careMode } = usePreferences();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [loggingOut, setLoggingOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  async function signOut() {
    setLoggingOut(true);
    try {
      await logout();
    } catch {
      // the session may already be gone; leaving is what the user asked for either way
    }
    queryClient.clear();
    navigate('/login', { replace: true });
  }

  const unitOrEnterprise = user.enterpriseName ?? user.orgUnitName;

  const brand = (
    <Flex align="center" gap={8} style={{ minWidth: 0 }}>
      {onOpenNav && <Button type="text" icon={<MenuOutlined />} onClick={onOpenNav} aria-label={t('header.openNav')} data-testid="nav-toggle" />}
      <Link to={homePathFor(user.roles)} style={{ display: 'flex', alignItems: 'baseline', gap: 8 }}>
        <Typography.Title level={4} style={{ margin: 0, color: '#c8102e', letterSpacing: 2, whiteSpace: 'nowrap' }}>
          {t('app.name')}
        </Typography.Title>
        {wide && !careMode && <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>}
      </Link>
    </Flex>
  );

  const userMenu = (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          ...(wide ? [] : [{ key: 'who', label: unitOrEnterprise ? `${user.displayName} · ${unitOrEnterprise}` : user.displayName, disabled: true }]),
          { key: 'password', icon: <KeyOutlined />, label: t('profile.changePassword'), onClick: () => setChangingPassword(true) },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" aria-label={user.displayName} style={{ height: 'auto', paddingBlock: 4 }}>
        <Flex align="center" gap={6}>
          <UserOutlined />
          <Flex vertical align="flex-start" style={{ lineHeight: 1.3 }}>
            <Typography.Text strong data-testid="current-user-name" style={wide ? undefined : { maxWidth: 110 }} ellipsis>
              {user.displayName}
            </Typography.Text>
            {wide && !careMode && unitOrEnterprise && (
              <Typography.Text type="secondary" style={{ fontSize: '0.85em' }} data-testid="current-user-unit">
                {unitOrEnterprise}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      </Button>
    </Dropdown>
  );

  const logoutButton = (
    <Button data-testid="logout" icon={<LogoutOutlined />} onClick={signOut} loading={loggingOut} aria-label={t('header.logout')}>
      {wide ? t('header.logout') : null}
    </Button>
  );

  return (
    <Layout.Header
      style={{
        background: '#fff',
        borderBottom: '1px solid #e5e7eb',
        padding: wide ? '0 24px' : '0 12px',
        height: 'auto',
        minHeight: careMode ? 80 : 64,
        lineHeight: 'normal',
        position: 'sticky',
        top: 0,
        zIndex: 10,
      }}
    >
      {wide ? (
        <Flex align="center" justify="space-between" gap={12} wrap style={{ minHeight: careMode ? 80 : 64, paddingBlock: 6 }}>
          {brand}
          <Flex align="center" gap={16} wrap justify="flex-end" style={{ marginInlineStart: 'auto' }}>
            <NotificationBell />
            {userMenu}
            <LanguageSwitch />
            <CareModeToggle />
            {logoutButton}
          </Flex>
        </Flex>
      ) : (
        <Flex vertical gap={6} style={{ paddingBlock: 6 }}>
          <Flex align="center" justify="space-between" gap={8}>
            {brand}
            <Flex align="center" gap={4}>
              <NotificationBell />
              {userMenu}
              {logoutButton}
            </Flex>
          </Flex>
          <Flex align="center" justify="space-between" gap={8} wrap>
            <LanguageSwitch size="small" />
            <CareModeToggle />
          </Flex>
        </Flex>
      )}
      <ChangePasswordModal open={changingPassword} onClose={() => setChangingPassword(false)} />
    </Layout.Header>
  );
}
