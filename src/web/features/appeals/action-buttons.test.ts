// Tests of the ability → buttons mapping and of the action bodies built from the dialogs.
import { describe, expect, it } from 'vitest';
import { actionBody, actionButtonsFor } from './action-buttons.ts';

describe('actionButtonsFor', () => {
  it('shows only actions among the abilities, never the extra abilities', () => {
    expect(actionButtonsFor(['note', 'attach', 'view-internal'])).toEqual([]);
    expect(actionButtonsFor(['sign', 'return', 'note']).map((b) => [b.action, b.kind])).toEqual([
      ['sign', 'primary'],
      ['return', 'danger'],
    ]);
  });

  it('puts the step that moves the appeal on first and turning-back steps last', () => {
    const triage = actionButtonsFor(['accept', 'reject', 'merge', 'assign', 'supervise']);
    expect(triage.map((b) => b.action)).toEqual(['assign', 'accept', 'merge', 'supervise', 'reject']);
    expect(triage[0]?.kind).toBe('primary');
    expect(triage.filter((b) => b.kind === 'primary')).toHaveLength(1);
    const working = actionButtonsFor(['pause', 'request-extension', 'reply']);
    expect(working.map((b) => b.action)).toEqual(['reply', 'pause', 'request-extension']);
    expect(actionButtonsFor(['reopen', 'close']).map((b) => b.action)).toEqual(['close', 'reopen']);
  });

  it('asks each action for the fields its body needs', () => {
    const [assign] = actionButtonsFor(['assign']);
    expect(assign?.fields).toEqual(['departmentId', 'coDepartmentIds', 'replyWithinWorkingDays', 'note']);
    expect(actionButtonsFor(['rate'])[0]?.fields).toEqual(['rating', 'comment']);
  });
});

describe('actionBody', () => {
  it('leaves out empty optional texts and trims the others', () => {
    expect(actionBody('sign', { note: '   ' })).toEqual({});
    expect(actionBody('return', { reason: ' 不属于本单位职责 ' })).toEqual({ reason: '不属于本单位职责' });
    expect(actionBody('supervise', { supervisionNote: '请加快办理' })).toEqual({ note: '请加快办理' });
  });

  it('drops the lead department from the co-departments', () => {
    expect(actionBody('assign', { departmentId: 'a', coDepartmentIds: ['a', 'b'], replyWithinWorkingDays: null })).toEqual({ departmentId: 'a', coDepartmentIds: ['b'] });
    expect(actionBody('assign', { departmentId: 'a', coDepartmentIds: ['a'], replyWithinWorkingDays: 5 })).toEqual({ departmentId: 'a', replyWithinWorkingDays: 5 });
  });

  it('sends the follow-up verdict, and no verdict of its own for an unanswered call', () => {
    expect(actionBody('follow-up', { reached: true, resolved: true, rating: 5, comment: '' })).toEqual({ reached: true, resolved: true, rating: 5 });
    expect(actionBody('follow-up', { reached: false, resolved: true })).toEqual({ reached: false, resolved: false, rating: 3 });
    expect(actionBody('request-extension', { workingDays: 5, reason: '需现场勘查' })).toEqual({ workingDays: 5, reason: '需现场勘查' });
  });
});
