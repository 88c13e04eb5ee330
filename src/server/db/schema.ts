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

export interface Database {
  org_units: OrgUnitsTable;
  enterprises: EnterprisesTable;
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  calendar_days: CalendarDaysTable;
  calendar_years: CalendarYearsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type OrgUnitRow = Selectable<OrgUnitsTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type CalendarDayRow = Selectable<CalendarDaysTable>;
