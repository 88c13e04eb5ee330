// Background job records (status, progress, errors, result) kept as small JSON files under $QINQING_DATA_DIR/jobs, written atomically, readable by every process on the data directory.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { EnterpriseImportError, EnterpriseImportReport, JobStatusView } from '../../../shared/schemas/enterprise-import.ts';
import type { Actor } from '../auth/actor.ts';
import { hasRole } from '../auth/actor.ts';

export interface JobRecord<I = unknown> extends JobStatusView {
  /** Who started it: only they and administrators see the job. */
  createdBy: string;
  /** What the job needs to run (kept out of the API view). */
  input: I;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const jobsDirOf = (dataDir: string) => path.join(dataDir, 'jobs');
const fileOf = (dataDir: string, id: string) => path.join(jobsDirOf(dataDir), `${id}.json`);

export function newJobRecord<I>(kind: string, createdBy: string, input: I, at: Date, id: string = randomUUID()): JobRecord<I> {
  return {
    id, kind, createdBy, input, status: 'queued', processed: 0, total: null, totalExact: false, errors: [], errorCount: 0,
    createdAt: at.toISOString(), startedAt: null, finishedAt: null, result: null, failure: null,
  };
}

/** Written to a temporary name and renamed: a reader sees the old record or the new one, never half of one. */
export async function saveJob<I>(dataDir: string, record: JobRecord<I>): Promise<void> {
  const file = fileOf(dataDir, record.id);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
  await fs.writeFile(temp, JSON.stringify(record), { mode: 0o600 });
  await fs.rename(temp, file);
}

export async function loadJob<I = unknown>(dataDir: string, id: string): Promise<JobRecord<I> | null> {
  if (!uuidPattern.test(id)) return null;
  try {
    return JSON.parse(await fs.readFile(fileOf(dataDir, id), 'utf8')) as JobRecord<I>;
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
}

/** Its creator and administrators see a job; everyone else is told it does not exist. */
export const maySeeJob = (actor: Actor, record: JobRecord): boolean => record.createdBy === actor.userId || hasRole(actor, 'admin');

export function jobView(record: JobRecord): JobStatusView {
  const { createdBy: _createdBy, input: _input, ...view } = record;
  return view;
}

/** The status of a finished import: the report, and its errors at the top level as API.md lists them. */
export function finishedImport<I>(record: JobRecord<I>, report: EnterpriseImportReport, at: Date): JobRecord<I> {
  const errors: EnterpriseImportError[] = report.errors;
  return { ...record, status: 'succeeded', processed: report.total, total: report.total, totalExact: true, errors, errorCount: report.errorCount, finishedAt: at.toISOString(), result: report };
}
