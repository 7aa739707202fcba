// Operations that declare no request body take none: whatever a client sends with them (axios posts an empty form,
// curl labels nothing as JSON) is ignored, never refused for its type, and every answer is one the spec declares.
import { readFileSync } from 'node:fs';
import t from 'tap';
import { parse } from 'yaml';
import { admin, startApp, type TestApp } from '../helpers/app.js';

const spec = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8')) as {
  paths: Record<string, Record<string, { operationId: string; requestBody?: object }>>;
};
const bodiless = Object.values(spec.paths).flatMap((item) =>
  Object.entries(item)
    .filter(([method, operation]) => !['get', 'head'].includes(method) && !operation.requestBody)
    .map(([, operation]) => operation.operationId),
);

// What a client sends with no body of its own, as the clients that send it do.
const sendings: Array<{ what: string; headers: Record<string, string>; payload: string }> = [
  {
    what: 'an empty form (axios.post(url))',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: '',
  },
  { what: 'JSON with no body', headers: { 'content-type': 'application/json' }, payload: '' },
  { what: 'an empty JSON object', headers: { 'content-type': 'application/json' }, payload: '{}' },
  { what: 'text', headers: { 'content-type': 'text/plain' }, payload: 'whatever' },
  { what: 'no content type and no body', headers: {}, payload: '' },
];

type Request = { method: 'POST' | 'DELETE'; url: string; headers: Record<string, string> };
// How to call each bodiless operation so that it succeeds, afresh for each sending.
const calls: Record<string, (app: TestApp) => Promise<Request>> = {
  logout: async (app) => ({
    method: 'POST',
    url: '/api/v1/user/logout',
    headers: { token: await app.tokenFor(`u${Math.random()}`.slice(0, 12)) },
  }),
  unlockUser: async (app) => {
    await app.register('locked-out');
    const [user] = await app.query<{ id: number }>("select id from users where username = 'locked-out'");
    return { method: 'POST', url: `/api/v1/user/${user!.id}/unlock`, headers: { token: await app.adminToken() } };
  },
  endSession: async (app) => {
    const username = `s${Math.random()}`.slice(0, 12);
    const token = await app.tokenFor(username);
    const { user_id: id, sid } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    return { method: 'DELETE', url: `/api/v1/user/${id}/sessions/${sid}`, headers: { token: await app.adminToken() } };
  },
  endSessions: async (app) => {
    const token = await app.tokenFor(`e${Math.random()}`.slice(0, 12));
    const { user_id: id } = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    return { method: 'DELETE', url: `/api/v1/user/${id}/sessions`, headers: { token } };
  },
  revokeAccessToken: async (app) => {
    const token = await app.tokenFor(`p${Math.random()}`.slice(0, 12));
    const id = await app.idOf(token);
    await app.accessTokenFor(token);
    const [made] = await app.query<{ id: number }>('select id from access_token where user_id = ?', id);
    return { method: 'DELETE', url: `/api/v1/user/${id}/tokens/${made!.id}`, headers: { token } };
  },
  deleteRole: async (app) => {
    const token = await app.adminToken();
    const code = `r${Math.random().toString(36).slice(2, 10)}`;
    const created = await app.call({
      method: 'POST',
      url: '/api/v1/role',
      headers: { token },
      payload: { name: code, code, permissions: [] },
    });
    return { method: 'DELETE', url: `/api/v1/role/${created.json.data.id}`, headers: { token } };
  },
};

t.test('every bodiless operation of the spec is covered here', async (t) => {
  t.same(bodiless.sort(), Object.keys(calls).sort());
});

t.test('a bodiless operation succeeds whatever content type comes with no body', async (t) => {
  const app = await startApp(t, { admin });
  for (const operationId of bodiless) {
    for (const { what, headers, payload } of sendings) {
      const request = await calls[operationId]!(app);
      const reply = await app.call({ ...request, headers: { ...request.headers, ...headers }, payload });
      t.equal(reply.status, 200, `${operationId}, ${what}: ${reply.text}`);
    }
  }
});

t.test('a body over the limit on a bodiless operation is refused with its declared 413', async (t) => {
  const app = await startApp(t, { admin });
  const request = await calls.logout!(app);
  const reply = await app.call({
    ...request,
    headers: { ...request.headers, 'content-type': 'text/plain' },
    payload: 'x'.repeat(2 * 1024 * 1024),
  });
  t.equal(reply.status, 413);
  t.equal(reply.json.errCode, 1014);
});
