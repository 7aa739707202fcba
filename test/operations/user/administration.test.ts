// Account administration: status, deletion, roles, password changes and resets, unlock, login records, and the
// guard that keeps one enabled administrator.
import t, { type Test } from 'tap';
import { admin, startApp } from '../../helpers/app.js';

const list = '/api/v1/user/list';

async function setup(t: Test) {
  const app = await startApp(t, { admin });
  const token = await app.adminToken();
  const as = (tok: string) => ({ headers: { token: tok } });
  const idOf = async (name: string) => {
    const reply = await app.call({ url: `${list}?keyword=${name}`, ...as(token) });
    return reply.json.data.items.find((u: { username: string }) => u.username === name).id as number;
  };
  return { ...app, token, as, idOf };
}

t.test('update enables and disables by username; disabling ends sessions; unknown names are 404', async (t) => {
  const app = await setup(t);
  const bobToken = await app.tokenFor('bob');
  const off = await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    ...app.as(app.token),
    payload: { username: 'BOB', status: false },
  });
  t.match(off.json, { errCode: 0, data: { username: 'bob', status: false } });
  t.equal((await app.call({ url: list, ...app.as(bobToken) })).status, 401, "the disabled user's token stops working");
  t.equal((await app.login('bob')).json.errCode, 1007);
  const on = await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    ...app.as(app.token),
    payload: { username: 'bob', status: true },
  });
  t.equal(on.json.data.status, true);
  t.equal((await app.login('bob')).json.errCode, 1000);
  const missing = await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    ...app.as(app.token),
    payload: { username: 'nobody', status: true },
  });
  t.same([missing.status, missing.json], [404, { errCode: 1005, data: {}, errMsg: 'user not found: nobody' }]);
});

t.test('batch delete is all-or-nothing and names the missing ids', async (t) => {
  const app = await setup(t);
  for (const name of ['d1', 'd2', 'd3']) await app.register(name);
  const ids = await Promise.all(['d1', 'd2', 'd3'].map(app.idOf));
  const d2Token = (await app.login('d2')).json.data.token as string;
  const partial = await app.call({
    method: 'DELETE',
    url: '/api/v1/user',
    ...app.as(app.token),
    payload: { ids: [ids[0], 4242, ids[1], 4343] },
  });
  t.same([partial.status, partial.json], [404, { errCode: 1005, data: {}, errMsg: 'user not found: 4242, 4343' }]);
  t.equal((await app.call({ url: list, ...app.as(app.token) })).json.data.total, 4, 'nothing was deleted');

  const done = await app.call({
    method: 'DELETE',
    url: '/api/v1/user',
    ...app.as(app.token),
    payload: { ids: [ids[0], ids[1]] },
  });
  t.same(done.json, { errCode: 0, data: { deleted: [ids[0], ids[1]] }, errMsg: 'deleted' });
  const names = (await app.call({ url: list, ...app.as(app.token) })).json.data.items.map(
    (u: { username: string }) => u.username,
  );
  t.same(names, ['root', 'd3']);
  t.equal((await app.call({ url: list, ...app.as(d2Token) })).status, 401, "a deleted user's token stops working");
  const { deleted_at } = await app.one<{ deleted_at: string }>('select deleted_at from users where id = ?', ids[0]);
  t.ok(deleted_at, 'soft-deleted: the row stays, with deleted_at');
  const again = await app.call({
    method: 'DELETE',
    url: '/api/v1/user',
    ...app.as(app.token),
    payload: { ids: [ids[0]] },
  });
  t.equal(again.status, 404, 'a deleted user cannot be deleted twice');
  const dup = await app.call({
    method: 'DELETE',
    url: '/api/v1/user',
    ...app.as(app.token),
    payload: { ids: [ids[2], ids[2]] },
  });
  t.equal(dup.status, 400, 'duplicate ids are a contract violation');
});

