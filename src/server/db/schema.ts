// The database's tables as Kysely types; kept in step with db/migrations by hand (and checked by the route tests).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json = ColumnType<unknown, string | null | undefined, string | null>;

export interface OrgUnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: 'city' | 'district' | 'township' | 'village' | 'department';
  name: string;
  code: string;
  division_code: string | null;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  head_user_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EnterprisesTable {
  id: Generated<string>;
  uscc: string;
  name: string;
  division_code: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  former_names: Generated<string[]>;
  legal_representative: string | null;
  registered_address: string | null;
  industry_code: string | null;
  /** YYYY-MM-DD */
  founded_on: string | null;
  /** numeric(20,6) in 万元, as PG returns it (a decimal string); write decimals as strings. */
  registered_capital_wan: string | null;
  taxpayer_type: 'general' | 'small_scale' | null;
  credit_rating: 'A' | 'B' | 'M' | 'C' | 'D' | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  name_initials: string | null;
  size_class: 'large' | 'medium' | 'small' | 'micro' | null;
  size_year: number | null;
  status: Generated<'active' | 'deregistered'>;
  updated_by: string | null;
  /** Set by a trigger from registry_change_seq on every write (migration 2026-11-26T0900). */
  change_seq: Generated<string>;
}

export interface EnterpriseFiguresTable {
  enterprise_id: string;
  year: number;
  headcount: number | null;
  /** numeric(20,6) 万元 as decimal strings */
  revenue_wan: string | null;
  assets_wan: string | null;
  tax_wan: string | null;
  source: Generated<'manual' | 'import' | 'enterprise'>;
  updated_at: Generated<Date>;
  updated_by: string | null;
  change_seq: Generated<string>;
}

export interface EnterpriseTagsTable {
  id: Generated<string>;
  enterprise_id: string;
  tag: 'above_scale' | 'specialised' | 'little_giant' | 'high_tech' | 'tech_sme' | 'whitelist' | 'ipo_reserve';
  /** YYYY-MM-DD */
  valid_from: string;
  valid_until: string | null;
  set_by: string | null;
  set_at: Generated<Date>;
  note: string | null;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  change_seq: Generated<string>;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  roles: string[];
  org_unit_id: string | null;
  enterprise_id: string | null;
  phone: string | null;
  email: string | null;
  locale: Generated<string>;
  care_mode: Generated<boolean>;
  status: Generated<'active' | 'disabled'>;
  is_demo: Generated<boolean>;
  last_login_at: NullableTimestamp;
  password_changed_at: Generated<Date>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  last_failure_at: Timestamp;
  locked_until: NullableTimestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
  revoked_at: NullableTimestamp;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: Timestamp;
  last_used_at: NullableTimestamp;
  expires_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: Json;
  after: Json;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  chain: Generated<number>;
}

export interface AuditChainHeadsTable {
  chain: number;
  hash: string;
  last_event_id: string | null;
  updated_at: Timestamp | null;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number;
  response: Json;
  created_at: Timestamp;
}

export interface CalendarDaysTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
  source: string;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  note: string | null;
  created_at: Timestamp;
}

