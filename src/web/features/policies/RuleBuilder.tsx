// The visual rule builder: groups (全部 / 任一), 不满足 (not), 例外 (unless) and conditions as nested cards, each node's faults shown where it is.
import { DeleteOutlined, MoreOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Dropdown, Flex, Segmented, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_ATTRIBUTES, type RuleAttribute, type RuleNode } from '../../../shared/rules/rule-language.ts';
import { ConditionEditor } from './ConditionEditor.tsx';
import {
  appendItem,
  canRemove,
  canUnwrap,
  childrenOf,
  faultsOfNode,
  newCondition,
  pathText,
  removeAt,
  replaceAt,
  setGroupType,
  unwrapAt,
  wrapAt,
  type Fault,
  type NodePath,
} from './rule-tree.ts';

interface Props {
  rule: RuleNode;
  onChange: (next: RuleNode) => void;
  faults: readonly Fault[];
  clauseOptions: readonly string[];
}

/** `rule-node-items.0.items.1`: a stable test id from the node's path. */
export const nodeTestId = (path: NodePath) => `rule-node${path.length ? `-${pathText(path)}` : ''}`;

export function RuleBuilder({ rule, onChange, faults, clauseOptions }: Props) {
  return (
    <div data-testid="rule-builder">
      <NodeView root={rule} node={rule} path={[]} onChange={onChange} faults={faults} clauseOptions={clauseOptions} />
    </div>
  );
}

interface NodeProps {
  root: RuleNode;
  node: RuleNode;
  path: NodePath;
  onChange: (next: RuleNode) => void;
  faults: readonly Fault[];
  clauseOptions: readonly string[];
}

function NodeFaults({ faults, testId }: { faults: readonly Fault[]; testId: string }) {
  const { t } = useTranslation();
  if (!faults.length) return null;
  return (
    <Alert
      type="error"
      style={{ marginBottom: 8 }}
      data-testid={`${testId}-faults`}
      title={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {faults.map((f) => (
            <li key={`${f.path}:${f.message}`}>
              <Typography.Text code>{f.path || t('policiesPage.builder.root')}</Typography.Text> {f.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function NodeView({ root, node, path, onChange, faults, clauseOptions }: NodeProps) {
  const { t } = useTranslation();
  const testId = nodeTestId(path);
  const children = childrenOf(node, path);
  const own = faultsOfNode(faults, path, children.map((c) => c.path));
  const clause = clauseOptions[0] ?? '';

  const menu: MenuProps['items'] = [
    { key: 'not', label: t('policiesPage.builder.wrapNot') },
    { key: 'unless', label: t('policiesPage.builder.wrapUnless') },
    { key: 'all', label: t('policiesPage.builder.wrapGroup') },
    ...(canUnwrap(root, path) ? [{ key: 'unwrap', label: t(`policiesPage.builder.unwrap.${node.type}`) }] : []),
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'unwrap') onChange(unwrapAt(root, path));
    else if (key === 'unless') onChange(wrapAt(root, path, 'unless', newCondition(root, 'tag', clause)));
    else onChange(wrapAt(root, path, key as 'not' | 'all'));
  };
  const actions = (
    <Flex gap={4}>
      <Dropdown menu={{ items: menu, onClick: onMenu }} trigger={['click']}>
        <Button size="small" type="text" icon={<MoreOutlined />} aria-label={t('policiesPage.builder.more')} data-testid={`${testId}-more`} />
      </Dropdown>
      {canRemove(root, path) && (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('policiesPage.builder.remove')} onClick={() => onChange(removeAt(root, path))} data-testid={`${testId}-remove`} />
      )}
    </Flex>
  );
  const child = (c: { node: RuleNode; path: NodePath }) => <NodeView key={pathText(c.path)} root={root} node={c.node} path={c.path} onChange={onChange} faults={faults} clauseOptions={clauseOptions} />;

  if (node.type === 'condition') {
    return (
      <Card
        size="small"
        style={{ marginBottom: 8 }}
        title={
          <Flex gap={6} align="center" style={{ minWidth: 0 }}>
            <Tag color="blue">{t(`policiesPage.attributes.${node.test.attribute}`)}</Tag>
            <Typography.Text ellipsis style={{ fontWeight: 'normal' }}>
              {node.label.zh}
            </Typography.Text>
          </Flex>
        }
        extra={actions}
        data-testid={testId}
      >
        <ConditionEditor
          condition={node}
          onChange={(next) => onChange(replaceAt(root, path, next))}
          faults={own}
          clauseOptions={clauseOptions}
          testId={`${testId}-condition`}
        />
      </Card>
    );
  }

  let title: ReactNode;
  let body: ReactNode;
  if (node.type === 'all' || node.type === 'any') {
    const addItems: MenuProps['items'] = [
      ...RULE_ATTRIBUTES.map((a) => ({ key: a, label: t(`policiesPage.attributes.${a}`) })),
      { type: 'divider' as const },
      { key: 'group:all', label: t('policiesPage.builder.newGroupAll') },
      { key: 'group:any', label: t('policiesPage.builder.newGroupAny') },
    ];
    title = (
      <Segmented
        size="small"
        value={node.type}
        onChange={(type) => onChange(setGroupType(root, path, type as 'all' | 'any'))}
        options={[
          { value: 'all', label: t('policiesPage.builder.all') },
          { value: 'any', label: t('policiesPage.builder.any') },
        ]}
        data-testid={`${testId}-type`}
      />
    );
    body = (
      <>
        {children.map(child)}
        <Dropdown
          trigger={['click']}
          menu={{
            items: addItems,
            onClick: ({ key }) => {
              const item: RuleNode = key.startsWith('group:')
                ? { type: key.slice('group:'.length) as 'all' | 'any', items: [newCondition(root, 'figure', clause)] }
                : newCondition(root, key as RuleAttribute, clause);
              onChange(appendItem(root, path, item));
            },
          }}
        >
          <Button size="small" icon={<PlusOutlined />} data-testid={`${testId}-add`}>
            {t('policiesPage.builder.add')}
          </Button>
        </Dropdown>
      </>
    );
  } else if (node.type === 'not') {
    title = <Tag color="orange">{t('policiesPage.builder.not')}</Tag>;
    body = child(children[0]);
  } else {
    title = <Tag color="purple">{t('policiesPage.builder.unless')}</Tag>;
    body = (
      <>
        <Typography.Text type="secondary">{t('policiesPage.builder.unlessRule')}</Typography.Text>
        {child(children[0])}
        <Typography.Text type="secondary">{t('policiesPage.builder.unlessException')}</Typography.Text>
        {child(children[1])}
      </>
    );
  }
  return (
    <Card size="small" style={{ marginBottom: 8, borderInlineStart: '3px solid #1677ff33' }} title={title} extra={actions} data-testid={testId} data-node-type={node.type}>
      <NodeFaults faults={own} testId={testId} />
      {body}
    </Card>
  );
}
