import { fail } from '../../envelope.js';
import { lastAdmin } from '../../repositories/users.js';
import { ok, type Handler } from '../types.js';
import { userSuccess } from '../present.js';

export const updateUser: Handler<'updateUser'> = async ({ body }, context) => {
  const { users } = context.services;
  const user = await users.findByUsername(body.username.trim());
  if (!user) return fail('userNotFound', `user not found: ${body.username}`);
  if ((await users.setStatus(user.id, body.status)) === lastAdmin) return fail('lastAdmin');
  await context.audit('user.update', `user:${user.id}`, { status: body.status });
  return ok(userSuccess((await users.findById(user.id))!));
};
