// POST /api/v1/enterprises/import: the file (multipart `file`, xlsx or csv) streamed to the data directory, then imported by a background job → 202 {jobId}.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { enterpriseImportQuery, jobAccepted } from '../../../../shared/schemas/enterprise-import.ts';
import { AppError, invalid } from '../../../http/errors.ts';
import { authorize } from '../../abilities.ts';
import { newJobRecord, saveJob } from '../../jobs-status/job-status.ts';
import { ENTERPRISE_IMPORT_JOB, MAX_IMPORT_BYTES, receiveImportFile, runImportJob, type ImportJobInput } from './import-job.ts';

export function enterpriseImportRoutes(app: FastifyInstance): void {
  app.defineRoute({
    method: 'POST', url: '/api/v1/enterprises/import', tags: ['enterprises'], auth: true, status: 202,
    summary: '导入企业（multipart 字段 file：xlsx 或 csv）/ import enterprises from xlsx or csv as a background job; follow it at GET /api/v1/jobs/{jobId}. dryRun checks every row and writes nothing',
    query: enterpriseImportQuery, response: jobAccepted,
    handler: async ({ actor, ctx, query, request }) => {
      authorize(actor, 'enterprise.import');
      if (!request.isMultipart()) {
        throw new AppError('unsupported_media_type', '请以 multipart/form-data 上传文件（字段 file） / upload the file as multipart/form-data, field "file"', [{ path: 'content-type', message: 'multipart/form-data expected' }]);
      }
      const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw invalid('file', '缺少文件（字段 file） / the file is missing (field "file")');
      }
      const { dataDir } = app.deps.config;
      const jobId = randomUUID();
      const file = await receiveImportFile(part.file, dataDir, jobId);
      const input: ImportJobInput = {
        file, fileName: part.filename || null, dryRun: query.dryRun, mode: query.mode, year: query.year, mapping: query.mapping,
        acceptUnits: query.acceptUnits, requestId: ctx.requestId, ip: ctx.ip, userAgent: ctx.userAgent,
      };
      await saveJob(dataDir, newJobRecord('enterprise-import', actor.userId, input, app.deps.clock.now(), jobId));
      // A large file on a busy machine may run past pg-boss's default 15 minutes, after which it would count the job as lost.
      if (app.deps.jobs) await app.deps.jobs.send(ENTERPRISE_IMPORT_JOB, { jobId }, { expireInHours: 6 });
      // Without a queue (a process started without one, tests) the import runs here, after the answer.
      else setImmediate(() => void runImportJob(app.deps, jobId));
      return { jobId };
    },
  });
}