t.test('the last enabled administrator cannot be disabled, deleted or demoted', async (t) => {
  const app = await setup(t);
  const rootId = await app.idOf('root');
  const lastAdmin = { errCode: 1020, data: {}, errMsg: 'the last enabled administrator cannot be removed' };
  const disable = await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    ...app.as(app.token),
    payload: { username: 'root', status: false },
  });
  t.same([disable.status, disable.json], [409, lastAdmin]);
  const del = await app.call({
    method: 'DELETE',
    url: '/api/v1/user',
    ...app.as(app.token),
    payload: { ids: [rootId] },
  });
  t.same([del.status, del.json], [409, lastAdmin]);
  const demote = await app.call({
    method: 'PUT',
    url: `/api/v1/user/${rootId}/role`,
    ...app.as(app.token),
    payload: { role_id: 2 },
  });
  t.same([demote.status, demote.json], [409, lastAdmin]);
  t.equal((await app.call({ url: list, ...app.as(app.token) })).status, 200, 'nothing changed: the token still works');

  // With a second administrator, the first may go.
  await app.register('second');
  const secondId = await app.idOf('second');
  const promote = await app.call({
    method: 'PUT',
    url: `/api/v1/user/${secondId}/role`,
    ...app.as(app.token),
    payload: { role_id: 1 },
  });
  t.match(promote.json, { errCode: 0, data: { role: { code: 'admin' } } });
  const secondToken = (await app.login('second')).json.data.token as string;
  t.equal(
    (await app.call({ method: 'DELETE', url: '/api/v1/user', ...app.as(secondToken), payload: { ids: [rootId] } }))
      .status,
    200,
  );
  const self = await app.call({
    method: 'POST',
    url: '/api/v1/user/update',
    ...app.as(secondToken),
    payload: { username: 'second', status: false },
  });
  t.equal(self.status, 409, 'now second is the last one');
});

t.test('assigning a role: 404 for an unknown user or role; the old token stops working', async (t) => {
  const app = await setup(t);
  const userToken = await app.tokenFor('carol');
  const id = await app.idOf('carol');
  t.same(
    (await app.call({ method: 'PUT', url: '/api/v1/user/4242/role', ...app.as(app.token), payload: { role_id: 1 } }))
      .json.errCode,
    1005,
  );
  const noRole = await app.call({
    method: 'PUT',
    url: `/api/v1/user/${id}/role`,
    ...app.as(app.token),
    payload: { role_id: 4242 },
  });
  t.same([noRole.status, noRole.json], [404, { errCode: 1006, data: {}, errMsg: 'role not found: 4242' }]);
  const assigned = await app.call({
    method: 'PUT',
    url: `/api/v1/user/${id}/role`,
    ...app.as(app.token),
    payload: { role_id: 1 },
  });
  t.match(assigned.json.data, { role_id: 1, role: { code: 'admin' } });
  t.equal(
    (await app.call({ url: list, ...app.as(userToken) })).status,
    401,
    'the token carrying the old role is revoked',
  );
  const fresh = await app.login('carol');
  t.match(fresh.json.data.role, { code: 'admin' });
});

t.test('change password: wrong old password is 1003; the policy applies; every token is revoked', async (t) => {
  const app = await setup(t);
  const token = await app.tokenFor('dave', 'old-password');
  const other = (await app.login('dave', 'old-password')).json.data.token as string;
  const url = '/api/v1/user/changePassword';
  const wrong = await app.call({
    method: 'POST',
    url,
    ...app.as(token),
    payload: { old_password: 'nope-nope', new_password: 'new-password' },
  });
  t.same([wrong.status, wrong.json], [200, { errCode: 1003, data: {}, errMsg: 'user name or password error' }]);
  const short = await app.call({
    method: 'POST',
    url,
    ...app.as(token),
    payload: { old_password: 'old-password', new_password: 'short' },
  });
  t.same(
    [short.status, short.json],
    [400, { errCode: 1019, data: {}, errMsg: 'password must be at least 8 characters' }],
  );
  const same = await app.call({
    method: 'POST',
    url,
    ...app.as(token),
    payload: { old_password: 'old-password', new_password: 'old-password' },
  });
  t.equal(same.json.errMsg, 'the new password must differ from the old one');
  const changed = await app.call({
    method: 'POST',
    url,
    ...app.as(token),
    payload: { old_password: 'old-password', new_password: 'new-password' },
  });
  t.same(changed.json, { errCode: 0, data: {}, errMsg: 'password changed' });
  for (const tok of [token, other])
    t.equal((await app.call({ url: list, ...app.as(tok) })).status, 401, 'tokens issued before are revoked');
  t.equal((await app.login('dave', 'old-password')).json.errCode, 1003);
  t.equal((await app.login('dave', 'new-password')).json.errCode, 1000);
});

