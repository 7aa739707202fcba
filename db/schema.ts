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
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface Database {
  role: RoleTable;
  users: UsersTable;
  settings: SettingsTable;
}

export type RoleRow = Selectable<RoleTable>;
export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
