// Schemas of 包联 (projects, assignments, visits), 企业家绿卡 and enterprise accounts (claims, verification, members).
import { z } from 'zod';
import { businessDate, booleanQuery, pageQuery, uuid } from './common.ts';
import { passwordPolicy } from './auth.ts';
import { usernameSchema } from './org.ts';
import { urgencies } from './appeals.ts';

const text = (max: number) => z.string().trim().min(1, { error: '不能为空 / must not be empty' }).max(max, { error: `不超过 ${max} 字 / at most ${max} characters` });
const optionalText = (max: number) => z.string().trim().max(max, { error: `不超过 ${max} 字 / at most ${max} characters` }).optional();
const phone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, { error: '电话号码格式不正确 / not a phone number' });

// ---------- projects ----------
export const projectStages = ['planned', 'approved', 'under_construction', 'in_operation', 'suspended'] as const;

export const createProjectBody = z.object({
  name: text(200),
  enterpriseId: uuid.optional(),
  divisionCode: z.string().regex(/^(\d{6}|\d{9}|\d{12})$/, { error: '区划代码为 6、9 或 12 位数字 / a 6, 9 or 12 digit division code' }).optional(),
  stage: z.enum(projectStages).optional(),
});

export const projectView = z.object({
  id: uuid,
  name: z.string(),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  divisionCode: z.string().nullable(),
  stage: z.enum(projectStages),
});
export type ProjectView = z.infer<typeof projectView>;

export const listProjectsQuery = pageQuery.extend({ q: z.string().trim().max(100).optional() });

// ---------- assignments ----------
export const relationDuties = ['leader', 'cadre'] as const;

export const createAssignmentBody = z
  .object({
    userId: uuid,
    enterpriseId: uuid.optional(),
    projectId: uuid.optional(),
    duty: z.enum(relationDuties).default('cadre'),
    validFrom: businessDate,
    validUntil: businessDate.optional(),
    visitEveryMonths: z.number().int().min(1, { error: '1 至 24 个月 / 1 to 24 months' }).max(24, { error: '1 至 24 个月 / 1 to 24 months' }).optional(),
    plannedVisits: z.array(businessDate).max(48).default([]),
    note: optionalText(1000),
  })
  .superRefine((body, ctx) => {
    if (!body.enterpriseId === !body.projectId) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '包联对象为一家企业或一个项目（二选一） / assign to one enterprise or one project' });
    if (body.validUntil && body.validUntil < body.validFrom) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '结束日期不能早于开始日期 / the end is before the start' });
  });
export type CreateAssignmentBody = z.infer<typeof createAssignmentBody>;

export const endAssignmentBody = z.object({
  reason: text(500),
  /** The last day of the assignment; defaults to today. */
  endOn: businessDate.optional(),
});

