// Tests of the small intake rules (title from text, file checks) and of list filters kept in the URL.
import { describe, expect, it } from 'vitest';
import { checkFile, formatBytes, MAX_ATTACHMENT_BYTES } from './attachment-rules.ts';
import { assignEach } from './bulk-assign.ts';
import { titleFromContent } from './intake.ts';
import { filtersFromSearch, searchFromFilters } from './list-presets.ts';

describe('titleFromContent', () => {
  it('takes the first sentence, at most 30 characters', () => {
    expect(titleFromContent('  园区门口路灯坏了半个月，晚上下班不安全。请尽快修。')).toBe('园区门口路灯坏了半个月，晚上下班不安全');
    const long = '一'.repeat(40);
    expect(titleFromContent(long)).toBe(`${'一'.repeat(29)}…`);
    expect(titleFromContent('停电\n已经三天')).toBe('停电');
  });
});

describe('checkFile', () => {
  it('accepts images and PDFs up to 20 MB', () => {
    expect(checkFile({ name: '现场.JPG', size: 1000 })).toBeNull();
    expect(checkFile({ name: '材料.pdf', size: MAX_ATTACHMENT_BYTES })).toBeNull();
    expect(checkFile({ name: '材料.pdf', size: MAX_ATTACHMENT_BYTES + 1 })).toBe('tooLarge');
    expect(checkFile({ name: 'setup.exe', size: 10 })).toBe('wrongType');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('filters in the URL', () => {
  it('survive a round trip and ignore junk', () => {
    const filters = { q: '供电', status: ['signed' as const, 'paused' as const], policyId: '00000000-0000-4000-8000-0000000000a1', overdue: true, from: '2026-01-01', to: '2026-11-30', sort: 'deadline' as const };
    expect(filtersFromSearch(searchFromFilters(filters, 3))).toEqual({ filters, page: 3 });
    expect(filtersFromSearch(new URLSearchParams('overdue=maybe&from=yesterday&page=-2&sort=random&policyId=x'))).toEqual({ filters: {}, page: 1 });
  });
});

describe('assignEach', () => {
  it('assigns one after another and reports each failure on its row', async () => {
    const order: string[] = [];
    const items = [
      { id: 'a', number: 'SQ1', title: 'x' },
      { id: 'b', number: 'SQ2', title: 'y' },
      { id: 'c', number: 'SQ3', title: 'z' },
    ];
    const outcomes = await assignEach(
      items,
      { departmentId: 'd' },
      async (id) => {
        order.push(id);
        if (id === 'b') throw new Error('状态为 assigned 时不能 assign');
      },
      (error) => (error as Error).message,
    );
    expect(order).toEqual(['a', 'b', 'c']);
    expect(outcomes.map((o) => [o.item.number, o.error])).toEqual([
      ['SQ1', null],
      ['SQ2', '状态为 assigned 时不能 assign'],
      ['SQ3', null],
    ]);
  });
});
