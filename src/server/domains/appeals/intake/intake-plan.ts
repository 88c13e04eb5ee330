// Intake without the database write: the checks, the category's clock and the rows an appeal becomes, shared by the single and the batched writer.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../db/transaction.ts';
import type { InsertObject } from 'kysely';
import type { AppealRow, Database } from '../../../db/schema.ts';
import { AppError, invalid } from '../../../http/errors.ts';
import type { CreateAppealBody } from '../../../../shared/schemas/appeals.ts';
import type { WorkingCalendar } from '../../calendar/working-days.ts';
import { getCalendar } from '../../calendar/calendar.service.ts';
import type { Actor } from '../../auth/actor.ts';
import { hasRole } from '../../auth/actor.ts';
import { appealTerms } from '../duplicates/terms.ts';
import { clockCalendar, dueAfter } from '../clock-math.ts';
import { findCategory, regionFor, stageDurations, suggestDepartment } from '../appeal-rules.repository.ts';
import { appealReference, type AppealReference } from '../appeal-reference.ts';
import type { ActionOptions } from '../appeal-actions.ts';

/** Channels an enterprise uses itself; the others are staff entering an appeal on its behalf. */
const enterpriseChannels = new Set(['web', 'mobile', 'api']);

export interface IntakePlan {
  id: string;
  at: Date;
  actor: Actor;
  body: CreateAppealBody;
  trusted: boolean;
  quiet: boolean;
  ref: AppealReference;
  calendar: WorkingCalendar;
  category: { id: string; code: string } | undefined;
  urgency: 'normal' | 'urgent';
  enterpriseId: string | null;
}

export interface IntakeEnterprise {
  id: string;
  name: string;
  division_code: string | null;
}

/** Everything that can be checked before the enterprise row is read; throws the 400 a bad submission gets. */
export async function planIntake(db: Executor, now: Date, actor: Actor, body: CreateAppealBody, options: ActionOptions = {}): Promise<IntakePlan> {
  const at = options.at ?? now;
  const actorIsEnterprise = hasRole(actor, 'enterprise');
  const isEnterprise = actorIsEnterprise && !options.trusted;
  if (isEnterprise && !enterpriseChannels.has(body.channel)) throw invalid('channel', '企业自行提交时渠道为 web、mobile 或 api / an enterprise submits through web, mobile or api');
  if (body.channel === 'import' && !options.trusted) throw invalid('channel', '历史导入请使用导入功能 / use the import to bring in historical appeals');
  if (isEnterprise && body.enterpriseId && body.enterpriseId !== actor.enterpriseId) throw invalid('enterpriseId', '只能为本企业提交诉求 / an enterprise submits for itself only');

  const [ref, calendar] = await Promise.all([appealReference(db), getCalendar(db)]);
  const category = body.category ? findCategory(ref, body.category) : undefined;
  if (body.category && !category) throw invalid('category', '没有这个诉求类别 / unknown category');
  return {
    id: randomUUID(),
    at,
    actor,
    body,
    trusted: options.trusted ?? false,
    quiet: options.quiet ?? false,
    ref,
    calendar,
    category,
    urgency: body.urgency ?? 'normal',
    enterpriseId: actorIsEnterprise ? actor.enterpriseId : (body.enterpriseId ?? null),
  };
}

export interface IntakeRows {
  appeal: InsertObject<Database, 'appeals'>;
  event: InsertObject<Database, 'appeal_events'>;
  /** The row as the database will hold it (the columns not inserted take their defaults), so the answer needs no RETURNING. */
  row: AppealRow;
}

