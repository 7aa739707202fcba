// The first administrator comes from ADMIN_USERNAME/ADMIN_PASSWORD at start, once, and never from an endpoint.
import t from 'tap';
import { AccountError } from '../../src/accounts/errors.js';
import { startApp } from '../helpers/app.js';

t.test('ADMIN_USERNAME/ADMIN_PASSWORD create the administrator once, while none is enabled', async (t) => {
  const first = await startApp(t, { admin: { username: ' boss ', password: 'boss-password' } });
  const login = await first.login('boss', 'boss-password');
  t.match(login.json, { errCode: 1000, data: { username: 'boss', role: { code: 'admin' }, passwordExpired: false } });

  const again = await startApp(t, {
    databaseUrl: first.config.databaseUrl,
    admin: { username: 'second', password: 'second-password' },
  });
  t.equal(
    (await again.login('second', 'second-password')).json.errCode,
    1003,
    'an administrator exists: no other is created',
  );
  const headers = { token: login.json.data.token as string };
  t.equal((await again.call({ url: '/api/v1/user/list', headers })).json.data.total, 1);
  const audit = await again.call({ url: '/api/v1/audit', headers });
  t.match(audit.json.data.items, [
    { actor: null, action: 'user.createAdmin', target: 'user:1', detail: { username: 'boss' }, ip: '' },
  ]);
});

t.test('a bootstrap password the policy refuses stops start-up with a clear message', async (t) => {
  await t.rejects(
    startApp(t, { admin: { username: 'boss', password: 'short' } }),
    new AccountError('ADMIN_USERNAME: password must be at least 8 characters'),
  );
});

t.test('no endpoint grants the admin role to a caller without user:write', async (t) => {
  const app = await startApp(t);
  const token = await app.tokenFor('mallory');
  const reply = await app.call({
    method: 'PUT',
    url: '/api/v1/user/1/role',
    headers: { token },
    payload: { role_id: 1 },
  });
  t.equal(reply.status, 403);
});
