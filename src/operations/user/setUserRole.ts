import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { userSuccess } from '../present.js';

export const setUserRole: Handler<'setUserRole'> = async ({ params, body }, context) => {
  const { users, roles } = context.services;
  if (!(await users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  if (!(await roles.findById(body.role_id))) return fail('roleNotFound', `role not found: ${body.role_id}`);
  await users.setRole(params.id, body.role_id);
  await context.audit('user.role', `user:${params.id}`, { role_id: body.role_id });
  return ok(userSuccess((await users.findById(params.id))!));
};
