// The single-file deploy: `npm run build` into a directory outside the checkout (so no node_modules is in reach),
// then the built cms.js serves the seed operations and runs its CLI commands.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { deployedNodeOptions } from '../scripts/deployed-node-options.js';
import { freePort } from '../scripts/free-port.js';
import { codeCacheFile } from '../src/perf/codeCache.js';
import { onPostgres, testDatabaseUrl } from './helpers/app.js';
import { fetchChecked } from './helpers/server.js';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

t.test('npm run build: node cms.js serve answers the seed operations with no node_modules around', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cms-build-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'dist');
  await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts'), out], { cwd: root });
  const env = {
    PATH: process.env.PATH,
    DATABASE_URL: onPostgres ? await testDatabaseUrl(dir) : `sqlite:${dir}/data/cms.db`,
  };
  const cms = (...args: string[]) => run(process.execPath, [join(out, 'cms.js'), ...args], { cwd: dir, env });

  t.match((await cms('openapi')).stdout, /^openapi: 3\.0\.3\n/, 'cms openapi');
  // The code caches (src/perf/codeCache.ts): one for node as started here and one for the deployed heap flags,
  // each taken by V8 (the entry says on standard error when V8 refuses one).
  for (const nodeOptions of ['', deployedNodeOptions]) {
    const withFlags = { ...env, NODE_OPTIONS: nodeOptions };
    const tag = Number(
      (await run(process.execPath, ['-p', 'require("v8").cachedDataVersionTag()'], { env: withFlags })).stdout,
    );
    t.ok(existsSync(codeCacheFile(out, tag)), `a code cache for NODE_OPTIONS="${nodeOptions}"`);
    const started = await run(process.execPath, [join(out, 'cms.js'), 'openapi'], { cwd: dir, env: withFlags });
    t.equal(started.stderr, '', `NODE_OPTIONS="${nodeOptions}": V8 takes it`);
  }
  t.match((await cms('migrate')).stdout, /0001_initial: applied/, 'cms migrate');
  t.match(
    (await cms('create-admin', 'boss', '--password', 'boss-password')).stdout,
    /created administrator boss/,
    'cms create-admin',
  );

  const port = await freePort();
  const server = spawn(process.execPath, [join(out, 'cms.js'), 'serve'], {
    cwd: dir,
    env: { ...env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const post = (path: string, body: object) =>
    fetchChecked(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  t.same((await fetchChecked(`${base}/api/v1/platform/ping`)).json, 'pong');
  t.equal((await fetchChecked(`${base}/api/v1/platform/address`)).status, 200);
  t.equal((await post('/api/v1/user/register', { username: 'built', password: 'built-password' })).json.errCode, 0);
  t.equal(
    (await post('/api/v1/user/register', { username: 'built2' })).json.errCode,
    1002,
    'request validation from the shipped openapi.json',
  );
  const login = await post('/api/v1/user/login', { username: 'boss', password: 'boss-password' });
  t.equal(login.json.errCode, 1000);
  const list = await fetchChecked(`${base}/api/v1/user/list`, { headers: { token: login.json.data.token } });
  t.same(
    list.json.data.items.map((u: { username: string }) => u.username),
    ['boss', 'built'],
  );
  for (const keyword of ['uil', 'b']) {
    const found = await fetchChecked(`${base}/api/v1/user/list?keyword=${keyword}`, {
      headers: { token: login.json.data.token },
    });
    t.same(
      found.json.data.items.map((u: { username: string }) => u.username),
      keyword === 'b' ? ['boss', 'built'] : ['built'],
      `keyword ${keyword}: the reader thread is in the build`,
    );
  }
  t.match((await fetchChecked(`${base}/metrics`)).text, /http_request_duration_seconds_bucket/);
  t.equal((await fetchChecked(`${base}/docs/swagger-ui-bundle.js`)).status, 200, 'the docs files are in the build');
  for (const file of ['console', 'console/console.js', 'console/console.css'])
    t.equal((await fetchChecked(`${base}/${file}`)).status, 200, `/${file} is in the build`);
  // The YAML parser is bundled, run only at the first request for the spec.
  t.match(
    (await fetchChecked(`${base}/openapi.yaml`)).text,
    /^openapi: 3\.0\.3\n/,
    'openapi.yaml, through the YAML parser',
  );
  t.equal((await fetchChecked(`${base}/openapi.json`)).json.openapi, '3.0.3', 'openapi.json');
  server.kill('SIGTERM');
  t.equal(await new Promise((resolve) => server.on('exit', resolve)), 0, 'SIGTERM: exit 0');
});

t.test(
  'a code cache that does not fit (another node, a damaged file) is set aside, and the build still runs',
  async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'cms-build-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'dist');
    await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts'), out], { cwd: root });
    const tag = Number(
      (await run(process.execPath, ['-p', 'require("v8").cachedDataVersionTag()'], { env: { PATH: process.env.PATH } }))
        .stdout,
    );
    writeFileSync(codeCacheFile(out, tag), Buffer.alloc(4096, 7));
    const started = await run(process.execPath, [join(out, 'cms.js'), 'openapi'], {
      cwd: dir,
      env: { PATH: process.env.PATH },
    });
    t.match(started.stdout, /^openapi: 3\.0\.3\n/, 'cms openapi answers');
    t.match(
      started.stderr,
      /cms\.cache\/v\d+.* does not fit this node; starting without it/,
      'and says why it starts slower',
    );
  },
);
