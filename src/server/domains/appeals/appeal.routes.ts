// HTTP routes of the appeals closed loop: intake, lists, detail, timeline, internal notes, every action of API.md, and the rules (categories, clocks, dispatch catalogue).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actionBodies,
  appealActions,
  appealEventView,
  appealListItem,
  appealNoteView,
  appealView,
  categoryView,
  clockRuleView,
  createAppealBody,
  createNoteBody,
  idParams,
  linkPolicyBody,
  listAppealsQuery,
  listOf,
  putClockRuleBody,
  putRoutingRuleBody,
  routingRuleView,
  type AppealAction,
} from '../../../shared/schemas/index.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError, notFound } from '../../http/errors.ts';
import { idempotencyClaimOf } from '../../http/idempotency.ts';
import { Answer } from '../../http/route.ts';
import { authorize } from '../abilities.ts';
import { recordAudit } from '../audit/audit.repository.ts';
import { performAction } from './appeal-actions.ts';
import { linkAppealPolicy } from './link-policy.ts';
import { appealScopeFor, findVisibleAppeal, partsOf, seesInternal } from './appeal.access.ts';
import { listAppealEvents, listAppeals, listNotes, loadAppealView } from './appeal.repository.ts';
import { listCategories } from './appeal-rules.repository.ts';
import { listClockRules, listRoutingRules, putClockRule, putRoutingRule } from './manage-appeal-rules.ts';
import { intakeBatcherFor } from './intake/intake-batcher.ts';
import { planIntake } from './intake/intake-plan.ts';

const actionSummaries: Record<AppealAction, string> = {
  accept: '受理 / accept',
  reject: '不予受理 / reject with a reason',
  merge: '合并到重复诉求 / merge into an open duplicate',
  assign: '交办 / assign to a lead department (and co-departments)',
  sign: '签收 / sign for the appeal',
  return: '退回 / return to the dispatcher as not ours',
  pause: '暂停计时（等待企业材料）/ pause the clock while waiting for the enterprise',
  resume: '恢复计时 / resume the clock',
  'request-extension': '申请延期 / request an extension in working days',
  'approve-extension': '批准延期 / approve the pending extension',
  'deny-extension': '驳回延期 / deny the pending extension',
  reply: '答复 / reply with a resolution',
  'follow-up': '回访 / record the follow-up call',
  rate: '企业评价 / the enterprise rates the answer',
  reopen: '重办 / reopen with a fresh clock',
  close: '办结 / close',
  supervise: '挂号督办 / register for supervision',
};

