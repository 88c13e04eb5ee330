// The import as a background job: the upload streamed to the data directory, a job record whose progress is saved as rows are read, the pg-boss definition that runs it.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import type { Deps } from '../../../deps.ts';
import { AppError } from '../../../http/errors.ts';
import type { RequestContext } from '../../../http/context.ts';
import type { JobDefinition } from '../../../jobs/queue.ts';
import type { Role } from '../../../../shared/roles.ts';
import type { ColumnMapping, EnterpriseImportMode } from '../../../../shared/schemas/enterprise-import.ts';
import type { Actor } from '../../auth/actor.ts';
import { finishedImport, loadJob, saveJob, type JobRecord } from '../../jobs-status/job-status.ts';
import { importEnterprises } from './import-enterprises.ts';

export const ENTERPRISE_IMPORT_JOB = 'enterprise-import';
/** A million rows of csv are about 150 MB. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
const PROGRESS_EVERY_MS = 1000;
const ERRORS_WHILE_RUNNING = 100;

export interface ImportJobInput {
  file: string;
  fileName: string | null;
  dryRun: boolean;
  mode: EnterpriseImportMode;
  year?: number;
  mapping?: ColumnMapping;
  acceptUnits: boolean;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
}

export const uploadsDirOf = (dataDir: string) => path.join(dataDir, 'imports');

/** Streams an upload to $QINQING_DATA_DIR/imports/<job id>.upload; refused (and removed) when empty or over the limit. */
export async function receiveImportFile(stream: Readable & { truncated?: boolean }, dataDir: string, jobId: string): Promise<string> {
  const dir = uploadsDirOf(dataDir);
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${jobId}.upload`);
  try {
    await pipeline(stream, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    if (stream.truncated) throw new AppError('payload_too_large', `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，更大的文件请用 qinqing enterprises import / at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB per upload`, [{ path: 'file', message: 'too large' }]);
    if ((await fsp.stat(file)).size === 0) throw new AppError('validation_failed', '文件为空 / the file is empty', [{ path: 'file', message: 'empty' }]);
    return file;
  } catch (error) {
    await fsp.rm(file, { force: true });
    throw error;
  }
}

async function actorOf(deps: Pick<Deps, 'db'>, userId: string): Promise<Actor | null> {
  const u = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).where('status', '=', 'active').executeTakeFirst();
  return u ? { userId: u.id, username: u.username, displayName: u.display_name, roles: u.roles as Role[], orgUnitId: u.org_unit_id, enterpriseId: u.enterprise_id, sessionId: null, tokenId: null } : null;
}

/** Runs a queued import job once (a repeat delivery of a job already started does nothing); progress is saved about once a second. */
export async function runImportJob(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>, jobId: string): Promise<void> {
  const { dataDir } = deps.config;
  const loaded = await loadJob<ImportJobInput>(dataDir, jobId);
  if (!loaded || loaded.status !== 'queued') return;
  let record: JobRecord<ImportJobInput> = { ...loaded, status: 'running', startedAt: deps.clock.now().toISOString() };
  let saving = saveJob(dataDir, record);
  const save = (next: JobRecord<ImportJobInput>) => {
    record = next;
    saving = saving.then(() => saveJob(dataDir, record)).catch((error: unknown) => deps.log.warn({ err: error, jobId }, 'job progress not saved'));
    return saving;
  };
  const input = record.input;
  try {
    const actor = await actorOf(deps, record.createdBy);
    if (!actor) throw new Error('发起导入的用户已停用 / the user who started the import is no longer active');
    const ctx: RequestContext = { actor, requestId: input.requestId ?? `job:${jobId}`, ip: input.ip, userAgent: input.userAgent };
    let lastSaved = Date.now();
    const report = await importEnterprises({ db: deps.db, clock: deps.clock }, ctx, input.file, {
      dryRun: input.dryRun, mode: input.mode, year: input.year, mapping: input.mapping, acceptUnits: input.acceptUnits, fileName: input.fileName,
      onError: (error) => {
        if (record.errors.length < ERRORS_WHILE_RUNNING) record.errors.push(error);
      },
      onProgress: (p) => {
        record = { ...record, processed: p.processed, total: p.total, totalExact: p.totalExact, errorCount: p.errorCount };
        if (Date.now() - lastSaved >= PROGRESS_EVERY_MS) {
          lastSaved = Date.now();
          void save(record);
        }
      },
    });
    await save(finishedImport(record, report, deps.clock.now()));
  } catch (error) {
    deps.log.error({ err: error, jobId }, 'enterprise import failed');
    await save({ ...record, status: 'failed', failure: error instanceof Error ? error.message : String(error), finishedAt: deps.clock.now().toISOString() });
  } finally {
    await fsp.rm(input.file, { force: true });
  }
}

export function enterpriseImportJobDefinitions(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>): JobDefinition<never>[] {
  const definition: JobDefinition<{ jobId: string }> = {
    name: ENTERPRISE_IMPORT_JOB,
    // A failed import is reported in its record; running it again is the user's decision.
    retryLimit: 0,
    handle: (data) => runImportJob(deps, data.jobId),
  };
  return [definition as unknown as JobDefinition<never>];
}
