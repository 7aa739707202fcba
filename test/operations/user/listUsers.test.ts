import t from 'tap';
import { admin, startApp, testSecret } from '../../helpers/app.js';
import { forge } from '../../helpers/tokens.js';

const list = '/api/v1/user/list';
const unauthorized = { errCode: 1008, data: {}, errMsg: 'token is missing, invalid or expired' };

t.test('the token is accepted from header `token`, query `token` and Authorization: Bearer', async (t) => {
  const { call, tokenFor } = await startApp(t);
  const token = await tokenFor('alice');
  for (const request of [
    { url: list, headers: { token } },
    { url: `${list}?token=${token}` },
    { url: list, headers: { authorization: `Bearer ${token}` } },
  ]) {
    const reply = await call(request);
    t.equal(reply.status, 200);
    t.match(reply.json, { errCode: 0, data: { user: { username: 'alice' }, total: 1, page: 1, pageSize: 15 } });
  }
});

t.test('with user:read: every user, paged, ordered by id, with a total', async (t) => {
  const { call, register, adminToken } = await startApp(t, { admin });
  for (const name of ['u1', 'u2', 'u3', 'u4']) await register(name);
  const token = await adminToken();
  const reply = await call({ url: `${list}?page=2&pageSize=2`, headers: { token } });
  t.match(reply.json.data, { user: { username: 'root' }, total: 5, page: 2, pageSize: 2 });
  t.same(
    reply.json.data.items.map((u: { username: string }) => u.username),
    ['u2', 'u3'],
  );
  const past = await call({ url: `${list}?page=9&pageSize=2`, headers: { token } });
  t.same(past.json.data.items, []);
  t.equal(past.json.data.total, 5);
});

t.test('without user:read: only the caller', async (t) => {
  const { call, register, tokenFor } = await startApp(t);
  for (const name of ['u1', 'u2']) await register(name);
  const token = await tokenFor('me');
  const reply = await call({ url: list, headers: { token } });
  t.same(
    reply.json.data.items.map((u: { username: string }) => u.username),
    ['me'],
  );
  t.equal(reply.json.data.total, 1);
  t.same(
    (await call({ url: `${list}?keyword=u1`, headers: { token } })).json.data.items,
    [],
    'the keyword filters the caller too',
  );
  t.same((await call({ url: `${list}?page=2`, headers: { token } })).json.data.items, [], 'and paging');
});

t.test('keyword filters by username substring, case-insensitively and literally', async (t) => {
  const { call, register, adminToken } = await startApp(t, { admin });
  for (const name of ['admin_x', 'adminx', 'Padmin', 'bob', '100%']) await register(name);
  const token = await adminToken();
  const names = async (keyword: string) => {
    const reply = await call({ url: `${list}?keyword=${encodeURIComponent(keyword)}`, headers: { token } });
    return { names: reply.json.data.items.map((u: { username: string }) => u.username), total: reply.json.data.total };
  };
  t.same(await names('ADMIN'), { names: ['admin_x', 'adminx', 'Padmin'], total: 3 });
  t.same(await names('n_'), { names: ['admin_x'], total: 1 }, '_ is not a wildcard');
  t.same(await names('%'), { names: ['100%'], total: 1 }, '% is not a wildcard');
});

t.test('out-of-contract query parameters answer 400 naming the field', async (t) => {
  const { call, tokenFor } = await startApp(t);
  const token = await tokenFor('me');
  const cases: Array<[string, RegExp]> = [
    ['pageSize=101', /query\.pageSize must be <= 100/],
    ['page=0', /query\.page must be >= 1/],
    ['page=abc', /query\.page must be integer/],
    ['page=1.5', /query\.page must be integer/],
    ['colour=red', /unknown field query\.colour/],
  ];
  for (const [query, message] of cases) {
    const reply = await call({ url: `${list}?${query}`, headers: { token } });
    t.equal(reply.status, 400, query);
    t.equal(reply.json.errCode, 1002);
    t.match(reply.json.errMsg, message);
  }
});

