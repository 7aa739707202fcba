// The scenario through the client @hey-api/openapi-ts generates (its fetch client): every operation, as a consumer
// would call it. Throws on the first thing that is not as the API promises.
import assert from 'node:assert/strict';
import { createClient } from '../generated/hey-api/client/index.js';
import * as sdk from '../generated/hey-api/sdk.gen.js';
import type { Run } from './run.js';

export const run: Run = async ({ base, fetch, admin }) => {
  const client = createClient({ baseUrl: base, fetch });
  const as = (token: string) => ({ client, headers: { token } });

  assert.equal((await sdk.ping({ client })).data, 'pong');
  assert.match((await sdk.getAddress({ client })).data ?? '', /^127\.0\.0\.1:\d+$/);
  assert.equal((await sdk.ready({ client })).data?.errCode, 0);

  const rootLogin = (await sdk.login({ client, body: admin })).data;
  assert.equal(rootLogin?.errCode, 1000);
  const root = as(rootLogin.data.token);
  for (const username of ['alice', 'bob']) {
    assert.equal((await sdk.register({ client, body: { username, password: 'alice-password' } })).data?.errCode, 0);
  }
  const aliceLogin = (await sdk.login({ client, body: { username: 'alice', password: 'alice-password' } })).data;
  assert.equal(aliceLogin?.errCode, 1000);

  const page = (await sdk.listUsers({ ...root, query: { pageSize: 2 } })).data;
  assert.equal(page?.errCode, 0);
  assert.equal(page.data.total, 3);
  const cursor = page.data.nextCursor;
  assert.ok(cursor);
  const next = (await sdk.listUsers({ ...root, query: { cursor, pageSize: 2 } })).data;
  assert.deepEqual(
    next?.data.items.map((u) => u.username),
    ['bob'],
  );
  const found = (await sdk.listUsers({ ...root, query: { keyword: 'ALI' } })).data;
  const alice = found?.data.items[0];
  assert.equal(alice?.username, 'alice');
  const bob = next.data.items[0]!;

  assert.equal((await sdk.getUser({ ...root, path: { id: alice.id } })).data?.data.username, 'alice');
  assert.equal((await sdk.updateUser({ ...root, body: { username: 'alice', status: false } })).data?.errCode, 0);
  assert.equal((await sdk.updateUser({ ...root, body: { username: 'alice', status: true } })).data?.errCode, 0);
  assert.equal((await sdk.setUserRole({ ...root, path: { id: alice.id }, body: { role_id: 2 } })).data?.errCode, 0);
  assert.equal((await sdk.unlockUser({ ...root, path: { id: alice.id } })).data?.errCode, 0);
  assert.equal((await sdk.listLoginRecords({ ...root, path: { id: alice.id } })).data?.errCode, 0);
  const reset = await sdk.resetPassword({ ...root, path: { id: alice.id }, body: { new_password: 'reset-password' } });
  assert.equal(reset.data?.errCode, 0);
  const again = (await sdk.login({ client, body: { username: 'alice', password: 'reset-password' } })).data;
  assert.equal(again?.errCode, 1000);
  const changed = await sdk.changePassword({
    ...as(again.data.token),
    body: { old_password: 'reset-password', new_password: 'changed-password' },
  });
  assert.equal(changed.data?.errCode, 0);
  assert.equal(
    (await sdk.login({ client, body: { username: 'alice', password: 'changed-password' } })).data?.errCode,
    1000,
  );
  const sessions = (await sdk.listSessions({ ...root, path: { id: alice.id } })).data?.data.items ?? [];
  assert.equal(sessions.length, 1);
  const sessionId = sessions[0]!.id;
  assert.equal((await sdk.endSession({ ...root, path: { id: alice.id, sessionId } })).data?.errCode, 0);
  assert.equal((await sdk.endSessions({ ...root, path: { id: alice.id } })).data?.data.ended, 0);

  const rootId = { id: page.data.user.id };
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await sdk.createAccessToken({
    ...root,
    path: rootId,
    body: { name: 'ci', scopes: ['user:read'], expiresAt },
  });
  assert.equal(created.response.status, 201);
  const secret = created.data?.data.secret ?? '';
  assert.match(secret, /^cms_pat_/);
  assert.equal((await sdk.listUsers({ ...as(secret) })).data?.data.total, 3, 'the access token reads with its scope');
  const tokens = (await sdk.listAccessTokens({ ...root, path: rootId })).data?.data.items ?? [];
  assert.deepEqual(
    tokens.map((token) => token.name),
    ['ci'],
  );
  const revoked = await sdk.revokeAccessToken({ ...root, path: { ...rootId, patId: tokens[0]!.id } });
  assert.equal(revoked.data?.errMsg, 'access token revoked');

  const role = (
    await sdk.createRole({ ...root, body: { name: 'Auditor', code: 'auditor', permissions: ['audit:read'] } })
  ).data;
  assert.equal(role?.errCode, 0);
  const updated = await sdk.updateRole({ ...root, path: { id: role.data.id }, body: { desc: 'reads the audit log' } });
  assert.equal(updated.data?.data.desc, 'reads the audit log');
  assert.ok((await sdk.listRoles({ ...root })).data?.data.items.some((r) => r.code === 'auditor'));
  assert.equal((await sdk.deleteRole({ ...root, path: { id: role.data.id } })).data?.errCode, 0);

  const before = (await sdk.getSecuritySettings({ ...root })).data?.data;
  assert.ok(before);
  const after = (await sdk.updateSecuritySettings({ ...root, body: { lockTime: 45 } })).data?.data;
  assert.deepEqual(after, { ...before, lockTime: 45 }, 'a partial update changes what it names, nothing else');
  assert.ok(((await sdk.listAudit({ ...root })).data?.data.items.length ?? 0) > 0);

  assert.match((await sdk.getMetrics({ client })).data ?? '', /http_request_duration_seconds/);
  // Its fetch client reads application/* (but JSON) as a Blob unless told: the type says string, so read it so.
  assert.match((await sdk.getSpecYaml({ client, parseAs: 'text' })).data ?? '', /^openapi: 3\.0\.3$/m);
  assert.equal((await sdk.getSpecJson({ client })).data?.openapi, '3.0.3');
  assert.match((await sdk.getDocs({ client })).data ?? '', /<html/i);
  // Scripts and style sheets are files to its types (a Blob): read them as such.
  const script = (await sdk.getDocsScript({ client, path: { script: 'docs.js' }, parseAs: 'blob' })).data;
  assert.match((await script?.text()) ?? '', /SwaggerUIBundle/);
  const style = (await sdk.getDocsStyle({ client, parseAs: 'blob' })).data;
  assert.match((await style?.text()) ?? '', /\.swagger-ui/);
  assert.match((await sdk.getConsole({ client })).data ?? '', /<html/i);
  const consoleScript = (await sdk.getConsoleScript({ client, parseAs: 'blob' })).data;
  assert.match((await consoleScript?.text()) ?? '', /Generated from src\/console/);
  const consoleStyle = (await sdk.getConsoleStyle({ client, parseAs: 'blob' })).data;
  assert.match((await consoleStyle?.text()) ?? '', /Generated from src\/console/);

  assert.equal((await sdk.deleteUsers({ ...root, body: { ids: [bob.id] } })).data?.errCode, 0);
  const aliceNow = (await sdk.login({ client, body: { username: 'alice', password: 'changed-password' } })).data;
  assert.equal(aliceNow?.errCode, 1000);
  assert.equal((await sdk.logout({ ...as(aliceNow.data.token) })).data?.errCode, 0);
  const refused = await sdk.getUser({ ...as(aliceNow.data.token), path: { id: alice.id } });
  assert.equal(refused.response.status, 401, 'the token is revoked by logout');
};
