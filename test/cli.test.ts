// The CLI as operators run it: a child process on a real database file.
import { spawn } from 'node:child_process';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testDatabaseUrl } from './helpers/app.js';

const root = new URL('..', import.meta.url).pathname;

function cli(args: string[], env: Record<string, string>, input?: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli.ts`, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

t.test('create-admin: from --password or standard input; clear errors and exit codes', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), { code: 0, out: /created administrator chief \(id 1\)/ });
  t.match(await cli(['create-admin', 'deputy'], env, 'deputy-password\n'), { code: 0, out: /created administrator deputy/ });
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), { code: 1, out: /user chief already exists/ });
  t.match(await cli(['create-admin', 'weak', '--password', 'short'], env), { code: 1, out: /password must be at least 8 characters/ });
  t.match(await cli(['create-admin'], env), { code: 2, out: /usage: npm run cli -- <command>/ });
  t.match(await cli(['create-admin', 'x', '--password'], env), { code: 2, out: /usage/ });
  t.match(await cli(['frobnicate'], env), { code: 2, out: /usage/ });
  t.match(await cli(['create-admin', 'x', '--password', 'long-enough'], { DATABASE_URL: 'mysql://nope' }), { code: 1, out: /^DATABASE_URL=/ });

  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const login = await app.inject({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'deputy', password: 'deputy-password' } });
  t.match(login.json(), { errCode: 1000, data: { role: { code: 'admin' } } });
});

t.test('migrate: status, up, down, and clear usage', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.match(await cli(['migrate', 'status'], env), { code: 0, out: /^0001_initial {2}pending\n0002_accounts {2}pending\n0003_rate_limit {2}pending\n/ });
  t.match(await cli(['migrate'], env), { code: 0, out: /0001_initial: applied\n0002_accounts: applied\n0003_rate_limit: applied\n/ });
  t.match(await cli(['migrate', 'up'], env), { code: 0, out: /^up to date\n$/ });
  t.match(await cli(['migrate', 'status'], env), { code: 0, out: /0003_rate_limit {2}applied \d{4}-\d\d-\d\dT/ });
  t.match(await cli(['migrate', 'down'], env), { code: 0, out: /^0003_rate_limit: undone\n$/ });
  t.match(await cli(['migrate', 'status'], env), { code: 0, out: /0002_accounts {2}applied .*\n0003_rate_limit {2}pending\n/ });
  t.match(await cli(['migrate', 'sideways'], env), { code: 2, out: /usage: npm run cli -- <command>/ });
  t.match(await cli(['migrate', 'up'], env), { code: 0, out: /^0003_rate_limit: applied\n$/ });
});

t.test('migrate: instances migrating one fresh database at once wait for one another', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  const runs = await Promise.all(Array.from({ length: 4 }, () => cli(['migrate'], env)));
  t.same(runs.map((r) => r.code), [0, 0, 0, 0], runs.map((r) => r.out).join(''));
  t.equal(runs.filter((r) => /0001_initial: applied/.test(r.out)).length, 1, 'one of them applied the migrations');
  t.match(await cli(['migrate', 'status'], env), { code: 0, out: /0003_rate_limit {2}applied/ });
});
