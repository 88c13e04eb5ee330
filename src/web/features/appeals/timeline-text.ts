// What a timeline entry says besides its action: the department, the days, the new due time, the outcome — from the event's data.
import type { AppealEventView } from '../../../shared/schemas/appeals.ts';

export interface TimelineDetail {
  /** i18n key under appeals.timeline */
  key: string;
  values: Record<string, string | number>;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The details worth a line under a timeline entry; instants stay ISO strings for the caller to format. */
export function timelineDetails(event: Pick<AppealEventView, 'action' | 'data'>): TimelineDetail[] {
  const d = event.data;
  const details: TimelineDetail[] = [];
  const department = str(d.departmentName);
  if (department) details.push({ key: 'department', values: { name: department } });
  const workingDays = num(d.workingDays);
  if (workingDays !== null) details.push({ key: 'workingDays', values: { days: workingDays } });
  const resolution = str(d.resolution);
  if (resolution) details.push({ key: 'resolution', values: { resolution } });
  const rating = num(d.rating);
  if (rating !== null) details.push({ key: 'rating', values: { rating } });
  if (event.action === 'follow-up' && d.reached === false) details.push({ key: 'unreached', values: {} });
  const into = str(d.intoNumber);
  if (into) details.push({ key: 'mergedInto', values: { number: into } });
  const duplicate = str(d.duplicateNumber);
  if (duplicate) details.push({ key: 'mergedFrom', values: { number: duplicate } });
  const supervision = str(d.number);
  if (supervision && (event.action === 'supervise' || event.action === 'supervision_registered')) details.push({ key: 'supervisionNumber', values: { number: supervision } });
  const fileName = str(d.fileName);
  if (fileName) details.push({ key: 'file', values: { name: fileName } });
  const dueTo = str(d.dueTo);
  if (dueTo) details.push({ key: 'newDue', values: { time: dueTo } });
  for (const [field, clock] of [
    ['acceptDue', 'accept'],
    ['signDue', 'sign'],
    ['replyDue', 'reply'],
    ['followUpDue', 'followUp'],
  ] as const) {
    const due = str(d[field]);
    if (due) details.push({ key: 'due', values: { clock, time: due } });
  }
  return details;
}
