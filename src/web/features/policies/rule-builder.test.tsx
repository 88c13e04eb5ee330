// @vitest-environment jsdom
// Component tests of the rule editor with a faked API: building a tree with the builder, editing a condition (the label follows the threshold until written by hand), the JSON text view round trip, faults at their nodes, the debounced live count and the server's faults.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { RuleNode } from '../../../shared/rules/rule-language.ts';
import type { EnterprisePolicyItem } from '../../../shared/schemas/policies.ts';
import { byEligibility, conditionMark, PolicyMatchCard } from './MyPoliciesPage.tsx';
import { RuleEditor } from './RuleEditor.tsx';
import { newCondition, newRule } from './rule-tree.ts';
import './messages.ts';
import { renderSignedIn } from '../../test-support/render-signed-in.tsx';
import { useFakeApi } from '../../test-support/fake-api.ts';

// antd renders slowly in jsdom and the machine is shared: generous time per test.
vi.setConfig({ testTimeout: 60_000 });
configure({ asyncUtilTimeout: 15_000 });

const api = useFakeApi();
const calls = api.calls;

const wrap = (ui: ReactNode) => renderSignedIn(ui, { username: 'policy', displayName: '政策专员', roles: ['policy_officer'], abilities: ['policy.read', 'policy.edit', 'policy.publish', 'policy.matches'] });

/** The rule as the editor last reported it. */
let latest: unknown;

function Harness({ initial, liveCount = false }: { initial: unknown; liveCount?: boolean }) {
  const [value, setValue] = useState<unknown>(initial);
  return (
    <RuleEditor
      value={value}
      onChange={(next) => {
        latest = next;
        setValue(next);
      }}
      clauseOptions={['第三条', '第五条']}
      liveCount={liveCount}
    />
  );
}

const rule = () => latest as RuleNode & Record<string, never>;
const input = (testId: string) => screen.getByTestId(testId) as HTMLInputElement;
/** Opens a click-triggered dropdown and picks an item by its text. */
async function pick(triggerTestId: string, itemText: string) {
  fireEvent.click(screen.getByTestId(triggerTestId));
  const items = await screen.findAllByText(itemText);
  fireEvent.click(items[items.length - 1]);
}

describe('building a tree', () => {
  it('adds conditions and groups, negates, adds an exception, switches all/any and removes, keeping ids unique', async () => {
    latest = newRule('第三条');
    wrap(<Harness initial={latest} />);
    await pick('rule-node-add', '企业标签');
    await waitFor(() => expect((rule().items as RuleNode[]).length).toBe(2));
    expect(rule().items[1]).toMatchObject({ type: 'condition', id: 'tag', clause: '第三条', test: { attribute: 'tag', held: 'specialised' } });

    await pick('rule-node-items.1-more', '取反（不满足）');
    await waitFor(() => expect(rule().items[1]).toMatchObject({ type: 'not', item: { id: 'tag' } }));
    expect(screen.getByTestId('rule-node-items.1').getAttribute('data-node-type')).toBe('not');

    await pick('rule-node-items.0-more', '添加例外情形');
    await waitFor(() => expect(rule().items[0]).toMatchObject({ type: 'unless', rule: { id: 'figure' }, exception: { type: 'condition', id: 'tag-2', test: { attribute: 'tag' } } }));
    expect(screen.getByTestId('rule-node-items.0.exception')).toBeTruthy();

    await pick('rule-node-add', '添加“任一满足”组');
    await waitFor(() => expect(rule().items[2]).toMatchObject({ type: 'any', items: [{ id: 'figure-2' }] }));

    fireEvent.click(within(screen.getByTestId('rule-node-type')).getByText('任一满足'));
    await waitFor(() => expect(rule().type).toBe('any'));

    fireEvent.click(screen.getByTestId('rule-node-items.1-remove'));
    await waitFor(() => expect((rule().items as RuleNode[]).map((n) => n.type)).toEqual(['unless', 'any']));
    // a group's last item cannot be removed
    expect(screen.queryByTestId('rule-node-items.1.items.0-remove')).toBeNull();
  });
});

