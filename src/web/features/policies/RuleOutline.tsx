// A read-only outline of a rule: groups, negations and exceptions indented, each condition with its label and clause.
import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleNode } from '../../../shared/rules/rule-language.ts';
import { isBuildable } from './rule-tree.ts';

export function RuleOutline({ rule }: { rule: unknown }) {
  const { t } = useTranslation();
  if (!isBuildable(rule)) return <Typography.Text type="secondary">{t('policiesPage.detail.ruleUnreadable')}</Typography.Text>;
  return (
    <div data-testid="rule-outline">
      <OutlineNode node={rule} />
    </div>
  );
}

function OutlineNode({ node }: { node: RuleNode }) {
  const { t, i18n } = useTranslation();
  const indent = { paddingInlineStart: 16, borderInlineStart: '2px solid rgba(5,5,5,0.08)', marginBlock: 4 };
  switch (node.type) {
    case 'condition':
      return (
        <div style={{ marginBlock: 4 }} data-testid={`outline-condition-${node.id}`}>
          <Typography.Text>{i18n.language === 'en' && node.label.en ? node.label.en : node.label.zh}</Typography.Text>{' '}
          <Typography.Text type="secondary" style={{ fontSize: '0.85em' }}>
            {node.clause}
          </Typography.Text>
        </div>
      );
    case 'all':
    case 'any':
      return (
        <div>
          <Tag>{t(`policiesPage.outline.${node.type}`)}</Tag>
          <div style={indent}>
            {node.items.map((item, i) => (
              <OutlineNode key={i} node={item} />
            ))}
          </div>
        </div>
      );
    case 'not':
      return (
        <div>
          <Tag color="orange">{t('policiesPage.outline.not')}</Tag>
          <div style={indent}>
            <OutlineNode node={node.item} />
          </div>
        </div>
      );
    case 'unless':
      return (
        <div>
          <OutlineNode node={node.rule} />
          <Tag color="purple">{t('policiesPage.outline.unless')}</Tag>
          <div style={indent}>
            <OutlineNode node={node.exception} />
          </div>
        </div>
      );
  }
}
