// Schemas of the appeals closed loop (API.md "Appeals"): states, actions, request bodies, the appeal and timeline views, KPIs.
import { z } from 'zod';
import { booleanQuery, businessDate, pageQuery, uuid } from './common.ts';

export const appealStatuses = ['submitted', 'accepted', 'rejected', 'merged', 'assigned', 'signed', 'returned', 'paused', 'replied', 'closed', 'reopened'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

/** States in which a department holds the appeal (the staff queue). */
export const departmentStates: readonly AppealStatus[] = ['assigned', 'signed', 'paused', 'reopened'];
/** States in which the appeal is still open (not rejected, merged or closed). */
export const openStates: readonly AppealStatus[] = ['submitted', 'accepted', 'assigned', 'signed', 'returned', 'paused', 'replied', 'reopened'];

export const appealChannels = ['web', 'mobile', 'hotline_12345', 'wechat', 'meeting', 'reception_day', 'field_visit', 'complaint_platform', 'letter', 'api', 'import'] as const;
export type AppealChannel = (typeof appealChannels)[number];

export const urgencies = ['normal', 'urgent'] as const;
export const resolutions = ['resolved', 'partially_resolved', 'unresolved', 'explained'] as const;
export type Resolution = (typeof resolutions)[number];

export const clockNames = ['accept', 'sign', 'reply', 'followUp'] as const;
export type ClockName = (typeof clockNames)[number];

/** Every action of API.md, in the order of the loop; `POST /api/v1/appeals/{id}/<action>`. */
export const appealActions = [
  'accept', 'reject', 'merge', 'assign', 'sign', 'return', 'pause', 'resume', 'request-extension', 'approve-extension',
  'deny-extension', 'reply', 'follow-up', 'rate', 'reopen', 'close', 'supervise',
] as const;
export type AppealAction = (typeof appealActions)[number];
/** Abilities listed on an appeal beside the actions: internal notes and attachments. */
export const appealExtraAbilities = ['note', 'attach', 'view-internal'] as const;
export type AppealAbility = AppealAction | (typeof appealExtraAbilities)[number];

export const MAX_CONTENT = 10_000;
export const MAX_EXTENSION_DAYS = 60;

const text = (max: number) => z.string().trim().min(1, { error: '不能为空 / must not be empty' }).max(max, { error: `不超过 ${max} 字 / at most ${max} characters` });
const phone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确 / not a phone number' });
const rating = z.number({ error: '评价为 1 到 5 的整数 / rating is an integer 1..5' }).int().min(1, { error: '评价为 1 到 5 / rating is 1..5' }).max(5, { error: '评价为 1 到 5 / rating is 1..5' });
const reason = text(2000);

export const createAppealBody = z.object({
  title: text(200),
  content: text(MAX_CONTENT),
  channel: z.enum(appealChannels),
  category: z.string().trim().min(1).max(40).optional(),
  urgency: z.enum(urgencies).optional(),
  enterpriseId: uuid.optional(),
  contactName: z.string().trim().min(1).max(64).optional(),
  contactPhone: phone.optional(),
  /** Where the problem was raised: the meeting's or visit's name (政企早餐会 …). */
  sourceNote: z.string().trim().max(200).optional(),
  /** The division the appeal belongs to when there is no enterprise (defaults to the enterprise's, else the city). */
  divisionCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/).optional(),
});
export type CreateAppealBody = z.infer<typeof createAppealBody>;

