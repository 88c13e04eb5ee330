// Small coloured tags for an enterprise's size class and its registry tags (规上, 专精特新 …).
import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EnterpriseTag, SizeClassName } from '../../../shared/schemas/enterprises.ts';

const sizeColours: Record<SizeClassName, string> = { large: 'magenta', medium: 'geekblue', small: 'green', micro: 'cyan' };
const tagColours: Record<EnterpriseTag, string> = {
  above_scale: 'blue',
  specialised: 'purple',
  little_giant: 'gold',
  high_tech: 'volcano',
  tech_sme: 'lime',
  whitelist: 'green',
  ipo_reserve: 'orange',
};

export function SizeTag({ size, year }: { size: SizeClassName | null; year?: number | null }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={size ? sizeColours[size] : 'default'} data-testid="size-tag" data-size={size ?? 'none'}>
      {t(`enterprisesPage.sizes.${size ?? 'none'}`)}
    </Tag>
  );
  return year ? <Tooltip title={t('enterprisesPage.sizeOfYear', { year })}>{tag}</Tooltip> : tag;
}

export function RegistryTag({ tag, muted = false }: { tag: EnterpriseTag; muted?: boolean }) {
  const { t } = useTranslation();
  return (
    <Tag color={muted ? 'default' : tagColours[tag]} style={muted ? { textDecoration: 'line-through' } : undefined}>
      {t(`enterprisesPage.tags.${tag}`)}
    </Tag>
  );
}
