// The appeal timers and workers (clock warnings, supervision registration and escalation, notification outbox), added to the platform's job list.
import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../jobs/queue.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { drainOutbox, pendingOutboxCount } from '../notifications/outbox.ts';
import { runSupervisionScan } from './supervision/supervision-scan.ts';

/** A run stops starting new batches after this long, well inside the next minute's slot. */
const RUN_BUDGET_MS = 40_000;

async function repeatWhileMore(run: () => Promise<{ more: boolean }>): Promise<void> {
  const started = Date.now();
  while ((await run()).more && Date.now() - started < RUN_BUDGET_MS);
}

export function appealJobDefinitions(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>): JobDefinition<never>[] {
  // Built on the first drain, so that web-only processes (which only register the queues) never open an SMTP transport.
  let mailer: Mailer | null | undefined;
  let toldMailOff = false;
  return [
    {
      name: 'appeal-supervision-scan',
      cron: '* * * * *',
      // The next minute's run does the same work.
      retryLimit: 0,
      handle: async () => {
        await repeatWhileMore(() => runSupervisionScan(deps));
      },
    },
    {
      name: 'notification-outbox',
      cron: '* * * * *',
      retryLimit: 0,
      handle: async () => {
        if (mailer === undefined) mailer = createMailer(deps.config.mail);
        if (!mailer) {
          if (!toldMailOff) deps.log.info({ pending: await pendingOutboxCount(deps.db) }, 'e-mail is off (QINQING_SMTP_URL not set): notifications stay in-app, the outbox keeps the mails');
          toldMailOff = true;
          return;
        }
        const active = mailer;
        await repeatWhileMore(() => drainOutbox(deps, active));
      },
    },
  ];
}
