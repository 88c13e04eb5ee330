// Frozen migration: the enterprise registry — attributes, yearly figures, dated tags, and the indexes search needs at a million rows.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);

  await sql`
    ALTER TABLE enterprises
      ADD COLUMN former_names text[] NOT NULL DEFAULT '{}',
      ADD COLUMN legal_representative text,
      ADD COLUMN registered_address text,
      ADD COLUMN industry_code text CHECK (industry_code ~ '^[0-9]{4}$'),
      ADD COLUMN founded_on date,
      ADD COLUMN registered_capital_wan numeric(20,6) CHECK (registered_capital_wan >= 0),
      ADD COLUMN taxpayer_type text CHECK (taxpayer_type IN ('general','small_scale')),
      ADD COLUMN credit_rating text CHECK (credit_rating IN ('A','B','M','C','D')),
      ADD COLUMN contact_name text,
      ADD COLUMN contact_phone text,
      ADD COLUMN contact_email text,
      ADD COLUMN name_initials text,
      ADD COLUMN size_class text CHECK (size_class IN ('large','medium','small','micro')),
      ADD COLUMN size_year smallint,
      ADD COLUMN status text NOT NULL DEFAULT 'active' CHECK (status IN ('active','deregistered')),
      ADD COLUMN updated_by uuid REFERENCES users(id)`.execute(db);

  await sql`
    CREATE TABLE enterprise_figures (
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      year smallint NOT NULL CHECK (year BETWEEN 1900 AND 2200),
      headcount integer CHECK (headcount >= 0),
      revenue_wan numeric(20,6) CHECK (revenue_wan >= 0),
      assets_wan numeric(20,6) CHECK (assets_wan >= 0),
      tax_wan numeric(20,6),
      source text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import','enterprise')),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id),
      PRIMARY KEY (enterprise_id, year)
    )`.execute(db);

  await sql`
    CREATE TABLE enterprise_tags (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      enterprise_id uuid NOT NULL REFERENCES enterprises(id),
      tag text NOT NULL CHECK (tag IN ('above_scale','specialised','little_giant','high_tech','tech_sme','whitelist','ipo_reserve')),
      valid_from date NOT NULL,
      valid_until date CHECK (valid_until >= valid_from),
      set_by uuid REFERENCES users(id),
      set_at timestamptz NOT NULL DEFAULT now(),
      note text,
      revoked_at timestamptz,
      revoked_by uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE INDEX enterprise_tags_tag_idx ON enterprise_tags (tag, enterprise_id)`.execute(db);
  await sql`CREATE INDEX enterprise_tags_enterprise_idx ON enterprise_tags (enterprise_id)`.execute(db);

  // Former names as one text for trigram search; array_to_string over text[] does not depend on settings, hence IMMUTABLE.
  await sql`
    CREATE FUNCTION enterprise_names_text(text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT array_to_string($1, ' ') $$`.execute(db);

  await sql`CREATE INDEX enterprises_name_trgm_idx ON enterprises USING gin (name gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_former_names_trgm_idx ON enterprises USING gin (enterprise_names_text(former_names) gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_initials_trgm_idx ON enterprises USING gin (name_initials gin_trgm_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_initials_prefix_idx ON enterprises (name_initials text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_uscc_prefix_idx ON enterprises (uscc bpchar_pattern_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_division_idx ON enterprises (division_code text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_industry_idx ON enterprises (industry_code text_pattern_ops)`.execute(db);
  await sql`CREATE INDEX enterprises_size_idx ON enterprises (size_class)`.execute(db);
  await sql`CREATE INDEX enterprises_name_idx ON enterprises (name)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
