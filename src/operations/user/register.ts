import { randomUUID } from 'node:crypto';
import { passwordProblem } from '../../accounts.js';
import { fail } from '../../envelope.js';
import { userRoleCode } from '../../permissions.js';
import { ok, type Handler } from '../types.js';
import { presentUser } from '../present.js';

export const register: Handler<'register'> = async ({ body }, { services }) => {
  const settings = await services.settings.security();
  if (!settings.allowRegistration) return fail('registerFailed', 'registration is closed');
  const username = body.username.trim();
  if (!username || !body.password) return fail('registerFailed', 'user name or password is empty');
  const problem = passwordProblem(body.password, settings);
  if (problem) return fail('registerFailed', problem);
  const exists = () => fail('registerFailed', `user ${username} already exists`);
  if (await services.users.existsByUsername(username)) return exists();

  const role = await services.roles.findByCode(userRoleCode);
  if (!role) throw new Error('the user role is missing');
  const now = new Date().toISOString();
  const user = await services.users.create({
    uid: randomUUID(),
    username,
    password: await services.passwords.hash(body.password),
    status: 1,
    role_id: role.id,
    created_at: now,
    updated_at: now,
    password_changed_at: now,
  });
  // Null when a concurrent registration of the same name won the unique index.
  return user ? ok({ errCode: 0, data: presentUser(user), errMsg: 'register success' }) : exists();
};
