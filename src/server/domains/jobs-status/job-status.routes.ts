// GET /api/v1/jobs/{id}: a background job's status and progress, for its creator and administrators (anyone else: 404).
import type { FastifyInstance } from 'fastify';
import { idParams } from '../../../shared/schemas/common.ts';
import { jobStatusView } from '../../../shared/schemas/enterprise-import.ts';
import { notFound } from '../../http/errors.ts';
import { jobView, loadJob, maySeeJob } from './job-status.ts';

export function jobStatusRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'GET', url: '/api/v1/jobs/{id}', summary: '后台任务状态 / a background job (an import): status, rows processed of total, errors', tags: ['jobs'], auth: true,
    params: idParams, response: jobStatusView,
    handler: async ({ actor, params }) => {
      const record = await loadJob(app.deps.config.dataDir, params.id);
      if (!record || !maySeeJob(actor, record)) throw notFound('任务 / job');
      return jobView(record);
    },
  });
}