t.test('no, forged, expired or orphaned tokens answer 401', async (t) => {
  const { call, tokenFor, query } = await startApp(t);
  const token = await tokenFor('victim');
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
  const now = Math.floor(Date.now() / 1000);
  const cases: Record<string, Record<string, string>> = {
    'no token': {},
    'empty header': { token: '' },
    garbage: { token: 'not-a-jwt' },
    'bad signature': { token: `${header}.${payload}.${'A'.repeat(86)}` },
    'other secret': { token: forge({ alg: 'HS512', typ: 'JWT' }, claims, 'another-secret-another-secret-another') },
    'alg none': { token: `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.` },
    HS256: { token: forge({ alg: 'HS256', typ: 'JWT' }, claims, testSecret, 'sha256') },
    expired: { token: forge({ alg: 'HS512', typ: 'JWT' }, { ...claims, iat: now - 100, exp: now - 10 }) },
    'wrong issuer': { token: forge({ alg: 'HS512', typ: 'JWT' }, { ...claims, iss: 'elsewhere' }) },
    'no user_id': { token: forge({ alg: 'HS512', typ: 'JWT' }, { ...claims, user_id: 'x' }) },
    'unknown user': { token: forge({ alg: 'HS512', typ: 'JWT' }, { ...claims, user_id: 999 }) },
    'user_id beyond the ids of the spec': {
      token: forge({ alg: 'HS512', typ: 'JWT' }, { ...claims, user_id: 2 ** 31 }),
    },
    'bearer without token': { authorization: 'Bearer' },
  };
  for (const [name, headers] of Object.entries(cases)) {
    const reply = await call({ url: list, headers });
    t.equal(reply.status, 401, name);
    t.same(reply.json, unauthorized, name);
  }
  t.equal(
    (await call({ url: list, headers: { token: forge({ alg: 'HS512', typ: 'JWT' }, claims) } })).status,
    200,
    'a correctly signed copy is accepted',
  );

  await query("update users set status = 0 where username = 'victim'");
  t.equal((await call({ url: list, headers: { token } })).status, 401, 'disabled user');
  await query("update users set status = 1, deleted_at = '2024-01-01T00:00:00.000Z' where username = 'victim'");
  t.equal((await call({ url: list, headers: { token } })).status, 401, 'deleted user');
});

// An administrator's list may read the caller and the page in one statement (src/perf/callerReads.ts): whatever
// the page asked for, the caller is checked first, and a caller who lost user:read sees only themselves.
t.test('every caller check holds for every shape of page an administrator asks for', async (t) => {
  const { call, register, adminToken, query } = await startApp(t, { admin });
  for (const name of ['u1', 'u2', 'u3']) await register(name);
  const token = await adminToken();
  const names = (reply: { json: { data: { items: Array<{ username: string }> } } }) =>
    reply.json.data.items.map((u) => u.username);
  const first = await call({ url: list, headers: { token } });
  const cursor = first.json.data.items[0].id as number;
  const pages = {
    first: '',
    cursor: `?cursor=${Buffer.from(String(cursor)).toString('base64url')}`,
    offset: '?page=2&pageSize=2',
    past: '?page=9',
    tooDeep: '?page=1000&pageSize=100',
    badCursor: '?cursor=bogus',
  };
  const answers = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(pages).map(
          async ([name, q]) => [name, await call({ url: `${list}${q}`, headers: { token } })] as const,
        ),
      ),
    );

  let got = await answers();
  t.same(names(got.first!), ['root', 'u1', 'u2', 'u3']);
  t.same(names(got.cursor!), ['u1', 'u2', 'u3']);
  t.same(names(got.offset!), ['u2', 'u3']);
  t.same([names(got.past!), got.past!.json.data.total], [[], 4], 'past the end: no items, the total still');
  t.same(
    [got.tooDeep!.status, got.tooDeep!.json.errCode, got.badCursor!.status, got.badCursor!.json.errCode],
    [400, 1026, 400, 1027],
  );
  for (const [name, reply] of Object.entries(got).slice(0, 4)) t.equal(reply.json.data.total, 4, `${name}: total`);

  await query("update users set role_id = (select id from role where code = 'user') where username = 'root'");
  got = await answers();
  t.same(names(got.first!), ['root'], 'without user:read: only the caller');
  t.same([names(got.cursor!), names(got.offset!), names(got.past!)], [[], [], []], 'and paged as the caller alone');
  t.same([got.first!.json.data.total, got.offset!.json.data.total], [1, 1]);

  for (const [change, undo] of [
    ["update users set status = 0 where username = 'root'", "update users set status = 1 where username = 'root'"],
    ["update users set token_version = token_version + 1 where username = 'root'", ''],
  ] as const) {
    await query(change);
    for (const [name, reply] of Object.entries(await answers()))
      t.same([reply.status, reply.json], [401, unauthorized], `${change}: ${name}`);
    if (undo) await query(undo);
  }
});
