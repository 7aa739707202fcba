import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { stripVTControlCharacters } from 'node:util';
import t from 'tap';
import { freePort } from '../scripts/free-port.js';
import { testDatabaseUrl } from './helpers/app.js';
import { assertMatchesSpec } from './helpers/contract.js';
import { fetchChecked, runServer, startServer } from './helpers/server.js';

const json = { 'content-type': 'application/json' };
const root = new URL('..', import.meta.url).pathname;

t.test('starts on a fresh directory: creates the data directory, migrates, serves', async (t) => {
  const cwd = t.testdir();
  const server = await startServer(t, {}, cwd);
  const ping = await fetchChecked(`${server.base}/api/v1/platform/ping`);
  t.equal(ping.json, 'pong');
  const address = await fetchChecked(`${server.base}/api/v1/platform/address`);
  t.match(address.json, /^127\.0\.0\.1:\d+$/);
  t.ok(existsSync(`${cwd}/data/cms.db`), 'the default database ./data/cms.db was created');
});

t.test('a bad variable stops start-up with one line naming it', async (t) => {
  const server = runServer({ PORT: 'eighty' });
  const { code } = await server.exited;
  t.equal(code, 1);
  t.equal(server.output().trim(), 'PORT="eighty" is invalid: expected an integer from 0 to 65535');
});

t.test('the generated secret is stored in the database: tokens survive a restart', async (t) => {
  const dir = t.testdir();
  const env = { DATABASE_URL: await testDatabaseUrl(dir) };
  const first = await startServer(t, env);
  const body = JSON.stringify({ username: 'keeper', password: 'pass-word' });
  await fetchChecked(`${first.base}/api/v1/user/register`, { method: 'POST', headers: json, body });
  const { json: login } = await fetchChecked(`${first.base}/api/v1/user/login`, {
    method: 'POST',
    headers: json,
    body,
  });
  first.child.kill('SIGTERM');
  t.equal((await first.exited).code, 0);

  const second = await startServer(t, env);
  const list = await fetchChecked(`${second.base}/api/v1/user/list`, { headers: { token: login.data.token } });
  t.equal(list.status, 200, 'the token from before the restart is accepted');

  const other = await startServer(t, { ...env, JWT_SECRET: 'a-different-secret-of-at-least-32-chars' });
  const rejected = await fetchChecked(`${other.base}/api/v1/user/list`, { headers: { token: login.data.token } });
  t.equal(rejected.status, 401, 'JWT_SECRET overrides the stored secret');
});

t.test('SIGTERM drains an in-flight request, then exits 0', async (t) => {
  const dir = t.testdir();
  const server = await startServer(t, { DATABASE_URL: await testDatabaseUrl(dir) });
  const body = JSON.stringify({ username: 'drained', password: 'pass-word' });
  const { port } = new URL(server.base);
  // Send half the body, signal, then the rest: the request is in flight when SIGTERM arrives.
  const response = new Promise<{ status: number; text: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/user/register',
          headers: { ...json, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, text, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    },
  );
  const started = Date.now();
  const { status, text, headers } = await response;
  await assertMatchesSpec({ method: 'POST', url: '/api/v1/user/register', status, headers, text });
  t.equal(status, 200);
  t.match(JSON.parse(text), { errCode: 0, data: { username: 'drained' } }, 'the in-flight registration completed');
  const { code } = await server.exited;
  t.equal(code, 0, 'exit code 0');
  t.ok(Date.now() - started < 10_000, 'within 10 s');
  t.match(server.output(), /"msg":"draining"/);
});

t.test(
  'logs: readable lines on a terminal, JSON lines otherwise, each naming its request',
  { skip: !existsSync('/usr/bin/script') && 'script(1) gives the server a terminal' },
  async (t) => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      PORT: String(port),
      LOG_LEVEL: 'info',
      DATABASE_URL: await testDatabaseUrl(t.testdir()),
    };
    // script(1) runs the server on a pseudo-terminal, as an operator at a shell would.
    const child = spawn(
      '/usr/bin/script',
      ['-qfec', `${process.execPath} --import tsx ${root}src/server.ts`, '/dev/null'],
      { env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    t.teardown(() => child.kill('SIGKILL'));
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    while (!out.includes('Server listening')) await new Promise((resolve) => setTimeout(resolve, 50));
    await fetchChecked(`http://127.0.0.1:${port}/api/v1/platform/ping`, { headers: { 'x-request-id': 'tty-check' } });
    while (!out.includes('request completed')) await new Promise((resolve) => setTimeout(resolve, 50));
    const plain = stripVTControlCharacters(out);
    t.match(plain, /INFO \(\d+\): Server listening/, 'pino-pretty on a terminal');
    t.notMatch(plain, /"level":30/, 'no JSON on a terminal');
    t.match(plain, /reqId: "tty-check"/, 'the request id on its lines');

    const piped = await startServer(t, { DATABASE_URL: await testDatabaseUrl(t.testdir()) });
    await fetchChecked(`${piped.base}/api/v1/platform/ping`, { headers: { 'x-request-id': 'pipe-check' } });
    while (!piped.output().includes('request completed')) await new Promise((resolve) => setTimeout(resolve, 50));
    const lines = piped
      .output()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reqId?: string; msg: string });
    t.ok(
      lines.filter((line) => line.reqId === 'pipe-check').length >= 2,
      "JSON lines, the request id on each of the request's",
    );
  },
);
