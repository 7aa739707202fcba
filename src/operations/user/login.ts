import { fail } from '../../envelope.js';
import { ok, type Handler } from '../types.js';
import { presentRole } from './present.js';

export const login: Handler<'login'> = async ({ body }, { services }) => {
  const user = await services.users.findByUsernameWithSecret(body.username.trim());
  // Unknown users are verified against a dummy hash: same answer, about the same time.
  if (!(await services.passwords.verify(user?.password, body.password)) || !user) return fail('badCredentials');
  if (user.status !== 1) return fail('userDisabled');
  const token = services.signToken({ user_id: user.id, username: user.username, user_role: user.role.code });
  return ok({ errCode: 1000, data: { token, username: user.username, role: presentRole(user.role) }, errMsg: 'login success' });
};
