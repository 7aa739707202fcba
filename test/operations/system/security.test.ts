// Security settings and what they drive: lockout, password expiry, the password policy, closed registration;
// per-address rate limiting; bcrypt hashes from the original system.
import bcrypt from 'bcryptjs';
import t from 'tap';
import { admin, startApp } from '../../helpers/app.js';

const settingsUrl = '/api/v1/system/safe/settings';

t.test("settings: the original's defaults, partial updates, validated, shared through the database", async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  const read = await app.call({ url: settingsUrl, headers });
  t.same(read.json, {
    errCode: 0,
    data: {
      loginFail: 3,
      lockTime: 30,
      passwordExpire: -1,
      allowRegistration: true,
      passwordMinLength: 8,
      auditRetentionDays: 365,
      loginRecordRetentionDays: 90,
      accessTokenMaxDays: 90,
    },
    errMsg: 'success',
  });
  const changed = await app.call({
    method: 'POST',
    url: settingsUrl,
    headers,
    payload: { loginFail: 5, passwordMinLength: 12 },
  });
  t.match(changed.json.data, { loginFail: 5, lockTime: 30, passwordMinLength: 12 });
  for (const [payload, message] of [
    [{}, /must NOT have fewer than 1 properties/],
    [{ lockTime: 0 }, /body\.lockTime must be >= 1/],
    [{ loginFail: '3' }, /body\.loginFail must be integer/],
    [{ colour: 'red' }, /unknown field body\.colour/],
  ] as const) {
    const refused = await app.call({ method: 'POST', url: settingsUrl, headers, payload });
    t.equal(refused.status, 400);
    t.match(refused.json.errMsg, message);
  }
  const other = await startApp(t, { databaseUrl: app.config.databaseUrl, admin });
  t.match(
    (await other.call({ url: settingsUrl, headers: { token: await other.adminToken() } })).json.data,
    { loginFail: 5, passwordMinLength: 12 },
    'another instance on the database agrees',
  );
  t.equal(
    (await app.register('shorty', 'eleven-char')).json.errMsg,
    'password must be at least 12 characters',
    'register applies the policy',
  );
});

t.test(
  'lockout: after loginFail failures, 1010 with lockedUntil even for the right password; unlock; expiry',
  async (t) => {
    const app = await startApp(t, { admin });
    const headers = { token: await app.adminToken() };
    await app.register('hank', 'hank-password');
    await app.call({ method: 'POST', url: settingsUrl, headers, payload: { loginFail: 2, lockTime: 10 } });

    t.equal((await app.login('hank', 'wrong-1')).json.errCode, 1003);
    t.equal((await app.login('hank', 'hank-password')).json.errCode, 1000, 'a success resets the count');
    t.equal((await app.login('hank', 'wrong-1')).json.errCode, 1003);
    const before = Date.now();
    t.equal((await app.login('hank', 'wrong-2')).json.errCode, 1003, 'the attempt that locks still answers 1003');
    const locked = await app.login('hank', 'hank-password');
    t.match(locked.json, { errCode: 1010, errMsg: 'account locked', data: { lockedUntil: String } });
    const until = Date.parse(locked.json.data.lockedUntil as string);
    t.ok(until >= before + 10 * 60_000 - 1000 && until <= Date.now() + 10 * 60_000, 'locked for lockTime minutes');
    const hank = (await app.call({ url: '/api/v1/user/list?keyword=hank', headers })).json.data.items[0];
    t.equal(hank.lockedUntil, locked.json.data.lockedUntil, 'administrators see the lock');

    const unlocked = await app.call({ method: 'POST', url: `/api/v1/user/${hank.id}/unlock`, headers });
    t.equal(unlocked.json.data.lockedUntil, null);
    t.equal((await app.login('hank', 'hank-password')).json.errCode, 1000, 'unlocked');
    t.equal((await app.call({ method: 'POST', url: '/api/v1/user/4242/unlock', headers })).status, 404);

    // A lock that has run out lets the right password in, and counts afresh.
    await app.login('hank', 'wrong-1');
    await app.login('hank', 'wrong-2');
    await app.query("update users set locked_until = '2000-01-01T00:00:00.000Z' where username = 'hank'");
    t.equal((await app.login('hank', 'wrong-3')).json.errCode, 1003);
    t.equal(
      (await app.login('hank', 'hank-password')).json.errCode,
      1000,
      'one failure after the lock ran out does not lock again',
    );
    const records = await app.call({ url: `/api/v1/user/${hank.id}/loginRecords?pageSize=100`, headers });
    t.ok(
      records.json.data.items.some((r: { reason: string }) => r.reason === 'locked'),
      'locked attempts are recorded',
    );

    await app.call({ method: 'POST', url: settingsUrl, headers, payload: { loginFail: 0 } });
    for (let i = 0; i < 4; i++) await app.login('hank', 'wrong');
    t.equal((await app.login('hank', 'hank-password')).json.errCode, 1000, 'loginFail 0 turns lockout off');
  },
);

