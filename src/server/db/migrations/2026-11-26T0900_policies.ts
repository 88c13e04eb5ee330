// Frozen migration: policies (issue 5) — the working copy, immutable published versions with their content hash, decisions with the data used, automatic grants and payouts; change_seq on the registry tables so every process's column store can catch up.
import { sql, type Kysely } from 'kysely';

/** Key of the advisory lock writers of the registry hold shared while they take a change_seq (see registry_change_seq()). */
export const REGISTRY_CHANGE_LOCK = 726_305_001;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE policies (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      title text NOT NULL,
      document_number text NOT NULL,
      issuing_department text NOT NULL,
      responsible_unit_id uuid REFERENCES org_units(id),
      contact_name text NOT NULL,
      contact_phone text NOT NULL,
      effective_from date NOT NULL,
      effective_until date,
      summary text NOT NULL,
      interpretation jsonb NOT NULL DEFAULT '[]',
      clauses jsonb NOT NULL DEFAULT '[]',
      benefit jsonb NOT NULL,
      mode text NOT NULL CHECK (mode IN ('automatic', 'application', 'information')),
      budget_wan numeric(20,6) CHECK (budget_wan >= 0),
      rule jsonb NOT NULL,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'withdrawn')),
      current_version integer,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (effective_until IS NULL OR effective_until >= effective_from)
    )`.execute(db);
  await sql`CREATE INDEX policies_status_idx ON policies (status, updated_at DESC)`.execute(db);

  await sql`
    CREATE TABLE policy_versions (
      policy_id uuid NOT NULL REFERENCES policies(id),
      version integer NOT NULL CHECK (version >= 1),
      content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
      content jsonb NOT NULL,
      published_at timestamptz NOT NULL,
      published_by uuid REFERENCES users(id),
      PRIMARY KEY (policy_id, version)
    )`.execute(db);
  await sql`ALTER TABLE policies ADD FOREIGN KEY (id, current_version) REFERENCES policy_versions (policy_id, version) DEFERRABLE INITIALLY DEFERRED`.execute(db);
  // A published version is the record decisions refer to: never changed, never removed.
  await sql`
    CREATE FUNCTION policy_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'policy_versions are immutable (% refused)', TG_OP USING ERRCODE = 'restrict_violation';
    END $$`.execute(db);
  await sql`CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions FOR EACH ROW EXECUTE FUNCTION policy_versions_immutable()`.execute(db);
  await sql`CREATE TRIGGER policy_versions_no_truncate BEFORE TRUNCATE ON policy_versions FOR EACH STATEMENT EXECUTE FUNCTION policy_versions_immutable()`.execute(db);

  await sql`
    CREATE TABLE policy_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      policy_id uuid NOT NULL,
      version integer NOT NULL,
      content_hash text NOT NULL,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      kind text NOT NULL CHECK (kind IN ('publish_notice', 'eligibility_check')),
      as_of date NOT NULL,
      verdict text NOT NULL CHECK (verdict IN ('eligible', 'ineligible', 'unknown')),
      conditions jsonb NOT NULL,
      decided_at timestamptz NOT NULL DEFAULT now(),
      FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version)
    )`.execute(db);
  // An enterprise is told about a policy once, whatever the number of versions.
  await sql`CREATE UNIQUE INDEX policy_decisions_notice_once ON policy_decisions (policy_id, enterprise_id) WHERE kind = 'publish_notice'`.execute(db);
  await sql`CREATE INDEX policy_decisions_enterprise_idx ON policy_decisions (enterprise_id, decided_at DESC)`.execute(db);

  // 免申即享: one grant per policy and enterprise, created from the eligible set with the version and the data used;
  // approved in `rank` order within the budget; paid at most once (policy_payouts.grant_id is unique).
  await sql`
    CREATE TABLE policy_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      policy_id uuid NOT NULL REFERENCES policies(id),
      version integer NOT NULL,
      content_hash text NOT NULL,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      as_of date NOT NULL,
      conditions jsonb NOT NULL,
      amount_wan numeric(20,6) NOT NULL CHECK (amount_wan > 0),
      rank integer NOT NULL,
      status text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'approved', 'excluded', 'paid')),
      exclude_reason text,
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (policy_id, enterprise_id),
      UNIQUE (policy_id, rank),
      FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version),
      CHECK ((status = 'excluded') = (exclude_reason IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX policy_grants_status_idx ON policy_grants (policy_id, status, rank)`.execute(db);
  await sql`
    CREATE TABLE policy_payouts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      grant_id uuid NOT NULL UNIQUE REFERENCES policy_grants(id),
      policy_id uuid NOT NULL REFERENCES policies(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      amount_wan numeric(20,6) NOT NULL CHECK (amount_wan > 0),
      paid_on date NOT NULL,
      reference text NOT NULL,
      issuing_department text NOT NULL,
      district_code text,
      recorded_by uuid REFERENCES users(id),
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX policy_payouts_paid_on_idx ON policy_payouts (paid_on)`.execute(db);

  // change_seq: every write of an enterprise, its figures or its tags takes the next value of one sequence (the column
  // default on insert, a row trigger on an update that changes something), while the statement holds a shared advisory
  // lock until commit (a statement trigger, taken before any row is numbered). A process that gets the lock exclusively
  // (pg_try_advisory_lock) knows no numbered change is still uncommitted, so it may advance its watermark to the highest
  // visible number; otherwise it rereads from the old watermark next time. Nothing committed late is skipped.
  await sql`CREATE SEQUENCE registry_change_seq`.execute(db);
  await sql.raw(`
    CREATE FUNCTION registry_change_lock() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock_shared(${REGISTRY_CHANGE_LOCK});
      RETURN NULL;
    END $$`).execute(db);
  await sql`
    CREATE FUNCTION registry_change_seq() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.change_seq := nextval('registry_change_seq');
      RETURN NEW;
    END $$`.execute(db);
  // A removed figure or tag row changes its enterprise: renumber the enterprise.
  await sql`
    CREATE FUNCTION registry_child_removed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE enterprises SET change_seq = 0 WHERE id = OLD.enterprise_id;
      RETURN OLD;
    END $$`.execute(db);
  for (const table of ['enterprises', 'enterprise_figures', 'enterprise_tags']) {
    // Rows existing before this migration keep 0: a store's first load reads everything.
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN change_seq bigint NOT NULL DEFAULT 0`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ALTER COLUMN change_seq SET DEFAULT nextval('registry_change_seq')`).execute(db);
    await sql.raw(`CREATE INDEX ${table}_change_seq_idx ON ${table} (change_seq)`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_change_lock BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION registry_change_lock()`).execute(db);
    await sql.raw(`CREATE TRIGGER ${table}_change_seq BEFORE UPDATE ON ${table} FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION registry_change_seq()`).execute(db);
  }
  for (const table of ['enterprise_figures', 'enterprise_tags']) {
    await sql.raw(`CREATE TRIGGER ${table}_removed AFTER DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION registry_child_removed()`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
