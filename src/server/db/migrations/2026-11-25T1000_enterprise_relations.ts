// Frozen migration: 包联 (projects, assignments with a period and a visit plan, visits), 企业家绿卡, enterprise accounts (members and claims).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE projects (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL CHECK (length(btrim(name)) > 0),
      enterprise_id uuid REFERENCES enterprises(id),
      division_code text,
      stage text NOT NULL DEFAULT 'planned' CHECK (stage IN ('planned','approved','under_construction','in_operation','suspended')),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX projects_enterprise_idx ON projects (enterprise_id)`.execute(db);

  await sql`
    CREATE TABLE relation_assignments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      enterprise_id uuid REFERENCES enterprises(id),
      project_id uuid REFERENCES projects(id),
      duty text NOT NULL DEFAULT 'cadre' CHECK (duty IN ('leader','cadre')),
      valid_from date NOT NULL,
      valid_until date CHECK (valid_until >= valid_from),
      visit_every_months smallint CHECK (visit_every_months BETWEEN 1 AND 24),
      planned_visits date[] NOT NULL DEFAULT '{}',
      note text,
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      ended_at timestamptz,
      ended_by uuid REFERENCES users(id),
      end_reason text,
      CHECK ((enterprise_id IS NULL) <> (project_id IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX relation_assignments_user_idx ON relation_assignments (user_id)`.execute(db);
  await sql`CREATE INDEX relation_assignments_enterprise_idx ON relation_assignments (enterprise_id)`.execute(db);
  await sql`CREATE INDEX relation_assignments_project_idx ON relation_assignments (project_id)`.execute(db);

  await sql`
    CREATE TABLE relation_visits (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      assignment_id uuid NOT NULL REFERENCES relation_assignments(id),
      visited_on date NOT NULL,
      visitor_id uuid NOT NULL REFERENCES users(id),
      met_with text,
      findings text NOT NULL,
      appeal_id uuid REFERENCES appeals(id),
      created_by uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX relation_visits_assignment_idx ON relation_visits (assignment_id, visited_on)`.execute(db);

  await sql`
    CREATE TABLE green_cards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      holder_name text NOT NULL CHECK (length(btrim(holder_name)) > 0),
      holder_title text,
      id_card_tail text CHECK (id_card_tail ~ '^[0-9]{3}[0-9X]$'),
      valid_from date NOT NULL,
      valid_until date NOT NULL CHECK (valid_until >= valid_from),
      issued_by uuid REFERENCES users(id),
      issued_at timestamptz NOT NULL DEFAULT now(),
      renewed_at timestamptz,
      renewed_by uuid REFERENCES users(id),
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id),
      revoke_reason text
    )`.execute(db);
  await sql`CREATE INDEX green_cards_enterprise_idx ON green_cards (enterprise_id)`.execute(db);

  await sql`
    CREATE TABLE enterprise_members (
      user_id uuid PRIMARY KEY REFERENCES users(id),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      kind text NOT NULL CHECK (kind IN ('legal_representative','staff')),
      verified_by uuid REFERENCES users(id),
      verified_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX enterprise_members_enterprise_idx ON enterprise_members (enterprise_id)`.execute(db);

  await sql`
    CREATE TABLE enterprise_account_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      kind text NOT NULL CHECK (kind IN ('legal_representative','staff')),
      username text NOT NULL CHECK (username = lower(username)),
      display_name text NOT NULL,
      phone text,
      email text,
      password_hash text NOT NULL,
      status_token_hash text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      reject_reason text,
      user_id uuid REFERENCES users(id),
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  // A name waiting for verification is reserved: no second pending claim may take it.
  await sql`CREATE UNIQUE INDEX enterprise_account_requests_pending_username_idx ON enterprise_account_requests (username) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX enterprise_account_requests_enterprise_idx ON enterprise_account_requests (enterprise_id, status)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
