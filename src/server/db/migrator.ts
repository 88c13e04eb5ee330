// The one migrator used by the server, the CLI and the tests.
import { Migrator, type Kysely } from 'kysely';
import type { Logger } from '../platform/logger.ts';
import { migrations } from './migrations/index.ts';

export async function migrateToLatest(db: Kysely<any>, log?: Logger): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    migrationTableName: 'qinqing_migrations',
    migrationLockTableName: 'qinqing_migrations_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const failed = (results ?? []).find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String((error as Error)?.message ?? error)}`, { cause: error });
  }
  if (applied.length) log?.info({ applied }, 'migrations applied');
  return applied;
}
