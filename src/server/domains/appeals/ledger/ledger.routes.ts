// HTTP routes for the appeal ledger (台账): xlsx export of a filtered list and bulk import of historical appeals.
import type { FastifyInstance } from 'fastify';

export function ledgerRoutes(app: FastifyInstance): void {
  void app;
}
