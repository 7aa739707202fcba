// Personal access tokens: created with scopes the owner holds and an expiry within the setting, shown once and
// stored as a hash; accepted wherever a token is; acting with their scopes ∩ the owner's current permissions;
// stopped at once by revocation, expiry, or the owner's disable or delete; refused by session-only operations.
import { createHash } from 'node:crypto';
import t, { type Test } from 'tap';
import { admin, startApp } from '../../helpers/app.js';

const list = '/api/v1/user/list';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function setup(t: Test) {
  const app = await startApp(t, { admin });
  const adminToken = await app.adminToken();
  const as = (token: string) => ({ headers: { token } });
  const create = async (token: string, payload: object) =>
    app.call({ method: 'POST', url: `/api/v1/user/${await app.idOf(token)}/tokens`, ...as(token), payload });
  const statusOf = async (token: string, url = list) => (await app.call({ url, ...as(token) })).status;
  return { ...app, adminToken, as, create, statusOf };
}

t.test('created once with its secret, stored as a hash, listed without it, accepted as any token is', async (t) => {
  const app = await setup(t);
  const created = await app.create(app.adminToken, { name: 'ci', scopes: ['user:read'], expiresAt: inDays(30) });
  t.equal(created.status, 201);
  const { secret, accessToken } = created.json.data;
  t.match(secret, /^cms_pat_[A-Za-z0-9_-]{43}$/, 'recognisable by its prefix');
  t.match(accessToken, { name: 'ci', scopes: ['user:read'], lastUsedAt: null, lastUsedIp: null });

  const row = await app.one<Record<string, unknown>>('select * from access_token where id = ?', accessToken.id);
  t.equal(row.hash, createHash('sha256').update(secret).digest('hex'), 'the SHA-256 of the secret is stored');
  t.notOk(
    Object.values(row).some((value) => String(value).includes(secret.slice(8))),
    'the secret itself is stored nowhere in the row',
  );
  const audit = await app.call({ url: '/api/v1/audit', ...app.as(app.adminToken) });
  t.match(audit.json.data.items[0], { action: 'token.create', detail: { token: accessToken.id, name: 'ci' } });
  t.notOk(audit.text.includes(secret.slice(8)), 'nor in the audit log');

  for (const headers of [{ token: secret }, { authorization: `Bearer ${secret}` }]) {
    const reply = await app.call({ url: list, headers });
    t.equal(reply.status, 200, `accepted in ${Object.keys(headers)[0]}`);
  }
  t.equal((await app.call({ url: `${list}?token=${secret}` })).status, 200, 'accepted in the query');

  const listed = await app.call({
    url: `/api/v1/user/${await app.idOf(app.adminToken)}/tokens`,
    ...app.as(app.adminToken),
  });
  t.equal(listed.json.data.total, 1);
  t.notOk(listed.text.includes(secret.slice(8)), 'a list never shows the secret');
  t.match(listed.json.data.items[0], { id: accessToken.id, lastUsedIp: '127.0.0.1' }, 'its last use is recorded');
  const used = listed.json.data.items[0].lastUsedAt;
  await app.call({ url: list, ...app.as(secret) });
  const again = await app.call({
    url: `/api/v1/user/${await app.idOf(app.adminToken)}/tokens`,
    ...app.as(app.adminToken),
  });
  t.equal(again.json.data.items[0].lastUsedAt, used, 'and not rewritten on every request');

  for (const forged of [`${secret.slice(0, -1)}A`, 'cms_pat_', 'cms_pat_x', `${secret}x`]) {
    if (forged === secret) continue;
    t.equal(await app.statusOf(forged), 401, `${forged.slice(0, 12)}… is refused`);
  }
});