export const actionBodies = {
  accept: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
  reject: z.object({ reason }),
  merge: z.object({ intoId: uuid, note: z.string().trim().max(2000).optional() }),
  assign: z.object({
    departmentId: uuid,
    coDepartmentIds: z.array(uuid).max(20).optional(),
    replyWithinWorkingDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS).optional(),
    note: z.string().trim().max(2000).optional(),
  }),
  sign: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
  return: z.object({ reason }),
  pause: z.object({ reason }),
  resume: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
  'request-extension': z.object({
    workingDays: z
      .number({ error: '延期天数为整数 / workingDays is an integer' })
      .int({ error: '延期天数为整数 / workingDays is an integer' })
      .min(1, { error: '延期至少 1 个工作日 / at least 1 working day' })
      .max(MAX_EXTENSION_DAYS, { error: `延期最多 ${MAX_EXTENSION_DAYS} 个工作日 / at most ${MAX_EXTENSION_DAYS} working days` }),
    reason,
  }),
  'approve-extension': z.object({ note: z.string().trim().max(2000).optional() }).optional(),
  'deny-extension': z.object({ reason }),
  reply: z.object({ content: text(MAX_CONTENT), resolution: z.enum(resolutions) }),
  'follow-up': z.object({ reached: z.boolean(), resolved: z.boolean(), rating, comment: z.string().trim().max(2000).optional() }),
  rate: z.object({ rating, comment: z.string().trim().max(2000).optional() }),
  reopen: z.object({ reason }),
  close: z.object({ note: z.string().trim().max(2000).optional() }).optional(),
  supervise: z.object({ note: text(2000) }),
} satisfies Record<AppealAction, z.ZodType>;

export type ActionBody<A extends AppealAction> = z.infer<(typeof actionBodies)[A]>;

export const clockView = z.object({
  startedAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  metAt: z.string().nullable(),
  overdue: z.boolean(),
  /** Working time used so far (or until the stage ended), in milliseconds of working days. */
  usedMs: z.number().nullable(),
});

const clockRecord = <T extends z.ZodType>(item: T) => z.object({ accept: item, sign: item, reply: item, followUp: item });

export const appealView = z.object({
  id: uuid,
  number: z.string(),
  title: z.string(),
  content: z.string(),
  status: z.enum(appealStatuses),
  channel: z.enum(appealChannels),
  sourceNote: z.string().nullable(),
  category: z.string().nullable(),
  categoryId: uuid.nullable(),
  urgency: z.enum(urgencies),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****1234) unless the caller works the appeal or owns it. */
  contactPhone: z.string().nullable(),
  regionUnitId: uuid,
  leadDepartmentId: uuid.nullable(),
  leadDepartmentName: z.string().nullable(),
  coDepartmentIds: z.array(uuid),
  suggestedDepartmentId: uuid.nullable(),
  handlerId: uuid.nullable(),
  submittedAt: z.string(),
  deadlines: clockRecord(z.string().nullable()),
  overdue: clockRecord(z.boolean()),
  clocks: clockRecord(clockView),
  nextDueAt: z.string().nullable(),
  round: z.number().int(),
  returnCount: z.number().int(),
  reopenCount: z.number().int(),
  rejectReason: z.string().nullable(),
  mergedIntoId: uuid.nullable(),
  /** 政策兑现: the policy the appeal is about, when linked. */
  policyId: uuid.nullable(),
  policyTitle: z.string().nullable(),
  reply: z.object({ content: z.string(), resolution: z.enum(resolutions), at: z.string() }).nullable(),
  followUp: z.object({ at: z.string(), reached: z.boolean(), resolved: z.boolean(), rating: z.number().int().nullable() }).nullable(),
  enterpriseRating: z.number().int().nullable(),
  rating: z.number().int().nullable(),
  pendingExtension: z.object({ id: uuid, workingDays: z.number().int(), reason: z.string(), requestedAt: z.string() }).nullable(),
  supervised: z.boolean(),
  pausedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  abilities: z.array(z.string()),
});
export type AppealView = z.infer<typeof appealView>;

/** In lists the clocks come without `usedMs` (null): enough for countdown colours, without a calendar walk per row. */
/** Link (or, with null, unlink) a 政策兑现 appeal and the policy it is about. */
export const linkPolicyBody = z.strictObject({ policyId: uuid.nullable() });
export type LinkPolicyBody = z.infer<typeof linkPolicyBody>;

export const appealListItem = appealView.omit({ content: true, reply: true, followUp: true, pendingExtension: true });
export type AppealListItem = z.infer<typeof appealListItem>;

