// Publish-time validation: each kind of fault is refused with the JSON path of its position, all faults at once; money converts exactly.
import { describe, expect, it } from 'vitest';
import { canonicalWan, fenToNumericLiteral, fenToWan, wanToFen } from './money.ts';
import { validateRule } from './validate-rule.ts';

const condition = (id: string, test: object) => ({ type: 'condition', id, label: { zh: '条件', en: 'condition' }, clause: '第三条', test });
const revenue = { attribute: 'figure', figure: 'revenue', year: { relative: -1 }, compare: { op: 'gte', value: '2000' } };

const faults = (rule: unknown) => {
  const result = validateRule(rule);
  return result.ok ? [] : result.errors.map((e) => e.path);
};

describe('validateRule', () => {
  it('accepts a typical rule', () => {
    const rule = { type: 'unless', rule: { type: 'all', items: [condition('a', revenue), condition('b', { attribute: 'tag', held: 'specialised' })] }, exception: condition('c', { attribute: 'credit', in: ['D'] }) };
    expect(validateRule(rule)).toEqual({ ok: true, rule });
  });

  it('refuses an unknown attribute at its path', () => {
    const result = validateRule({ type: 'all', items: [condition('a', revenue), condition('b', { attribute: 'profit', compare: { op: 'gte', value: 1 } })] });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'items.1.test.attribute' }] });
    expect(!result.ok && result.errors[0].message).toMatch(/未知属性“profit”.*\/ unknown attribute "profit"/);
  });

  it('refuses a date compared with a number, and a number compared with a date', () => {
    expect(faults(condition('a', { attribute: 'founded', op: 'before', date: 2020 }))).toEqual(['test.date']);
    expect(faults(condition('a', { attribute: 'founded', op: 'gte', value: 3 }))).toEqual(['test.op']);
    expect(faults(condition('a', { ...revenue, compare: { op: 'gte', value: '2025-01-01' } }))).toEqual(['test.compare.value']);
    expect(faults(condition('a', { ...revenue, compare: { op: 'before', value: '2000' } }))).toEqual(['test.compare.op']);
    const message = validateRule(condition('a', { attribute: 'founded', op: 'before', date: 2020 }));
    expect(!message.ok && message.errors[0].message).toMatch(/日期不能与数字比较/);
  });

  it('refuses an empty any and an empty all', () => {
    expect(faults({ type: 'all', items: [condition('a', revenue), { type: 'any', items: [] }] })).toEqual(['items.1.items']);
    expect(faults({ type: 'all', items: [] })).toEqual(['items']);
  });

  it('refuses duplicate condition ids, naming the second', () => {
    const result = validateRule({ type: 'any', items: [condition('a', revenue), { type: 'not', item: condition('a', revenue) }] });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'items.1.item.id' }] });
    expect(!result.ok && result.errors[0].message).toContain('items.0');
  });

  it('reports every fault at once', () => {
    expect(
      faults({
        type: 'all',
        items: [
          { type: 'condition', id: 'a b', label: { zh: '' }, clause: '', test: { attribute: 'size', in: ['huge'] } },
          condition('c', { attribute: 'division', within: ['3305021'] }),
          condition('d', { attribute: 'industry', in: ['C3011'], under: ['CC'] }),
          condition('e', { attribute: 'figure', figure: 'headcount', year: { relative: 1 }, compare: { op: 'between', min: 300.5, max: 20 } }),
          condition('f', { attribute: 'capital', compare: { op: 'gte', value: '1.0000001' }, extra: true }),
          { type: 'xor', items: [] },
        ],
      }),
    ).toEqual([
      'items.0.id',
      'items.0.label.zh',
      'items.0.clause',
      'items.0.test.in.0',
      'items.1.test.within.0',
      'items.2.test.in.0',
      'items.2.test.under.0',
      'items.3.test.year.relative',
      'items.3.test.compare.min',
      'items.4.test.extra',
      'items.4.test.compare.value',
      'items.5.type',
    ]);
  });

  it('checks codes against reference data when given', () => {
    const result = validateRule(condition('a', { attribute: 'division', within: ['330502', '999999'] }), { isKnownDivision: (c) => c.startsWith('33') });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'test.within.1' }] });
  });

  it('refuses deep nesting and non-objects', () => {
    let node: unknown = condition('a', revenue);
    for (let i = 0; i < 14; i++) node = { type: 'not', item: node };
    expect(faults(node)).toHaveLength(1);
    expect(faults('all')).toEqual(['']);
  });
});

describe('money', () => {
  it('converts 万元 decimals to integer fen exactly, without float arithmetic', () => {
    expect(wanToFen('2000')).toBe(2_000_000_000);
    expect(wanToFen('0.000001')).toBe(1);
    expect(wanToFen(0.1)).toBe(100_000);
    expect(wanToFen('1999.999999')).toBe(1_999_999_999);
    expect(wanToFen('-0.5')).toBe(-500_000);
    expect(wanToFen('-0')).toBe(0);
    expect(wanToFen('1500.000000')).toBe(wanToFen(1500));
    expect(wanToFen('1.0000001')).toBeNull();
    expect(wanToFen('1e3')).toBeNull();
    expect(wanToFen(1e21)).toBeNull();
    expect(wanToFen('9007199254.740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(wanToFen('9007199254.740992')).toBeNull();
    expect(fenToWan(150_050_000_000)).toBe('150050');
    expect(fenToWan(-1)).toBe('-0.000001');
    expect(fenToNumericLiteral(1)).toBe('0.000001');
    expect(canonicalWan('02000.50')).toBe('2000.5');
  });
});
