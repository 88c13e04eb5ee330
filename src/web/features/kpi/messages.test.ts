// Checks that the KPI page's texts exist in zh-CN, zh-TW and en with the same keys and placeholders, and that the checker catches mistakes.
import { describe, expect, it } from 'vitest';
import { flattenMessages, messageProblems } from './message-bundles.ts';
import { kpiMessages } from './messages.ts';

describe('KPI page texts', () => {
  it('have the same keys, no empty text and the same placeholders in every language', () => {
    expect(flattenMessages(kpiMessages['zh-CN']).size).toBeGreaterThan(50);
    expect(messageProblems(kpiMessages)).toEqual([]);
  });

  it('stay under their own top-level keys', () => {
    for (const tree of Object.values(kpiMessages)) expect(Object.keys(tree).sort()).toEqual(['care', 'kpiPage']);
    for (const tree of Object.values(kpiMessages)) expect(Object.keys(tree.care)).toEqual(['kpiPage']);
  });
});

describe('messageProblems', () => {
  it('reports missing and extra keys, empty texts, other placeholders and orphan care variants', () => {
    const problems = messageProblems({
      'zh-CN': { a: { x: '{{n}} 件', y: '有' }, care: { a: { x: '件', z: '孤' } } },
      'zh-TW': { a: { x: '{{m}} 件', y: ' ' }, care: { a: { x: '件', z: '孤' } } },
      en: { a: { x: '{{n}}' }, b: 'extra', care: { a: { x: 'n', z: 'o' } } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'zh-TW: placeholders of a.x',
        'zh-TW: empty a.y',
        'en: missing a.y',
        'en: extra b',
        'care variant without a usual text: care.a.z',
      ]),
    );
    expect(problems).toHaveLength(5);
  });
});
