// The lockout under a burst: guesses sent at once, to one instance or to two on one database, check at most
// loginFail passwords; the rest answer 1010 with lockedUntil, and the right password inside the burst stays out.
import t from 'tap';
import { createPasswords, type Passwords } from '../../../src/accounts/passwords.js';
import { admin, startApp, testDatabaseUrl } from '../../helpers/app.js';
import { fetchChecked, startServer } from '../../helpers/server.js';

const settingsUrl = '/api/v1/system/safe/settings';
const loginFail = 3;
const guesses = 40;
const rightAt = 20;

/** The burst's passwords: wrong ones, with the right one at `rightAt`. */
const burst = (right: string) =>
  Array.from({ length: guesses }, (_, i) => (i === rightAt ? right : `wrong-guess-${i}`));

t.test(`${guesses} guesses at once on one instance check at most loginFail passwords`, async (t) => {
  // The real hashing queue, counting the passwords it checks (the dummy hash of unknown users included).
  const real = createPasswords();
  let checked = 0;
  const counting: Passwords = {
    ...real,
    verify: (hash, password) => {
      checked++;
      return real.verify(hash, password);
    },
  };
  const app = await startApp(t, { admin }, { passwords: counting });
  const headers = { token: await app.adminToken() };
  await app.call({ method: 'POST', url: settingsUrl, headers, payload: { loginFail, lockTime: 10 } });
  await app.register('victim', 'victim-password');
  checked = 0;

  const answers = await Promise.all(burst('victim-password').map((password) => app.login('victim', password)));
  const codes = answers.map((a) => a.json.errCode as number);
  t.ok(checked <= loginFail, `passwords checked: ${checked}`);
  t.ok(codes.filter((c) => c !== 1010).length <= loginFail, 'at most loginFail answers other than 1010');
  const locked = answers.filter((a) => a.json.errCode === 1010);
  t.ok(locked.length >= guesses - loginFail);
  t.ok(
    locked.every((a) => typeof a.json.data.lockedUntil === 'string'),
    'every refusal says when the lock ends',
  );
  if (codes[rightAt] === 1000)
    t.ok(codes.filter((c) => c === 1003).length < loginFail, 'the right password got in only inside the threshold');

  const { login_failures, locked_until } = await app.one<{ login_failures: number; locked_until: string | null }>(
    "select login_failures, locked_until from users where username = 'victim'",
  );
  if (codes[rightAt] !== 1000) {
    t.equal(Number(login_failures), loginFail, 'the failures booked are the ones checked');
    t.ok(locked_until, 'the account is locked');
    t.equal(
      (await app.login('victim', 'victim-password')).json.errCode,
      1010,
      'and stays locked for the right password',
    );
  }
  const reasons = await app.query<{ reason: string; n: number }>(
    "select reason, count(*) as n from login_record where user_id = (select id from users where username = 'victim') group by reason",
  );
  const wrong = Number(reasons.find((r) => r.reason === 'wrong_password')?.n ?? 0);
  t.ok(wrong <= loginFail, `wrong passwords recorded: ${wrong}`);
});

t.test(
  `${guesses} guesses at once split over two instances on one database check at most loginFail passwords`,
  async (t) => {
    const url = await testDatabaseUrl(t.testdir());
    const env = {
      DATABASE_URL: url,
      ADMIN_USERNAME: admin.username,
      ADMIN_PASSWORD: admin.password,
      LOGIN_RATE_LIMIT: '0',
    };
    const [a, b] = await Promise.all([startServer(t, env), startServer(t, env)]);
    const post = (base: string, path: string, payload: object, headers: Record<string, string> = {}) =>
      fetchChecked(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      });
    const token = (await post(a.base, '/api/v1/user/login', admin)).json.data.token as string;
    await post(a.base, settingsUrl, { loginFail, lockTime: 10 }, { token });
    await post(b.base, '/api/v1/user/register', { username: 'victim', password: 'victim-password' });

    const answers = await Promise.all(
      burst('victim-password').map((password, i) =>
        post(i % 2 ? a.base : b.base, '/api/v1/user/login', { username: 'victim', password }),
      ),
    );
    const codes = answers.map((r) => r.json.errCode as number);
    t.ok(
      codes.filter((c) => c !== 1010).length <= loginFail,
      `answers other than 1010: ${codes.filter((c) => c !== 1010).length}`,
    );
    t.ok(answers.filter((r) => r.json.errCode === 1010).every((r) => typeof r.json.data.lockedUntil === 'string'));
    if (codes[rightAt] === 1000)
      t.ok(codes.filter((c) => c === 1003).length < loginFail, 'the right password got in only inside the threshold');
    else
      t.equal(
        (await post(a.base, '/api/v1/user/login', { username: 'victim', password: 'victim-password' })).json.errCode,
        1010,
        'locked on both',
      );
  },
);
