// Frozen migration: the appeals staff entered on an enterprise's behalf, by who entered them, so the one who raised an appeal (on a visit, from a hotline call) can always find it again.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Must match `enteredByStaff` in domains/appeals/appeal.access.ts, or the planner cannot use it.
  await sql`CREATE INDEX appeals_entered_by_staff_idx ON appeals (submitted_by) WHERE channel NOT IN ('web', 'mobile', 'api', 'import')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