t.test("scopes: a subset of the owner's permissions, bounding them as they are when the token is used", async (t) => {
  const app = await setup(t);
  const role = await app.call({
    method: 'POST',
    url: '/api/v1/role',
    ...app.as(app.adminToken),
    payload: { name: 'Readers', code: 'readers', permissions: ['user:read', 'role:read'] },
  });
  const token = await app.tokenFor('reader');
  const id = await app.idOf(token);
  await app.call({
    method: 'PUT',
    url: `/api/v1/user/${id}/role`,
    ...app.as(app.adminToken),
    payload: { role_id: role.json.data.id },
  });
  const signedIn = (await app.login('reader')).json.data.token as string;

  const greedy = await app.create(signedIn, { name: 'x', scopes: ['user:read', 'user:write'], expiresAt: inDays(1) });
  t.same(
    [greedy.status, greedy.json.errCode, greedy.json.errMsg],
    [400, 1031, "a scope is not a permission of the owner's role: user:write"],
  );

  const narrow = await app.accessTokenFor(signedIn, ['role:read']);
  t.equal(await app.statusOf(narrow, '/api/v1/role'), 200, 'a scope it holds');
  t.equal(await app.statusOf(narrow, '/api/v1/user/1'), 403, 'a permission of the role outside its scopes is refused');
  t.equal(await app.statusOf(narrow, `/api/v1/user/${id}`), 200, 'its own account needs no scope');

  const wide = await app.accessTokenFor(signedIn, ['user:read', 'role:read']);
  t.equal(await app.statusOf(wide, '/api/v1/user/1'), 200);
  await app.call({
    method: 'PUT',
    url: `/api/v1/role/${role.json.data.id}`,
    ...app.as(app.adminToken),
    payload: { permissions: ['role:read'] },
  });
  t.equal(await app.statusOf(wide, '/api/v1/user/1'), 403, "a scope the owner's role lost no longer acts, at once");
  t.equal(await app.statusOf(wide, '/api/v1/role'), 200, 'the rest goes on');
});

t.test('expiry: required, in the future, within accessTokenMaxDays; an expired token is refused', async (t) => {
  const app = await setup(t);
  const refused = async (expiresAt: string) =>
    (await app.create(app.adminToken, { name: 'x', scopes: [], expiresAt })).json;
  t.match(await refused(new Date(Date.now() - 1000).toISOString()), { errCode: 1032 }, 'the past');
  t.match(await refused(inDays(91)), { errCode: 1032, errMsg: 'expiresAt must be in the future and within 90 days' });
  t.match(await refused('2027-13-01T00:00:00Z'), { errCode: 1002 }, 'not a date-time');
  const missing = await app.call({
    method: 'POST',
    url: `/api/v1/user/${await app.idOf(app.adminToken)}/tokens`,
    ...app.as(app.adminToken),
    payload: { name: 'forever', scopes: [] },
  });
  t.match(missing.json, { errCode: 1002 }, 'an expiry is required');
  await app.call({
    method: 'POST',
    url: '/api/v1/system/safe/settings',
    ...app.as(app.adminToken),
    payload: { accessTokenMaxDays: 400 },
  });
  const created = await app.create(app.adminToken, { name: 'long', scopes: [], expiresAt: inDays(365) });
  t.equal(created.status, 201, 'the setting moves the limit');
  const offset = await app.create(app.adminToken, {
    name: 'zoned',
    scopes: [],
    expiresAt: new Date(Date.now() + 3_600_000).toISOString().replace('Z', '+00:00'),
  });
  t.match(offset.json.data.accessToken.expiresAt, /Z$/, 'stored and answered in UTC');

  const secret = created.json.data.secret as string;
  t.equal(await app.statusOf(secret), 200);
  await app.query(
    'update access_token set expires_at = ? where id = ?',
    new Date(Date.now() - 1000).toISOString(),
    created.json.data.accessToken.id,
  );
  t.equal(await app.statusOf(secret), 401, 'expired: refused');
  const mine = await app.call({
    url: `/api/v1/user/${await app.idOf(app.adminToken)}/tokens`,
    ...app.as(app.adminToken),
  });
  t.same(
    mine.json.data.items.map((item: { name: string }) => item.name),
    ['zoned'],
    'and no longer listed',
  );
});