export const listAppealsQuery = pageQuery.extend({
  status: z
    .string()
    .transform((v) => v.split(',').filter(Boolean))
    .pipe(z.array(z.enum(appealStatuses)))
    .optional(),
  departmentId: uuid.optional(),
  channel: z.enum(appealChannels).optional(),
  categoryId: uuid.optional(),
  enterpriseId: uuid.optional(),
  /** Appeals linked to this policy (政策兑现). */
  policyId: uuid.optional(),
  overdue: booleanQuery.optional(),
  supervised: booleanQuery.optional(),
  q: z.string().trim().max(100).optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
  /** deadline: nearest running deadline first (the staff queue); submitted: newest first (default). */
  sort: z.enum(['deadline', 'submitted']).optional(),
  /** A preset: the caller's work queue (what waits on the caller's role), or the follow-up queue. */
  queue: z.enum(['mine', 'follow-up', 'triage']).optional(),
});
export type ListAppealsQuery = z.infer<typeof listAppealsQuery>;

export const appealEventView = z.object({
  id: z.string(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  actorUnitName: z.string().nullable(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AppealEventView = z.infer<typeof appealEventView>;

export const appealNoteView = z.object({ id: uuid, authorId: uuid, authorName: z.string(), authorUnitName: z.string().nullable(), content: z.string(), createdAt: z.string() });
export const createNoteBody = z.object({ content: text(MAX_CONTENT) });

export const similarAppealsQuery = z.object({
  title: z.string().trim().max(200).optional(),
  content: z.string().trim().max(MAX_CONTENT).optional(),
  enterpriseId: uuid.optional(),
  excludeId: uuid.optional(),
});
export const similarAppealView = z.object({
  id: uuid,
  number: z.string(),
  title: z.string(),
  status: z.enum(appealStatuses),
  enterpriseId: uuid.nullable(),
  submittedAt: z.string(),
  score: z.number(),
  sameEnterprise: z.boolean(),
  sharedTerms: z.array(z.string()),
});

export const categoryView = z.object({
  id: uuid,
  parentId: uuid.nullable(),
  code: z.string(),
  name: z.string(),
  names: z.record(z.string(), z.string()),
  sortOrder: z.number().int(),
  active: z.boolean(),
});
export type CategoryView = z.infer<typeof categoryView>;

const halfDays = z
  .number()
  .min(0.5, { error: '至少 0.5 个工作日 / at least 0.5 working day' })
  .max(60, { error: '最多 60 个工作日 / at most 60 working days' })
  .refine((v) => Number.isInteger(v * 2), { error: '以 0.5 个工作日为单位 / in steps of 0.5 working day' });

export const clockRuleView = z.object({
  id: uuid,
  categoryId: uuid.nullable(),
  urgency: z.enum(urgencies),
  acceptDays: z.number(),
  signDays: z.number(),
  replyDays: z.number(),
  followUpDays: z.number(),
});
export const putClockRuleBody = z.object({
  categoryId: uuid.nullable(),
  urgency: z.enum(urgencies),
  acceptDays: halfDays,
  signDays: halfDays,
  replyDays: halfDays,
  followUpDays: halfDays,
});

export const routingRuleView = z.object({ id: uuid, categoryId: uuid, divisionCode: z.string(), departmentId: uuid });
export const putRoutingRuleBody = z.object({
  categoryId: uuid,
  divisionCode: z.union([z.literal(''), z.string().regex(/^(\d{6}|\d{9}|\d{12})$/)]),
  departmentId: uuid,
});

export const kpiGroupings = ['department', 'district', 'channel', 'month'] as const;
export const kpiQuery = z.object({ from: businessDate.optional(), to: businessDate.optional(), groupBy: z.enum(kpiGroupings).default('department') });
export const kpiRow = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  signedOnTime: z.number().int(),
  repliedOnTime: z.number().int(),
  resolved: z.number().int(),
  followedUp: z.number().int(),
  satisfied: z.number().int(),
  /** Denominators beside the contract's fields: appeals whose sign / reply clock has been settled, replied appeals, rated appeals. */
  signDue: z.number().int(),
  replyDue: z.number().int(),
  replied: z.number().int(),
  rated: z.number().int(),
  onTimeSignRate: z.number().nullable(),
  onTimeReplyRate: z.number().nullable(),
  resolutionRate: z.number().nullable(),
  followUpRate: z.number().nullable(),
  satisfactionRate: z.number().nullable(),
});
export type KpiRow = z.infer<typeof kpiRow>;
