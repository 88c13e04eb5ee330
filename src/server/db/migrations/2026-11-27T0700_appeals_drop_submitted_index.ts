// Frozen migration: drop appeals_submitted_idx — appeals_kpi_idx (submitted_at) INCLUDE (…) has the same leading key and serves every range on submitted_at, so the plain index only cost each intake one more B-tree insert.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS appeals_submitted_idx`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
