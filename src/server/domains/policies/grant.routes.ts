// 免申即享 over HTTP: grant candidates, bulk approval within the budget, exclusion, payouts, and the payout ledger (兑付台账).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { idParams } from '../../../shared/schemas/common.ts';
import {
  approveGrantsBody,
  approveGrantsResult,
  createCandidatesBody,
  createCandidatesResult,
  excludeGrantBody,
  grantList,
  grantParams,
  ledgerQuery,
  listGrantsQuery,
  payoutBody,
  payoutLedger,
} from '../../../shared/schemas/policies.ts';
import { authorize } from '../abilities.ts';
import { businessDateOf } from '../calendar/working-days.ts';
import { approveGrants, createCandidates, excludeGrant, listGrants, payoutLedger as ledgerOf, payoutLedgerCsv, recordPayout } from './grants.ts';
import { findPolicy } from './policy.repository.ts';

const done = z.object({ ok: z.literal(true) });

export function grantRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/grants/candidates', summary: '生成免申即享兑现候选 / eligible enterprises become grant candidates', tags: ['policies'], auth: true,
    params: idParams, body: createCandidatesBody, response: createCandidatesResult,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.grant');
      return createCandidates({ db, clock }, ctx, params.id, body?.asOf ?? businessDateOf(clock.now()));
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policies/{id}/grants', summary: '兑现记录与预算 / grants of a policy with its budget', tags: ['policies'], auth: true,
    params: idParams, query: listGrantsQuery, response: grantList,
    handler: async ({ actor, db, params, query }) => {
      authorize(actor, 'policy.ledger');
      const policy = await findPolicy(db, params.id, { withDrafts: true });
      return listGrants(db, policy.id, policy.current_version, query);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/grants/approve', summary: '批量审批（按排序在预算内）/ approve candidates in rank order within the budget', tags: ['policies'], auth: true,
    params: idParams, body: approveGrantsBody, response: approveGrantsResult,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.grant');
      return approveGrants({ db, clock }, ctx, actor, params.id, body.grantIds);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/grants/{grantId}/exclude', summary: '排除并说明理由 / exclude a grant with a reason', tags: ['policies'], auth: true,
    params: grantParams, body: excludeGrantBody, response: done,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.grant');
      await excludeGrant({ db, clock }, ctx, actor, params.id, params.grantId, body.reason);
      return { ok: true as const };
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/policies/{id}/grants/{grantId}/payout', summary: '登记兑付 / record the payout of an approved grant (once)', tags: ['policies'], auth: true,
    params: grantParams, body: payoutBody, response: done,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'policy.grant');
      await recordPayout({ db, clock }, ctx, actor, params.id, params.grantId, body.paidOn, body.reference);
      return { ok: true as const };
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policy-payouts/ledger', summary: '兑付台账 / payouts by policy, department, district or month', tags: ['policies'], auth: true,
    query: ledgerQuery, response: payoutLedger,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'policy.ledger');
      return ledgerOf(db, query);
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/policy-payouts/ledger.csv', summary: '导出兑付台账 / every payout within [from, to] as CSV', tags: ['policies'], auth: true,
    query: ledgerQuery,
    handler: async ({ actor, db, query, reply }) => {
      authorize(actor, 'policy.ledger');
      const day = businessDateOf(clock.now());
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="payouts-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`兑付台账_${day}.csv`)}`);
      reply.header('cache-control', 'no-store');
      return payoutLedgerCsv(db, query);
    },
  });
}
