// HTTP routes for supervision (挂号督办): the board of overdue, returned, extended and badly rated appeals.
import type { FastifyInstance } from 'fastify';

export function supervisionRoutes(app: FastifyInstance): void {
  void app;
}