export const assignmentView = z.object({
  id: uuid,
  userId: uuid,
  userName: z.string(),
  enterpriseId: uuid.nullable(),
  enterpriseName: z.string().nullable(),
  projectId: uuid.nullable(),
  projectName: z.string().nullable(),
  duty: z.enum(relationDuties),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
  visitEveryMonths: z.number().nullable(),
  plannedVisits: z.array(z.string()),
  note: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Today falls inside the period and the assignment was not ended. */
  active: z.boolean(),
  lastVisitOn: z.string().nullable(),
  visitCount: z.number().int(),
  /** The next visit the plan asks for (null: no plan, or nothing left inside the period). */
  nextVisitDue: z.string().nullable(),
  visitOverdue: z.boolean(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const listAssignmentsQuery = pageQuery.extend({
  userId: uuid.optional(),
  enterpriseId: uuid.optional(),
  projectId: uuid.optional(),
  active: booleanQuery.optional(),
});

// ---------- visits ----------
export const visitAppealBody = z.object({
  title: text(200),
  content: text(5000),
  category: z.string().trim().min(1).max(40).optional(),
  urgency: z.enum(urgencies).optional(),
  contactName: z.string().trim().min(1).max(64).optional(),
  contactPhone: phone.optional(),
});

export const logVisitBody = z.object({
  visitedOn: businessDate,
  metWith: optionalText(200),
  findings: text(5000),
  /** A problem learned on the visit: becomes an appeal (channel field_visit) in the same transaction. */
  appeal: visitAppealBody.optional(),
});
export type LogVisitBody = z.infer<typeof logVisitBody>;

export const visitView = z.object({
  id: uuid,
  assignmentId: uuid,
  visitedOn: z.string(),
  visitorId: uuid,
  visitorName: z.string(),
  metWith: z.string().nullable(),
  findings: z.string(),
  appealId: uuid.nullable(),
  appealNumber: z.string().nullable(),
  createdAt: z.string(),
});
export type VisitView = z.infer<typeof visitView>;

export const myEnterpriseAppeal = z.object({ id: uuid, number: z.string(), title: z.string(), status: z.string(), submittedAt: z.string() });

export const myRelationItem = z.object({
  assignment: assignmentView,
  /** Every open appeal of the enterprise (a count: the caller may not be allowed to open all of them). */
  openAppeals: z.number().int(),
  /** The open appeals the caller's own appeal scope lets them open. */
  visibleOpenAppeals: z.array(myEnterpriseAppeal),
});
export const myRelationsResponse = z.object({ items: z.array(myRelationItem), visitsDue: z.number().int(), visitsOverdue: z.number().int() });
export type MyRelationsResponse = z.infer<typeof myRelationsResponse>;

// ---------- green cards ----------
export const greenCardStatuses = ['valid', 'not_yet_valid', 'expired', 'revoked'] as const;
export type GreenCardStatus = (typeof greenCardStatuses)[number];

export const issueGreenCardBody = z
  .object({
    enterpriseId: uuid,
    holderName: text(64),
    holderTitle: optionalText(64),
    /** The last four characters of the holder's ID card; never the whole number. */
    idCardTail: z.string().trim().toUpperCase().regex(/^[0-9]{3}[0-9X]$/, { error: '身份证号后四位 / the last four characters of the ID card' }).optional(),
    validFrom: businessDate,
    validUntil: businessDate,
  })
  .refine((b) => b.validUntil >= b.validFrom, { path: ['validUntil'], error: '有效期止不能早于起 / the end is before the start' });

export const renewGreenCardBody = z.object({ validUntil: businessDate });
export const revokeGreenCardBody = z.object({ reason: text(500) });

export const greenCardView = z.object({
  id: uuid,
  number: z.string(),
  enterpriseId: uuid,
  enterpriseName: z.string(),
  holderName: z.string(),
  holderTitle: z.string().nullable(),
  /** Masked: `**************1234`. */
  idCardMasked: z.string().nullable(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(greenCardStatuses),
  issuedAt: z.string(),
  renewedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type GreenCardView = z.infer<typeof greenCardView>;

export const listGreenCardsQuery = pageQuery.extend({ enterpriseId: uuid.optional(), q: z.string().trim().max(64).optional(), status: z.enum(greenCardStatuses).optional() });

/** All a public verification reveals. */
export const publicGreenCardView = z.object({
  number: z.string(),
  holderName: z.string(),
  enterpriseName: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(greenCardStatuses),
});
export type PublicGreenCardView = z.infer<typeof publicGreenCardView>;

export const greenCardNumberParams = z.object({ number: z.string().trim().min(1).max(40) });

// ---------- enterprise accounts ----------
export const memberKinds = ['legal_representative', 'staff'] as const;
export type MemberKind = (typeof memberKinds)[number];

export const claimAccountBody = z.object({
  uscc: z.string().trim().min(1).max(40),
  enterpriseName: text(200),
  legalRepresentative: text(64),
  kind: z.enum(memberKinds),
  username: usernameSchema,
  displayName: text(64),
  password: passwordPolicy,
  phone: phone.optional(),
  email: z.email({ error: '电子邮箱格式不正确 / not an e-mail address' }).optional(),
});
export type ClaimAccountBody = z.infer<typeof claimAccountBody>;

export const accountRequestStatuses = ['pending', 'approved', 'rejected'] as const;

export const claimAccountResponse = z.object({
  requestId: uuid,
  /** Shown once: with it the claimant can ask how the request stands. */
  statusToken: z.string(),
  status: z.enum(accountRequestStatuses),
});

export const accountRequestStatusBody = z.object({ token: z.string().min(1).max(100) });
export const accountRequestStatusView = z.object({ status: z.enum(accountRequestStatuses), enterpriseName: z.string(), rejectReason: z.string().nullable(), decidedAt: z.string().nullable() });

export const accountRequestView = z.object({
  id: uuid,
  enterpriseId: uuid,
  enterpriseName: z.string(),
  uscc: z.string(),
  kind: z.enum(memberKinds),
  username: z.string(),
  displayName: z.string(),
  phoneMasked: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(accountRequestStatuses),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  userId: uuid.nullable(),
});
export type AccountRequestView = z.infer<typeof accountRequestView>;

export const listAccountRequestsQuery = pageQuery.extend({ status: z.enum(accountRequestStatuses).optional(), enterpriseId: uuid.optional() });
export const rejectAccountRequestBody = z.object({ reason: text(500) });

export const inviteMemberBody = z.object({
  /** The office names the enterprise; the enterprise's 法人 account always adds to its own. */
  enterpriseId: uuid.optional(),
  username: usernameSchema,
  displayName: text(64),
  password: passwordPolicy,
  phone: phone.optional(),
  email: z.email({ error: '电子邮箱格式不正确 / not an e-mail address' }).optional(),
});

export const memberView = z.object({
  userId: uuid,
  username: z.string(),
  displayName: z.string(),
  enterpriseId: uuid,
  kind: z.enum(memberKinds),
  status: z.string(),
  verifiedAt: z.string(),
});
export type MemberView = z.infer<typeof memberView>;

export const listMembersQuery = pageQuery.extend({ enterpriseId: uuid.optional() });

export const myAccountView = z.object({ enterpriseId: uuid, enterpriseName: z.string(), uscc: z.string(), kind: z.enum(memberKinds).nullable() });
