import { mustChangePassword } from '../../accounts/policy.js';
import type { LoginReason } from '../../storage/repositories/loginRecords.js';
import { fail } from '../envelope.js';
import { type Handler, ok } from '../handler.js';
import { presentRole } from '../present.js';

export const login: Handler<'login'> = async ({ body }, { services, request }) => {
  const { users, passwords, loginRecords } = services;
  const settings = await services.settings.security();
  const user = await users.findByUsernameWithSecret(body.username.trim());
  const userAgent = (request.headers['user-agent'] ?? '').slice(0, 512);
  const attempt = async (reason: LoginReason) => {
    if (user) await loginRecords.record({ userId: user.id, ip: request.ip, userAgent, reason });
  };

  // The attempt is booked before the password is checked: a lock in force, or one this burst has just reached,
  // refuses it without checking anything.
  if (user) {
    const { lockedUntil } = await users.bookAttempt(user.id, settings.loginFail, settings.lockTime);
    if (lockedUntil) {
      await attempt('locked');
      return ok({ errCode: 1010, data: { lockedUntil }, errMsg: 'account locked' });
    }
  }
  // Unknown users are verified against a dummy hash: same answer, about the same time.
  if (!(await passwords.verify(user?.password, body.password)) || !user) {
    await attempt('wrong_password');
    return fail('badCredentials');
  }
  // The right password clears the count it was booked in, whatever the account's status.
  await users.clearFailures(user.id);
  if (user.status !== 1) {
    await attempt('disabled');
    return fail('userDisabled');
  }
  if (passwords.isLegacy(user.password)) await users.upgradeHash(user.id, await passwords.hash(body.password));
  await attempt('ok');

  const sid = await services.sessions.start({
    userId: user.id,
    version: user.token_version,
    ip: request.ip,
    userAgent,
    expiresAt: new Date(Date.now() + services.config.jwtTtlSeconds * 1000).toISOString(),
  });
  const token = services.signToken({
    user_id: user.id,
    username: user.username,
    user_role: user.role.code,
    ver: user.token_version,
    sid,
  });
  return ok({
    errCode: 1000,
    data: {
      token,
      username: user.username,
      role: presentRole(user.role),
      passwordExpired: mustChangePassword(user, settings),
    },
    errMsg: 'login success',
  });
};
