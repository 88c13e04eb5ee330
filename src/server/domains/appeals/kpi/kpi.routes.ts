// HTTP routes for appeal KPIs (API.md) by department, district, channel and month, and their xlsx export.
import type { FastifyInstance } from 'fastify';

export function kpiRoutes(app: FastifyInstance): void {
  void app;
}
