// The administrator commands of the CLI as operators run them: a child process on a real database file.
import { spawn } from 'node:child_process';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { testDatabaseUrl } from './helpers/app.js';
import { cli } from './helpers/cli.js';

t.test('create-admin: from --password or standard input; clear errors and exit codes', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), {
    code: 0,
    all: /created administrator chief \(id 1\)/,
  });
  t.match(await cli(['create-admin', 'deputy'], env, 'deputy-password\n'), {
    code: 0,
    all: /created administrator deputy/,
  });
  t.match(await cli(['create-admin', 'chief', '--password', 'chief-password'], env), {
    code: 1,
    all: /user chief already exists/,
  });
  t.match(await cli(['create-admin', 'weak', '--password', 'short'], env), {
    code: 1,
    all: /password must be at least 8 characters/,
  });
  t.match(await cli(['create-admin'], env), {
    code: 2,
    err: /^cms create-admin: missing <username>\nusage: cms create-admin <username> \[--password <password>\]/,
  });
  t.match(await cli(['create-admin', 'x', '--password'], env), {
    code: 2,
    err: /--password <value>' argument missing[\s\S]*usage: cms create-admin/,
  });
  t.match(await cli(['create-admin', 'x', '--pasword', 'typo-password'], env), {
    code: 2,
    err: /Unknown option '--pasword'/,
    out: '',
  });
  t.match(await cli(['create-admin', 'x', 'y'], env), { code: 2, err: /unexpected argument: y/ });
  t.match(await cli(['frobnicate'], env), { code: 2, err: /^cms: unknown command frobnicate\nusage: cms <command>/ });
  t.match(await cli(['create-admin', 'x', '--password', 'long-enough'], { DATABASE_URL: 'mysql://nope' }), {
    code: 1,
    all: /^DATABASE_URL=/,
  });

  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/user/login',
    payload: { username: 'deputy', password: 'deputy-password' },
  });
  t.match(login.json(), { errCode: 1000, data: { role: { code: 'admin' } } });
});

t.test('reset-password: from --password or standard input; the user must change it; clear errors', async (t) => {
  const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
  t.equal((await cli(['create-admin', 'chief', '--password', 'chief-password'], env)).code, 0);
  const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
  t.teardown(() => app.close());
  const login = (password: string) =>
    app
      .inject({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'chief', password } })
      .then((r) => r.json());
  const before = (await login('chief-password')).data.token as string;

  t.match(await cli(['reset-password', 'chief', '--password', 'fresh-password'], env), {
    code: 0,
    all: /password of chief reset; it must be changed at the next login/,
  });
  t.equal((await login('chief-password')).errCode, 1003, 'the old password no longer works');
  const after = await login('fresh-password');
  t.match(after, { errCode: 1000 });
  t.equal(
    (await app.inject({ url: '/api/v1/user/list', headers: { token: before } })).statusCode,
    401,
    'sessions from before are ended',
  );
  t.equal(
    (await app.inject({ url: '/api/v1/user/list', headers: { token: after.data.token } })).json().errCode,
    1011,
    'the new password must be changed first',
  );
  t.match(await cli(['reset-password', 'chief'], env, 'piped-password\n'), { code: 0 });
  t.match(await login('piped-password'), { errCode: 1000 });

  t.match(await cli(['reset-password', 'nobody', '--password', 'long-enough'], env), {
    code: 1,
    all: /user nobody not found/,
  });
  t.match(await cli(['reset-password', 'chief', '--password', 'short'], env), {
    code: 1,
    all: /password must be at least 8 characters/,
  });
  t.match(await cli(['reset-password'], env), { code: 2, err: /missing <username>\nusage: cms reset-password/ });
});

t.test(
  'on a terminal, the password is asked for and not echoed',
  { skip: process.platform !== 'linux' && 'script(1) from util-linux gives the terminal' },
  async (t) => {
    const env = { DATABASE_URL: await testDatabaseUrl(t.testdir()) };
    const command = `${JSON.stringify(process.execPath)} --import tsx src/cli.ts create-admin keyboard`;
    // script(1) runs the command on a pseudo-terminal of its own, fed by our pipe.
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    while (!out.includes('password:')) await new Promise((resolve) => setTimeout(resolve, 50));
    child.stdin.write('typed-on-keys\r');
    const code = await new Promise((resolve) => child.on('exit', resolve));
    t.equal(code, 0, out);
    t.match(out, /created administrator keyboard/);
    t.notMatch(out, /typed-on-keys/, 'what was typed is not shown');
    const app = await buildApp({ ...loadConfig({ ...env, LOG_LEVEL: 'silent' }) });
    t.teardown(() => app.close());
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/user/login',
      payload: { username: 'keyboard', password: 'typed-on-keys' },
    });
    t.equal(login.json().errCode, 1000, 'the typed password is the one set');
  },
);