/** SQ + the Beijing date of submission + the sequence number, at least 6 digits (never cut: past 999999 it grows). */
export const appealNumber = (at: Date, sequence: string | number) =>
  `SQ${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;

/** The appeal row (numbered with `sequence`, from appeal_number_seq) and its first timeline event, once the enterprise is known; throws when it is missing or the city has no region for it. */
export function intakeRows(plan: IntakePlan, enterprise: IntakeEnterprise | undefined, sequence: string): IntakeRows {
  const { at, body, ref, actor, id } = plan;
  if (plan.enterpriseId && !enterprise) throw invalid('enterpriseId', '企业不存在 / no such enterprise');
  const divisionCode = body.divisionCode ?? enterprise?.division_code ?? null;
  const { regionId, districtId } = regionFor(ref, divisionCode);
  if (!regionId) throw new AppError('conflict', '尚未建立组织机构 / the organisation tree is empty', [{ path: 'divisionCode', message: 'no region' }]);
  const categoryId = plan.category?.id ?? null;
  const durations = stageDurations(ref, categoryId, plan.urgency);
  const cal = clockCalendar(plan.calendar);
  const acceptDue = dueAfter(cal, at, durations.accept);
  // The whole row written out, never spread: spreading ~65 properties sends V8 down a slow path (see synthetic-batch.ts).
  const row: AppealRow = {
    id,
    number: appealNumber(at, sequence),
    title: body.title,
    content: body.content,
    status: 'submitted',
    channel: body.channel,
    source_note: body.sourceNote ?? null,
    category_id: categoryId,
    urgency: plan.urgency,
    enterprise_id: plan.enterpriseId,
    contact_name: body.contactName ?? null,
    contact_phone: body.contactPhone ?? null,
    region_unit_id: regionId,
    district_unit_id: districtId,
    submitted_at: at,
    submitted_by: actor.userId,
    suggested_department_id: suggestDepartment(ref, categoryId, divisionCode),
    terms: appealTerms(body.title, body.content),
    created_at: at,
    updated_at: at,
    next_due_at: acceptDue,
    // Left to their defaults (migration 2026-11-24T0900) by the insert below, as the database returns them.
    lead_department_id: null,
    co_department_ids: [],
    handler_id: null,
    round: 0,
    return_count: 0,
    reopen_count: 0,
    extension_days: 0,
    reject_reason: null,
    merged_into_id: null,
    policy_id: null,
    paused_at: null,
    paused_ms: '0',
    reply_content: null,
    resolution: null,
    replied_at: null,
    follow_up_at: null,
    follow_up_reached: null,
    follow_up_resolved: null,
    follow_up_rating: null,
    enterprise_rating: null,
    enterprise_rated_at: null,
    rating: null,
    closed_at: null,
    supervised: false,
    version: 1,
    accept_started_at: at, accept_due_at: acceptDue, accept_met_at: null, accept_overdue: null, accept_used_ms: null,
    sign_started_at: null, sign_due_at: null, sign_met_at: null, sign_overdue: null, sign_used_ms: null,
    reply_started_at: null, reply_due_at: null, reply_met_at: null, reply_overdue: null, reply_used_ms: null,
    follow_up_started_at: null, follow_up_due_at: null, follow_up_met_at: null, follow_up_overdue: null, follow_up_used_ms: null,
  };
  const appeal: Record<string, unknown> = {};
  for (const column of insertedColumns) appeal[column] = row[column];
  return {
    appeal: appeal as InsertObject<Database, 'appeals'>,
    row,
    event: {
      appeal_id: id,
      at,
      actor_id: actor.userId,
      actor_unit_id: actor.orgUnitId,
      action: 'submit',
      from_status: null,
      to_status: 'submitted',
      note: body.sourceNote ?? null,
      data: JSON.stringify({ channel: body.channel, acceptDue: acceptDue.toISOString(), provisional: cal.provisionalUsed || undefined }),
    },
  };
}

/** The columns intake writes; the others take their defaults (the row above spells them out, a test holds both equal). */
const insertedColumns = [
  'id', 'number', 'title', 'content', 'status', 'channel', 'source_note', 'category_id', 'urgency', 'enterprise_id', 'contact_name',
  'contact_phone', 'region_unit_id', 'district_unit_id', 'submitted_at', 'submitted_by', 'suggested_department_id',
  'accept_started_at', 'accept_due_at', 'next_due_at', 'terms', 'created_at', 'updated_at',
] as const satisfies readonly (keyof AppealRow)[];

/** What the audit trail records of a submission. */
export const intakeAuditAfter = (plan: IntakePlan, number: string) => ({ number, status: 'submitted', channel: plan.body.channel, enterpriseId: plan.enterpriseId });
