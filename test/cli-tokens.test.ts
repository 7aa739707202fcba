// `cms create-token` as operators run it to bootstrap CI: a child process on a real database file.
import t from 'tap';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testDatabaseUrl } from './helpers/app.js';
import { cli } from './helpers/cli.js';

t.test("create-token: the secret alone on standard output, by the API's rules; clear errors", async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.equal((await cli(['create-admin', 'chief', '--password', 'chief-password'], env)).code, 0);
  const made = await cli(
    ['create-token', 'chief', '--name', 'ci', '--expires', '30d', '--scopes', 'user:read,audit:read'],
    env,
  );
  t.equal(made.code, 0, made.err);
  t.match(made.out, /^cms_pat_[A-Za-z0-9_-]{43}\n$/, 'standard output is the secret alone');
  t.match(made.err, /created access token 1 "ci" of chief, scopes user:read,audit:read, expires \d{4}-/);
  const secret = made.out.trim();

  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const call = (url: string) => app.inject({ url, headers: { authorization: `Bearer ${secret}` } });
  t.equal((await call('/api/v1/audit')).statusCode, 200, 'the token acts with its scopes');
  t.equal((await call('/api/v1/system/safe/settings')).statusCode, 403, 'and with no more');
  const audit = (await call('/api/v1/audit')).json().data.items[0];
  t.match(audit, { action: 'token.create', actor: null, detail: { by: 'cli', name: 'ci' } }, 'audited');

  const date = await cli(
    ['create-token', 'chief', '--name', 'dated', '--expires', new Date(Date.now() + 3_600_000).toISOString()],
    env,
  );
  t.equal(date.code, 0, 'an RFC 3339 date-time');
  await app.inject({
    method: 'POST',
    url: '/api/v1/user/register',
    payload: { username: 'plain', password: 'plain-password' },
  });
  const refusals = [
    [
      ['create-token', 'plain', '--name', 'x', '--expires', '1d', '--scopes', 'user:read'],
      1,
      /a scope is not a permission of the owner's role: user:read/,
    ],
    [
      ['create-token', 'chief', '--name', 'x', '--expires', '91d'],
      1,
      /expiresAt must be in the future and within 90 days/,
    ],
    [['create-token', 'nobody', '--name', 'x', '--expires', '1d'], 1, /user nobody not found/],
    [
      ['create-token', 'chief', '--name', 'x', '--expires', 'tomorrow'],
      2,
      /--expires takes days \(30d\) or a date-time/,
    ],
    [['create-token', 'chief', '--name', 'x', '--expires', '1d', '--scopes', 'root'], 2, /not a permission: root/],
    [['create-token', 'chief', '--expires', '1d'], 2, /--name is required/],
    [['create-token', 'chief', '--name', 'x'], 2, /--expires is required/],
  ] as const;
  // The refusals change nothing, so they run side by side: each is a process start of its own.
  await Promise.all(
    refusals.map(async ([args, code, message]) => {
      const run = await cli([...args], env);
      t.match({ code: run.code, err: run.err, out: run.out }, { code, err: message, out: '' }, args.join(' '));
    }),
  );
});
