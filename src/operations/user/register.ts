import { randomUUID } from 'node:crypto';
import { fail } from '../../envelope.js';
import { ok, type Handler } from '../types.js';
import { presentUser } from './present.js';

export const register: Handler<'register'> = async ({ body }, { services }) => {
  const username = body.username.trim();
  if (!username || !body.password) return fail('registerFailed', 'user name or password is empty');
  const exists = () => fail('registerFailed', `user ${username} already exists`);
  if (await services.users.existsByUsername(username)) return exists();

  const role = await services.roles.findByCode('user');
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
  });
  // Null when a concurrent registration of the same name won the unique index.
  return user ? ok({ errCode: 0, data: presentUser(user), errMsg: 'register success' }) : exists();
};
