import { passwordProblem } from '../../accounts/policy.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { userSuccess } from '../present.js';

export const resetPassword: Handler<'resetPassword'> = async ({ params, body }, context) => {
  const { users, passwords, settings } = context.services;
  if (!(await users.findById(params.id))) return fail('userNotFound', `user not found: ${params.id}`);
  const problem = passwordProblem(body.new_password, await settings.security());
  if (problem) return fail('passwordPolicy', problem);
  await users.setPassword(params.id, await passwords.hash(body.new_password), true);
  await context.audit('user.resetPassword', `user:${params.id}`);
  return ok(userSuccess((await users.findById(params.id))!));
};
