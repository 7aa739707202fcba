// The scenario through the client openapi-zod-client generates (a Zodios client over axios, every answer parsed by
// its zod schema): every operation, as a consumer would call it. axios runs on its fetch adapter, so that every
// answer passes the checking fetch. Throws on the first thing that is not as promised.
import assert from 'node:assert/strict';
import { isAxiosError } from 'axios';
import { createApiClient } from '../generated/openapi-zod-client/api.js';
import type { Run } from './run.js';

export const run: Run = async ({ base, fetch, admin }) => {
  const api = createApiClient(base, { axiosConfig: { adapter: 'fetch', env: { fetch } } });
  const as = (token: string) => ({ headers: { token } });
  const token = (answer: { errCode: number; data: object }) => {
    assert.equal(answer.errCode, 1000);
    return (answer.data as { token: string }).token;
  };

  assert.equal(await api.ping(), 'pong');
  assert.match(await api.getAddress(), /^127\.0\.0\.1:\d+$/);
  assert.equal((await api.ready()).errCode, 0);

  const root = as(token(await api.login(admin)));
  for (const username of ['alice', 'bob']) {
    assert.equal((await api.register({ username, password: 'alice-password' })).errCode, 0);
  }
  token(await api.login({ username: 'alice', password: 'alice-password' }));

  const page = (await api.listUsers({ ...root, queries: { pageSize: 2 } })).data;
  assert.equal(page.total, 3);
  assert.ok(page.nextCursor);
  const next = (await api.listUsers({ ...root, queries: { cursor: page.nextCursor, pageSize: 2 } })).data;
  const bob = next.items[0]!;
  assert.equal(bob.username, 'bob');
  const alice = (await api.listUsers({ ...root, queries: { keyword: 'ALI' } })).data.items[0]!;
  assert.equal(alice.username, 'alice');
  const id = { params: { id: alice.id } };

  assert.equal((await api.getUser({ ...root, ...id })).data.username, 'alice');
  assert.equal((await api.updateUser({ username: 'alice', status: false }, root)).errCode, 0);
  assert.equal((await api.updateUser({ username: 'alice', status: true }, root)).errCode, 0);
  assert.equal((await api.setUserRole({ role_id: 2 }, { ...root, ...id })).errCode, 0);
  // A bodiless POST as axios sends it.
  assert.equal((await api.unlockUser(undefined, { ...root, ...id })).errCode, 0);
  assert.equal((await api.listLoginRecords({ ...root, ...id })).errCode, 0);
  assert.equal((await api.resetPassword({ new_password: 'reset-password' }, { ...root, ...id })).errCode, 0);
  const again = as(token(await api.login({ username: 'alice', password: 'reset-password' })));
  const changed = await api.changePassword({ old_password: 'reset-password', new_password: 'changed-password' }, again);
  assert.equal(changed.errCode, 0);
  token(await api.login({ username: 'alice', password: 'changed-password' }));
  const sessions = (await api.listSessions({ ...root, ...id })).data.items;
  assert.equal(sessions.length, 1);
  const session = { params: { id: alice.id, sessionId: sessions[0]!.id } };
  assert.equal((await api.endSession(undefined, { ...root, ...session })).errCode, 0);
  assert.equal((await api.endSessions(undefined, { ...root, ...id })).data.ended, 0);

  const rootId = { params: { id: page.user.id } };
  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await api.createAccessToken({ name: 'ci', scopes: ['user:read'], expiresAt }, { ...root, ...rootId });
  assert.match(created.data.secret, /^cms_pat_/);
  assert.equal((await api.listUsers(as(created.data.secret))).data.total, 3, 'the access token reads with its scope');
  const tokens = (await api.listAccessTokens({ ...root, ...rootId })).data.items;
  assert.deepEqual(
    tokens.map((token) => token.name),
    ['ci'],
  );
  const patId = { params: { id: page.user.id, patId: tokens[0]!.id } };
  assert.equal((await api.revokeAccessToken(undefined, { ...root, ...patId })).errMsg, 'access token revoked');

  const role = await api.createRole({ name: 'Auditor', code: 'auditor', permissions: ['audit:read'] }, root);
  const roleId = { params: { id: role.data.id } };
  assert.equal(
    (await api.updateRole({ desc: 'reads the audit log' }, { ...root, ...roleId })).data.desc,
    'reads the audit log',
  );
  assert.ok((await api.listRoles(root)).data.items.some((r) => r.code === 'auditor'));
  assert.equal((await api.deleteRole(undefined, { ...root, ...roleId })).errCode, 0);

  const before = (await api.getSecuritySettings(root)).data;
  const after = (await api.updateSecuritySettings({ lockTime: 45 }, root)).data;
  assert.deepEqual(after, { ...before, lockTime: 45 }, 'a partial update changes what it names, nothing else');
  assert.ok((await api.listAudit(root)).data.items.length > 0);

  assert.match(await api.getMetrics(), /http_request_duration_seconds/);
  assert.match(await api.getSpecYaml(), /^openapi: 3\.0\.3$/m);
  assert.equal((await api.getSpecJson()).openapi, '3.0.3');
  assert.match(await api.getDocs(), /<html/i);
  assert.match(await api.getDocsScript({ params: { script: 'docs.js' } }), /SwaggerUIBundle/);
  assert.match(await api.getDocsStyle(), /\.swagger-ui/);
  assert.match(await api.getConsole(), /<html/i);
  assert.match(await api.getConsoleScript(), /Generated from src\/console/);
  assert.match(await api.getConsoleStyle(), /Generated from src\/console/);

  assert.equal((await api.deleteUsers({ ids: [bob.id] }, root)).errCode, 0);
  const aliceNow = as(token(await api.login({ username: 'alice', password: 'changed-password' })));
  assert.equal((await api.logout(undefined, aliceNow)).errCode, 0);
  const refused = await api.getUser({ ...aliceNow, ...id }).catch((error: unknown) => error);
  assert.ok(isAxiosError(refused) && refused.response?.status === 401, 'the token is revoked by logout');
};
