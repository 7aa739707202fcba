// The scenario through the client orval generates (its fetch client, with the fetch function of orvalFetch.ts) and
// its zod schemas: every operation, as a consumer would call it. Throws on the first thing that is not as promised.
import assert from 'node:assert/strict';
import * as api from '../generated/orval/client.js';
import * as schemas from '../generated/orval/zod.js';
import { useServer } from './orvalFetch.js';
import type { Run } from './run.js';

/** `answer`'s body when it is the 200 with errCode `code`, for the checks that follow. */
function ok<A extends { status: number; data: unknown }, C extends number>(answer: A, code: C) {
  assert.equal(answer.status, 200);
  const data = answer.data as { errCode: number };
  assert.equal(data.errCode, code, JSON.stringify(answer.data));
  return answer.data as Extract<A, { status: 200 }>['data'] & { errCode: C };
}

export const run: Run = async ({ base, fetch, admin }) => {
  useServer(base, fetch);
  const as = (token: string) => ({ headers: { token } });

  assert.equal((await api.ping()).data, 'pong');
  assert.match(String((await api.getAddress()).data), /^127\.0\.0\.1:\d+$/);
  ok(await api.ready(), 0);

  const root = as(ok(await api.login(admin), 1000).data.token);
  for (const username of ['alice', 'bob']) ok(await api.register({ username, password: 'alice-password' }), 0);
  ok(await api.login({ username: 'alice', password: 'alice-password' }), 1000);

  const page = ok(await api.listUsers({ pageSize: 2 }, root), 0).data;
  assert.equal(page.total, 3);
  assert.ok(page.nextCursor);
  const next = ok(await api.listUsers({ cursor: page.nextCursor, pageSize: 2 }, root), 0).data;
  const bob = next.items[0]!;
  assert.equal(bob.username, 'bob');
  const alice = ok(await api.listUsers({ keyword: 'ALI' }, root), 0).data.items[0]!;
  assert.equal(alice.username, 'alice');

  assert.equal(ok(await api.getUser(alice.id, root), 0).data.username, 'alice');
  ok(await api.updateUser({ username: 'alice', status: false }, root), 0);
  ok(await api.updateUser({ username: 'alice', status: true }, root), 0);
  ok(await api.setUserRole(alice.id, { role_id: 2 }, root), 0);
  ok(await api.unlockUser(alice.id, root), 0);
  ok(await api.listLoginRecords(alice.id, undefined, root), 0);
  ok(await api.resetPassword(alice.id, { new_password: 'reset-password' }, root), 0);
  const again = ok(await api.login({ username: 'alice', password: 'reset-password' }), 1000).data.token;
  ok(await api.changePassword({ old_password: 'reset-password', new_password: 'changed-password' }, as(again)), 0);
  ok(await api.login({ username: 'alice', password: 'changed-password' }), 1000);
  const sessions = ok(await api.listSessions(alice.id, undefined, root), 0).data.items;
  assert.equal(sessions.length, 1);
  ok(await api.endSession(alice.id, sessions[0]!.id, root), 0);
  assert.equal(ok(await api.endSessions(alice.id, root), 0).data.ended, 0);

  const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
  const created = await api.createAccessToken(page.user.id, { name: 'ci', scopes: ['user:read'], expiresAt }, root);
  assert.equal(created.status, 201);
  const { secret } = (created.data as { data: { secret: string } }).data;
  assert.match(secret, /^cms_pat_/);
  assert.equal(
    ok(await api.listUsers(undefined, as(secret)), 0).data.total,
    3,
    'the access token reads with its scope',
  );
  const tokens = ok(await api.listAccessTokens(page.user.id, undefined, root), 0).data.items;
  assert.deepEqual(
    tokens.map((token) => token.name),
    ['ci'],
  );
  ok(await api.revokeAccessToken(page.user.id, tokens[0]!.id, root), 0);

  const role = ok(await api.createRole({ name: 'Auditor', code: 'auditor', permissions: ['audit:read'] }, root), 0);
  const updated = ok(await api.updateRole(role.data.id, { desc: 'reads the audit log' }, root), 0);
  assert.equal(updated.data.desc, 'reads the audit log');
  assert.ok(ok(await api.listRoles(undefined, root), 0).data.items.some((r) => r.code === 'auditor'));
  ok(await api.deleteRole(role.data.id, root), 0);

  const before = ok(await api.getSecuritySettings(root), 0).data;
  // The body as orval's zod schema makes it: a partial update stays partial (no defaults filled in).
  const body = schemas.updateSecuritySettingsBody.parse({ lockTime: 45 });
  assert.deepEqual(body, { lockTime: 45 });
  const after = ok(await api.updateSecuritySettings(body, root), 0).data;
  assert.deepEqual(after, { ...before, lockTime: 45 }, 'a partial update changes what it names, nothing else');
  assert.ok(ok(await api.listAudit(undefined, root), 0).data.items.length > 0);

  assert.match(String((await api.getMetrics()).data), /http_request_duration_seconds/);
  assert.match(String((await api.getSpecYaml()).data), /^openapi: 3\.0\.3$/m);
  const specJson = await api.getSpecJson();
  assert.ok(specJson.status === 200);
  assert.equal(specJson.data.openapi, '3.0.3');
  assert.match(String((await api.getDocs()).data), /<html/i);
  assert.match(String((await api.getDocsScript('docs.js')).data), /SwaggerUIBundle/);
  assert.match(String((await api.getDocsStyle()).data), /\.swagger-ui/);
  assert.match(String((await api.getConsole()).data), /<html/i);
  assert.match(String((await api.getConsoleScript()).data), /Generated from src\/console/);
  assert.match(String((await api.getConsoleStyle()).data), /Generated from src\/console/);

  ok(await api.deleteUsers({ ids: [bob.id] }, root), 0);
  const aliceNow = ok(await api.login({ username: 'alice', password: 'changed-password' }), 1000).data.token;
  ok(await api.logout(as(aliceNow)), 0);
  assert.equal((await api.getUser(alice.id, as(aliceNow))).status, 401, 'the token is revoked by logout');
};
