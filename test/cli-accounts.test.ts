// The administrator commands of the CLI as operators run them: a child process on a real database file.
import t from 'tap';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testDatabaseUrl } from './helpers/app.js';
import { cli } from './helpers/cli.js';

t.test('create-admin: from --password or standard input; clear errors and exit codes', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), { code: 0, all: /created administrator chief \(id 1\)/ });
  t.match(await cli(['create-admin', 'deputy'], env, 'deputy-password\n'), { code: 0, all: /created administrator deputy/ });
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), { code: 1, all: /user chief already exists/ });
  t.match(await cli(['create-admin', 'weak', '--password', 'short'], env), { code: 1, all: /password must be at least 8 characters/ });
  t.match(await cli(['create-admin'], env), { code: 2, all: /usage: cms <command>/ });
  t.match(await cli(['create-admin', 'x', '--password'], env), { code: 2, all: /usage/ });
  t.match(await cli(['frobnicate'], env), { code: 2, all: /usage/ });
  t.match(await cli(['create-admin', 'x', '--password', 'long-enough'], { DATABASE_URL: 'mysql://nope' }), { code: 1, all: /^DATABASE_URL=/ });

  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const login = await app.inject({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'deputy', password: 'deputy-password' } });
  t.match(login.json(), { errCode: 1000, data: { role: { code: 'admin' } } });
});

t.test('reset-password: from --password or standard input; the user must change it; clear errors', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.equal((await cli(['create-admin', 'chief', '--password', 'chief-password'], env)).code, 0);
  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const login = (password: string) => app.inject({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'chief', password } }).then((r) => r.json());
  const before = (await login('chief-password')).data.token as string;

  t.match(await cli(['reset-password', 'chief', '--password', 'fresh-password'], env), { code: 0, all: /password of chief reset; it must be changed at the next login/ });
  t.equal((await login('chief-password')).errCode, 1003, 'the old password no longer works');
  const after = await login('fresh-password');
  t.match(after, { errCode: 1000 });
  t.equal((await app.inject({ url: '/api/v1/user/list', headers: { token: before } })).statusCode, 401, 'sessions from before are ended');
  t.equal((await app.inject({ url: '/api/v1/user/list', headers: { token: after.data.token } })).json().errCode, 1011, 'the new password must be changed first');
  t.match(await cli(['reset-password', 'chief'], env, 'piped-password\n'), { code: 0 });
  t.match(await login('piped-password'), { errCode: 1000 });

  t.match(await cli(['reset-password', 'nobody', '--password', 'long-enough'], env), { code: 1, all: /user nobody not found/ });
  t.match(await cli(['reset-password', 'chief', '--password', 'short'], env), { code: 1, all: /password must be at least 8 characters/ });
  t.match(await cli(['reset-password'], env), { code: 2, all: /usage: cms <command>/ });
});
