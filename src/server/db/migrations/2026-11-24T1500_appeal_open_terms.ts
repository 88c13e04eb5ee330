// Frozen migration: a terms index over open appeals only, so duplicate suggestions at intake do not wade through a million closed ones.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX appeals_open_terms_idx ON appeals USING gin (terms) WHERE status IN ('submitted','accepted','assigned','signed','returned','paused','replied','reopened')`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
