// The CLI as operators run it: a child process on a real database file. The administrator commands are in
// accounts-cli.test.ts (each file has its own time limit, and every command run starts a process).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { migrations } from '../db/migrations/index.js';
import { freePort } from '../scripts/free-port.js';
import { testDatabaseUrl } from './helpers/app.js';
import { cli } from './helpers/cli.js';
import { fetchChecked } from './helpers/server.js';

const root = new URL('..', import.meta.url).pathname;

t.test('migrate: status, up, down, and clear usage', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  // The migrations as the build lists them: the last is undone and applied again.
  const names = Object.keys(migrations);
  const [previous, last] = names.slice(-2) as [string, string];
  t.match(await cli(['migrate', 'status'], env), {
    code: 0,
    all: new RegExp(`^${names.map((name) => `${name} {2}pending\\n`).join('')}`),
  });
  t.match(await cli(['migrate'], env), {
    code: 0,
    all: new RegExp(names.map((name) => `${name}: applied\\n`).join('')),
  });
  t.match(await cli(['migrate', 'up'], env), { code: 0, all: /^up to date\n$/ });
  t.match(await cli(['migrate', 'status'], env), {
    code: 0,
    all: new RegExp(`${last} {2}applied \\d{4}-\\d\\d-\\d\\dT`),
  });
  t.match(await cli(['migrate', 'down'], env), { code: 0, all: new RegExp(`^${last}: undone\\n$`) });
  t.match(await cli(['migrate', 'status'], env), {
    code: 0,
    all: new RegExp(`${previous} {2}applied .*\\n${last} {2}pending\\n`),
  });
  t.match(await cli(['migrate', 'sideways'], env), {
    code: 2,
    err: /migrate up, down or status, not sideways\nusage: cms migrate/,
  });
  t.match(await cli(['migrate', 'up'], env), { code: 0, all: new RegExp(`^${last}: applied\\n$`) });
});

t.test('migrate: instances migrating one fresh database at once wait for one another', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  const runs = await Promise.all(Array.from({ length: 4 }, () => cli(['migrate'], env)));
  t.same(
    runs.map((r) => r.code),
    [0, 0, 0, 0],
    runs.map((r) => r.all).join(''),
  );
  t.equal(runs.filter((r) => /0001_initial: applied/.test(r.all)).length, 1, 'one of them applied the migrations');
  t.match(await cli(['migrate', 'status'], env), { code: 0, all: /0004_scale {2}applied/ });
});

t.test('openapi prints the document; serve runs the server', async (t) => {
  t.match(await cli(['openapi'], {}), {
    code: 0,
    all: readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8'),
  });
  t.match(await cli(['openapi', 'extra'], {}), { code: 2, all: /usage/ });
  t.match(await cli(['serve', 'now'], {}), { code: 2, all: /usage/ });

  const port = await freePort();
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()), PORT: String(port), LOG_LEVEL: 'info' };
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli.ts`, 'serve'], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

t.test("--help prints usage to standard output and exits 0: the whole, or one command's", async (t) => {
  for (const asked of [['--help'], ['-h'], ['help']]) {
    const run = await cli(asked, {});
    t.match(run, { code: 0, err: '' }, asked.join(' '));
    for (const command of ['serve', 'create-admin', 'reset-password', 'import-legacy', 'openapi', 'migrate'])
      t.match(run.out, new RegExp(`^  ${command}\\b`, 'm'));
  }
  t.match(await cli(['create-admin', '--help'], {}), {
    code: 0,
    err: '',
    out: /^usage: cms create-admin <username> \[--password <password>\]\n {6}The password is asked for/,
  });
  t.match(await cli(['migrate', '-h'], {}), {
    code: 0,
    err: '',
    out: /^usage: cms migrate \[up \| down \| status\]\n/,
  });
  t.match(await cli([], {}), { code: 2, err: /^cms: a command is required\nusage: cms <command>/, out: '' });
});
