// Frozen migration: indexes over open work only — appeal terms for duplicate suggestions, unresolved supervisions for the scan.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX appeals_open_terms_idx ON appeals USING gin (terms) WHERE status IN ('submitted','accepted','assigned','signed','returned','paused','replied','reopened')`.execute(db);
  await sql`CREATE INDEX appeal_supervisions_open_idx ON appeal_supervisions (appeal_id) WHERE resolved_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
