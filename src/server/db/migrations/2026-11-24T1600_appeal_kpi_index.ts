// Frozen migration: a covering index for the appeal KPIs, so a year's figures come from an index-only scan instead of the wide appeal rows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX appeals_kpi_idx ON appeals (submitted_at) INCLUDE (
      status, lead_department_id, district_unit_id, region_unit_id, channel,
      sign_started_at, sign_due_at, sign_met_at, reply_started_at, reply_due_at, reply_met_at, paused_at,
      replied_at, resolution, follow_up_resolved, follow_up_at, rating
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
