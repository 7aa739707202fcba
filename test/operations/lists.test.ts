// Every list at any size: exact totals kept by the database under concurrent writers on two instances, keyset
// cursors that stay stable while rows come and go, the result window, and keyword search through the indexes.
import t from 'tap';
import { admin, onPostgres, startApp, type TestApp } from '../helpers/app.js';

type Item = { id: number; username?: string; code?: string };
const usersUrl = '/api/v1/user/list';

/** Every item of a list, walked with its cursors `pageSize` at a time. */
async function walk(
  app: TestApp,
  token: string,
  url: string,
  pageSize: number,
  between: (step: number) => Promise<void> = async () => {},
) {
  const items: Item[] = [];
  let cursor: string | null | undefined;
  for (let step = 0; ; step++) {
    const separator = url.includes('?') ? '&' : '?';
    const reply = await app.call({
      url: `${url}${separator}pageSize=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`,
      headers: { token },
    });
    if (reply.status !== 200) throw new Error(`${url}: ${reply.status} ${reply.text}`);
    items.push(...(reply.json.data.items as Item[]));
    cursor = reply.json.data.nextCursor as string | null;
    if (!cursor) return items;
    t.ok(reply.json.data.items.length === pageSize, 'a page before the last is full');
    await between(step);
  }
}

/**
 * Users `prefix` + first…last (zero-padded to `width`) straight into the table: the triggers index and count them
 * as they would any insert.
 */
async function insertUsers(app: TestApp, prefix: string, width: number, first: number, last: number) {
  const columns = 'insert into users (uid, username, password, status, role_id, created_at, updated_at)';
  const at = "'2026-01-01T00:00:00.000Z'";
  await app.query(
    onPostgres
      ? `${columns} select '00000000-0000-4000-8000-' || lpad(i::text, 12, '0'), '${prefix}' || lpad(i::text, ${width}, '0'), 'x', 1, 2, ${at}, ${at}
         from generate_series(${first}, ${last}) as i`
      : `with recursive n(i) as (select ${first} union all select i + 1 from n where i < ${last})
         ${columns} select '00000000-0000-4000-8000-' || substr('000000000000' || i, -12), '${prefix}' || substr('${'0'.repeat(width)}' || i, -${width}), 'x', 1, 2, ${at}, ${at} from n`,
  );
}

