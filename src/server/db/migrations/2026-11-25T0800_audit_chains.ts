// Frozen migration: the audit trail becomes 32 hash chains (an event's chain follows its entity), each with a head row, so writers of different records no longer queue behind one lock.
import { sql, type Kysely } from 'kysely';

/** Must equal AUDIT_CHAINS in domains/audit/audit-chains.ts. */
const CHAINS = 32;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD COLUMN chain smallint NOT NULL DEFAULT 0`.execute(db);
  await sql`
    CREATE TABLE audit_chain_heads (
      chain smallint PRIMARY KEY,
      hash text NOT NULL,
      last_event_id bigint,
      updated_at timestamptz
    )`.execute(db);
  await sql`INSERT INTO audit_chain_heads (chain, hash) SELECT g, repeat('0', 64) FROM generate_series(0, ${sql.lit(CHAINS - 1)}) g`.execute(db);
  // Every event written before this migration stays on chain 0, whose head is the newest of them.
  await sql`
    UPDATE audit_chain_heads h SET hash = last.hash, last_event_id = last.id, updated_at = last.at
      FROM (SELECT id, hash, at FROM audit_events ORDER BY id DESC LIMIT 1) last
     WHERE h.chain = 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
