// What a role may do. The permission codes come from the spec (components.schemas.Permission, generated);
// the administrator role holds every one of them, whatever the spec adds later.
import { permissions } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';

export type Permission = components['schemas']['Permission'];

export const adminRoleCode = 'admin';
export const userRoleCode = 'user';
/** Roles the server itself relies on: registration assigns `user`, bootstrap assigns `admin`. */
export const builtinRoleCodes: readonly string[] = [adminRoleCode, userRoleCode];

export function effectivePermissions(roleCode: string, granted: readonly string[]): Permission[] {
  return permissions.filter((permission) => roleCode === adminRoleCode || granted.includes(permission));
}

export const isPermission = (value: unknown): value is Permission => permissions.includes(value as Permission);
