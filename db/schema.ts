// The database as Kysely sees it. Timestamps are RFC 3339 UTC strings; status is 1 (enabled) or 0.
import type { Generated, Insertable, Selectable } from 'kysely';

export interface RoleTable {
  id: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  name: string;
  desc: string;
  code: string;
  permission_id: number;
}

export interface UsersTable {
  id: Generated<number>;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  uid: string;
  username: string;
  password: string;
  status: number;
  role_id: number;
  /** Advanced whenever the user's tokens must stop working; tokens carry it as `ver`. */
  token_version: Generated<number>;
  login_failures: Generated<number>;
  locked_until: string | null;
  password_changed_at: string | null;
  must_change_password: Generated<number>;
}

export interface RolePermissionTable {
  role_id: number;
  permission: string;
}

export interface LoginRecordTable {
  id: Generated<number>;
  user_id: number;
  at: string;
  ip: string;
  user_agent: string;
  success: number;
  reason: string;
}

/** A sign-in not yet ended (0005_sessions); it holds while token_version is the user's. */
export interface SessionTable {
  id: Generated<number>;
  user_id: number;
  token_version: number;
  created_at: string;
  /** Written at most every few minutes (accounts/tokens.ts), not on every request. */
  last_used_at: string;
  expires_at: string;
  ip: string;
  user_agent: string;
}

/** A personal access token not yet revoked (0006_access_tokens), found by the SHA-256 of its secret. */
export interface AccessTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  /** Hex SHA-256 of the secret. */
  hash: string;
  /** JSON array of permissions. */
  scopes: string;
  created_at: string;
  expires_at: string;
  /** Written at most every few minutes (http/authenticate.ts), not on every request; null until a use. */
  last_used_at: string | null;
  last_used_ip: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  action: string;
  /** JSON */
  detail: string;
  target: string;
  ip: string;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface RateLimitTable {
  /** The operation and the client address. */
  key: string;
  hits: number;
  /** Milliseconds since the epoch; PostgreSQL's bigint arrives as a string. */
  window_start: number | string;
}

/** Counts kept by triggers (0004_scale): `users`, `role` (live rows), `audit_log`, `login_record:<user id>`. */
export interface RowCountTable {
  name: string;
  /** PostgreSQL's bigint arrives as a string. */
  n: number | string;
}

/** SQLite only: FTS5 trigram indexes of the live users and roles, under their ids as rowid. */
export interface UsersSearchTable {
  rowid: number;
  username: string;
}

export interface RoleSearchTable {
  rowid: number;
  name: string;
  code: string;
}

export interface Database {
  role: RoleTable;
  users: UsersTable;
  settings: SettingsTable;
  role_permission: RolePermissionTable;
  login_record: LoginRecordTable;
  audit_log: AuditLogTable;
  session: SessionTable;
  access_token: AccessTokenTable;
  rate_limit: RateLimitTable;
  row_count: RowCountTable;
  users_search: UsersSearchTable;
  role_search: RoleSearchTable;
}

export type RoleRow = Selectable<RoleTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type LoginRecordRow = Selectable<LoginRecordTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type SessionRow = Selectable<SessionTable>;
export type AccessTokenRow = Selectable<AccessTokenTable>;
