import { builtinRoleCodes } from '../../storage/permissions.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const deleteRole: Handler<'deleteRole'> = async ({ params }, context) => {
  const { roles } = context.services;
  const role = await roles.findById(params.id);
  if (!role) return fail('roleNotFound', `role not found: ${params.id}`);
  if (builtinRoleCodes.includes(role.code)) return fail('builtinRole', `the ${role.code} role is built in`);
  const outcome = await roles.delete(params.id);
  if (outcome === 'inUse') return fail('roleInUse');
  if (outcome === 'missing') return fail('roleNotFound', `role not found: ${params.id}`);
  await context.audit('role.delete', `role:${params.id}`, { code: role.code });
  return ok({ errCode: 0, data: {}, errMsg: 'deleted' });
};