describe('editing a condition', () => {
  it('changes the threshold with the label following it, until the label is written by hand', async () => {
    latest = newRule('第三条');
    wrap(<Harness initial={latest} />);
    const prefix = 'rule-node-items.0-condition';
    expect(input(`${prefix}-label`).value).toBe('上年营业收入 ≥ 2000 万元');
    fireEvent.change(input(`${prefix}-value`), { target: { value: '3000' } });
    await waitFor(() => expect(rule().items[0]).toMatchObject({ test: { compare: { op: 'gte', value: '3000' } }, label: { zh: '上年营业收入 ≥ 3000 万元' } }));
    expect(input(`${prefix}-label`).value).toBe('上年营业收入 ≥ 3000 万元');

    fireEvent.change(input(`${prefix}-label`), { target: { value: '上一年度营业收入不低于三千万元' } });
    fireEvent.change(input(`${prefix}-value`), { target: { value: '4000' } });
    await waitFor(() => expect(rule().items[0]).toMatchObject({ test: { compare: { value: '4000' } }, label: { zh: '上一年度营业收入不低于三千万元' } }));

    fireEvent.change(input(`${prefix}-id`), { target: { value: 'revenue' } });
    await waitFor(() => expect(rule().items[0]).toMatchObject({ id: 'revenue' }));
  });

  it('shows each node its own faults: an empty division list at the condition, a bad number at its field', async () => {
    latest = { type: 'all', items: [{ ...newCondition(null, 'figure', '第三条'), test: { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '12,000' } } }, newCondition(null, 'division', '第三条')] };
    wrap(<Harness initial={latest} />);
    const first = await screen.findByTestId('rule-node-items.0-condition-faults');
    expect(first.textContent).toContain('items.0.test.compare.value');
    const second = screen.getByTestId('rule-node-items.1-condition-faults');
    expect(second.textContent).toContain('items.1.test.within');
    expect(second.textContent).not.toContain('items.0');
    expect(screen.getByTestId('rule-fault-summary').textContent).toContain('2');
    // choosing a division is done with the cascader; removing the bad number fixes the first
    fireEvent.change(input('rule-node-items.0-condition-value'), { target: { value: '12000' } });
    await waitFor(() => expect(screen.queryByTestId('rule-node-items.0-condition-faults')).toBeNull());
  });
});

describe('JSON text view', () => {
  it('shows the same rule as text, takes edits back into the builder, and refuses broken text', async () => {
    latest = newRule('第三条');
    wrap(<Harness initial={latest} />);
    fireEvent.click(screen.getByTestId('rule-tab-json'));
    const area = (await screen.findByTestId('rule-json')) as HTMLTextAreaElement;
    expect(JSON.parse(area.value)).toEqual(latest);

    const edited = JSON.parse(area.value);
    edited.items[0].test.compare.value = '5000';
    edited.items.push({ type: 'condition', id: 'credit', label: { zh: '纳税信用 A 级' }, clause: '第四条', test: { attribute: 'credit', in: ['A'] } });
    fireEvent.change(area, { target: { value: JSON.stringify(edited, null, 2) } });
    await waitFor(() => expect(latest).toEqual(edited));

    fireEvent.click(screen.getByTestId('rule-tab-builder'));
    await waitFor(() => expect(input('rule-node-items.0-condition-value').value).toBe('5000'));
    expect(input('rule-node-items.1-condition-label').value).toBe('纳税信用 A 级');

    fireEvent.click(screen.getByTestId('rule-tab-json'));
    const again = (await screen.findByTestId('rule-json')) as HTMLTextAreaElement;
    expect(JSON.parse(again.value)).toEqual(edited);
    fireEvent.change(again, { target: { value: '{"type": "all", "items": [' } });
    expect((await screen.findByTestId('rule-json-error')).textContent).toContain('JSON 格式错误');
    expect(latest).toEqual(edited);

    fireEvent.change(again, { target: { value: JSON.stringify({ type: 'all', items: [{ ...edited.items[0], test: { attribute: 'profit' } }] }) } });
    const faults = await screen.findByTestId('rule-json-faults');
    expect(faults.textContent).toContain('items.0.test.attribute');
    expect(faults.textContent).toContain('profit');
    // the builder cannot show an unknown attribute: its tab stays closed until the text is corrected
    expect(screen.getByTestId('rule-tab-builder').closest('[aria-disabled="true"], .ant-tabs-tab-disabled')).toBeTruthy();
  });
});