t.test('revoked, disabled or deleted: refused at once; a password change or expiry does not stop it', async (t) => {
  const app = await setup(t);
  const token = await app.tokenFor('owner', 'owner-password');
  const id = await app.idOf(token);
  const [first, second, third] = [
    await app.accessTokenFor(token),
    await app.accessTokenFor(token),
    await app.accessTokenFor(token),
  ];
  const tokens = (as: string) => app.call({ url: `/api/v1/user/${id}/tokens`, ...app.as(as) });
  const ids = (await tokens(token)).json.data.items.map((item: { id: number }) => item.id) as number[];

  const revoked = await app.call({ method: 'DELETE', url: `/api/v1/user/${id}/tokens/${ids[2]}`, ...app.as(token) });
  t.match(revoked.json, { errCode: 0, errMsg: 'access token revoked' });
  t.equal(await app.statusOf(first!), 401, 'the revoked one is refused at once');
  t.equal(await app.statusOf(second!), 200, 'the others go on');
  const twice = await app.call({ method: 'DELETE', url: `/api/v1/user/${id}/tokens/${ids[2]}`, ...app.as(token) });
  t.same([twice.status, twice.json.errCode], [404, 1029]);

  const other = await app.tokenFor('bystander');
  t.match((await tokens(other)).json, { errCode: 1009 }, "another user's tokens are not theirs to list");
  const byOther = await app.call({ method: 'DELETE', url: `/api/v1/user/${id}/tokens/${ids[1]}`, ...app.as(other) });
  t.equal(byOther.status, 403, 'nor to revoke');
  t.equal((await tokens(app.adminToken)).json.data.total, 2, 'an administrator lists them');
  const forOther = await app.call({
    method: 'POST',
    url: `/api/v1/user/${id}/tokens`,
    ...app.as(app.adminToken),
    payload: { name: 'impersonation', scopes: [], expiresAt: inDays(1) },
  });
  t.same(
    [forOther.status, forOther.json.errMsg],
    [403, 'permission denied: your own account only'],
    'but creates none for them',
  );
  await app.call({ method: 'DELETE', url: `/api/v1/user/${id}/tokens/${ids[1]}`, ...app.as(app.adminToken) });
  t.equal(await app.statusOf(second!), 401, 'an administrator revokes one');
  const audit = await app.call({ url: '/api/v1/audit', ...app.as(app.adminToken) });
  t.match(audit.json.data.items[0], {
    action: 'token.revoke',
    actor: { username: admin.username },
    target: `user:${id}`,
  });

  await app.call({
    method: 'POST',
    url: '/api/v1/user/changePassword',
    ...app.as(token),
    payload: { old_password: 'owner-password', new_password: 'owner-password-2' },
  });
  t.equal(await app.statusOf(third!), 200, 'a password change ends sessions, not access tokens');
  await app.call({
    method: 'POST',
    url: '/api/v1/system/safe/settings',
    ...app.as(app.adminToken),
    payload: { passwordExpire: 1 },
  });
  await app.query("update users set password_changed_at = '2020-01-01T00:00:00.000Z' where id = ?", id);
  t.equal(await app.statusOf(third!), 200, 'nor does password expiry: the token has an expiry of its own');

  const disable = (status: boolean) =>
    app.call({
      method: 'POST',
      url: '/api/v1/user/update',
      ...app.as(app.adminToken),
      payload: { username: 'owner', status },
    });
  await disable(false);
  t.equal(await app.statusOf(third!), 401, "a disabled owner's tokens are refused at once");
  await disable(true);
  t.equal(await app.statusOf(third!), 200, 'and work again when the owner is enabled again');
  await app.call({ method: 'DELETE', url: '/api/v1/user', ...app.as(app.adminToken), payload: { ids: [id] } });
  t.equal(await app.statusOf(third!), 401, "a deleted owner's tokens are refused at once");
});

t.test('a token manages no sessions, tokens or password: session-only operations refuse it', async (t) => {
  const app = await setup(t);
  const secret = await app.accessTokenFor(app.adminToken, ['user:read', 'user:write']);
  const id = await app.idOf(app.adminToken);
  for (const [method, url, payload] of [
    ['GET', `/api/v1/user/${id}/sessions`],
    ['DELETE', `/api/v1/user/${id}/sessions`],
    ['GET', `/api/v1/user/${id}/tokens`],
    ['POST', `/api/v1/user/${id}/tokens`, { name: 'child', scopes: [], expiresAt: inDays(1) }],
    ['POST', '/api/v1/user/logout'],
    ['POST', '/api/v1/user/changePassword', { old_password: admin.password, new_password: 'another-password' }],
  ] as const) {
    const reply = await app.call({ method, url, headers: { token: secret }, ...(payload ? { payload } : {}) });
    t.same([reply.status, reply.json.errCode], [403, 1030], `${method} ${url}`);
  }
  t.equal(await app.statusOf(app.adminToken), 200, 'the session that made it is untouched');
});

t.test('a burst of creations stops at the limit: 100 tokens, the rest refused', async (t) => {
  const app = await setup(t);
  const token = await app.tokenFor('bursty');
  const replies = await Promise.all(
    Array.from({ length: 130 }, (_, i) => app.create(token, { name: `t${i}`, scopes: [], expiresAt: inDays(1) })),
  );
  const statuses = replies.map((reply) => reply.status);
  t.equal(statuses.filter((s) => s === 201).length, 100, '100 created');
  t.equal(statuses.filter((s) => s === 409).length, 30, 'the rest answer 409');
  const { n } = await app.one<{ n: number | string }>('select count(*) as n from access_token');
  t.equal(Number(n), 100, '100 rows');
});
