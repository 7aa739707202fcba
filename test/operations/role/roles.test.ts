// Roles: paged and searched, created with permissions, changed, deleted only when nobody holds them.
import t from 'tap';
import { admin, startApp } from '../../helpers/app.js';

t.test('roles: create, list with keyword and paging, update, delete', async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  const create = (payload: object) => app.call({ method: 'POST', url: '/api/v1/role', headers, payload });

  const auditor = await create({
    name: 'Auditor',
    desc: 'Reads the log',
    code: 'auditor',
    permissions: ['audit:read', 'user:read'],
  });
  t.match(auditor.json, {
    errCode: 0,
    data: { name: 'Auditor', code: 'auditor', desc: 'Reads the log', permission_id: 0 },
  });
  t.same(auditor.json.data.permissions, ['user:read', 'audit:read'], "permissions in the spec's order");
  const taken = await create({ name: 'Other', code: 'auditor', permissions: [] });
  t.same([taken.status, taken.json], [409, { errCode: 1018, data: {}, errMsg: 'role code auditor already exists' }]);
  t.equal(
    (await create({ name: 'Bad', code: 'Bad Code', permissions: [] })).status,
    400,
    'the code pattern is enforced',
  );
  t.equal(
    (await create({ name: 'Bad', code: 'bad', permissions: ['root:everything'] })).status,
    400,
    "only the spec's permissions",
  );
  const ops = await create({ name: 'Operators', code: 'ops', permissions: [] });
  t.equal(ops.json.data.desc, '', 'desc defaults to empty');

  const page = async (query: string) => (await app.call({ url: `/api/v1/role?${query}`, headers })).json.data;
  t.match(await page(''), { total: 4, page: 1, pageSize: 15 });
  t.same(
    (await page('keyword=AUDIT')).items.map((r: { code: string }) => r.code),
    ['auditor'],
    'keyword matches the name',
  );
  t.same(
    (await page('keyword=op')).items.map((r: { code: string }) => r.code),
    ['ops'],
    'and the code',
  );
  t.same(
    (await page('page=2&pageSize=3')).items.map((r: { code: string }) => r.code),
    ['ops'],
  );

  const id = auditor.json.data.id as number;
  const updated = await app.call({
    method: 'PUT',
    url: `/api/v1/role/${id}`,
    headers,
    payload: { desc: 'Reads everything', permissions: ['audit:read'] },
  });
  t.match(updated.json.data, { name: 'Auditor', desc: 'Reads everything', permissions: ['audit:read'] });
  t.equal(
    (await app.call({ method: 'PUT', url: `/api/v1/role/${id}`, headers, payload: {} })).status,
    400,
    'an empty change is refused',
  );
  t.equal(
    (await app.call({ method: 'PUT', url: '/api/v1/role/4242', headers, payload: { name: 'x' } })).json.errCode,
    1006,
  );
  const adminPerms = await app.call({ method: 'PUT', url: '/api/v1/role/1', headers, payload: { permissions: [] } });
  t.same([adminPerms.status, adminPerms.json.errCode], [409, 1022], 'the admin role keeps every permission');
  t.equal(
    (await app.call({ method: 'PUT', url: '/api/v1/role/1', headers, payload: { desc: 'Runs the place' } })).json.data
      .desc,
    'Runs the place',
  );

  // In use: refused until nobody holds it.
  await app.register('ivy');
  const ivy = (await app.call({ url: '/api/v1/user/list?keyword=ivy', headers })).json.data.items[0].id as number;
  await app.call({ method: 'PUT', url: `/api/v1/user/${ivy}/role`, headers, payload: { role_id: id } });
  const inUse = await app.call({ method: 'DELETE', url: `/api/v1/role/${id}`, headers });
  t.same([inUse.status, inUse.json], [409, { errCode: 1021, data: {}, errMsg: 'role is held by users' }]);
  await app.call({ method: 'PUT', url: `/api/v1/user/${ivy}/role`, headers, payload: { role_id: 2 } });
  t.same((await app.call({ method: 'DELETE', url: `/api/v1/role/${id}`, headers })).json, {
    errCode: 0,
    data: {},
    errMsg: 'deleted',
  });
  t.equal((await app.call({ method: 'DELETE', url: `/api/v1/role/${id}`, headers })).status, 404, 'gone');
  t.equal(
    (await create({ name: 'Auditor again', code: 'auditor', permissions: [] })).json.errCode,
    0,
    "a deleted role's code is free again",
  );
  for (const builtin of [1, 2]) {
    const refused = await app.call({ method: 'DELETE', url: `/api/v1/role/${builtin}`, headers });
    t.same([refused.status, refused.json.errCode], [409, 1022], `built-in role ${builtin}`);
  }
});

t.test('a permission granted to a role takes effect on the next request, without a new token', async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  const role = await app.call({
    method: 'POST',
    url: '/api/v1/role',
    headers,
    payload: { name: 'Viewers', code: 'viewers', permissions: [] },
  });
  await app.register('viewer');
  const id = (await app.call({ url: '/api/v1/user/list?keyword=viewer', headers })).json.data.items[0].id as number;
  await app.call({ method: 'PUT', url: `/api/v1/user/${id}/role`, headers, payload: { role_id: role.json.data.id } });
  const token = (await app.login('viewer')).json.data.token as string;
  t.equal((await app.call({ url: '/api/v1/user/list', headers: { token } })).json.data.total, 1, 'only itself');
  await app.call({
    method: 'PUT',
    url: `/api/v1/role/${role.json.data.id}`,
    headers,
    payload: { permissions: ['user:read'] },
  });
  t.equal((await app.call({ url: '/api/v1/user/list', headers: { token } })).json.data.total, 2, 'now everyone');
});
