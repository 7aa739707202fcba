// Several instances on one database, and a database that goes away under a running server. Real server
// processes; on the PostgreSQL run of the suite, a real PostgreSQL server.
import t from 'tap';
import { startTestPostgres } from '../scripts/postgres.js';
import { admin, onPostgres, testDatabaseUrl } from './helpers/app.js';
import { fetchChecked, startServer } from './helpers/server.js';

const json = { 'content-type': 'application/json' };
const post = (base: string, path: string, payload: object, headers: Record<string, string> = {}) =>
  fetchChecked(`${base}${path}`, { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify(payload) });

t.test('two instances on one database share tokens, names, lockouts, revocations and settings', async (t) => {
  const url = await testDatabaseUrl(t.testdir());
  // Started together on an empty database: both migrate it and both try to create the administrator.
  const env = { DATABASE_URL: url, ADMIN_USERNAME: admin.username, ADMIN_PASSWORD: admin.password };
  const [a, b] = await Promise.all([startServer(t, env), startServer(t, env)]);

  await post(a.base, '/api/v1/user/register', { username: 'roamer', password: 'roamer-password' });
  const token = (await post(a.base, '/api/v1/user/login', { username: 'roamer', password: 'roamer-password' })).json
    .data.token as string;
  t.equal(
    (await fetchChecked(`${b.base}/api/v1/user/list`, { headers: { token } })).status,
    200,
    'a token issued by one is accepted by the other',
  );

  const racers = await Promise.all(
    Array.from({ length: 10 }, (_, i) =>
      post(i % 2 ? a.base : b.base, '/api/v1/user/register', { username: 'twin', password: `twin-password-${i}` }),
    ),
  );
  t.equal(
    racers.filter((r) => r.json.errCode === 0).length,
    1,
    'one name registered on both at once: exactly one user',
  );
  t.equal(racers.filter((r) => r.json.errCode === 1004).length, 9);

  await post(a.base, '/api/v1/user/register', { username: 'target', password: 'target-password' });
  for (let i = 0; i < 3; i++)
    await post(a.base, '/api/v1/user/login', { username: 'target', password: 'wrong-password' });
  const locked = await post(b.base, '/api/v1/user/login', { username: 'target', password: 'target-password' });
  t.equal(locked.json.errCode, 1010, 'a lockout triggered through one instance holds on the other');

  // A second session, started on one and ended through the other: its token stops on both at once.
  const phone = (await post(b.base, '/api/v1/user/login', { username: 'roamer', password: 'roamer-password' })).json
    .data.token as string;
  const { user_id: roamer, sid } = JSON.parse(Buffer.from(phone.split('.')[1]!, 'base64url').toString());
  const ended = await fetchChecked(`${a.base}/api/v1/user/${roamer}/sessions/${sid}`, {
    method: 'DELETE',
    headers: { token },
  });
  t.equal(ended.json.errMsg, 'session ended');
  for (const instance of [a, b])
    t.equal(
      (await fetchChecked(`${instance.base}/api/v1/user/list`, { headers: { token: phone } })).status,
      401,
      'a session ended on one is refused on both',
    );
  t.equal((await fetchChecked(`${b.base}/api/v1/user/list`, { headers: { token } })).status, 200, 'the other goes on');

  // A personal access token made through one works on the other; revoked through the other, it stops on both.
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const tokens = `/api/v1/user/${roamer}/tokens`;
  const made = await post(a.base, tokens, { name: 'ci', scopes: [], expiresAt }, { token });
  const secret = made.json.data.secret as string;
  t.equal((await fetchChecked(`${b.base}/api/v1/user/list`, { headers: { token: secret } })).status, 200);
  const revoked = await fetchChecked(`${b.base}${tokens}/${made.json.data.accessToken.id}`, {
    method: 'DELETE',
    headers: { token },
  });
  t.equal(revoked.json.errMsg, 'access token revoked');
  for (const instance of [a, b])
    t.equal(
      (await fetchChecked(`${instance.base}/api/v1/user/list`, { headers: { token: secret } })).status,
      401,
      'an access token revoked on one is refused on both',
    );
  // A burst of creations through both at once stops at the limit of 100 unexpired tokens.
  const burst = await Promise.all(
    Array.from({ length: 130 }, (_, i) =>
      post(i % 2 ? a.base : b.base, tokens, { name: `t${i}`, scopes: [], expiresAt }, { token }),
    ),
  );
  const statuses = burst.map((reply) => reply.status);
  const listed = await fetchChecked(`${a.base}${tokens}`, { headers: { token } });
  t.equal(listed.json.data.total, statuses.filter((s) => s === 201).length, 'every 201 is a token, and only they');
  t.equal(listed.json.data.total, 100, 'a burst through two instances stops at 100 tokens');
  t.same(
    statuses.filter((s) => s !== 201 && s !== 409),
    [],
    'the rest answer 409',
  );

  await post(a.base, '/api/v1/user/logout', {}, { token });
  t.equal(
    (await fetchChecked(`${b.base}/api/v1/user/list`, { headers: { token } })).status,
    401,
    'a logout on one revokes the token on the other',
  );

  const adminToken = (await post(b.base, '/api/v1/user/login', admin)).json.data.token as string;
  await post(a.base, '/api/v1/system/safe/settings', { allowRegistration: false }, { token: adminToken });
  const closed = await post(b.base, '/api/v1/user/register', { username: 'latecomer', password: 'latecomer-password' });
  t.same(
    closed.json,
    { errCode: 1004, data: {}, errMsg: 'registration is closed' },
    'a setting changed on one applies on the other',
  );
});

