// HTTP routes of the in-app notification centre: list, unread count, mark read.
import type { FastifyInstance } from 'fastify';

export function notificationRoutes(app: FastifyInstance): void {
  void app;
}
