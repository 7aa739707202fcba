// The CLI as operators run it: a child process on a real database file.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { freePort } from '../scripts/free-port.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testDatabaseUrl } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { fetchChecked } from './helpers/server.js';

const root = new URL('..', import.meta.url).pathname;

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

t.test('migrate: status, up, down, and clear usage', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.match(await cli(['migrate', 'status'], env), { code: 0, all: /^0001_initial {2}pending\n0002_accounts {2}pending\n0003_rate_limit {2}pending\n/ });
  t.match(await cli(['migrate'], env), { code: 0, all: /0001_initial: applied\n0002_accounts: applied\n0003_rate_limit: applied\n/ });
  t.match(await cli(['migrate', 'up'], env), { code: 0, all: /^up to date\n$/ });
  t.match(await cli(['migrate', 'status'], env), { code: 0, all: /0003_rate_limit {2}applied \d{4}-\d\d-\d\dT/ });
  t.match(await cli(['migrate', 'down'], env), { code: 0, all: /^0003_rate_limit: undone\n$/ });
  t.match(await cli(['migrate', 'status'], env), { code: 0, all: /0002_accounts {2}applied .*\n0003_rate_limit {2}pending\n/ });
  t.match(await cli(['migrate', 'sideways'], env), { code: 2, all: /usage: cms <command>/ });
  t.match(await cli(['migrate', 'up'], env), { code: 0, all: /^0003_rate_limit: applied\n$/ });
});

t.test('migrate: instances migrating one fresh database at once wait for one another', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  const runs = await Promise.all(Array.from({ length: 4 }, () => cli(['migrate'], env)));
  t.same(runs.map((r) => r.code), [0, 0, 0, 0], runs.map((r) => r.all).join(''));
  t.equal(runs.filter((r) => /0001_initial: applied/.test(r.all)).length, 1, 'one of them applied the migrations');
  t.match(await cli(['migrate', 'status'], env), { code: 0, all: /0003_rate_limit {2}applied/ });
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

t.test('openapi prints the document; serve runs the server', async (t) => {
  t.match(await cli(['openapi'], {}), { code: 0, all: readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8') });
  t.match(await cli(['openapi', 'extra'], {}), { code: 2, all: /usage/ });
  t.match(await cli(['serve', 'now'], {}), { code: 2, all: /usage/ });

  const port = await freePort();
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()), PORT: String(port), LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli.ts`, 'serve'], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => child.kill('SIGKILL'));
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  while (!out.includes('Server listening')) await new Promise((resolve) => setTimeout(resolve, 50));
  const ping = await fetchChecked(`http://127.0.0.1:${port}/api/v1/platform/ping`);
  t.same(ping.json, 'pong');
  child.kill('SIGTERM');
  t.same(await new Promise((resolve) => child.on('exit', (code) => resolve(code))), 0, 'SIGTERM drains and exits 0');
  t.match(await cli(['serve'], { PORT: 'eighty' }), { code: 1, all: /^PORT="eighty" is invalid/ });
});