t.test('password expiry: login flags it, then only changePassword and logout serve', async (t) => {
  const app = await startApp(t, { admin });
  const headers = { token: await app.adminToken() };
  await app.register('iris', 'iris-password');
  await app.call({ method: 'POST', url: settingsUrl, headers, payload: { passwordExpire: 30 } });
  t.equal((await app.login('iris', 'iris-password')).json.data.passwordExpired, false, 'a fresh password is current');
  await app.query("update users set password_changed_at = '2020-01-01T00:00:00.000Z' where username = 'iris'");
  const login = await app.login('iris', 'iris-password');
  t.match(login.json, { errCode: 1000, data: { passwordExpired: true } });
  const token = login.json.data.token as string;
  t.equal((await app.call({ url: '/api/v1/user/list', headers: { token } })).json.errCode, 1011);
  t.equal((await app.call({ url: '/api/v1/user/1', headers: { token } })).json.errCode, 1011);
  await app.call({ method: 'POST', url: settingsUrl, headers, payload: { passwordExpire: -1 } });
  t.equal(
    (await app.call({ url: '/api/v1/user/list', headers: { token } })).status,
    200,
    'the setting is read on every request',
  );
});

t.test('registration can be closed', async (t) => {
  const app = await startApp(t, { admin });
  await app.call({
    method: 'POST',
    url: settingsUrl,
    headers: { token: await app.adminToken() },
    payload: { allowRegistration: false },
  });
  t.same((await app.register('late')).json, { errCode: 1004, data: {}, errMsg: 'registration is closed' });
});

t.test('login and register are rate limited per address: 429 with Retry-After', async (t) => {
  const app = await startApp(t, { loginRateLimit: 3 });
  for (let i = 0; i < 3; i++) t.equal((await app.login('nobody', 'whatever')).status, 200);
  const limited = await app.login('nobody', 'whatever');
  t.same([limited.status, limited.json], [429, { errCode: 1017, data: {}, errMsg: 'too many requests, retry later' }]);
  t.ok(
    Number(limited.headers['retry-after']) > 0 && Number(limited.headers['retry-after']) <= 60,
    'Retry-After in seconds',
  );
  const other = await app.call({
    method: 'POST',
    url: '/api/v1/user/login',
    remoteAddress: '10.0.0.9',
    payload: { username: 'nobody', password: 'whatever' },
  });
  t.equal(other.status, 200, 'another address has its own budget');
  const fromV6 = (address: string) =>
    app.call({
      method: 'POST',
      url: '/api/v1/user/login',
      remoteAddress: address,
      payload: { username: 'nobody', password: 'whatever' },
    });
  for (let i = 1; i <= 3; i++) t.equal((await fromV6(`2001:db8:0:1::${i}`)).status, 200);
  t.equal(
    (await fromV6('2001:db8:0:1:ffff::9')).status,
    429,
    'IPv6 addresses count by /64: rotating within one does not reset the budget',
  );
  t.equal((await fromV6('2001:db8:0:2::1')).status, 200, 'another /64 has its own');
  t.equal((await app.call({ url: '/api/v1/platform/ping' })).status, 200, 'other operations are not limited');
  for (let i = 0; i < 3; i++) t.equal((await app.register(`r${i}`)).status, 200, 'register counts apart from login');
  t.equal((await app.register('r4')).status, 429, 'register too');
  const twin = await startApp(t, { loginRateLimit: 3, databaseUrl: app.config.databaseUrl });
  t.equal(
    (await twin.login('nobody', 'whatever')).status,
    429,
    'the count lives in the database: another instance on it agrees',
  );
  const off = await startApp(t, { loginRateLimit: 0 });
  for (let i = 0; i < 5; i++)
    t.equal((await off.login('nobody', 'whatever')).status, 200, 'LOGIN_RATE_LIMIT=0 turns it off');
});

t.test('a bcrypt hash from the original system verifies, and becomes argon2id on that login', async (t) => {
  const app = await startApp(t);
  await app.register('legacy', 'placeholder-1');
  const bcryptHash = bcrypt.hashSync('from-the-go-days', 4).replace(/^\$2b\$/, '$2a$');
  await app.query("update users set password = ? where username = 'legacy'", bcryptHash);
  t.equal((await app.login('legacy', 'wrong-password')).json.errCode, 1003, 'a wrong password fails against bcrypt');
  const passwordOf = async () =>
    (await app.query<{ password: string }>("select password from users where username = 'legacy'"))[0]!.password;
  t.equal(await passwordOf(), bcryptHash, 'and changes nothing');
  const first = await app.login('legacy', 'from-the-go-days');
  t.equal(first.json.errCode, 1000);
  t.match(await passwordOf(), /^\$argon2id\$/, 'upgraded');
  t.equal((await app.login('legacy', 'from-the-go-days')).json.errCode, 1000, 'and still verifies');
  t.equal(
    (await app.call({ url: '/api/v1/user/list', headers: { token: first.json.data.token } })).status,
    200,
    'the upgrade does not revoke the session',
  );
});
