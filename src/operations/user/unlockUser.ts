import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { userSuccess } from '../present.js';

export const unlockUser: Handler<'unlockUser'> = async ({ params }, context) => {
  const { users } = context.services;
  if (!(await users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  await users.clearFailures(params.id);
  await context.audit('user.unlock', `user:${params.id}`);
  return ok(userSuccess((await users.findById(params.id))!));
};