describe('live count', () => {
  it('asks the server a moment after an edit, shows the count, and shows its faults at their node', async () => {
    api.handler = ({ method, url, body }) => {
      if (method === 'POST' && url.pathname === '/api/v1/policies/rule-check') {
        const value = (body as { rule: { items: { test: { compare: { value: string } } }[] } }).rule.items[0].test.compare.value;
        if (value === '999999') return { status: 400, body: { error: { code: 'validation_failed', message: '规则有误', details: [{ path: 'rule.items.0.test.compare.value', message: '服务器：超出范围' }] } } };
        return { status: 200, body: { valid: true, eligible: Number(value) === 2000 ? 42 : 17, pending: 3, nearMiss: 7, total: 1000, ms: 12.3 } };
      }
      return { status: 404, body: { error: { code: 'not_found', message: 'not found', details: [] } } };
    };
    latest = newRule('第三条');
    wrap(<Harness initial={latest} liveCount />);
    await waitFor(() => expect(screen.getByTestId('rule-count').getAttribute('data-eligible')).toBe('42'));
    expect(screen.getByTestId('rule-count').textContent).toContain('42');
    expect(screen.getByTestId('rule-count').textContent).toContain('共 1000 家企业');

    for (const v of ['3', '30', '300', '3000']) fireEvent.change(input('rule-node-items.0-condition-value'), { target: { value: v } });
    await waitFor(() => expect(screen.getByTestId('rule-count').getAttribute('data-eligible')).toBe('17'));
    // typing quickly sends one request for the settled rule, not one per keystroke
    const checks = calls.filter((c) => c.path === '/api/v1/policies/rule-check');
    expect(checks.map((c) => (c.body as { rule: { items: { test: { compare: { value: string } } }[] } }).rule.items[0].test.compare.value)).toEqual(['2000', '3000']);

    fireEvent.change(input('rule-node-items.0-condition-value'), { target: { value: '999999' } });
    const faults = await screen.findByTestId('rule-node-items.0-condition-faults');
    expect(faults.textContent).toContain('服务器：超出范围');
  });
});

describe('政策匹配 cards', () => {
  const item = (policyId: string, eligible: EnterprisePolicyItem['eligible']): EnterprisePolicyItem => ({
    policyId,
    version: 1,
    title: `政策 ${policyId.slice(-1)}`,
    documentNumber: '湖政办发〔2026〕1号',
    mode: 'automatic',
    benefit: { kind: 'subsidy', amount: { type: 'fixed', wan: '100' } },
    eligible,
    conditions: [
      { id: 'revenue', label: '上年营业收入 ≥ 2000 万元', labelEn: null, clause: '第三条', result: false, met: false, actual: '1500', actualText: { zh: '贵企业 2025 年为 1500 万元', 'zh-TW': '貴企業 2025 年為 1500 萬元', en: 'yours: 1500 in 2025' } },
      { id: 'sme', label: '中小微企业', labelEn: null, clause: '第三条', result: true, met: true, actual: 'small', actualText: { zh: '小型', 'zh-TW': '小型', en: 'small' } },
      { id: 'tax', label: '上年纳税额 ≥ 10 万元', labelEn: null, clause: '第四条', result: 'unknown', met: false, actual: null, actualText: { zh: '缺少贵企业 2025 年纳税额', 'zh-TW': '缺少貴企業 2025 年納稅額', en: 'no 2025 tax figure' } },
    ],
    explanation: { zh: '符合 1/3 项；未满足：上年营业收入 ≥ 2000 万元，贵企业 2025 年为 1500 万元', 'zh-TW': '符合 1/3 項', en: 'meets 1 of 3' },
  });

  it('orders qualifying first, then pending, then the rest, keeping the server order within each', () => {
    const items = [item('00000000-0000-4000-8000-000000000001', false), item('00000000-0000-4000-8000-000000000002', 'unknown'), item('00000000-0000-4000-8000-000000000003', true), item('00000000-0000-4000-8000-000000000004', true)];
    expect(byEligibility(items).map((i) => i.policyId.slice(-1))).toEqual(['3', '4', '2', '1']);
  });

  it('marks an exception that does not apply as met because the server says so, whatever its result', () => {
    const exception = { id: 'giant', label: '专精特新“小巨人”', labelEn: null, clause: '第五条', result: false as const, met: false, actual: 'not held', actualText: { zh: '', 'zh-TW': '', en: '' } };
    expect(conditionMark(exception)).toBe('not-met');
    expect(conditionMark({ ...exception, met: true })).toBe('met');
    expect(conditionMark({ ...exception, result: true, met: false })).toBe('not-met');
    expect(conditionMark({ ...exception, result: 'unknown', met: true })).toBe('unknown');
  });

  it('shows the explanation and a ✓ / ✗ / ? per condition with the data used', () => {
    wrap(<PolicyMatchCard item={item('00000000-0000-4000-8000-000000000001', false)} />);
    expect(screen.getByTestId('my-policy-explanation').textContent).toContain('未满足：上年营业收入 ≥ 2000 万元，贵企业 2025 年为 1500 万元');
    const marks = ['revenue', 'sme', 'tax'].map((id) => screen.getByTestId(`my-policy-condition-${id}`).querySelector('[data-result]')?.getAttribute('data-result'));
    expect(marks).toEqual(['not-met', 'met', 'unknown']);
    expect(screen.getByTestId('my-policy-condition-tax').textContent).toContain('缺少贵企业 2025 年纳税额');
    expect(screen.getByText('暂不符合')).toBeTruthy();
    expect(screen.getByText(/资金奖补：100 万元/)).toBeTruthy();
  });
});
