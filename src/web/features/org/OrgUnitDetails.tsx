// The panel beside the tree: the selected unit's facts and its actions (add child, edit, move, (de)activate).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { allowedChildKinds } from '../../../shared/roles.ts';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { errorMessage } from '../../lib/error-message.ts';
import { usePreferences } from '../preferences/PreferencesProvider.tsx';
import { orgKeys, updateOrgUnit } from './api.ts';
import { OrgKindTag } from './OrgKindTag.tsx';
import { pathTo } from './org-tree.ts';

interface Props {
  unit: OrgUnitView | null;
  units: readonly OrgUnitView[];
  onAddChild: (parent: OrgUnitView) => void;
  onEdit: (unit: OrgUnitView) => void;
  onMove: (unit: OrgUnitView) => void;
}

export function OrgUnitDetails({ unit, units, onAddChild, onEdit, onMove }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings } = usePreferences();
  const queryClient = useQueryClient();
  const setActive = useMutation({
    mutationFn: (active: boolean) => updateOrgUnit(unit!.id, { active }),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: orgKeys.units });
      void message.success(saved.active ? t('org.reactivated') : t('org.deactivated'));
    },
    onError: (failure) => void message.error(errorMessage(failure, t)),
  });

  if (!unit) {
    return (
      <Card>
        <Empty description={t('org.selectHint')} />
      </Card>
    );
  }
  const parentPath = pathTo(units, unit.id).slice(0, -1);
  const canHaveChildren = allowedChildKinds[unit.kind].length > 0 && unit.active;

  return (
    <Card title={unit.name} data-testid="org-unit-details" extra={unit.active ? null : <Tag>{t('common.inactive')}</Tag>}>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('org.kind')}>
          <OrgKindTag kind={unit.kind} />
        </Descriptions.Item>
        <Descriptions.Item label={t('org.code')}>{unit.code}</Descriptions.Item>
        <Descriptions.Item label={t('org.divisionCode')}>{unit.divisionCode ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('org.parent')}>{parentPath.length > 0 ? parentPath.map((u) => u.name).join(' / ') : t('org.topLevel')}</Descriptions.Item>
        {settings.showSecondary && <Descriptions.Item label={t('org.sortOrder')}>{unit.sortOrder}</Descriptions.Item>}
        <Descriptions.Item label={t('common.status')}>{unit.active ? t('common.active') : t('common.inactive')}</Descriptions.Item>
      </Descriptions>
      <Flex gap={8} wrap style={{ marginTop: 16 }}>
        {canHaveChildren && (
          <Button type="primary" onClick={() => onAddChild(unit)} data-testid="org-add-child">
            {t('org.addChild')}
          </Button>
        )}
        <Button onClick={() => onEdit(unit)} data-testid="org-edit">
          {t('common.edit')}
        </Button>
        {unit.parentId && (
          <Button onClick={() => onMove(unit)} data-testid="org-move">
            {t('org.move')}
          </Button>
        )}
        {unit.active ? (
          <Popconfirm title={t('org.deactivateConfirm', { name: unit.name })} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={() => setActive.mutate(false)}>
            <Button danger loading={setActive.isPending} data-testid="org-deactivate">
              {t('org.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button onClick={() => setActive.mutate(true)} loading={setActive.isPending}>
            {t('org.reactivate')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