const outage = !onPostgres
  ? 'PostgreSQL run only'
  : process.env.PG_TEST_URL
    ? 'PG_TEST_URL names a server this test may not stop'
    : false;

t.test(
  'PostgreSQL stops under a running server: 503 in the envelope, then recovery without a restart',
  { skip: outage },
  async (t) => {
    const postgres = await startTestPostgres();
    t.teardown(() => postgres.destroy());
    const server = await startServer(t, { DATABASE_URL: postgres.url });
    await post(server.base, '/api/v1/user/register', { username: 'survivor', password: 'survivor-password' });
    const token = (
      await post(server.base, '/api/v1/user/login', { username: 'survivor', password: 'survivor-password' })
    ).json.data.token as string;

    await postgres.stop();
    const unavailable = { errCode: 1023, data: {}, errMsg: 'database unavailable, retry later' };
    // Bounded waits: a hang fails the test instead of holding it.
    const signal = () => AbortSignal.timeout(15_000);
    const ready = await fetchChecked(`${server.base}/api/v1/platform/ready`, { signal: signal() });
    t.same([ready.status, ready.json], [503, unavailable], 'ready answers 503');
    const list = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token }, signal: signal() });
    t.same([list.status, list.json], [503, unavailable], 'an authenticated operation answers 503, not 401');
    const login = await fetchChecked(`${server.base}/api/v1/user/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'survivor', password: 'x' }),
      signal: signal(),
    });
    t.equal(login.status, 503, 'login answers 503');
    t.equal(
      (await fetchChecked(`${server.base}/api/v1/platform/ping`)).json,
      'pong',
      'ping does not need the database',
    );
    t.equal(server.child.exitCode, null, 'the server is still running');

    await postgres.start();
    let again = await fetchChecked(`${server.base}/api/v1/platform/ready`);
    for (const deadline = Date.now() + 15_000; again.status !== 200 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      again = await fetchChecked(`${server.base}/api/v1/platform/ready`);
    }
    t.equal(again.status, 200, 'ready again once PostgreSQL is back');
    t.equal(
      (await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } })).status,
      200,
      'the same token works: nothing was lost',
    );
    t.notMatch(
      server.output(),
      /"level":(50|60)|password|select |insert /i,
      'the outage logged no fault, SQL or secret',
    );
  },
);
