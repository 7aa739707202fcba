// The single-file deploy: `npm run build` into a directory outside the checkout (so no node_modules is in reach),
// then the built cms.js serves the seed operations and runs its CLI commands.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { freePort } from '../scripts/free-port.js';
import { onPostgres, testDatabaseUrl } from './helpers/app.js';
import { fetchChecked } from './helpers/server.js';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

t.test('npm run build: node cms.js serve answers the seed operations with no node_modules around', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cms-build-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'dist');
  await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts'), out], { cwd: root });
  const env = { PATH: process.env.PATH, DATABASE_URL: onPostgres ? await testDatabaseUrl(dir) : `sqlite:${dir}/data/cms.db` };
  const cms = (...args: string[]) => run(process.execPath, [join(out, 'cms.js'), ...args], { cwd: dir, env });

  t.match((await cms('openapi')).stdout, /^openapi: 3\.0\.3\n/, 'cms openapi');
  t.match((await cms('migrate')).stdout, /0001_initial: applied/, 'cms migrate');
  t.match((await cms('create-admin', 'boss', '--password', 'boss-password')).stdout, /created administrator boss/, 'cms create-admin');

  const port = await freePort();
  const server = spawn(process.execPath, [join(out, 'cms.js'), 'serve'], { cwd: dir, env: { ...env, PORT: String(port), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  t.teardown(() => server.kill('SIGKILL'));
  let output = '';
  server.stdout.on('data', (chunk) => (output += chunk));
  server.stderr.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20_000;
  while (!output.includes('Server listening')) {
    if (server.exitCode !== null || Date.now() > deadline) throw new Error(`the build did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const base = `http://127.0.0.1:${port}`;
  const post = (path: string, body: object) => fetchChecked(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  t.same((await fetchChecked(`${base}/api/v1/platform/ping`)).json, 'pong');
  t.equal((await fetchChecked(`${base}/api/v1/platform/address`)).status, 200);
  t.equal((await post('/api/v1/user/register', { username: 'built', password: 'built-password' })).json.errCode, 0);
  t.equal((await post('/api/v1/user/register', { username: 'built2' })).json.errCode, 1002, 'request validation from the shipped openapi.json');
  const login = await post('/api/v1/user/login', { username: 'boss', password: 'boss-password' });
  t.equal(login.json.errCode, 1000);
  const list = await fetchChecked(`${base}/api/v1/user/list`, { headers: { token: login.json.data.token } });
  t.same(list.json.data.items.map((u: { username: string }) => u.username), ['boss', 'built']);
  for (const keyword of ['uil', 'b']) {
    const found = await fetchChecked(`${base}/api/v1/user/list?keyword=${keyword}`, { headers: { token: login.json.data.token } });
    t.same(found.json.data.items.map((u: { username: string }) => u.username), keyword === 'b' ? ['boss', 'built'] : ['built'], `keyword ${keyword}: the reader thread is in the build`);
  }
  t.match((await fetchChecked(`${base}/metrics`)).text, /http_request_duration_seconds_bucket/);
  t.equal((await fetchChecked(`${base}/docs/swagger-ui-bundle.js`)).status, 200, 'the docs files are in the build');
  // The YAML parser is a chunk of its own, loaded at the first request for the spec.
  t.match((await fetchChecked(`${base}/openapi.yaml`)).text, /^openapi: 3\.0\.3\n/, 'openapi.yaml, through the YAML chunk');
  t.equal((await fetchChecked(`${base}/openapi.json`)).json.openapi, '3.0.3', 'openapi.json');
  server.kill('SIGTERM');
  t.equal(await new Promise((resolve) => server.on('exit', resolve)), 0, 'SIGTERM: exit 0');
});
