// Who is told about each step of an appeal, in the action's own transaction: the next to act, and the enterprise when its appeal moves.
import type { AppealRow } from '../../db/schema.ts';
import type { Executor } from '../../db/transaction.ts';
import type { AppealAction } from '../../../shared/schemas/appeals.ts';
import { notify } from './notify.ts';
import { departmentHandlers, departmentHeadOrHandlers, enterpriseUsers, regionStaff } from './recipients.ts';

export interface AppealEvent {
  /** The row after the change. */
  appeal: AppealRow;
  action: AppealAction | 'submitted';
  actorId: string | null;
  at: Date;
}

interface Message {
  userIds: string[];
  kind: string;
  title: string;
  data?: Record<string, unknown>;
}

type Plan = (db: Executor, appeal: AppealRow) => Promise<Message[]>;

const dispatchers = async (db: Executor, appeal: AppealRow) => (await regionStaff(db, appeal.region_unit_id, 'dispatcher')).userIds;

async function departmentName(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.selectFrom('org_units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null;
}

async function latestExtension(db: Executor, appealId: string, pending: boolean) {
  let query = db.selectFrom('appeal_extensions').select(['requested_by', 'working_days', 'deny_reason']).where('appeal_id', '=', appealId);
  query = pending ? query.where('decision', 'is', null) : query.where('decision', 'is not', null).orderBy('decided_at', 'desc');
  return query.orderBy('requested_at', 'desc').limit(1).executeTakeFirst();
}

const plans: Partial<Record<AppealEvent['action'], Plan>> = {
  submitted: async (db, a) => [{ userIds: await dispatchers(db, a), kind: 'appeal.submitted', title: `新诉求待受理：${a.number}` }],
  assign: async (db, a) => {
    const data = { departmentName: await departmentName(db, a.lead_department_id) };
    return [
      { userIds: await departmentHandlers(db, [a.lead_department_id]), kind: 'appeal.assigned', title: `诉求 ${a.number} 已交办本部门主办，请签收`, data },
      { userIds: await departmentHandlers(db, a.co_department_ids), kind: 'appeal.co_assigned', title: `诉求 ${a.number} 需本部门协办`, data },
    ];
  },
  return: async (db, a) => [{ userIds: await dispatchers(db, a), kind: 'appeal.returned', title: `诉求 ${a.number} 被承办部门退回，请重新交办` }],
  'request-extension': async (db, a) => {
    const ext = await latestExtension(db, a.id, true);
    return [{ userIds: await dispatchers(db, a), kind: 'appeal.extension_requested', title: `诉求 ${a.number} 申请延期 ${ext?.working_days ?? ''} 个工作日，请审批`, data: { workingDays: ext?.working_days ?? null } }];
  },
  'approve-extension': async (db, a) => {
    const ext = await latestExtension(db, a.id, false);
    return [{ userIds: ext ? [ext.requested_by] : [], kind: 'appeal.extension_approved', title: `诉求 ${a.number} 的延期申请已批准`, data: { workingDays: ext?.working_days ?? null, dueAt: a.reply_due_at?.toISOString() ?? null } }];
  },
  'deny-extension': async (db, a) => {
    const ext = await latestExtension(db, a.id, false);
    return [{ userIds: ext ? [ext.requested_by] : [], kind: 'appeal.extension_denied', title: `诉求 ${a.number} 的延期申请未获批准`, data: { workingDays: ext?.working_days ?? null, reason: ext?.deny_reason ?? null } }];
  },
  reply: async (db, a) => [
    { userIds: (await regionStaff(db, a.region_unit_id, 'followup')).userIds, kind: 'appeal.follow_up_requested', title: `诉求 ${a.number} 已答复，请回访`, data: { resolution: a.resolution } },
    { userIds: await enterpriseUsers(db, a.enterprise_id), kind: 'appeal.replied', title: `您的诉求 ${a.number} 已答复`, data: { resolution: a.resolution } },
  ],
  reopen: async (db, a) => [{ userIds: await departmentHandlers(db, [a.lead_department_id]), kind: 'appeal.reopened', title: `诉求 ${a.number} 重新办理，请签收` }],
  close: async (db, a) => [{ userIds: await enterpriseUsers(db, a.enterprise_id), kind: 'appeal.closed', title: `您的诉求 ${a.number} 已办结` }],
  reject: async (db, a) => [{ userIds: await enterpriseUsers(db, a.enterprise_id), kind: 'appeal.rejected', title: `您的诉求 ${a.number} 未予受理`, data: { reason: a.reject_reason } }],
  merge: async (db, a) => [{ userIds: await enterpriseUsers(db, a.enterprise_id), kind: 'appeal.merged', title: `您的诉求 ${a.number} 已与同类诉求合并办理` }],
  supervise: async (db, a) => [
    { userIds: await departmentHeadOrHandlers(db, a.lead_department_id), kind: 'appeal.supervised', title: `诉求 ${a.number} 被挂号督办`, data: { departmentName: await departmentName(db, a.lead_department_id) } },
  ],
};

/** Body of the e-mail and of the notification: the appeal's title, never internal notes. */
export const appealBody = (appeal: Pick<AppealRow, 'number' | 'title'>) => `诉求编号：${appeal.number}\n诉求标题：${appeal.title}\n请登录亲清平台查看办理详情。`;

export const appealData = (appeal: Pick<AppealRow, 'number' | 'title' | 'status'>, extra: Record<string, unknown> = {}) => ({
  number: appeal.number,
  title: appeal.title,
  status: appeal.status,
  ...extra,
});

/** Called by submit and by every action inside their transaction; the actor is never told about their own step. */
export async function notifyAppealEvent(db: Executor, event: AppealEvent): Promise<void> {
  const plan = plans[event.action];
  if (!plan) return;
  const { appeal } = event;
  for (const message of await plan(db, appeal)) {
    const userIds = message.userIds.filter((id) => id !== event.actorId);
    await notify(
      db,
      {
        userIds,
        kind: message.kind,
        title: message.title,
        body: appealBody(appeal),
        data: appealData(appeal, message.data),
        link: `/appeals/${appeal.id}`,
        entityType: 'appeal',
        entityId: appeal.id,
        dedupeKey: `appeal:${appeal.id}:v${appeal.version}:${message.kind}`,
      },
      event.at,
    );
  }
}
