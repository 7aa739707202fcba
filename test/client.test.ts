// The typed client as consumers use it: openapi-fetch with the generated types, against the listening server,
// for every operation of the spec; and the README's example, type-checked and run from the packed package.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import createClient from 'openapi-fetch';
import t from 'tap';
import type { paths } from '../generated/openapi.js';
import { loadSpec } from '../src/http/contract/spec.js';
import { testDatabaseUrl } from './helpers/app.js';
import { assertMatchesSpec } from './helpers/contract.js';
import { startServer } from './helpers/server.js';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);

/** fetch, with every answer checked against the spec before the client sees it. */
async function checkedFetch(request: Request): Promise<Response> {
  const response = await fetch(request);
  const { pathname, search } = new URL(request.url);
  await assertMatchesSpec({
    method: request.method,
    url: pathname + search,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: await response.clone().text(),
  });
  return response;
}

t.test('every operation through openapi-fetch and the generated types, on the listening server', async (t) => {
  const server = await startServer(t, {
    DATABASE_URL: await testDatabaseUrl(t.testdir()),
    ADMIN_USERNAME: 'boss',
    ADMIN_PASSWORD: 'boss-password',
  });
  const api = createClient<paths>({ baseUrl: server.base, fetch: checkedFetch });
  const called = new Set<string>();
  api.use({ onRequest: ({ schemaPath, request }) => void called.add(`${request.method} ${schemaPath}`) });

  t.equal((await api.GET('/api/v1/platform/ping')).data, 'pong');
  t.match((await api.GET('/api/v1/platform/address')).data, /^127\.0\.0\.1:\d+$/);
  t.equal((await api.GET('/api/v1/platform/ready')).data?.errCode, 0);
  t.match((await api.GET('/metrics', { parseAs: 'text' })).data, /http_request_duration_seconds/);
  t.match((await api.GET('/openapi.yaml', { parseAs: 'text' })).data, /^openapi: 3\.0\.3/);
  t.equal((await api.GET('/openapi.json')).data?.openapi, '3.0.3');
  t.match((await api.GET('/docs', { parseAs: 'text' })).data, /swagger-ui/);
  t.ok((await api.GET('/docs/{script}', { params: { path: { script: 'docs.js' } }, parseAs: 'text' })).data);
  t.ok((await api.GET('/docs/swagger-ui.css', { parseAs: 'text' })).data);
  t.match((await api.GET('/console', { parseAs: 'text' })).data, /<html/);
  t.match((await api.GET('/console/console.js', { parseAs: 'text' })).data, /Generated from src\/console/);
  t.match((await api.GET('/console/console.css', { parseAs: 'text' })).data, /Generated from src\/console/);

  const credentials = (username: string) => ({ username, password: `${username}-password` });
  t.equal((await api.POST('/api/v1/user/register', { body: credentials('alice') })).data?.errCode, 0);
  const bob = (await api.POST('/api/v1/user/register', { body: credentials('bob') })).data;
  if (bob?.errCode !== 0) throw new Error('bob was not registered');
  const login = (await api.POST('/api/v1/user/login', { body: credentials('boss') })).data;
  if (login?.errCode !== 1000) throw new Error('the administrator cannot log in');
  const headers = { token: login.data.token };
  const id = bob.data.id;

  t.same(
    (await api.GET('/api/v1/user/list', { params: { query: { keyword: 'b' } }, headers })).data?.data.items.map(
      (u) => u.username,
    ),
    ['boss', 'bob'],
  );
  t.equal((await api.GET('/api/v1/user/{id}', { params: { path: { id } }, headers })).data?.data.username, 'bob');
  const role = (
    await api.POST('/api/v1/role', {
      body: { name: 'Auditors', code: 'auditor', permissions: ['audit:read'] },
      headers,
    })
  ).data;
  if (role?.errCode !== 0) throw new Error('no role');
  t.same(
    (
      await api.PUT('/api/v1/role/{id}', {
        params: { path: { id: role.data.id } },
        body: { desc: 'read the audit log' },
        headers,
      })
    ).data?.data.desc,
    'read the audit log',
  );
  t.equal((await api.GET('/api/v1/role', { params: { query: { pageSize: 10 } }, headers })).data?.data.total, 3);
  t.equal(
    (await api.PUT('/api/v1/user/{id}/role', { params: { path: { id } }, body: { role_id: role.data.id }, headers }))
      .data?.data.role.code,
    'auditor',
  );
  t.equal(
    (await api.PUT('/api/v1/user/{id}/role', { params: { path: { id } }, body: { role_id: 2 }, headers })).data?.data
      .role.code,
    'user',
  );
  t.equal(
    (await api.DELETE('/api/v1/role/{id}', { params: { path: { id: role.data.id } }, headers })).response.status,
    200,
  );
  t.equal((await api.POST('/api/v1/user/{id}/unlock', { params: { path: { id } }, headers })).data?.errCode, 0);
  t.equal(
    (
      await api.POST('/api/v1/user/{id}/resetPassword', {
        params: { path: { id } },
        body: { new_password: 'reset-password' },
        headers,
      })
    ).data?.errCode,
    0,
  );
  t.equal(
    (await api.GET('/api/v1/user/{id}/loginRecords', { params: { path: { id: login.data.role.id } }, headers }))
      .response.status,
    200,
  );
  t.equal(
    (await api.POST('/api/v1/user/update', { body: { username: 'bob', status: false }, headers })).data?.data.status,
    false,
  );
  t.same((await api.DELETE('/api/v1/user', { body: { ids: [id] }, headers })).data?.data, { deleted: [id] });
  t.equal((await api.GET('/api/v1/system/safe/settings', { headers })).data?.data.loginFail, 3);
  t.equal(
    (await api.POST('/api/v1/system/safe/settings', { body: { lockTime: 15 }, headers })).data?.data.lockTime,
    15,
  );
  t.ok((await api.GET('/api/v1/audit', { headers })).data?.data.total);

  const alice = (await api.POST('/api/v1/user/login', { body: credentials('alice') })).data;
  if (alice?.errCode !== 1000) throw new Error('alice cannot log in');
  const changed = await api.POST('/api/v1/user/changePassword', {
    body: { old_password: 'alice-password', new_password: 'alice-new-password' },
    headers: { token: alice.data.token },
  });
  t.equal(changed.data?.errCode, 0);
  const again = (await api.POST('/api/v1/user/login', { body: { username: 'alice', password: 'alice-new-password' } }))
    .data;
  if (again?.errCode !== 1000) throw new Error('the new password does not work');
  const bossId = (await api.GET('/api/v1/user/list', { headers })).data!.data.user.id;
  const sessions = (await api.GET('/api/v1/user/{id}/sessions', { params: { path: { id: bossId } }, headers })).data
    ?.data;
  t.equal(sessions?.items.filter((s) => s.current).length, 1, 'the current session is marked');
  const other = (await api.POST('/api/v1/user/login', { body: { username: 'alice', password: 'alice-new-password' } }))
    .data;
  if (other?.errCode !== 1000) throw new Error('alice cannot log in again');
  const aliceSessions = {
    params: {
      path: { id: (await api.GET('/api/v1/user/list', { headers: { token: other.data.token } })).data!.data.user.id },
    },
  };
  const listed = (await api.GET('/api/v1/user/{id}/sessions', { ...aliceSessions, headers })).data?.data.items ?? [];
  t.equal(listed.length, 2, "an administrator sees alice's two sessions");
  t.equal(
    (
      await api.DELETE('/api/v1/user/{id}/sessions/{sessionId}', {
        params: { path: { ...aliceSessions.params.path, sessionId: listed[0]!.id } },
        headers,
      })
    ).data?.errMsg,
    'session ended',
  );
  t.equal(
    (await api.DELETE('/api/v1/user/{id}/sessions', { ...aliceSessions, headers: { token: again.data.token } })).data
      ?.errMsg,
    'sessions ended',
  );

  const created = await api.POST('/api/v1/user/{id}/tokens', {
    params: { path: { id: bossId } },
    headers,
    body: { name: 'ci', scopes: ['user:read'], expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  t.equal(created.response.status, 201);
  const secret = created.data?.data.secret ?? '';
  t.match(secret, /^cms_pat_/);
  t.equal((await api.GET('/api/v1/user/list', { headers: { token: secret } })).data?.errCode, 0, 'the access token');
  const tokens = (await api.GET('/api/v1/user/{id}/tokens', { params: { path: { id: bossId } }, headers })).data?.data;
  t.equal(tokens?.items[0]?.name, 'ci');
  const revoked = await api.DELETE('/api/v1/user/{id}/tokens/{patId}', {
    params: { path: { id: bossId, patId: tokens!.items[0]!.id } },
    headers,
  });
  t.equal(revoked.data?.errMsg, 'access token revoked');
  t.equal((await api.POST('/api/v1/user/logout', { headers: { token: again.data.token } })).data?.errCode, 0);

  const operations = (await loadSpec()).getOperations();
  const missed = operations
    .filter((op) => !called.has(`${op.method.toUpperCase()} ${op.path}`))
    .map((op) => op.operationId);
  t.same(missed, [], 'every operation of the spec was called through the client');
});

t.test("the README's client example, from the packed package: type-checked, then run", async (t) => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const example = /<!-- client-example -->\n```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!example) throw new Error('README has no client example');
  const server = await startServer(t, { DATABASE_URL: await testDatabaseUrl(t.testdir()) });
  await createClient<paths>({ baseUrl: server.base }).POST('/api/v1/user/register', {
    body: { username: 'tester3', password: 'admin123' },
  });

  // A consumer's project: the package from `npm pack`, openapi-fetch, and nothing else of this checkout.
  const dir = mkdtempSync(join(tmpdir(), 'cms-consumer-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const { stdout } = await run('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: root });
  const installed = join(dir, 'node_modules', 'cloud-management-system');
  mkdirSync(installed, { recursive: true });
  await run('tar', ['-xzf', join(dir, stdout.trim().split('\n').pop()!), '-C', installed, '--strip-components=1']);
  for (const name of ['openapi-fetch', 'openapi-typescript-helpers', '@types/node']) {
    mkdirSync(join(dir, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(root, 'node_modules', name), join(dir, 'node_modules', name));
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(join(dir, 'example.ts'), example);
  const compilerOptions = {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: ['node'],
    noEmit: true,
    skipLibCheck: true,
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['example.ts'] }));

  const tsc = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir]).catch(
    (e: { stdout: string }) => e,
  );
  t.equal(tsc.stdout, '', 'the example type-checks against the published types');
  const output = await run(
    process.execPath,
    ['--import', `file://${join(root, 'node_modules/tsx/dist/esm/index.mjs')}`, 'example.ts'],
    { cwd: dir, env: { PATH: process.env.PATH, CMS_URL: server.base } },
  );
  t.equal(output.stdout, '1 tester3 (user)\n', 'it runs, and prints the users');
});
