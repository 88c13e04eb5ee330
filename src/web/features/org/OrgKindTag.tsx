// A coloured tag with an icon for an organisation unit's kind (city, district, township, village, department).
import { ApartmentOutlined, BankOutlined, ClusterOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitKind } from '../../../shared/roles.ts';

export const orgKindIcons: Record<OrgUnitKind, ReactNode> = {
  city: <BankOutlined />,
  district: <ClusterOutlined />,
  township: <HomeOutlined />,
  village: <EnvironmentOutlined />,
  department: <ApartmentOutlined />,
};

const colors: Record<OrgUnitKind, string> = { city: 'red', district: 'volcano', township: 'gold', village: 'green', department: 'blue' };

export function OrgKindTag({ kind }: { kind: OrgUnitKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[kind]} icon={orgKindIcons[kind]}>
      {t(`org.kinds.${kind}`)}
    </Tag>
  );
}
