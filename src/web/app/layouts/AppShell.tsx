// The signed-in frame for every role: header, side navigation (a drawer on phones) and the page outlet.
import { Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { layoutVariantFor } from '../../features/auth/role-home.ts';
import { useSession } from '../../features/auth/use-me.ts';
import { CalendarMissingBanner } from '../../features/calendar/CalendarMissingBanner.tsx';
import { usePreferences } from '../../features/preferences/PreferencesProvider.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { navEntriesFor } from '../navigation.ts';
import { AppHeader } from './AppHeader.tsx';
import { NavMenu } from './NavMenu.tsx';

export function AppShell() {
  const { t } = useTranslation();
  const me = useSession();
  const { settings, careMode } = usePreferences();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.md;
  const [navOpen, setNavOpen] = useState(false);
  const variant = layoutVariantFor(me.user.roles);
  const entries = navEntriesFor(variant, me.abilities, { careMode, limit: settings.navLimit, roles: me.user.roles });
  const siderWidth = careMode ? 280 : 220;

  return (
    <Layout data-testid={`layout-${variant}`} data-care-mode={careMode} style={{ minHeight: '100vh' }}>
      <AppHeader onOpenNav={wide ? undefined : () => setNavOpen(true)} />
      <Layout>
        {wide ? (
          <Layout.Sider width={siderWidth} theme="light" style={{ borderInlineEnd: '1px solid #e5e7eb' }}>
            <nav aria-label={t('header.navigation')}>
              <NavMenu entries={entries} />
            </nav>
          </Layout.Sider>
        ) : (
          <Drawer placement="left" open={navOpen} onClose={() => setNavOpen(false)} size={siderWidth} title={me.user.displayName} styles={{ body: { padding: 0 } }}>
            <nav aria-label={t('header.navigation')}>
              <NavMenu entries={entries} onNavigate={() => setNavOpen(false)} />
            </nav>
          </Drawer>
        )}
        <Layout.Content style={{ padding: wide ? 24 : 12, minWidth: 0 }}>
          {me.abilities.includes('calendar.edit') && <CalendarMissingBanner />}
          <main>
            <Suspense fallback={<PageSpin />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
