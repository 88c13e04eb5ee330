// The organisation page (组织机构): the unit tree on the left, the selected unit and its actions on the right.
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Input, Row, Switch, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnitView } from '../../../shared/schemas/index.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageSpin } from '../../components/PageSpin.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { useCareText } from '../preferences/use-care-text.ts';
import { MoveOrgUnitModal } from './MoveOrgUnitModal.tsx';
import { orgKindIcons } from './OrgKindTag.tsx';
import { activeOnly, type OrgTreeNode } from './org-tree.ts';
import { OrgUnitDetails } from './OrgUnitDetails.tsx';
import { OrgUnitFormModal, type OrgUnitFormTarget } from './OrgUnitFormModal.tsx';
import { useOrgUnits } from './use-org-units.ts';

function matches(node: OrgTreeNode, needle: string): boolean {
  return node.unit.name.includes(needle) || node.unit.code.includes(needle.toLowerCase()) || node.children.some((child) => matches(child, needle));
}

function toTreeNodes(nodes: readonly OrgTreeNode[], needle: string, inactiveLabel: string): DataNode[] {
  return nodes
    .filter((node) => !needle || matches(node, needle))
    .map((node) => ({
      key: node.unit.id,
      icon: orgKindIcons[node.unit.kind],
      title: (
        <span data-testid={`org-node-${node.unit.code}`} style={{ opacity: node.unit.active ? 1 : 0.55 }}>
          {node.unit.name}
          {!node.unit.active && <Tag style={{ marginInlineStart: 8 }}>{inactiveLabel}</Tag>}
        </span>
      ),
      children: toTreeNodes(node.children, needle, inactiveLabel),
    }));
}

export default function OrgPage() {
  const { t } = useTranslation();
  const tc = useCareText();
  const { units, tree, isLoading, error, refetch } = useOrgUnits();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [formTarget, setFormTarget] = useState<OrgUnitFormTarget | null>(null);
  const [moving, setMoving] = useState<OrgUnitView | null>(null);

  const visibleTree = useMemo(() => (showInactive ? tree : activeOnly(tree)), [tree, showInactive]);
  const treeData = useMemo(() => toTreeNodes(visibleTree, search.trim(), t('common.inactive')), [visibleTree, search, t]);
  const selected = units.find((u) => u.id === selectedId) ?? null;

  if (isLoading) return <PageSpin />;

  return (
    <div data-testid="page-org">
      <PageTitle
        title={tc('nav.org')}
        description={t('org.intro')}
        extra={
          tree.length === 0 ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setFormTarget({ mode: 'create', parent: null })}>
              {t('org.addRoot')}
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={() => void refetch()} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card>
            <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
              <Input.Search allowClear placeholder={t('org.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} style={{ maxWidth: 320 }} />
              <Flex gap={6} align="center">
                <Switch checked={showInactive} onChange={setShowInactive} aria-label={t('org.showInactive')} size="small" />
                <Typography.Text>{t('org.showInactive')}</Typography.Text>
              </Flex>
            </Flex>
            {treeData.length === 0 ? (
              <Empty description={t('org.noUnits')} />
            ) : (
              <Tree
                key={search ? `search:${search}` : 'all'}
                showIcon
                showLine
                blockNode
                defaultExpandAll={!!search}
                defaultExpandedKeys={search ? undefined : tree.map((root) => root.unit.id)}
                treeData={treeData}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => setSelectedId(keys.length > 0 ? String(keys[0]) : null)}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <OrgUnitDetails
            unit={selected}
            units={units}
            onAddChild={(parent) => setFormTarget({ mode: 'create', parent })}
            onEdit={(unit) => setFormTarget({ mode: 'edit', unit })}
            onMove={setMoving}
          />
        </Col>
      </Row>
      <OrgUnitFormModal target={formTarget} onClose={() => setFormTarget(null)} onSaved={(unit) => setSelectedId(unit.id)} />
      <MoveOrgUnitModal unit={moving} onClose={() => setMoving(null)} />
    </div>
  );
}
