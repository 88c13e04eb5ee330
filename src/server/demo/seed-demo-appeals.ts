// A handful of demo appeals at every stage of the loop (on time, due soon, overdue, paused, awaiting follow-up, closed), replayed through the real actions at past instants.
import type { Deps } from '../deps.ts';
import { systemContext } from '../http/context.ts';
import type { Role } from '../../shared/roles.ts';
import type { ActionBody, AppealAction, CreateAppealBody } from '../../shared/schemas/appeals.ts';
import type { Actor } from '../domains/auth/actor.ts';
import { performAction } from '../domains/appeals/appeal-actions.ts';
import { submitAppeal } from '../domains/appeals/submit-appeal.ts';

type Step = { as: string; hoursAgo: number } & ({ action: 'submit'; body: CreateAppealBody } | { action: AppealAction; body?: unknown; department?: string });

interface DemoAppeal {
  steps: Step[];
}

const submit = (as: string, hoursAgo: number, body: CreateAppealBody): Step => ({ as, hoursAgo, action: 'submit', body });
const act = (as: string, hoursAgo: number, action: AppealAction, body?: unknown, department?: string): Step => ({ as, hoursAgo, action, body, department });

const demoAppeals: DemoAppeal[] = [
  {
    steps: [
      submit('enterprise', 480, { title: '新建厂房施工许可办理咨询', content: '我司在织里镇新建童装加工厂房，施工许可需要准备哪些材料，能否并联审批、容缺受理？', channel: 'web', category: 'approval', contactName: '王经理', contactPhone: '13857201234' }),
      act('dispatcher', 470, 'assign', {}, 'zjj'),
      act('handler-zjj', 466, 'sign'),
      act('handler-zjj', 300, 'reply', { content: '已安排专人上门指导，施工许可可容缺受理，材料清单已发送至企业邮箱，5个工作日内办结。', resolution: 'resolved' }),
      act('followup', 260, 'follow-up', { reached: true, resolved: true, rating: 5, comment: '企业表示非常满意' }),
      act('followup', 259, 'close'),
    ],
  },
  {
    steps: [
      submit('enterprise', 140, { title: '厂区竣工验收备案进度慢', content: '厂区二期已完工一个多月，竣工验收备案迟迟没有结果，影响设备进场和投产，请帮助协调。', channel: 'web', category: 'approval', contactName: '王经理', contactPhone: '13857201234' }),
      act('dispatcher', 120, 'assign', {}, 'zjj'),
      act('handler-zjj', 117, 'sign'),
    ],
  },
  {
    steps: [
      submit('enterprise', 125, { title: '厂区周边道路施工影响货车通行', content: '厂区门口道路开挖施工已持续两周，大货车无法进出，每天有订单延误，希望加快施工或开辟临时通道。', channel: 'hotline_12345', category: 'approval', urgency: 'urgent', contactName: '李主任', contactPhone: '13905721111' }),
      act('dispatcher', 100, 'assign', {}, 'zjj'),
    ],
  },
  {
    steps: [
      submit('enterprise2', 2, { title: '出口退税审核时间较长', content: '我司上月申报的出口退税至今未到账，资金周转紧张，请帮助了解审核进度，是否可以加快办理。', channel: 'mobile', category: 'tax', contactName: '陈会计', contactPhone: '13735700000' }),
    ],
  },
  {
    steps: [
      submit('enterprise2', 220, { title: '增值税发票领用数量不够用', content: '公司订单增加，每月增值税专用发票领用数量不够用，申请提高领用数量和单张限额。', channel: 'web', category: 'tax', contactName: '陈会计', contactPhone: '13735700000' }),
      act('dispatcher', 200, 'assign', {}, 'swj'),
      act('handler-swj', 198, 'sign'),
      act('handler-swj', 20, 'reply', { content: '经核实，已为贵公司调整发票领用数量至每月 50 份，单张限额提升至十万元，即日生效。', resolution: 'resolved' }),
    ],
  },
  {
    steps: [
      submit('dispatcher', 26, { title: '园区供电线路频繁跳闸', content: '织里童装园区近一周供电线路跳闸三次，缝纫设备停工，企业损失较大，请供电部门排查。（12345 热线转办）', channel: 'hotline_12345', category: 'utilities', enterpriseId: 'enterprise', contactName: '王经理', contactPhone: '13857201234', sourceNote: '12345 热线工单' }),
      act('dispatcher', 25, 'accept'),
    ],
  },
  {
    steps: [
      submit('enterprise', 170, { title: '消防设计审查需补充材料', content: '新车间消防设计审查提交后被要求补充材料，但不清楚具体要补什么，希望一次性告知。', channel: 'web', category: 'approval', contactName: '王经理', contactPhone: '13857201234' }),
      act('dispatcher', 165, 'assign', {}, 'zjj'),
      act('handler-zjj', 140, 'sign'),
      act('handler-zjj', 48, 'pause', { reason: '已一次性告知所需补充材料，等待企业提交图纸' }),
    ],
  },
];

export async function seedDemoAppeals(deps: Pick<Deps, 'db' | 'clock' | 'log'>): Promise<number> {
  const ctx = systemContext('seed-demo');
  const users = await deps.db.selectFrom('users').select(['id', 'username', 'display_name', 'roles', 'org_unit_id', 'enterprise_id']).execute();
  const actors = new Map<string, Actor>(
    users.map((u) => [u.username, { userId: u.id, username: u.username, displayName: u.display_name, roles: u.roles as Role[], orgUnitId: u.org_unit_id, enterpriseId: u.enterprise_id, sessionId: null, tokenId: null }]),
  );
  const units = new Map((await deps.db.selectFrom('org_units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]));
  const now = deps.clock.now().getTime();
  const appealDeps = { db: deps.db, clock: deps.clock };
  for (const appeal of demoAppeals) {
    let id = '';
    for (const step of appeal.steps) {
      const actor = actors.get(step.as)!;
      const at = new Date(now - step.hoursAgo * 3_600_000);
      if (step.action === 'submit') {
        const body = step.body as CreateAppealBody;
        const enterpriseId = body.enterpriseId ? actors.get(body.enterpriseId)!.enterpriseId! : undefined;
        id = (await submitAppeal(appealDeps, ctx, actor, { ...body, enterpriseId }, { at, trusted: true })).id;
      } else {
        const body = step.action === 'assign' ? { departmentId: units.get(step.department!)! } : (step.body ?? {});
        await performAction(appealDeps, ctx, actor, id, step.action, body as ActionBody<typeof step.action>, { at, trusted: true });
      }
    }
  }
  deps.log.info({ appeals: demoAppeals.length }, 'demo appeals loaded');
  return demoAppeals.length;
}