t.test("logout revokes the presented token (and the account's others)", async (t) => {
  const app = await setup(t);
  const token = await app.tokenFor('erin');
  const out = await app.call({ method: 'POST', url: '/api/v1/user/logout', ...app.as(token) });
  t.same(out.json, { errCode: 0, data: {}, errMsg: 'logged out' });
  t.equal((await app.call({ url: list, ...app.as(token) })).status, 401);
  t.equal(
    (await app.call({ method: 'POST', url: '/api/v1/user/logout', ...app.as(token) })).status,
    401,
    'a revoked token cannot log out again',
  );
  const again = (await app.login('erin')).json.data.token as string;
  t.equal((await app.call({ url: list, ...app.as(again) })).status, 200, 'a new login works');
});

t.test('an administrator reset: sessions end, the user must change the password before anything else', async (t) => {
  const app = await setup(t);
  const old = await app.tokenFor('frank');
  const id = await app.idOf('frank');
  const url = `/api/v1/user/${id}/resetPassword`;
  t.equal(
    (await app.call({ method: 'POST', url, ...app.as(app.token), payload: { new_password: 'tiny' } })).json.errCode,
    1019,
  );
  t.equal(
    (
      await app.call({
        method: 'POST',
        url: '/api/v1/user/4242/resetPassword',
        ...app.as(app.token),
        payload: { new_password: 'long-enough' },
      })
    ).status,
    404,
  );
  const reset = await app.call({ method: 'POST', url, ...app.as(app.token), payload: { new_password: 'temporary-1' } });
  t.match(reset.json, { errCode: 0, data: { id, username: 'frank' } });
  t.equal((await app.call({ url: list, ...app.as(old) })).status, 401, 'the old session ended');

  const login = await app.login('frank', 'temporary-1');
  t.match(login.json, { errCode: 1000, data: { passwordExpired: true } });
  const token = login.json.data.token as string;
  const blocked = await app.call({ url: list, ...app.as(token) });
  t.same(
    [blocked.status, blocked.json],
    [403, { errCode: 1011, data: {}, errMsg: 'password expired, change it first' }],
  );
  const changed = await app.call({
    method: 'POST',
    url: '/api/v1/user/changePassword',
    ...app.as(token),
    payload: { old_password: 'temporary-1', new_password: 'franks-own-1' },
  });
  t.equal(changed.json.errCode, 0, 'changePassword is allowed while expired');
  const fresh = await app.login('frank', 'franks-own-1');
  t.equal(fresh.json.data.passwordExpired, false);
  t.equal((await app.call({ url: list, ...app.as(fresh.json.data.token) })).status, 200);
});

t.test('login records: each attempt on an account, newest first, with address, agent and reason', async (t) => {
  const app = await setup(t);
  const token = await app.tokenFor('gina');
  await app.call({
    method: 'POST',
    url: '/api/v1/user/login',
    headers: { 'user-agent': 'probe/1.0' },
    payload: { username: 'gina', password: 'wrong-password' },
  });
  const id = await app.idOf('gina');
  const records = await app.call({ url: `/api/v1/user/${id}/loginRecords?pageSize=5`, ...app.as(token) });
  t.match(records.json.data, { total: 2, page: 1, pageSize: 5 });
  t.match(records.json.data.items, [
    { success: false, reason: 'wrong_password', ip: '127.0.0.1', userAgent: 'probe/1.0' },
    { success: true, reason: 'ok' },
  ]);
  t.equal((await app.call({ url: '/api/v1/user/4242/loginRecords', ...app.as(app.token) })).status, 404);
});
