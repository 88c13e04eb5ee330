// HTTP routes of the appeals closed loop: intake, lists, detail, timeline, notes and every action of API.md.
import type { FastifyInstance } from 'fastify';

export function appealRoutes(app: FastifyInstance): void {
  void app;
}
