// The typed jobs and timers of the platform; domains add theirs here.
import { sql } from 'kysely';
import type { Deps } from '../deps.ts';
import { checkCalendarCoverage } from '../domains/calendar/calendar.jobs.ts';
import { deleteExpiredSessions } from '../domains/auth/session.repository.ts';
import { appealJobDefinitions } from '../domains/appeals/appeal.jobs.ts';
import { enterpriseImportJobDefinitions } from '../domains/enterprises/import/import-job.ts';
import type { JobDefinition } from './queue.ts';

/** Idempotency keys only need to outlive a client's retries. */
const IDEMPOTENCY_RETENTION_DAYS = 7;

export function jobDefinitions(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>): JobDefinition<never>[] {
  return [
    ...appealJobDefinitions(deps),
    ...enterpriseImportJobDefinitions(deps),
    {
      name: 'calendar-coverage',
      cron: '0 9 * * *',
      handle: async () => {
        await checkCalendarCoverage(deps);
      },
    },
    {
      name: 'housekeeping',
      cron: '30 3 * * *',
      handle: async () => {
        const now = deps.clock.now();
        const sessions = await deleteExpiredSessions(deps.db, now);
        const keys = await deps.db
          .deleteFrom('idempotency_keys')
          .where('created_at', '<', sql<Date>`${now}::timestamptz - make_interval(days => ${IDEMPOTENCY_RETENTION_DAYS})`)
          .executeTakeFirst();
        deps.log.info({ sessions, idempotencyKeys: Number(keys.numDeletedRows) }, 'housekeeping done');
      },
    },
  ];
}
