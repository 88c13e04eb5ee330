// HTTP routes for the appeal ledger (台账): xlsx export of a filtered list and bulk import of historical appeals.
import type { FastifyInstance } from 'fastify';
import { importQuery, importReport, ledgerExportQuery } from '../../../../shared/schemas/ledger.ts';
import { inTransaction } from '../../../db/transaction.ts';
import { AppError, invalid } from '../../../http/errors.ts';
import { authorize } from '../../abilities.ts';
import { recordAudit } from '../../audit/audit.repository.ts';
import { appealScopeFor } from '../appeal.access.ts';
import { importLedger } from './import-ledger.ts';
import { countLedgerRows, MAX_LEDGER_ROWS, writeLedger } from './ledger-export.ts';
import { sendAsXlsx } from './xlsx.ts';

/**
 * An upload replays every row through the real actions (six transactions for a closed appeal) inside the request, so it is kept
 * to what finishes within a proxy's timeout; a dry run checks files of any length; whole ledgers go through `qinqing appeals import`.
 */
export const MAX_UPLOAD_ROWS = 1_000;

const shanghaiStamp = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function ledgerRoutes(app: FastifyInstance): void {
  const { clock } = app.deps;

  app.defineRoute({
    method: 'GET', url: '/api/v1/appeals/export.xlsx', summary: '导出诉求台账 / the ledger of the appeals the caller sees, filtered as the list, as xlsx (at most 100,000 rows, newest first)', tags: ['appeal ledger'], auth: true,
    query: ledgerExportQuery,
    handler: async ({ actor, ctx, db, query, reply }) => {
      authorize(actor, 'appeal.export');
      const now = clock.now();
      const scope = await appealScopeFor(db, actor);
      const matched = await countLedgerRows(db, scope, query, now);
      await inTransaction(db, (trx) =>
        recordAudit(trx, ctx, { action: 'appeal.export', entityType: 'appeal', entityId: 'ledger', before: null, after: { filters: query, rows: Math.min(matched, MAX_LEDGER_ROWS), truncated: matched > MAX_LEDGER_ROWS } }, now),
      );
      const day = shanghaiStamp(now).slice(0, 10);
      sendAsXlsx(reply, `诉求台账_${day}.xlsx`, `appeal-ledger-${day}.xlsx`);
      reply.header('x-ledger-rows', String(Math.min(matched, MAX_LEDGER_ROWS)));
      reply.header('x-ledger-truncated', String(matched > MAX_LEDGER_ROWS));
      return writeLedger(app.deps.db, scope, query, now, { matched, limit: MAX_LEDGER_ROWS, generatedAt: shanghaiStamp(now) });
    },
  });

  app.defineRoute({
    method: 'POST', url: '/api/v1/appeals/import', summary: '导入历史诉求 / import historical appeals from an old ledger (multipart `file`: xlsx or csv); dry run checks every row and writes nothing', tags: ['appeal ledger'], auth: true,
    query: importQuery, response: importReport,
    handler: async ({ actor, ctx, db, query, request }) => {
      authorize(actor, 'appeal.import');
      if (!request.isMultipart()) throw invalid('file', '请以 multipart/form-data 上传文件（字段 file） / upload the file as multipart/form-data, field "file"');
      const part = await request.file();
      if (!part || part.fieldname !== 'file') throw invalid('file', '缺少文件（字段 file） / the file is missing (field "file")');
      const buffer = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', '文件超过 20 MB / the file is larger than 20 MB', [{ path: 'file', message: 'too large' }]);
        throw error;
      });
      return importLedger({ db, clock }, ctx, actor, buffer, { dryRun: query.dryRun, mode: query.mode, fileName: part.filename, maxRows: MAX_UPLOAD_ROWS });
    },
  });
}
