// Every operation that states `x-permission` in the spec is refused (403, errCode 1009) to a role without it and
// served to a role holding only that permission; a personal access token acts with its scopes ∩ its owner's role
// on every operation, and is refused by every `x-session-only` one: driven from openapi.yaml, not a list kept here.

import type { Operation } from 'openapi-backend';
import t from 'tap';
import { permissions } from '../../generated/constants.js';
import { loadSpec } from '../../src/http/contract/spec.js';
import { admin, startApp, type TestApp } from '../helpers/app.js';

const nobody = 999_999;

// The request body's first example, with ids pointing at nobody, so that a served call changes nothing.
function exampleBody(operation: Operation): object | undefined {
  const media = (
    operation.requestBody as { content?: Record<string, { examples?: Record<string, { value: object }> }> } | undefined
  )?.content?.['application/json'];
  const example = Object.values(media?.examples ?? {})[0]?.value;
  return (
    example &&
    (JSON.parse(JSON.stringify(example), (key, value: unknown) => (key === 'ids' ? [nobody] : value)) as object)
  );
}

function request(operation: Operation, token: string) {
  const body = exampleBody(operation);
  return {
    method: operation.method.toUpperCase() as 'GET',
    url: operation.path.replace(/{[^}]+}/g, String(nobody)),
    headers: { token },
    ...(body ? { payload: body } : {}),
  };
}

async function tokenWith(app: TestApp, adminToken: string, name: string, permissions: string[]): Promise<string> {
  const role = await app.call({
    method: 'POST',
    url: '/api/v1/role',
    headers: { token: adminToken },
    payload: { name, code: name.toLowerCase(), permissions },
  });
  const token = await app.tokenFor(name);
  const { id } = (await app.call({ url: '/api/v1/user/list', headers: { token } })).json.data.user;
  await app.call({
    method: 'PUT',
    url: `/api/v1/user/${id}/role`,
    headers: { token: adminToken },
    payload: { role_id: role.json.data.id },
  });
  return (await app.login(name)).json.data.token as string;
}

t.test('each x-permission is enforced: 403 without it, served with it', async (t) => {
  const api = await loadSpec();
  const guarded = api.getOperations().filter((op) => (op as Record<string, unknown>)['x-permission']);
  t.ok(guarded.length >= 12, `${guarded.length} operations state a permission`);
  const app = await startApp(t, { admin });
  const adminToken = await app.adminToken();
  const plain = await app.tokenFor('plain');

  for (const [i, operation] of guarded.entries()) {
    const permission = (operation as Record<string, unknown>)['x-permission'] as string;
    const denied = await app.call(request(operation, plain));
    t.equal(denied.status, 403, `${operation.operationId} refuses a plain user`);
    t.same(denied.json, { errCode: 1009, data: {}, errMsg: `permission denied: needs ${permission}` });

    const holder = await tokenWith(app, adminToken, `holder${i}`, [permission]);
    const served = await app.call(request(operation, holder));
    t.not(served.status, 403, `${operation.operationId} serves a role holding ${permission} (${served.status})`);
  }
});

t.test('the admin role holds every permission; the user role none', async (t) => {
  const app = await startApp(t, { admin });
  const roles = (await app.call({ url: '/api/v1/role', headers: { token: await app.adminToken() } })).json.data.items;
  const api = await loadSpec();
  const all = (api.definition.components!.schemas!.Permission as { enum: string[] }).enum;
  t.same(
    roles.map((r: { code: string; permissions: string[] }) => [r.code, r.permissions]),
    [
      ['admin', all],
      ['user', []],
    ],
  );
});

t.test('x-permission-for-others: own data always, others only with the permission', async (t) => {
  const app = await startApp(t, { admin });
  const adminToken = await app.adminToken();
  const token = await app.tokenFor('self');
  const me = (await app.call({ url: '/api/v1/user/list', headers: { token } })).json.data.user;
  t.equal((await app.call({ url: `/api/v1/user/${me.id}`, headers: { token } })).status, 200, 'own account');
  t.equal(
    (await app.call({ url: `/api/v1/user/${me.id}/loginRecords`, headers: { token } })).status,
    200,
    'own login records',
  );
  const other = await app.call({ url: '/api/v1/user/1', headers: { token } });
  t.same([other.status, other.json.errMsg], [403, 'permission denied: needs user:read']);
  const records = await app.call({ url: '/api/v1/user/1/loginRecords', headers: { token } });
  t.same([records.status, records.json.errMsg], [403, 'permission denied: needs audit:read']);
  t.equal(
    (await app.call({ url: `/api/v1/user/${me.id}`, headers: { token: adminToken } })).json.data.username,
    'self',
    'an administrator reads anyone',
  );
  t.equal((await app.call({ url: `/api/v1/user/${me.id}/loginRecords`, headers: { token: adminToken } })).status, 200);
  const missing = await app.call({ url: `/api/v1/user/${nobody}`, headers: { token: adminToken } });
  t.same([missing.status, missing.json.errCode], [404, 1005]);
});

t.test(
  'a personal access token acts with its scopes ∩ the role on every operation; session-only ones refuse it',
  async (t) => {
    const api = await loadSpec();
    const secured = api.getOperations().filter((op) => (op.security ?? []).length > 0);
    const app = await startApp(t, { admin });
    const adminToken = await app.adminToken();
    // One token per set of scopes, made once: the administrator's role holds every permission, so the scopes decide.
    const made = new Map<string, string>();
    const withScopes = async (scopes: string[]) => {
      const key = [...scopes].sort().join(',');
      if (!made.has(key)) made.set(key, await app.accessTokenFor(adminToken, scopes as never));
      return made.get(key)!;
    };
    const rules = (op: Operation) => op as Operation & Record<string, unknown>;
    let checked = 0;
    for (const operation of secured) {
      const { operationId } = operation;
      if (rules(operation)['x-session-only']) {
        const refused = await app.call(request(operation, await withScopes([...permissions])));
        t.same([refused.status, refused.json.errCode], [403, 1030], `${operationId} refuses any access token`);
        checked++;
        continue;
      }
      // On another user's id (nobody's), x-permission-for-others is needed as well as x-permission.
      const needed = [
        rules(operation)['x-permission'],
        operation.path.includes('{id}') ? rules(operation)['x-permission-for-others'] : undefined,
      ].filter((p): p is string => typeof p === 'string');
      const served = await app.call(request(operation, await withScopes(needed)));
      t.notOk(
        [401, 403].includes(served.status),
        `${operationId} serves a token scoped [${needed}] (${served.status})`,
      );
      for (const permission of needed) {
        const without = await app.call(
          request(operation, await withScopes(permissions.filter((p) => p !== permission))),
        );
        t.same(
          [without.status, without.json.errMsg],
          [403, `permission denied: needs ${permission}`],
          `${operationId} refuses a token with every scope but ${permission}`,
        );
      }
      checked++;
    }
    t.equal(checked, secured.length, `all ${secured.length} secured operations checked`);
  },
);
