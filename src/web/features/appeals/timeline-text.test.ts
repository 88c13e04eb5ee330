// Tests of the lines under timeline entries, taken from the event data.
import { describe, expect, it } from 'vitest';
import { timelineDetails } from './timeline-text.ts';

describe('timelineDetails', () => {
  it('names the department, the new due times and the outcome', () => {
    expect(timelineDetails({ action: 'assign', data: { departmentName: '住建局', signDue: '2026-11-25T15:59:59.999Z', replyDue: '2026-12-08T15:59:59.999Z' } })).toEqual([
      { key: 'department', values: { name: '住建局' } },
      { key: 'due', values: { clock: 'sign', time: '2026-11-25T15:59:59.999Z' } },
      { key: 'due', values: { clock: 'reply', time: '2026-12-08T15:59:59.999Z' } },
    ]);
    expect(timelineDetails({ action: 'approve-extension', data: { workingDays: 5, dueTo: '2026-12-15T15:59:59.999Z' } }).map((d) => d.key)).toEqual(['workingDays', 'newDue']);
    expect(timelineDetails({ action: 'reply', data: { resolution: 'resolved' } })).toEqual([{ key: 'resolution', values: { resolution: 'resolved' } }]);
  });

  it('says when the follow-up call did not reach the enterprise, and ignores junk', () => {
    expect(timelineDetails({ action: 'follow-up', data: { reached: false, rating: null } })).toEqual([{ key: 'unreached', values: {} }]);
    expect(timelineDetails({ action: 'rate', data: { rating: 5 } })).toEqual([{ key: 'rating', values: { rating: 5 } }]);
    expect(timelineDetails({ action: 'submit', data: { workingDays: 'x', departmentName: 3, number: 'DB1' } })).toEqual([]);
  });
});
