// The audit log: who changed which user, role or setting, when, from where; never a password.
import t from 'tap';
import { admin, startApp } from '../../helpers/app.js';

t.test('changes are recorded newest first with actor, target, detail and address', async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  await app.register('kim', 'kim-password');
  const kim = (await app.call({ url: '/api/v1/user/list?keyword=kim', headers })).json.data.items[0].id as number;
  const role = await app.call({
    method: 'POST',
    url: '/api/v1/role',
    headers,
    payload: { name: 'Ops', code: 'ops', permissions: ['user:read'] },
  });
  const roleId = role.json.data.id as number;
  await app.call({ method: 'PUT', url: `/api/v1/role/${roleId}`, headers, payload: { desc: 'Operators' } });
  await app.call({ method: 'PUT', url: `/api/v1/user/${kim}/role`, headers, payload: { role_id: roleId } });
  await app.call({ method: 'POST', url: '/api/v1/user/update', headers, payload: { username: 'kim', status: false } });
  await app.call({
    method: 'POST',
    url: `/api/v1/user/${kim}/resetPassword`,
    headers,
    payload: { new_password: 'secret-temporary' },
  });
  await app.call({ method: 'POST', url: `/api/v1/user/${kim}/unlock`, headers });
  await app.call({
    method: 'POST',
    url: '/api/v1/system/safe/settings',
    remoteAddress: '10.1.2.3',
    headers,
    payload: { lockTime: 45 },
  });
  await app.call({ method: 'DELETE', url: '/api/v1/user', headers, payload: { ids: [kim] } });
  await app.call({ method: 'PUT', url: `/api/v1/user/1/role`, headers, payload: { role_id: 2 } }); // refused: not recorded
  await app.call({ method: 'DELETE', url: `/api/v1/role/${roleId}`, headers });

  const page = await app.call({ url: '/api/v1/audit?pageSize=20', headers });
  const actor = { id: 1, username: 'root' };
  t.match(page.json.data, { total: 10, page: 1, pageSize: 20 });
  t.match(page.json.data.items, [
    { action: 'role.delete', target: `role:${roleId}`, detail: { code: 'ops' }, actor, ip: '127.0.0.1' },
    { action: 'user.delete', target: `user:${kim}` },
    { action: 'settings.update', target: 'settings', detail: { lockTime: 45 }, ip: '10.1.2.3' },
    { action: 'user.unlock', target: `user:${kim}` },
    { action: 'user.resetPassword', target: `user:${kim}`, detail: {} },
    { action: 'user.update', target: `user:${kim}`, detail: { status: false } },
    { action: 'user.role', target: `user:${kim}`, detail: { role_id: roleId } },
    { action: 'role.update', target: `role:${roleId}`, detail: { desc: 'Operators' } },
    {
      action: 'role.create',
      target: `role:${roleId}`,
      detail: { name: 'Ops', code: 'ops', permissions: ['user:read'] },
    },
    { action: 'user.createAdmin', actor: null },
  ]);
  t.notMatch(page.text, /secret-temporary|kim-password/, 'no password in the log');
  const second = await app.call({ url: '/api/v1/audit?page=2&pageSize=4', headers });
  t.same(
    second.json.data.items.map((e: { action: string }) => e.action),
    ['user.resetPassword', 'user.update', 'user.role', 'role.update'],
  );
});