t.test('totals stay exact under concurrent writers on two instances', async (t) => {
  const a = await startApp(t, { admin });
  const b = await startApp(t, { databaseUrl: a.config.databaseUrl });
  const token = await a.adminToken();
  const headers = { token };
  await Promise.all(Array.from({ length: 12 }, (_, i) => a.register(`early${i}`, 'early-password')));
  const ids = (await a.call({ url: `${usersUrl}?keyword=early&pageSize=100`, headers })).json.data.items.map(
    (u: Item) => u.id,
  ) as number[];

  // At once, on both instances: registrations, deletions (one batch each, with audit entries), logins (login
  // records), roles created and deleted.
  await Promise.all([
    ...Array.from({ length: 16 }, (_, i) => (i % 2 ? a : b).register(`late${i}`, 'late-password')),
    ...ids
      .slice(0, 8)
      .map((id, i) => (i % 2 ? a : b).call({ method: 'DELETE', url: '/api/v1/user', headers, payload: { ids: [id] } })),
    ...Array.from({ length: 10 }, (_, i) =>
      (i % 2 ? a : b).login(`early${8 + (i % 4)}`, i % 3 ? 'early-password' : 'wrong-password'),
    ),
    ...Array.from({ length: 6 }, (_, i) =>
      (i % 2 ? a : b).call({
        method: 'POST',
        url: '/api/v1/role',
        headers,
        payload: { name: `r${i}`, code: `r${i}`, permissions: [] },
      }),
    ),
  ]);
  const roles = (await a.call({ url: '/api/v1/role?pageSize=100&keyword=r', headers })).json.data.items.filter(
    (r: Item) => /^r\d$/.test(r.code!),
  );
  await Promise.all(
    roles
      .slice(0, 3)
      .map((r: Item, i: number) => (i % 2 ? a : b).call({ method: 'DELETE', url: `/api/v1/role/${r.id}`, headers })),
  );

  const counted = async (sql: string, ...parameters: unknown[]) =>
    Number((await a.one<{ n: number }>(sql, ...parameters)).n);
  const users = await a.call({ url: usersUrl, headers });
  t.same(
    [users.json.data.total, users.json.data.totalExact],
    [await counted('select count(*) as n from users where deleted_at is null'), true],
  );
  t.equal(users.json.data.total, 1 + 12 - 8 + 16);
  // The same total on a page past the last user and after the last cursor (on PostgreSQL the count comes with the
  // page's rows, so an empty page reads it alone), and each user with their role.
  for (const query of ['?page=3&pageSize=15', `?cursor=${Buffer.from('999999').toString('base64url')}`]) {
    const beyond = await b.call({ url: `${usersUrl}${query}`, headers });
    t.same(
      [beyond.json.data.items, beyond.json.data.total],
      [[], users.json.data.total],
      `${query}: no users, the same total`,
    );
  }
  t.same(
    users.json.data.items.map((u: { username: string; role: { code: string } }) => [u.username, u.role.code]),
    users.json.data.items.map((u: { username: string }) => [
      u.username,
      u.username === admin.username ? 'admin' : 'user',
    ]),
    'each user with their role',
  );
  const roleList = await b.call({ url: '/api/v1/role', headers });
  t.equal(roleList.json.data.total, await counted('select count(*) as n from role where deleted_at is null'));
  t.equal(roleList.json.data.total, 2 + 6 - 3);
  const audit = await b.call({ url: '/api/v1/audit', headers });
  t.equal(audit.json.data.total, await counted('select count(*) as n from audit_log'));
  for (const id of ids.slice(8)) {
    const records = await a.call({ url: `/api/v1/user/${id}/loginRecords`, headers });
    t.equal(
      records.json.data.total,
      await counted('select count(*) as n from login_record where user_id = ?', id),
      `login records of ${id}`,
    );
  }
  // The kept counts against count(*), every one of them.
  const kept = await a.query<{ name: string; n: number }>('select name, n from row_count');
  const recounted = await a.query<{ name: string; n: number }>(
    `select 'users' as name, count(*) as n from users where deleted_at is null
     union all select 'role', count(*) from role where deleted_at is null
     union all select 'audit_log', count(*) from audit_log
     union all select 'login_record:' || user_id, count(*) from login_record group by user_id`,
  );
  const byName = (rows: Array<{ name: string; n: number }>) =>
    Object.fromEntries(rows.filter((r) => Number(r.n) > 0).map((r) => [r.name, Number(r.n)]));
  t.same(byName(kept), byName(recounted), 'row_count equals count(*)');
});

