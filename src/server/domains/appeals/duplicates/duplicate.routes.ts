// HTTP route suggesting similar open appeals at intake (same enterprise or same subject, by jieba terms).
import type { FastifyInstance } from 'fastify';

export function duplicateRoutes(app: FastifyInstance): void {
  void app;
}
