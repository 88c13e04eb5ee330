// Frozen migration: the appeals closed loop — categories, routing, clock rules, appeals with their clocks, timeline, notes, extensions, supervision, attachments, notifications and their outbox.
import { sql, type Kysely } from 'kysely';

const categories: Array<[code: string, name: string, zhTW: string, en: string]> = [
  ['utilities', '用水用电用气', '用水用電用氣', 'Water, power and gas'],
  ['finance', '融资信贷', '融資信貸', 'Financing and credit'],
  ['approval', '审批服务', '審批服務', 'Approvals'],
  ['land', '用地规划', '用地規劃', 'Land and planning'],
  ['talent', '人才用工', '人才用工', 'Talent and labour'],
  ['policy', '政策兑现', '政策兌現', 'Policy payouts'],
  ['enforcement', '执法检查', '執法檢查', 'Inspections and enforcement'],
  ['market', '市场秩序', '市場秩序', 'Market order'],
  ['tax', '税费服务', '稅費服務', 'Taxes and fees'],
  ['other', '其他', '其他', 'Other'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE org_units ADD COLUMN head_user_id uuid REFERENCES users(id)`.execute(db);

  await sql`
    CREATE TABLE appeal_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      parent_id uuid REFERENCES appeal_categories(id),
      code text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_-]{0,39}$'),
      name text NOT NULL,
      names jsonb NOT NULL DEFAULT '{}'::jsonb,
      sort_order integer NOT NULL DEFAULT 0,
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  let order = 0;
  for (const [code, name, zhTW, en] of categories) {
    await sql`INSERT INTO appeal_categories (code, name, names, sort_order) VALUES (${code}, ${name}, ${JSON.stringify({ 'zh-TW': zhTW, en })}::jsonb, ${order++})`.execute(db);
  }

  // The dispatch catalogue (派单目录): the default lead department for a category, optionally within one division subtree.
  await sql`
    CREATE TABLE routing_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category_id uuid NOT NULL REFERENCES appeal_categories(id),
      division_code text NOT NULL DEFAULT '' CHECK (division_code ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})?$'),
      department_id uuid NOT NULL REFERENCES org_units(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id),
      UNIQUE (category_id, division_code)
    )`.execute(db);

  // Stage durations in working days (steps of 0.5); category_id NULL is the default for every category.
  await sql`
    CREATE TABLE clock_rules (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      category_id uuid REFERENCES appeal_categories(id),
      urgency text NOT NULL CHECK (urgency IN ('normal','urgent')),
      accept_days numeric(4,1) NOT NULL CHECK (accept_days > 0 AND accept_days <= 60 AND accept_days * 2 = floor(accept_days * 2)),
      sign_days numeric(4,1) NOT NULL CHECK (sign_days > 0 AND sign_days <= 60 AND sign_days * 2 = floor(sign_days * 2)),
      reply_days numeric(4,1) NOT NULL CHECK (reply_days > 0 AND reply_days <= 60 AND reply_days * 2 = floor(reply_days * 2)),
      follow_up_days numeric(4,1) NOT NULL CHECK (follow_up_days > 0 AND follow_up_days <= 60 AND follow_up_days * 2 = floor(follow_up_days * 2)),
      updated_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES users(id)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX clock_rules_scope_idx ON clock_rules (coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid), urgency)`.execute(db);
  await sql`INSERT INTO clock_rules (category_id, urgency, accept_days, sign_days, reply_days, follow_up_days) VALUES (NULL, 'normal', 2, 1, 10, 3), (NULL, 'urgent', 1, 0.5, 3, 1)`.execute(db);

  await sql`CREATE SEQUENCE appeal_number_seq`.execute(db);
  await sql`CREATE SEQUENCE supervision_number_seq`.execute(db);

  await sql`
    CREATE TABLE appeals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
      content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
      status text NOT NULL CHECK (status IN ('submitted','accepted','rejected','merged','assigned','signed','returned','paused','replied','closed','reopened')),
      channel text NOT NULL CHECK (channel IN ('web','mobile','hotline_12345','wechat','meeting','reception_day','field_visit','complaint_platform','letter','api','import')),
      source_note text,
      category_id uuid REFERENCES appeal_categories(id),
      urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal','urgent')),
      enterprise_id uuid REFERENCES enterprises(id),
      contact_name text,
      contact_phone text,
      region_unit_id uuid NOT NULL REFERENCES org_units(id),
      district_unit_id uuid REFERENCES org_units(id),
      submitted_at timestamptz NOT NULL,
      submitted_by uuid REFERENCES users(id),
      lead_department_id uuid REFERENCES org_units(id),
      co_department_ids uuid[] NOT NULL DEFAULT '{}',
      suggested_department_id uuid REFERENCES org_units(id),
      handler_id uuid REFERENCES users(id),
      round integer NOT NULL DEFAULT 0,
      return_count integer NOT NULL DEFAULT 0,
      reopen_count integer NOT NULL DEFAULT 0,
      extension_days integer NOT NULL DEFAULT 0,
      reject_reason text,
      merged_into_id uuid REFERENCES appeals(id),
      paused_at timestamptz,
      paused_ms bigint NOT NULL DEFAULT 0,
      reply_content text,
      resolution text CHECK (resolution IN ('resolved','partially_resolved','unresolved','explained')),
      replied_at timestamptz,
      follow_up_at timestamptz,
      follow_up_reached boolean,
      follow_up_resolved boolean,
      follow_up_rating smallint CHECK (follow_up_rating BETWEEN 1 AND 5),
      enterprise_rating smallint CHECK (enterprise_rating BETWEEN 1 AND 5),
      enterprise_rated_at timestamptz,
      rating smallint CHECK (rating BETWEEN 1 AND 5),
      closed_at timestamptz,
      accept_started_at timestamptz, accept_due_at timestamptz, accept_met_at timestamptz, accept_overdue boolean, accept_used_ms bigint,
      sign_started_at timestamptz, sign_due_at timestamptz, sign_met_at timestamptz, sign_overdue boolean, sign_used_ms bigint,
      reply_started_at timestamptz, reply_due_at timestamptz, reply_met_at timestamptz, reply_overdue boolean, reply_used_ms bigint,
      follow_up_started_at timestamptz, follow_up_due_at timestamptz, follow_up_met_at timestamptz, follow_up_overdue boolean, follow_up_used_ms bigint,
      next_due_at timestamptz,
      supervised boolean NOT NULL DEFAULT false,
      terms text[] NOT NULL DEFAULT '{}',
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'merged' OR merged_into_id IS NOT NULL),
      CHECK (merged_into_id IS DISTINCT FROM id)
    )`.execute(db);
  // The staff queue: one department's open appeals by nearest deadline.
  await sql`CREATE INDEX appeals_lead_queue_idx ON appeals (lead_department_id, next_due_at) WHERE status IN ('assigned','signed','paused','reopened')`.execute(db);
  await sql`CREATE INDEX appeals_co_departments_idx ON appeals USING gin (co_department_ids)`.execute(db);
  await sql`CREATE INDEX appeals_open_due_idx ON appeals (next_due_at) WHERE next_due_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX appeals_region_submitted_idx ON appeals (region_unit_id, submitted_at DESC)`.execute(db);
  await sql`CREATE INDEX appeals_submitted_idx ON appeals (submitted_at)`.execute(db);
  await sql`CREATE INDEX appeals_enterprise_idx ON appeals (enterprise_id, submitted_at DESC)`.execute(db);
  await sql`CREATE INDEX appeals_status_idx ON appeals (status, submitted_at DESC)`.execute(db);
  await sql`CREATE INDEX appeals_terms_idx ON appeals USING gin (terms)`.execute(db);
  await sql`CREATE INDEX appeals_merged_into_idx ON appeals (merged_into_id) WHERE merged_into_id IS NOT NULL`.execute(db);

  // The timeline: one row per action, never updated; `internal` rows are hidden from the enterprise.
  await sql`
    CREATE TABLE appeal_events (
      id bigserial PRIMARY KEY,
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      at timestamptz NOT NULL,
      actor_id uuid REFERENCES users(id),
      actor_unit_id uuid REFERENCES org_units(id),
      action text NOT NULL,
      from_status text,
      to_status text,
      note text,
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      internal boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`CREATE INDEX appeal_events_appeal_idx ON appeal_events (appeal_id, id)`.execute(db);

  await sql`
    CREATE TABLE appeal_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      author_id uuid NOT NULL REFERENCES users(id),
      author_unit_id uuid REFERENCES org_units(id),
      content text NOT NULL CHECK (char_length(content) BETWEEN 1 AND 10000),
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX appeal_notes_appeal_idx ON appeal_notes (appeal_id, created_at)`.execute(db);

  await sql`
    CREATE TABLE appeal_extensions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      round integer NOT NULL,
      working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
      reason text NOT NULL,
      requested_by uuid NOT NULL REFERENCES users(id),
      requested_at timestamptz NOT NULL,
      decision text CHECK (decision IN ('approved','denied')),
      decided_by uuid REFERENCES users(id),
      decided_at timestamptz,
      deny_reason text
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX appeal_extensions_pending_idx ON appeal_extensions (appeal_id) WHERE decision IS NULL`.execute(db);

  // 挂号督办: one registration per clock and round, so several workers cannot register (or notify) twice.
  await sql`
    CREATE TABLE appeal_supervisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      number text NOT NULL UNIQUE,
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      clock text NOT NULL,
      round integer NOT NULL,
      reason text NOT NULL CHECK (reason IN ('overdue','manual')),
      note text,
      registered_at timestamptz NOT NULL,
      registered_by uuid REFERENCES users(id),
      department_id uuid REFERENCES org_units(id),
      escalate_at timestamptz,
      escalated_at timestamptz,
      resolved_at timestamptz
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX appeal_supervisions_overdue_idx ON appeal_supervisions (appeal_id, clock, round) WHERE reason = 'overdue'`.execute(db);
  await sql`CREATE INDEX appeal_supervisions_escalate_idx ON appeal_supervisions (escalate_at) WHERE escalated_at IS NULL AND resolved_at IS NULL`.execute(db);

  // Alerts already raised for a clock in a round: the primary key makes each one happen once across processes.
  await sql`
    CREATE TABLE appeal_clock_alerts (
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      clock text NOT NULL,
      round integer NOT NULL,
      level text NOT NULL CHECK (level IN ('warning','overdue','escalated')),
      at timestamptz NOT NULL,
      PRIMARY KEY (appeal_id, clock, round, level)
    )`.execute(db);

  await sql`
    CREATE TABLE appeal_attachments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      appeal_id uuid NOT NULL REFERENCES appeals(id),
      file_name text NOT NULL,
      media_type text NOT NULL CHECK (media_type IN ('image/png','image/jpeg','image/gif','image/webp','application/pdf')),
      size_bytes integer NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
      sha256 text NOT NULL,
      storage_key text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES users(id),
      uploaded_at timestamptz NOT NULL,
      internal boolean NOT NULL DEFAULT false
    )`.execute(db);
  await sql`CREATE INDEX appeal_attachments_appeal_idx ON appeal_attachments (appeal_id, uploaded_at)`.execute(db);

  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users(id),
      kind text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      data jsonb NOT NULL DEFAULT '{}'::jsonb,
      link text,
      entity_type text,
      entity_id text,
      dedupe_key text,
      created_at timestamptz NOT NULL,
      read_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`.execute(db);
  await sql`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`.execute(db);
  await sql`CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`.execute(db);

  // Outbox: written in the same transaction as the change; the worker delivers (e-mail) and marks it sent.
  await sql`
    CREATE TABLE notification_outbox (
      id bigserial PRIMARY KEY,
      notification_id uuid NOT NULL REFERENCES notifications(id),
      channel text NOT NULL CHECK (channel IN ('email')),
      recipient text NOT NULL,
      subject text NOT NULL,
      body text NOT NULL,
      created_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL,
      last_error text,
      sent_at timestamptz,
      failed_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX notification_outbox_pending_idx ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('frozen migrations are not reversed; restore from backup instead');
}