t.test('cursors walk every list once, in order, while rows are added and deleted', async (t) => {
  const app = await startApp(t, { admin });
  const token = await app.adminToken();
  const headers = { token };
  for (let i = 0; i < 9; i++) await app.register(`walker${i}`);
  const all = await walk(app, token, usersUrl, 2);
  t.same(
    all.map((u) => u.username),
    ['root', ...Array.from({ length: 9 }, (_, i) => `walker${i}`)],
    'users: every one, in id order',
  );

  // Between pages: delete one not yet reached, one already passed, and register a newcomer.
  const byName = new Map(all.map((u) => [u.username!, u.id]));
  const seen = await walk(app, token, usersUrl, 3, async (step) => {
    if (step !== 0) return;
    await app.call({
      method: 'DELETE',
      url: '/api/v1/user',
      headers,
      payload: { ids: [byName.get('walker5'), byName.get('walker0')] },
    });
    await app.register('newcomer');
  });
  t.same(
    seen.map((u) => u.username),
    ['root', 'walker0', 'walker1', 'walker2', 'walker3', 'walker4', 'walker6', 'walker7', 'walker8', 'newcomer'],
    'no row twice, none skipped, the deleted one ahead left out, the newcomer at the end',
  );
  const search = await walk(app, token, `${usersUrl}?keyword=WALKER`, 2);
  t.same(
    search.map((u) => u.username),
    ['walker1', 'walker2', 'walker3', 'walker4', 'walker6', 'walker7', 'walker8'],
    'a keyword search walks the same way',
  );
  const short = await walk(app, token, `${usersUrl}?keyword=r8`, 1);
  t.same(
    short.map((u) => u.username),
    ['walker8'],
    'a keyword shorter than a trigram too',
  );

  const audit = await walk(app, token, '/api/v1/audit', 1);
  t.ok(audit.length >= 1 && audit.every((entry, i) => i === 0 || entry.id < audit[i - 1]!.id), 'audit: newest first');
  for (let i = 0; i < 5; i++) await app.login('walker1', i % 2 ? 'secret-pass' : 'wrong-password');
  const records = await walk(app, token, `/api/v1/user/${byName.get('walker1')}/loginRecords`, 2);
  t.equal(records.length, 5);
  t.ok(
    records.every((r, i) => i === 0 || r.id < records[i - 1]!.id),
    'login records: newest first',
  );
  for (const code of ['c1', 'c2', 'c3'])
    await app.call({ method: 'POST', url: '/api/v1/role', headers, payload: { name: code, code, permissions: [] } });
  t.same(
    (await walk(app, token, '/api/v1/role', 2)).map((r) => r.code),
    ['admin', 'user', 'c1', 'c2', 'c3'],
    'roles: in id order',
  );
});

t.test(
  'page and pageSize reach the result window; beyond it 1026; cursors the server did not issue are 400 (1027)',
  async (t) => {
    const app = await startApp(t, { admin });
    const headers = { token: await app.adminToken() };
    for (const url of [usersUrl, '/api/v1/role', '/api/v1/audit', '/api/v1/user/1/loginRecords']) {
      t.equal(
        (await app.call({ url: `${url}?page=100&pageSize=100`, headers })).status,
        200,
        `${url}: the window's last page`,
      );
      const deep = await app.call({ url: `${url}?page=101&pageSize=100`, headers });
      t.same(
        [deep.status, deep.json],
        [400, { errCode: 1026, data: {}, errMsg: 'page is beyond the result window, continue with cursor' }],
        `${url}: beyond it`,
      );
      const forged = await app.call({ url: `${url}?cursor=bm90LWFuLWlk`, headers });
      t.same(
        [forged.status, forged.json],
        [400, { errCode: 1027, data: {}, errMsg: 'cursor was not issued by this server' }],
      );
      t.equal(
        (await app.call({ url: `${url}?cursor=${encodeURIComponent('a+b')}`, headers })).json.errCode,
        1002,
        'outside the pattern',
      );
    }
    const deepUser = await app.call({ method: 'GET', url: `${usersUrl}?page=101&pageSize=100&keyword=x`, headers });
    t.equal(deepUser.json.errCode, 1026, 'keyword searches too');
  },
);

