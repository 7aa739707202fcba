// Database rows → the wire's objects. Never a password or hash.

import type { AccessTokenRow, AuditLogRow, LoginRecordRow, SessionRow } from '../../db/schema.js';
import type { components } from '../../generated/openapi.js';
import { scopesFrom } from '../storage/repositories/accessTokens.js';
import type { LoginReason } from '../storage/repositories/loginRecords.js';
import type { RoleWithPermissions } from '../storage/repositories/roles.js';
import type { ListedUser, UserWithRole } from '../storage/repositories/users.js';

type Schemas = components['schemas'];

export function presentRole(role: RoleWithPermissions): Schemas['Role'] {
  return {
    id: role.id,
    name: role.name,
    desc: role.desc,
    code: role.code,
    permission_id: role.permission_id,
    permissions: role.permissions,
    createdAt: role.created_at,
    updatedAt: role.updated_at,
  };
}

export function presentUser(user: ListedUser): Schemas['User'] {
  return {
    id: user.id,
    uid: user.uid,
    username: user.username,
    status: user.status === 1,
    role_id: user.role_id,
    role: presentRole(user.role),
    // The clock is read only for a locked account: formatting it costs more than presenting the rest.
    lockedUntil: user.locked_until && user.locked_until > new Date().toISOString() ? user.locked_until : null,
    createdAt: user.created_at,
    updatedAt: user.updated_at,
  };
}

export function presentLoginRecord(row: LoginRecordRow): Schemas['LoginRecord'] {
  return {
    id: row.id,
    at: row.at,
    ip: row.ip,
    userAgent: row.user_agent,
    success: row.success === 1,
    reason: row.reason as LoginReason,
  };
}

export function presentSession(row: SessionRow, current: number | undefined): Schemas['Session'] {
  return {
    id: row.id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    ip: row.ip,
    userAgent: row.user_agent,
    current: row.id === current,
  };
}

export function presentAccessToken(row: AccessTokenRow): Schemas['AccessToken'] {
  return {
    id: row.id,
    name: row.name,
    scopes: scopesFrom(row.scopes),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedIp: row.last_used_ip,
  };
}

export function presentAuditEntry(row: AuditLogRow): Schemas['AuditEntry'] {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor_id === null ? null : { id: row.actor_id, username: row.actor_username ?? '' },
    action: row.action as Schemas['AuditAction'],
    target: row.target,
    detail: JSON.parse(row.detail) as Record<string, unknown>,
    ip: row.ip,
  };
}

export const userSuccess = (user: UserWithRole) => ({
  errCode: 0 as const,
  data: presentUser(user),
  errMsg: 'success' as const,
});
export const roleSuccess = (role: RoleWithPermissions) => ({
  errCode: 0 as const,
  data: presentRole(role),
  errMsg: 'success' as const,
});
