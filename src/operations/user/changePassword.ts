import { passwordProblem } from '../../accounts/policy.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';

export const changePassword: Handler<'changePassword'> = async ({ body }, { caller, services }) => {
  const { users, passwords } = services;
  if (!(await passwords.verify(await users.passwordHashOf(caller.id), body.old_password)))
    return fail('badCredentials');
  if (body.new_password === body.old_password)
    return fail('passwordPolicy', 'the new password must differ from the old one');
  const problem = passwordProblem(body.new_password, await services.settings.security());
  if (problem) return fail('passwordPolicy', problem);
  await users.setPassword(caller.id, await passwords.hash(body.new_password), false);
  return ok({ errCode: 0, data: {}, errMsg: 'password changed' });
};