export function appealRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  const deps = () => ({ db: app.deps.db, clock });

  app.defineRoute({
    method: 'POST', url: '/api/v1/appeals', summary: '提交诉求 / submit an appeal (any channel)', tags: ['appeals'], auth: true, idempotent: 'handler',
    body: createAppealBody, response: appealView,
    handler: async ({ actor, ctx, body, request, idempotencyKey }) => {
      authorize(actor, 'appeal.create');
      const claim = idempotencyKey ? idempotencyClaimOf(request, idempotencyKey) : undefined;
      const plan = await planIntake(app.deps.db, clock.now(), actor, body);
      const outcome = await intakeBatcherFor(app.deps.db).submit(plan, ctx, claim);
      return new Answer(outcome.status, outcome.body);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals', summary: '诉求列表 / appeals the caller may see, filtered', tags: ['appeals'], auth: true,
    query: listAppealsQuery, response: listOf(appealListItem),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.read');
      return listAppeals(db, actor, await appealScopeFor(db, actor), query, clock.now());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/{id}', summary: '诉求详情 / one appeal with its clocks and the caller\'s abilities', tags: ['appeals'], auth: true,
    params: idParams, response: appealView,
    handler: async ({ actor, db, params }) => {
      const { row, scope } = await findVisibleAppeal(db, actor, params.id);
      return loadAppealView(db, actor, row, clock.now(), scope);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/{id}/events', summary: '时间线 / the timeline, oldest first (internal steps only for staff)', tags: ['appeals'], auth: true,
    params: idParams, response: listOf(appealEventView),
    handler: async ({ actor, db, params }) => {
      const { row, scope } = await findVisibleAppeal(db, actor, params.id);
      const items = await listAppealEvents(db, row.id, seesInternal(actor, partsOf(actor, row, scope)));
      return { items, total: items.length };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/{id}/notes', summary: '内部备注 / internal notes (never shown to enterprises)', tags: ['appeals'], auth: true,
    params: idParams, response: listOf(appealNoteView),
    handler: async ({ actor, db, params }) => {
      const { row, scope } = await findVisibleAppeal(db, actor, params.id);
      if (!seesInternal(actor, partsOf(actor, row, scope))) throw notFound('备注 / notes');
      const items = await listNotes(db, row.id);
      return { items, total: items.length };
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/appeals/{id}/notes', summary: '添加内部备注 / add an internal note', tags: ['appeals'], auth: true, idempotent: true,
    params: idParams, body: createNoteBody, response: appealNoteView,
    handler: async ({ actor, ctx, db, params, body }) =>
      inTransaction(db, async (trx) => {
          const { row, scope } = await findVisibleAppeal(trx, actor, params.id);
        const parts = partsOf(actor, row, scope);
        if (!seesInternal(actor, parts)) throw notFound('诉求 / appeal');
        if (!parts.some((p) => p !== 'viewer' && p !== 'owner')) {
          throw new AppError('invalid_transition', '只有办理此诉求的人员可以添加备注 / only staff working this appeal add notes', [{ path: 'content', message: 'not allowed' }]);
        }
        const at = clock.now();
        const note = await trx
          .insertInto('appeal_notes')
          .values({ appeal_id: row.id, author_id: actor.userId, author_unit_id: actor.orgUnitId, content: body.content, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'appeal.note', entityType: 'appeal', entityId: row.id, before: null, after: { noteId: note.id } }, at);
        const [view] = (await listNotes(trx, row.id)).filter((n) => n.id === note.id);
        return view!;
      }),
  });

  app.defineRoute({
    method: 'PUT', url: '/api/v1/appeals/{id}/policy', summary: '关联政策（政策兑现类诉求）/ link a 政策兑现 appeal to the policy it is about (null unlinks)', tags: ['appeals'], auth: true,
    params: idParams, body: linkPolicyBody, response: appealView,
    handler: async ({ actor, ctx, params, body }) => linkAppealPolicy(deps(), ctx, actor, params.id, body.policyId),
  });

  for (const action of appealActions) {
    app.defineRoute({
      method: 'POST', url: `/api/v1/appeals/{id}/${action}`, summary: actionSummaries[action], tags: ['appeal actions'], auth: true,
      params: idParams, body: actionBodies[action] as z.ZodType, response: appealView,
      handler: async ({ actor, ctx, params, body }) => {
          return performAction(deps(), ctx, actor, params.id, action, body as never);
      },
    });
  }

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeal-categories', summary: '诉求类别 / the category tree', tags: ['appeal rules'], auth: true,
    response: listOf(categoryView),
    handler: async ({ db }) => {
      const items = await listCategories(db);
      return { items, total: items.length };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeal-rules/clocks', summary: '办理时限规则 / stage durations per category and urgency', tags: ['appeal rules'], auth: true,
    response: listOf(clockRuleView),
    handler: async ({ actor, db }) => {
      authorize(actor, 'appeal.read');
      const items = await listClockRules(db);
      return { items, total: items.length };
    },
  });
  app.defineRoute({
    method: 'PUT', url: '/api/v1/appeal-rules/clocks', summary: '设置办理时限 / set the durations of a category (null = default) and urgency', tags: ['appeal rules'], auth: true,
    body: putClockRuleBody, response: clockRuleView,
    handler: async ({ actor, ctx, body }) => {
      authorize(actor, 'appeal.rules.manage');
      return putClockRule(app.deps.db, ctx, actor, body, clock.now());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeal-rules/routing', summary: '派单目录 / the dispatch catalogue: category × division → department', tags: ['appeal rules'], auth: true,
    response: listOf(routingRuleView),
    handler: async ({ actor, db }) => {
      authorize(actor, 'appeal.read');
      const items = await listRoutingRules(db);
      return { items, total: items.length };
    },
  });
  app.defineRoute({
    method: 'PUT', url: '/api/v1/appeal-rules/routing', summary: '设置派单目录条目 / set the default department of a category in a division', tags: ['appeal rules'], auth: true,
    body: putRoutingRuleBody, response: routingRuleView,
    handler: async ({ actor, ctx, body }) => {
      authorize(actor, 'appeal.rules.manage');
      return putRoutingRule(app.deps.db, ctx, actor, body, clock.now());
    },
  });
}