t.test(
  'keyword search: substrings in any case, literal characters, in step with registrations and deletions',
  async (t) => {
    const app = await startApp(t, { admin });
    const headers = { token: await app.adminToken() };
    for (const name of ['Alice', 'malice', 'bob', 'a"b', 'x y z', '50%_off', 'al']) await app.register(name);
    const names = async (keyword: string) => {
      const reply = await app.call({ url: `${usersUrl}?keyword=${encodeURIComponent(keyword)}&pageSize=100`, headers });
      return reply.json.data.items.map((u: Item) => u.username) as string[];
    };
    t.same(await names('ALIC'), ['Alice', 'malice']);
    t.same(await names('lic'), ['Alice', 'malice']);
    t.same(await names('al'), ['Alice', 'malice', 'al'], 'two characters');
    t.same(await names('B'), ['bob', 'a"b'], 'one character');
    t.same(await names('a"b'), ['a"b'], 'a double quote is literal');
    t.same(await names('x y'), ['x y z'], 'spaces are literal');
    t.same(await names('%_o'), ['50%_off'], '% and _ are literal');
    t.same(await names('0%'), ['50%_off']);
    t.same(await names('nobody'), []);
    const malice = (await app.call({ url: `${usersUrl}?keyword=malice`, headers })).json.data.items[0] as Item;
    await app.call({ method: 'DELETE', url: '/api/v1/user', headers, payload: { ids: [malice.id] } });
    t.same(await names('lice'), ['Alice'], 'a deleted user is no longer found');
    await app.register('MALICE');
    t.same(await names('malic'), ['MALICE'], 'a new user is found at once');
    await app.query("update users set username = 'Alicia' where username = 'Alice'");
    t.same(await names('alici'), ['Alicia'], 'a rename is found under its new name');
    t.same(await names('Alice'), ['MALICE'], 'and not under its old one');

    const roles = async (keyword: string) =>
      (
        (await app.call({ url: `/api/v1/role?keyword=${encodeURIComponent(keyword)}`, headers })).json.data
          .items as Item[]
      ).map((r) => r.code);
    await app.call({
      method: 'POST',
      url: '/api/v1/role',
      headers,
      payload: { name: 'Auditors', code: 'auditor', permissions: [] },
    });
    t.same(await roles('DITO'), ['auditor'], 'roles by name');
    t.same(await roles('dmi'), ['admin'], 'roles by code');
    t.same(await roles('us'), ['user'], 'roles by two characters');
  },
);

t.test('a keyword matching over the result window answers a total that says so', async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  const rows = 10_050;
  await insertUsers(app, 'bulk', 6, 1, rows);
  const list = async (query: string) => (await app.call({ url: `${usersUrl}?${query}`, headers })).json.data;
  t.match(await list(''), { total: rows + 1, totalExact: true }, 'without a keyword, exact');
  t.match(await list('keyword=bulk'), { total: 10_000, totalExact: false }, 'over the window: at least');
  t.match(await list('keyword=bulk0099'), { total: 100, totalExact: true }, 'under it: exact');
  t.match(await list('keyword=k0'), { total: 10_000, totalExact: false }, 'a short keyword, over the window');
  const last = await list('keyword=bulk010050');
  t.same([last.total, last.items.length, last.nextCursor], [1, 1, null]);
  const page = await list('keyword=bulk&pageSize=100&page=100');
  t.equal(page.items[99].username, 'bulk010000', 'the last page of the window');
  const next = await list(`keyword=bulk&pageSize=100&cursor=${page.nextCursor}`);
  t.same([next.items[0].username, next.items.length], ['bulk010001', 50], 'and past it with the cursor');
});

t.test(
  'a keyword whose trigrams are in most names: its rare part finds the rows, the whole keyword decides',
  async (t) => {
    const app = await startApp(t, { admin });
    const headers = { token: await app.adminToken() };
    // user0000…user0199 and zz0042zz: use, ser, er0, r00, 000 and 004 are in over 2% of the names, 042 in three.
    await insertUsers(app, 'user', 4, 0, 199);
    await app.register('zz0042zz');
    const list = async (query: string) => (await app.call({ url: `${usersUrl}?${query}`, headers })).json.data;
    const names = async (keyword: string) => {
      const data = await list(`keyword=${keyword}&pageSize=100`);
      return { names: data.items.map((u: Item) => u.username), total: data.total };
    };
    t.same(await names('user0042'), { names: ['user0042'], total: 1 }, 'not user0142 nor zz0042zz, which hold 042');
    t.same(await names('USER0042'), { names: ['user0042'], total: 1 });
    t.same(await names('0042'), { names: ['user0042', 'zz0042zz'], total: 2 });
    t.same(await names('user0142'), { names: ['user0142'], total: 1 });
    t.same(
      (await walk(app, headers.token, `${usersUrl}?keyword=0042`, 1)).map((u) => u.username),
      ['user0042', 'zz0042zz'],
      'by cursor too',
    );
    // The estimate is kept, the rows are not: renames and deletions are seen at once.
    await app.query("update users set username = 'qq0042' where username = 'user0042'");
    t.same(await names('user0042'), { names: [], total: 0 });
    t.same(await names('0042'), { names: ['qq0042', 'zz0042zz'], total: 2 });
  },
);
