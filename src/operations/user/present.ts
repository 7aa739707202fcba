// Database rows → the wire's User and Role objects. Never a password or hash.
import type { components } from '../../../generated/openapi.js';
import type { RoleRow } from '../../../db/schema.js';
import type { UserWithRole } from '../../repositories/users.js';

export function presentRole(role: RoleRow): components['schemas']['Role'] {
  return {
    id: role.id,
    name: role.name,
    desc: role.desc,
    code: role.code,
    permission_id: role.permission_id,
    createdAt: role.created_at,
    updatedAt: role.updated_at,
  };
}

export function presentUser(user: UserWithRole): components['schemas']['User'] {
  return {
    id: user.id,
    uid: user.uid,
    username: user.username,
    status: user.status === 1,
    role_id: user.role_id,
    role: presentRole(user.role),
    createdAt: user.created_at,
    updatedAt: user.updated_at,
  };
}
