// reviewWorkingDays joins the policy content without changing the hash of content that does not set it: the demo policies hash as they did before the field existed.
import { describe, expect, it } from 'vitest';
import { demoPolicies } from '../../demo/seed-demo-policies.ts';
import { canonicalJson } from '../../platform/crypto.ts';
import { contentHash, contentOfInput, reviewWorkingDaysOf } from './policy-content.ts';

// Computed by policy-content.ts as it was before reviewWorkingDays (commit 56382fe) for the demo policies of 2026.
const hashesBefore = [
  'b9963de3b6f07d9b67a2499590aa5f8d2bdb69683052dad536c81b5b45b690b1',
  'c0dcfd9fda76c752ec612ac78b8710f2278eded2f0a1923b13773d766176187b',
  'a87c2a83a0b739edc3da2ae008875625545b1659365544fddaa4cd2e4ee7ddf9',
];

describe('reviewWorkingDays in the policy content', () => {
  const inputs = demoPolicies(2026).map((input) => ({ ...input, responsibleUnitId: null }));

  it('leaves the hash of content without it unchanged (the existing demo policies)', () => {
    expect(inputs.slice(0, 3).map((input) => contentHash(contentOfInput(input)))).toEqual(hashesBefore);
    expect(contentHash(contentOfInput({ ...inputs[1], reviewWorkingDays: null }))).toBe(hashesBefore[1]);
    expect(canonicalJson(contentOfInput(inputs[1]))).not.toContain('reviewWorkingDays');
  });

  it('is part of the content (and its hash) when set, and defaults to 10 working days', () => {
    const set = contentOfInput({ ...inputs[1], reviewWorkingDays: 15 });
    expect(canonicalJson(set)).toContain('"reviewWorkingDays":15');
    expect(contentHash(set)).not.toBe(hashesBefore[1]);
    expect(reviewWorkingDaysOf(set)).toBe(15);
    expect(reviewWorkingDaysOf(contentOfInput(inputs[1]))).toBe(10);
  });
});
