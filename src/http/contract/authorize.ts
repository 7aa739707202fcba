// The rules the spec states per operation through its extensions, and their check on an authenticated caller.
import type { Operation } from 'openapi-backend';
import { mustChangePassword } from '../../accounts/policy.js';
import type { Authenticated } from '../../accounts/tokens.js';
import { ApiError } from '../../operations/envelope.js';
import { isPermission, type Permission } from '../../storage/permissions.js';

export interface Rules {
  permission?: Permission;
  permissionForOthers?: Permission;
  allowedWithExpiredPassword: boolean;
  rateLimited: boolean;
  /** Refused to a personal access token. */
  sessionOnly: boolean;
  /** Acts on the caller's own account (path `id`) alone. */
  ownAccount: boolean;
}

export function rulesOf(operation: Operation): Rules {
  const op = operation as Operation & Record<string, unknown>;
  const permission = (key: string): Permission | undefined => {
    const value = op[key];
    if (value === undefined) return undefined;
    if (!isPermission(value))
      throw new Error(`${operation.operationId}: ${key} ${String(value)} is not a Permission of the spec`);
    return value;
  };
  return {
    permission: permission('x-permission'),
    permissionForOthers: permission('x-permission-for-others'),
    allowedWithExpiredPassword: op['x-allowed-with-expired-password'] === true,
    rateLimited: op['x-rate-limited'] === true,
    sessionOnly: op['x-session-only'] === true,
    ownAccount: op['x-own-account'] === true,
  };
}

const forbidden = (permission: Permission) => new ApiError('forbidden', `permission denied: needs ${permission}`);

/**
 * After authentication: a personal access token is refused where the operation is session-only, and acts with
 * the permissions in both its scopes and the caller's role. A login's password must be current (with the
 * settings read with the caller), unless the operation allows otherwise; an access token is not a login, and
 * has an expiry of its own. Then the caller must hold what the spec states. Answers whether the caller may act on
 * other users (`x-permission-for-others`).
 */
export function authorize(
  rules: Rules,
  { caller, settings, accessToken }: Authenticated,
  params: Record<string, unknown>,
): boolean {
  if (accessToken && rules.sessionOnly) throw new ApiError('sessionRequired');
  if (!accessToken && !rules.allowedWithExpiredPassword && mustChangePassword(caller, settings))
    throw new ApiError('passwordExpired');
  const holds = (permission: Permission) =>
    caller.role.permissions.includes(permission) && (!accessToken || accessToken.scopes.includes(permission));
  if (rules.permission && !holds(rules.permission)) throw forbidden(rules.permission);
  if (rules.ownAccount && params.id !== caller.id)
    throw new ApiError('forbidden', 'permission denied: your own account only');
  if (!rules.permissionForOthers) return false;
  const mayActOnOthers = holds(rules.permissionForOthers);
  if (!mayActOnOthers && params.id !== undefined && params.id !== caller.id) throw forbidden(rules.permissionForOthers);
  return mayActOnOthers;
}
