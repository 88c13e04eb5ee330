// Tests of the application pages' pure rules: the POST body, phone and amount checks, condition labels, who reads the review queue, and the review countdown's colours.
import { describe, expect, it } from 'vitest';
import { workingDayTest } from '../../appeals/working-time.ts';
import { applyBodyOf, conditionLabelText, contactPhonePattern, isPositiveAmount, reviewCountdown } from './application-rules.ts';
import { mayReadReviews } from './review-access.tsx';

describe('applyBodyOf', () => {
  it('trims, leaves out an empty statement and always says confirmed: true', () => {
    expect(applyBodyOf({ contactName: ' 王芳 ', contactPhone: ' 13800001234 ', statement: '   ', confirmed: true })).toEqual({ contactName: '王芳', contactPhone: '13800001234', confirmed: true });
    expect(applyBodyOf({ contactName: '王芳', contactPhone: '0572-2398000', statement: ' 附 2025 年审计报告 ' })).toEqual({ contactName: '王芳', contactPhone: '0572-2398000', statement: '附 2025 年审计报告', confirmed: true });
  });
});

describe('field checks', () => {
  it('accept mobile and landline numbers of 7..20 characters only', () => {
    for (const ok of ['13800001234', '0572-2398000', '+86 138 0000 1234', '2398000']) expect(contactPhonePattern.test(ok)).toBe(true);
    for (const bad of ['123456', '0572-239800x', '1'.repeat(21)]) expect(contactPhonePattern.test(bad)).toBe(false);
  });

  it('accept amounts above 0 with at most 6 decimals', () => {
    expect(isPositiveAmount('12.5')).toBe(true);
    expect(isPositiveAmount('0.000001')).toBe(true);
    for (const bad of ['0', '0.0', '-1', '1.1234567', 'abc', '']) expect(isPositiveAmount(bad)).toBe(false);
  });
});

describe('conditionLabelText', () => {
  it('reads a plain label as is and a localized one in the language', () => {
    expect(conditionLabelText('注册在吴兴区', 'en')).toBe('注册在吴兴区');
    const label = { zh: '注册在吴兴区', 'zh-TW': '註冊在吳興區', en: 'registered in Wuxing' };
    expect(conditionLabelText(label, 'en')).toBe('registered in Wuxing');
    expect(conditionLabelText(label, 'zh-TW')).toBe('註冊在吳興區');
    expect(conditionLabelText({ zh: '注册在吴兴区' }, 'en')).toBe('注册在吴兴区');
  });
});

describe('mayReadReviews', () => {
  it('lets reviewers and the ledger readers (leaders, supervisors) in; not enterprises or handlers', () => {
    expect(mayReadReviews(['policy.read', 'policy.review', 'policy.ledger'])).toBe(true);
    expect(mayReadReviews(['policy.read', 'policy.ledger'])).toBe(true);
    expect(mayReadReviews(['policy.read', 'policy.apply'])).toBe(false);
    expect(mayReadReviews(['policy.read', 'policy.matches'])).toBe(false);
  });
});

describe('reviewCountdown', () => {
  const weekdays = workingDayTest();
  // Submitted Monday 2026-11-02 09:00 Shanghai, due after 10 working days.
  const application = { status: 'submitted' as const, submittedAt: '2026-11-02T01:00:00Z', reviewDueAt: '2026-11-16T01:00:00Z', overdue: false };

  it('is green early, amber in the last half, red when overdue, none once decided', () => {
    expect(reviewCountdown(application, new Date('2026-11-03T01:00:00Z'), weekdays)?.tone).toBe('green');
    expect(reviewCountdown(application, new Date('2026-11-12T01:00:00Z'), weekdays)?.tone).toBe('amber');
    const late = reviewCountdown(application, new Date('2026-11-17T01:00:00Z'), weekdays);
    expect(late).toMatchObject({ tone: 'red', overdue: true });
    expect(reviewCountdown({ ...application, overdue: true }, new Date('2026-11-03T01:00:00Z'), weekdays)?.tone).toBe('red');
    expect(reviewCountdown({ ...application, status: 'approved' }, new Date('2026-11-03T01:00:00Z'), weekdays)).toBeNull();
  });
});
