// HTTP routes for supervision (挂号督办): the board of overdue, returned, extended and badly rated appeals, and the supervision items.
import type { FastifyInstance } from 'fastify';
import { listOf, supervisionBoardQuery, supervisionBoardView, supervisionItemView, supervisionItemsQuery } from '../../../../shared/schemas/index.ts';
import { authorize } from '../../abilities.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { listSupervisionItems, supervisionBoard } from './supervision-board.ts';

export function supervisionRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;
  app.defineRoute({
    method: 'GET', url: '/api/v1/supervision/board', summary: '督办看板 / the supervisors\' board: negative measures by department and handler, supervision items', tags: ['supervision'], auth: true,
    query: supervisionBoardQuery, response: supervisionBoardView,
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.supervision');
      return supervisionBoard(db, await appealScopeFor(db, actor), query, clock.now());
    },
  });
  app.defineRoute({
    method: 'GET', url: '/api/v1/supervision/items', summary: '督办事项 / supervision registrations, newest first', tags: ['supervision'], auth: true,
    query: supervisionItemsQuery, response: listOf(supervisionItemView),
    handler: async ({ actor, db, query }) => {
      authorize(actor, 'appeal.supervision');
      return listSupervisionItems(db, await appealScopeFor(db, actor), query);
    },
  });
}
