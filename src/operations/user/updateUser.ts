import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { userSuccess } from '../present.js';

export const updateUser: Handler<'updateUser'> = async ({ body }, context) => {
  const { users } = context.services;
  const user = await users.findByUsername(body.username.trim());
  if (!user) return fail('userNotFound', `user not found: ${body.username}`);
  await users.setStatus(user.id, body.status);
  await context.audit('user.update', `user:${user.id}`, { status: body.status });
  return ok(userSuccess((await users.findById(user.id))!));
};
