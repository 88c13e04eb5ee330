// Frozen migration: the platform foundation — organisation, enterprises (minimal), users, sessions, tokens, audit, idempotency, calendar.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pgcrypto`.execute(db);

  await sql`
    CREATE TABLE org_units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES org_units(id),
      kind text NOT NULL CHECK (kind IN ('city','district','township','village','department')),
      name text NOT NULL,
      code text NOT NULL UNIQUE,
      division_code text CHECK (division_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})$'),
      sort_order integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (parent_id IS DISTINCT FROM id)
    )`.execute(db);
  await sql`CREATE INDEX org_units_parent_idx ON org_units(parent_id)`.execute(db);

  await sql`
    CREATE TABLE enterprises (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      uscc char(18) NOT NULL UNIQUE,
      name text NOT NULL,
      division_code text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL UNIQUE CHECK (username = lower(username)),
      display_name text NOT NULL,
      password_hash text NOT NULL,
      roles text[] NOT NULL CHECK (cardinality(roles) > 0),
      org_unit_id uuid REFERENCES org_units(id),
      enterprise_id uuid REFERENCES enterprises(id),
      phone text,
      email text,
      locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN','zh-TW','en')),
      care_mode boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','disabled')),
      is_demo boolean NOT NULL DEFAULT false,
      last_login_at timestamptz,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (NOT ('enterprise' = ANY(roles)) OR enterprise_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX users_org_unit_idx ON users(org_unit_id)`.execute(db);
  await sql`CREATE INDEX users_enterprise_idx ON users(enterprise_id)`.execute(db);

  await sql`
    CREATE TABLE login_throttle (
      username text PRIMARY KEY,
      failures integer NOT NULL,
      last_failure_at timestamptz NOT NULL,
      locked_until timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users(id),
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text,
      user_agent text,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sessions_user_idx ON sessions(user_id)`.execute(db);

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      name text NOT NULL,
      prefix text NOT NULL,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      expires_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_tokens_user_idx ON api_tokens(user_id)`.execute(db);

  await sql`
    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id uuid,
      actor_label text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text,
      before jsonb,
      after jsonb,
      request_id text,
      prev_hash text NOT NULL,
      hash text NOT NULL UNIQUE
    )`.execute(db);
  await sql`CREATE INDEX audit_events_entity_idx ON audit_events(entity_type, entity_id)`.execute(db);
  await sql`CREATE INDEX audit_events_actor_idx ON audit_events(actor_id)`.execute(db);
  await sql`CREATE INDEX audit_events_at_idx ON audit_events(at)`.execute(db);

  await sql`
    CREATE TABLE idempotency_keys (
      scope text NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      status_code integer NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (scope, key)
    )`.execute(db);

  await sql`
    CREATE TABLE calendar_days (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday','workday')),
      name text NOT NULL,
      source text NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid
    )`.execute(db);

  await sql`
    CREATE TABLE calendar_years (
      year integer PRIMARY KEY,
      source text NOT NULL,
      note text,
      created_at timestamptz NOT NULL
    )`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
