// Frozen migration: policy applications (一次告知、一次申报、一次兑现) — the application with its form snapshot, eligibility at submission and review deadline, its attachments, the grant an approval creates, and the review deadline (working days) of a policy.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The working copy's review deadline; a published version carries it in its content (only when set).
  await sql`ALTER TABLE policies ADD COLUMN review_working_days integer CHECK (review_working_days BETWEEN 1 AND 60)`.execute(db);

  await sql`CREATE SEQUENCE policy_application_number_seq`.execute(db);
  await sql`
    CREATE TABLE policy_applications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      policy_id uuid NOT NULL REFERENCES policies(id),
      version integer NOT NULL,
      content_hash text NOT NULL,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      submitted_by uuid NOT NULL REFERENCES users(id),
      submitted_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected', 'withdrawn')),
      form jsonb NOT NULL,
      eligibility jsonb NOT NULL,
      review_working_days integer NOT NULL CHECK (review_working_days BETWEEN 1 AND 60),
      review_due_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by uuid REFERENCES users(id),
      decision_note text,
      rejection_reason text,
      amount_wan numeric(20,6) CHECK (amount_wan > 0),
      grant_id uuid UNIQUE REFERENCES policy_grants(id),
      FOREIGN KEY (policy_id, version) REFERENCES policy_versions (policy_id, version),
      CHECK ((status = 'submitted') = (decided_at IS NULL)),
      CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
      CHECK ((status = 'approved') = (grant_id IS NOT NULL)),
      CHECK ((status = 'approved') = (amount_wan IS NOT NULL))
    )`.execute(db);
  // An enterprise has at most one application of a policy under review or approved (rejected and withdrawn ones may be followed by another).
  await sql`CREATE UNIQUE INDEX policy_applications_one_open ON policy_applications (policy_id, enterprise_id) WHERE status IN ('submitted', 'approved')`.execute(db);
  // The reviewer queue: nearest deadline first, by status.
  await sql`CREATE INDEX policy_applications_queue_idx ON policy_applications (status, review_due_at, id)`.execute(db);
  // An enterprise's own list, newest first.
  await sql`CREATE INDEX policy_applications_enterprise_idx ON policy_applications (enterprise_id, submitted_at DESC, id)`.execute(db);
  await sql`CREATE INDEX policy_applications_policy_idx ON policy_applications (policy_id, status)`.execute(db);

  await sql`
    CREATE TABLE policy_application_attachments (
      id uuid PRIMARY KEY,
      application_id uuid NOT NULL REFERENCES policy_applications(id),
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type IN ('image/png', 'image/jpeg', 'image/webp', 'application/pdf')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      storage_key text NOT NULL UNIQUE,
      uploaded_by uuid NOT NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX policy_application_attachments_idx ON policy_application_attachments (application_id, uploaded_at, id)`.execute(db);

  // The grant an approved application created (免申即享 grants have none).
  await sql`ALTER TABLE policy_grants ADD COLUMN application_id uuid UNIQUE REFERENCES policy_applications(id)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
