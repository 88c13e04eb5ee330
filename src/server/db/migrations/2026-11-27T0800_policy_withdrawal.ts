// Frozen migration: withdrawing a policy (废止) keeps when, by whom and why, so "as of" a date before the withdrawal still finds the version then in force; an appeal of the category 政策兑现 can point at the policy it is about.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE policies
      ADD COLUMN withdrawn_at timestamptz,
      ADD COLUMN withdrawn_by uuid REFERENCES users(id),
      ADD COLUMN withdrawal_reason text,
      ADD CONSTRAINT policies_withdrawal_recorded CHECK ((status = 'withdrawn') = (withdrawn_at IS NOT NULL AND withdrawal_reason IS NOT NULL))`.execute(db);
  await sql`ALTER TABLE appeals ADD COLUMN policy_id uuid REFERENCES policies(id)`.execute(db);
  await sql`CREATE INDEX appeals_policy_idx ON appeals (policy_id, submitted_at DESC) WHERE policy_id IS NOT NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
