// HTTP route suggesting similar open appeals at intake (same enterprise or same subject, by jieba terms).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { similarAppealsQuery, similarAppealView } from '../../../../shared/schemas/index.ts';
import { hasRole } from '../../auth/actor.ts';
import { authorize } from '../../abilities.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { findSimilarAppeals } from './similar.ts';

export function duplicateRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/similar', tags: ['appeals'], auth: true,
    summary: '相似诉求 / open appeals in the caller\'s scope that look like the one being entered (same subject, or related and from the same enterprise)',
    query: similarAppealsQuery, response: z.object({ items: z.array(similarAppealView) }),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.read');
      // An enterprise enters appeals for itself only.
      const enterpriseId = hasRole(actor, 'enterprise') && actor.enterpriseId ? actor.enterpriseId : query.enterpriseId;
      const items = await findSimilarAppeals(db, await appealScopeFor(db, actor), { ...query, enterpriseId }, 5, clock.now().getTime());
      return { items };
    },
  });
}