export interface AppealCategoriesTable {
  id: Generated<string>;
  parent_id: string | null;
  code: string;
  name: string;
  /** { "zh-TW": …, "en": … } */
  names: ColumnType<Record<string, string>, string | undefined, string>;
  sort_order: Generated<number>;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  category_id: string;
  /** '' for every division. */
  division_code: Generated<string>;
  department_id: string;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

/** numeric(4,1) columns arrive as strings such as '0.5'. */
type Days = ColumnType<string, number | string, number | string>;

export interface ClockRulesTable {
  id: Generated<string>;
  category_id: string | null;
  urgency: 'normal' | 'urgent';
  accept_days: Days;
  sign_days: Days;
  reply_days: Days;
  follow_up_days: Days;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export const clockKinds = ['accept', 'sign', 'reply', 'follow_up'] as const;
export type ClockKind = (typeof clockKinds)[number];

type ClockColumns = {
  [K in ClockKind as `${K}_started_at` | `${K}_due_at` | `${K}_met_at`]: NullableTimestamp;
} & { [K in ClockKind as `${K}_overdue`]: boolean | null } & { [K in ClockKind as `${K}_used_ms`]: ColumnType<string | null, number | string | null | undefined, number | string | null> };

export type AppealsTable = ClockColumns & {
  id: Generated<string>;
  number: string;
  title: string;
  content: string;
  status: string;
  channel: string;
  source_note: string | null;
  category_id: string | null;
  urgency: Generated<'normal' | 'urgent'>;
  enterprise_id: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  region_unit_id: string;
  district_unit_id: string | null;
  submitted_at: Timestamp;
  submitted_by: string | null;
  lead_department_id: string | null;
  co_department_ids: ColumnType<string[], string[] | undefined, string[]>;
  suggested_department_id: string | null;
  handler_id: string | null;
  round: Generated<number>;
  return_count: Generated<number>;
  reopen_count: Generated<number>;
  extension_days: Generated<number>;
  reject_reason: string | null;
  merged_into_id: string | null;
  paused_at: NullableTimestamp;
  /** Working time the reply clock has spent paused in this round. */
  paused_ms: ColumnType<string, number | string | undefined, number | string>;
  reply_content: string | null;
  resolution: string | null;
  replied_at: NullableTimestamp;
  follow_up_at: NullableTimestamp;
  follow_up_reached: boolean | null;
  follow_up_resolved: boolean | null;
  follow_up_rating: number | null;
  enterprise_rating: number | null;
  enterprise_rated_at: NullableTimestamp;
  rating: number | null;
  closed_at: NullableTimestamp;
  next_due_at: NullableTimestamp;
  supervised: Generated<boolean>;
  terms: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export interface AppealEventsTable {
  id: Generated<string>;
  appeal_id: string;
  at: Timestamp;
  actor_id: string | null;
  actor_unit_id: string | null;
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  internal: Generated<boolean>;
}

export interface AppealNotesTable {
  id: Generated<string>;
  appeal_id: string;
  author_id: string;
  author_unit_id: string | null;
  content: string;
  created_at: Timestamp;
}

export interface AppealExtensionsTable {
  id: Generated<string>;
  appeal_id: string;
  round: number;
  working_days: number;
  reason: string;
  requested_by: string;
  requested_at: Timestamp;
  decision: 'approved' | 'denied' | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  deny_reason: string | null;
}

export interface AppealSupervisionsTable {
  id: Generated<string>;
  number: string;
  appeal_id: string;
  clock: string;
  round: number;
  reason: 'overdue' | 'manual';
  note: string | null;
  registered_at: Timestamp;
  registered_by: string | null;
  department_id: string | null;
  escalate_at: NullableTimestamp;
  escalated_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
}

export interface AppealClockAlertsTable {
  appeal_id: string;
  clock: string;
  round: number;
  level: 'warning' | 'overdue' | 'escalated';
  at: Timestamp;
}

export interface AppealAttachmentsTable {
  id: Generated<string>;
  appeal_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  internal: Generated<boolean>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  title: string;
  body: Generated<string>;
  /** Parameters of the kind's message, so the UI can render it in the reader's language. */
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: string | null;
  entity_type: string | null;
  entity_id: string | null;
  dedupe_key: string | null;
  created_at: Timestamp;
  read_at: NullableTimestamp;
}

export interface NotificationOutboxTable {
  id: Generated<string>;
  notification_id: string;
  channel: 'email';
  recipient: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  sent_at: NullableTimestamp;
  failed_at: NullableTimestamp;
}

export interface Database {
  org_units: OrgUnitsTable;
  enterprises: EnterprisesTable;
  enterprise_figures: EnterpriseFiguresTable;
  enterprise_tags: EnterpriseTagsTable;
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
  appeal_categories: AppealCategoriesTable;
  routing_rules: RoutingRulesTable;
  clock_rules: ClockRulesTable;
  appeals: AppealsTable;
  appeal_events: AppealEventsTable;
  appeal_notes: AppealNotesTable;
  appeal_extensions: AppealExtensionsTable;
  appeal_supervisions: AppealSupervisionsTable;
  appeal_clock_alerts: AppealClockAlertsTable;
  appeal_attachments: AppealAttachmentsTable;
  notifications: NotificationsTable;
  notification_outbox: NotificationOutboxTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type CalendarDayRow = Selectable<CalendarDaysTable>;
export type AppealRow = Selectable<AppealsTable>;
export type AppealUpdate = Updateable<AppealsTable>;
export type AppealEventRow = Selectable<AppealEventsTable>;

// 包联, 企业家绿卡 and enterprise accounts (migration 2026-11-25T1000_enterprise_relations); merged into Database below.
export interface ProjectsTable {
  id: Generated<string>;
  name: string;
  enterprise_id: string | null;
  division_code: string | null;
  stage: Generated<'planned' | 'approved' | 'under_construction' | 'in_operation' | 'suspended'>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RelationAssignmentsTable {
  id: Generated<string>;
  user_id: string;
  enterprise_id: string | null;
  project_id: string | null;
  duty: Generated<'leader' | 'cadre'>;
  valid_from: string;
  valid_until: string | null;
  visit_every_months: number | null;
  planned_visits: ColumnType<string[], string[] | undefined, string[]>;
  note: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  ended_at: NullableTimestamp;
  ended_by: string | null;
  end_reason: string | null;
}

export interface RelationVisitsTable {
  id: Generated<string>;
  assignment_id: string;
  visited_on: string;
  visitor_id: string;
  met_with: string | null;
  findings: string;
  appeal_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface GreenCardsTable {
  id: Generated<string>;
  number: string;
  enterprise_id: string;
  holder_name: string;
  holder_title: string | null;
  id_card_tail: string | null;
  valid_from: string;
  valid_until: string;
  issued_by: string | null;
  issued_at: Generated<Date>;
  renewed_at: NullableTimestamp;
  renewed_by: string | null;
  revoked_at: NullableTimestamp;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface EnterpriseMembersTable {
  user_id: string;
  enterprise_id: string;
  kind: 'legal_representative' | 'staff';
  verified_by: string | null;
  verified_at: Generated<Date>;
}

export interface EnterpriseAccountRequestsTable {
  id: Generated<string>;
  enterprise_id: string;
  kind: 'legal_representative' | 'staff';
  username: string;
  display_name: string;
  phone: string | null;
  email: string | null;
  password_hash: string;
  status_token_hash: string;
  status: Generated<'pending' | 'approved' | 'rejected'>;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  reject_reason: string | null;
  user_id: string | null;
  created_at: Generated<Date>;
}

export interface Database {
  projects: ProjectsTable;
  relation_assignments: RelationAssignmentsTable;
  relation_visits: RelationVisitsTable;
  green_cards: GreenCardsTable;
  enterprise_members: EnterpriseMembersTable;
  enterprise_account_requests: EnterpriseAccountRequestsTable;
}

export interface PoliciesTable {
  id: Generated<string>;
  title: string;
  document_number: string;
  issuing_department: string;
  responsible_unit_id: string | null;
  contact_name: string;
  contact_phone: string;
  /** YYYY-MM-DD */
  effective_from: string;
  effective_until: string | null;
  summary: string;
  interpretation: Json;
  clauses: Json;
  benefit: Json;
  mode: 'automatic' | 'application' | 'information';
  /** numeric(20,6) 万元 as a decimal string */
  budget_wan: string | null;
  /** The working copy of the rule (what the next publish makes a version of). */
  rule: Json;
  /** Review deadline of applications in working days (1..60); null = 10 (migration 2026-11-27T0900). */
  review_working_days: Generated<number | null>;
  status: Generated<'draft' | 'published' | 'withdrawn'>;
  current_version: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PolicyVersionsTable {
  policy_id: string;
  version: number;
  content_hash: string;
  /** The published content (PolicyContent), immutable. */
  content: Json;
  published_at: Timestamp;
  published_by: string | null;
}

export interface PolicyDecisionsTable {
  id: Generated<string>;
  policy_id: string;
  version: number;
  content_hash: string;
  enterprise_id: string;
  kind: 'publish_notice' | 'eligibility_check';
  as_of: string;
  verdict: 'eligible' | 'ineligible' | 'unknown';
  /** [{id, result, actual}]: the data the decision used. */
  conditions: Json;
  decided_at: Generated<Date>;
}

export interface PolicyGrantsTable {
  id: Generated<string>;
  policy_id: string;
  version: number;
  content_hash: string;
  enterprise_id: string;
  as_of: string;
  conditions: Json;
  /** numeric(20,6) 万元 */
  amount_wan: string;
  rank: number;
  status: Generated<'candidate' | 'approved' | 'excluded' | 'paid'>;
  exclude_reason: string | null;
  decided_by: string | null;
  decided_at: NullableTimestamp;
  created_at: Generated<Date>;
  /** The application whose approval created this grant (null for 免申即享). */
  application_id: Generated<string | null>;
}

export interface PolicyPayoutsTable {
  id: Generated<string>;
  grant_id: string;
  policy_id: string;
  enterprise_id: string;
  amount_wan: string;
  /** YYYY-MM-DD */
  paid_on: string;
  reference: string;
  issuing_department: string;
  /** The enterprise's district (6 digits) when paid. */
  district_code: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface PolicyApplicationsTable {
  id: Generated<string>;
  /** SB2026-000123 */
  number: string;
  policy_id: string;
  version: number;
  content_hash: string;
  enterprise_id: string;
  submitted_by: string;
  submitted_at: Timestamp;
  status: Generated<'submitted' | 'approved' | 'rejected' | 'withdrawn'>;
  /** The form as the enterprise saw and confirmed it: contact, statement, registry snapshot. */
  form: Json;
  /** {eligible, conditions} at submission. */
  eligibility: Json;
  review_working_days: number;
  review_due_at: Timestamp;
  decided_at: NullableTimestamp;
  decided_by: string | null;
  decision_note: string | null;
  rejection_reason: string | null;
  /** numeric(20,6) 万元, set on approval */
  amount_wan: string | null;
  grant_id: string | null;
}

export interface PolicyApplicationAttachmentsTable {
  id: string;
  application_id: string;
  file_name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
}

export interface Database {
  policy_applications: PolicyApplicationsTable;
  policy_application_attachments: PolicyApplicationAttachmentsTable;
  policy_grants: PolicyGrantsTable;
  policy_payouts: PolicyPayoutsTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  policy_decisions: PolicyDecisionsTable;
}
