// The side navigation: one menu item per allowed entry, each a link with a stable data-testid `nav-<key>`.
import {
  AlertOutlined,
  ApiOutlined,
  AuditOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  CalendarOutlined,
  DashboardOutlined,
  EditOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  OrderedListOutlined,
  PhoneOutlined,
  ProfileOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { CarOutlined, IdcardOutlined, NodeIndexOutlined, UserAddOutlined } from '@ant-design/icons';
import { BankOutlined, DatabaseOutlined } from '@ant-design/icons';
import { AccountBookOutlined, GiftOutlined, ReadOutlined } from '@ant-design/icons';
import { AuditOutlined as ReviewOutlined, SolutionOutlined } from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useCareText } from '../../features/preferences/use-care-text.ts';
import { activeNavKey, type NavEntry, type NavKey } from '../navigation.ts';

const icons: Record<NavKey, ReactNode> = {
  portal: <ShopOutlined />,
  workbench: <HomeOutlined />,
  dashboard: <DashboardOutlined />,
  admin: <SettingOutlined />,
  myAppeals: <FileSearchOutlined />,
  submitAppeal: <FormOutlined />,
  triage: <InboxOutlined />,
  myWork: <ScheduleOutlined />,
  followUps: <PhoneOutlined />,
  supervision: <AlertOutlined />,
  ledger: <OrderedListOutlined />,
  registerAppeal: <EditOutlined />,
  kpi: <BarChartOutlined />,
  appealRules: <ProfileOutlined />,
  users: <TeamOutlined />,
  org: <ApartmentOutlined />,
  calendar: <CalendarOutlined />,
  audit: <AuditOutlined />,
  tokens: <ApiOutlined />,
  myRelations: <CarOutlined />,
  relationAssignments: <NodeIndexOutlined />,
  greenCards: <IdcardOutlined />,
  enterpriseAccounts: <UserAddOutlined />,
  enterpriseMembers: <UserAddOutlined />,
  enterprises: <DatabaseOutlined />,
  myEnterprise: <BankOutlined />,
  policies: <ReadOutlined />,
  myPolicies: <GiftOutlined />,
  policyPayouts: <AccountBookOutlined />,
  myApplications: <SolutionOutlined />,
  applicationReview: <ReviewOutlined />,
  applicationReading: <ReviewOutlined />,
};

export function NavMenu({ entries, onNavigate }: { entries: readonly NavEntry[]; onNavigate?: () => void }) {
  const tc = useCareText();
  const { pathname } = useLocation();
  const selected = activeNavKey(entries, pathname);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={onNavigate}
      items={entries.map((entry) => ({
        key: entry.key,
        icon: icons[entry.key],
        label: (
          <Link to={entry.path} data-testid={`nav-${entry.key}`}>
            {tc(entry.labelKey)}
          </Link>
        ),
      }))}
    />
  );
}
