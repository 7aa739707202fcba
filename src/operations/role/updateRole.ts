import { adminRoleCode } from '../../storage/permissions.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { roleSuccess } from '../present.js';

export const updateRole: Handler<'updateRole'> = async ({ params, body }, context) => {
  const { roles } = context.services;
  const role = await roles.findById(params.id);
  if (!role) return fail('roleNotFound', `role not found: ${params.id}`);
  if (role.code === adminRoleCode && body.permissions)
    return fail('builtinRole', 'the admin role always holds every permission');
  const updated = await roles.update(params.id, body);
  if (!updated) return fail('roleNotFound', `role not found: ${params.id}`);
  await context.audit('role.update', `role:${params.id}`, { ...body });
  return ok(roleSuccess(updated));
};
