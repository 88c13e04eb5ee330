// HTTP routes of 企业家绿卡: staff issue, renew, revoke and list; `GET /api/v1/public/green-cards/{number}` verifies a card without logging in (guarded against enumeration).
import type { FastifyInstance } from 'fastify';
import { idParams, listOf } from '../../../../shared/schemas/common.ts';
import {
  greenCardNumberParams,
  greenCardView,
  issueGreenCardBody,
  listGreenCardsQuery,
  publicGreenCardView,
  renewGreenCardBody,
  revokeGreenCardBody,
} from '../../../../shared/schemas/enterprise-relations.ts';
import { notFound } from '../../../http/errors.ts';
import { authorize } from '../../abilities.ts';
import { shanghaiDate } from '../relations/visit-plan.ts';
import { normaliseCardNumber } from './card-number.ts';
import { findGreenCard, issueGreenCard, listGreenCards, renewGreenCard, revokeGreenCard, verifyGreenCard } from './manage-green-cards.ts';
import { PublicLookupGuard } from './public-guard.ts';

export function greenCardRoutes(app: FastifyInstance, guard = new PublicLookupGuard({ perMinute: 30, missesPerTenMinutes: 10 })): void {
  const { clock } = app.deps;
  const today = () => shanghaiDate(clock.now());

  app.defineRoute({
    method: 'GET', url: '/api/v1/public/green-cards/{number}', summary: '核验企业家绿卡（无需登录） / verify a green card (public: name, enterprise, validity only)', tags: ['green-cards'], auth: false,
    params: greenCardNumberParams, response: publicGreenCardView,
    handler: async ({ params, request, reply }) => {
      const key = request.ip;
      guard.admit(key);
      reply.header('Cache-Control', 'no-store');
      // A number whose check character fails is answered like an unknown one, and counts as a miss.
      const number = normaliseCardNumber(params.number);
      const card = number ? await verifyGreenCard(app.deps.db, number, today()) : null;
      if (!card) {
        guard.miss(key);
        throw notFound('绿卡 / green card');
      }
      return card;
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/green-cards', summary: '企业家绿卡 / green cards', tags: ['green-cards'], auth: true,
    query: listGreenCardsQuery, response: listOf(greenCardView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'green-card.read');
      return listGreenCards(db, query, today());
    },
  });

  app.defineRoute({
    method: 'GET', url: '/api/v1/green-cards/{id}', summary: '一张绿卡 / one green card', tags: ['green-cards'], auth: true,
    params: idParams, response: greenCardView,
    handler: async ({ actor, db, params }) => {
      authorize(actor, 'green-card.read');
      return findGreenCard(db, params.id, today());
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/green-cards', summary: '办理绿卡 / issue a green card', tags: ['green-cards'], auth: true, idempotent: true,
    body: issueGreenCardBody, response: greenCardView,
    handler: async ({ actor, ctx, db, body }) => {
      authorize(actor, 'green-card.manage');
      return issueGreenCard({ db, clock }, ctx, actor, body);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/green-cards/{id}/renew', summary: '绿卡续期 / renew a green card', tags: ['green-cards'], auth: true,
    params: idParams, body: renewGreenCardBody, response: greenCardView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'green-card.manage');
      return renewGreenCard({ db, clock }, ctx, actor, params.id, body.validUntil);
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/green-cards/{id}/revoke', summary: '撤销绿卡 / revoke a green card', tags: ['green-cards'], auth: true,
    params: idParams, body: revokeGreenCardBody, response: greenCardView,
    handler: async ({ actor, ctx, db, params, body }) => {
      authorize(actor, 'green-card.manage');
      return revokeGreenCard({ db, clock }, ctx, actor, params.id, body.reason);
    },
  });
}
