// What an explanation says of the enterprise's own value: figures with their year and unit, tags held or not, codes as words.
import { describe, expect, it } from 'vitest';
import { describeActual } from './explain.ts';

describe('describeActual', () => {
  it('names a size class and a taxpayer type in words, never as codes', () => {
    expect(describeActual({ attribute: 'size', value: 'small' })).toEqual({ zh: '贵企业企业规模为小型', en: expect.stringContaining('small') });
    expect(describeActual({ attribute: 'taxpayer', value: 'small_scale' }).zh).toContain('小规模纳税人');
    expect(describeActual({ attribute: 'size', value: null }).zh).toMatch(/^缺少/);
  });

  it('states a figure with its year and unit, and says which year is missing', () => {
    expect(describeActual({ attribute: 'figure', figure: 'revenue', year: 2025, value: '1500' } as never).zh).toBe('贵企业 2025 年为 1500 万元');
    expect(describeActual({ attribute: 'figure', figure: 'headcount', year: 2025, value: null } as never).zh).toBe('缺少贵企业 2025 年从业人员');
  });
});
