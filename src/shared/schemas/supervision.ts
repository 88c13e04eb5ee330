// Schemas of supervision (挂号督办): the supervisors' board by department and handler, and the supervision items.
import { z } from 'zod';
import { businessDate, pageQuery, uuid } from './common.ts';

/** The stage clock a registration is about (API names), or `manual` for a `supervise` action. */
export const supervisionClocks = ['accept', 'sign', 'reply', 'followUp', 'manual'] as const;
export type SupervisionClock = (typeof supervisionClocks)[number];
export const supervisionReasons = ['overdue', 'manual'] as const;

export const supervisionBoardQuery = z.object({
  /** Appeals submitted (and supervisions registered) from this day on, Asia/Shanghai. */
  from: businessDate.optional(),
  to: businessDate.optional(),
  /** That department and the units under it. */
  departmentId: uuid.optional(),
});
export type SupervisionBoardQuery = z.infer<typeof supervisionBoardQuery>;

const measures = {
  /** Appeals in the period. */
  total: z.number().int(),
  /** Appeals with a clock running past its due time now, or a stage that ended late. */
  overdue: z.number().int(),
  /** Appeals registered for supervision (overdue or manual). */
  supervised: z.number().int(),
  /** Returns to the dispatcher, summed. */
  returns: z.number().int(),
  /** Appeals returned twice or more. */
  repeatedReturns: z.number().int(),
  extensionRequests: z.number().int(),
  extensionsApproved: z.number().int(),
  /** Ratings 不满意 / 非常不满意 (≤ 2). */
  badRatings: z.number().int(),
};
export type BoardMeasures = { [K in keyof typeof measures]: number };

export const boardDepartmentRow = z.object({ departmentId: uuid, name: z.string(), ...measures });
export const boardHandlerRow = z.object({ handlerId: uuid, name: z.string(), departmentId: uuid.nullable(), departmentName: z.string().nullable(), ...measures });

export const supervisionItemView = z.object({
  id: uuid,
  number: z.string(),
  appealId: uuid,
  appealNumber: z.string(),
  title: z.string(),
  departmentId: uuid.nullable(),
  departmentName: z.string().nullable(),
  clock: z.enum(supervisionClocks),
  reason: z.enum(supervisionReasons),
  round: z.number().int(),
  note: z.string().nullable(),
  registeredAt: z.string(),
  escalateAt: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type SupervisionItemView = z.infer<typeof supervisionItemView>;

export const supervisionBoardView = z.object({
  byDepartment: z.array(boardDepartmentRow),
  byHandler: z.array(boardHandlerRow),
  /** The negative-behaviour list (负面行为): supervision registrations, open ones first, at most 100. */
  items: z.array(supervisionItemView),
});
export type SupervisionBoardView = z.infer<typeof supervisionBoardView>;

export const supervisionItemsQuery = pageQuery.extend({
  status: z.enum(['open', 'resolved']).optional(),
  departmentId: uuid.optional(),
  from: businessDate.optional(),
  to: businessDate.optional(),
});
export type SupervisionItemsQuery = z.infer<typeof supervisionItemsQuery>;
