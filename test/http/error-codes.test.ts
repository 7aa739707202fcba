// Every error code of x-errors is reachable: one trigger per code, and the table of triggers must name them all,
// so a code added to the spec without a way to reach it fails here.
import t from 'tap';
import { errors } from '../../generated/errors.js';
import { createPasswords } from '../../src/accounts/passwords.js';
import { admin, type Reply, startApp, type TestApp } from '../helpers/app.js';
import { listen, rawExchange } from '../helpers/socket.js';

type ErrorName = keyof typeof errors;

t.test('every x-errors code is reachable, with its status', async (t) => {
  const app = await startApp(t, { admin });
  const token = await app.adminToken();
  const as = { headers: { token } };
  await app.register('plain', 'plain-password');
  const plain = { headers: { token: (await app.login('plain', 'plain-password')).json.data.token as string } };
  const settings = (payload: object) =>
    app.call({ method: 'POST', url: '/api/v1/system/safe/settings', ...as, payload });

  const triggers: Record<ErrorName, (app: TestApp) => Promise<Reply>> = {
    internal: async () => {
      const broken = await startApp(t);
      await broken.query('drop table login_record');
      await broken.register('victim', 'victim-password');
      return broken.login('victim', 'victim-password');
    },
    paramsInvalid: (a) =>
      a.call({ method: 'POST', url: '/api/v1/user/login', payload: { username: 42, password: 'x' } }),
    badCredentials: (a) => a.login('plain', 'not-the-password'),
    registerFailed: (a) => a.register('plain', 'plain-password'),
    userNotFound: (a) => a.call({ url: '/api/v1/user/4242', ...as }),
    roleNotFound: (a) => a.call({ method: 'DELETE', url: '/api/v1/role/4242', ...as }),
    userDisabled: async (a) => {
      await a.call({
        method: 'POST',
        url: '/api/v1/user/update',
        ...as,
        payload: { username: 'sleepy', status: false },
      });
      return a.login('sleepy', 'sleepy-password');
    },
    unauthorized: (a) => a.call({ url: '/api/v1/user/list' }),
    forbidden: (a) => a.call({ url: '/api/v1/audit', ...plain }),
    accountLocked: async (a) => {
      await settings({ loginFail: 1 });
      await a.login('locky', 'wrong-password');
      return a.login('locky', 'locky-password');
    },
    passwordExpired: async (a) => {
      const id = (await a.call({ url: '/api/v1/user/list?keyword=expiring', ...as })).json.data.items[0].id as number;
      await a.call({
        method: 'POST',
        url: `/api/v1/user/${id}/resetPassword`,
        ...as,
        payload: { new_password: 'temporary-pass' },
      });
      const expired = (await a.login('expiring', 'temporary-pass')).json.data.token as string;
      return a.call({ url: '/api/v1/user/list', headers: { token: expired } });
    },
    sessionNotFound: async (a) => {
      const me = (await a.call({ url: '/api/v1/user/list', ...as })).json.data.user.id as number;
      return a.call({ method: 'DELETE', url: `/api/v1/user/${me}/sessions/4242`, ...as });
    },
    accessTokenNotFound: async (a) =>
      a.call({ method: 'DELETE', url: `/api/v1/user/${await a.idOf(token)}/tokens/4242`, ...as }),
    sessionRequired: async (a) => {
      const secret = await a.accessTokenFor(token);
      return a.call({ method: 'POST', url: '/api/v1/user/logout', headers: { token: secret } });
    },
    scopeNotHeld: async (a) =>
      a.call({
        method: 'POST',
        url: `/api/v1/user/${await a.idOf(plain.headers.token)}/tokens`,
        ...plain,
        payload: { name: 'greedy', scopes: ['user:write'], expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      }),
    accessTokenExpiry: async (a) =>
      a.call({
        method: 'POST',
        url: `/api/v1/user/${await a.idOf(token)}/tokens`,
        ...as,
        payload: { name: 'old', scopes: [], expiresAt: '2020-01-01T00:00:00Z' },
      }),
    accessTokenLimit: async (a) => {
      // The limit counts a user's unexpired tokens: the 101st is refused.
      const hoarder = await a.tokenFor('hoarder', 'hoarder-password');
      for (let i = 0; i < 100; i++) await a.accessTokenFor(hoarder);
      return a.call({
        method: 'POST',
        url: `/api/v1/user/${await a.idOf(hoarder)}/tokens`,
        headers: { token: hoarder },
        payload: { name: 'one more', scopes: [], expiresAt: new Date(Date.now() + 3_600_000).toISOString() },
      });
    },
    notFound: (a) => a.call({ url: '/nowhere' }),
    methodNotAllowed: (a) => a.call({ method: 'PATCH', url: '/api/v1/user/list' }),
    payloadTooLarge: (a) =>
      a.call({
        method: 'POST',
        url: '/api/v1/user/login',
        payload: { username: 'x', password: 'x'.repeat(1024 * 1024) },
      }),
    unsupportedMediaType: (a) =>
      a.call({
        method: 'POST',
        url: '/api/v1/user/login',
        headers: { 'content-type': 'text/plain' },
        payload: 'hello',
      }),
    busy: async () => {
      const tight = await startApp(t, {}, { passwords: createPasswords({ concurrency: 1, queue: 0 }) });
      const replies = await Promise.all(Array.from({ length: 4 }, () => tight.login('ghost', 'ghost-password')));
      return replies.find((r) => r.status === 503) ?? replies[0]!;
    },
    tooManyRequests: async () => {
      const limited = await startApp(t, { loginRateLimit: 1 });
      await limited.login('ghost', 'ghost-password');
      return limited.login('ghost', 'ghost-password');
    },
    roleExists: (a) =>
      a.call({
        method: 'POST',
        url: '/api/v1/role',
        ...as,
        payload: { name: 'Admins', code: 'admin', permissions: [] },
      }),
    passwordPolicy: (a) =>
      a.call({
        method: 'POST',
        url: '/api/v1/user/changePassword',
        ...plain,
        payload: { old_password: 'plain-password', new_password: 'short' },
      }),
    lastAdmin: (a) =>
      a.call({
        method: 'POST',
        url: '/api/v1/user/update',
        ...as,
        payload: { username: admin.username, status: false },
      }),
    roleInUse: async (a) => {
      const role = await a.call({
        method: 'POST',
        url: '/api/v1/role',
        ...as,
        payload: { name: 'Held', code: 'held', permissions: [] },
      });
      const id = (await a.call({ url: '/api/v1/user/list?keyword=plain', ...as })).json.data.items[0].id as number;
      await a.call({ method: 'PUT', url: `/api/v1/user/${id}/role`, ...as, payload: { role_id: role.json.data.id } });
      return a.call({ method: 'DELETE', url: `/api/v1/role/${role.json.data.id}`, ...as });
    },
    builtinRole: (a) => a.call({ method: 'DELETE', url: '/api/v1/role/2', ...as }),
    databaseUnavailable: async () => {
      const locked = await startApp(t);
      const release = await locked.holdLock();
      try {
        return await locked.register('waiter', 'waiter-password');
      } finally {
        await release();
      }
    },
    requestTimeout: async () => {
      const port = await listen(await startApp(t, { headersTimeoutSeconds: 1, requestTimeoutSeconds: 1 }));
      return (await rawExchange(port, (socket) => void socket.write('GET /api/v1/platform/ping HTTP/1.1\r\n'))).reply!;
    },
    pageTooDeep: (a) => a.call({ url: '/api/v1/user/list?page=101&pageSize=100', ...as }),
    cursorInvalid: (a) => a.call({ url: '/api/v1/audit?cursor=bm90LWFuLWlk', ...as }),
    headersTooLarge: async (a) =>
      (
        await rawExchange(
          await listen(a),
          (socket) => void socket.write(`GET / HTTP/1.1\r\nx: ${'a'.repeat(20_000)}\r\n\r\n`),
        )
      ).reply!,
  };
  for (const name of ['sleepy', 'locky', 'expiring']) await app.register(name, `${name}-password`);

  t.same(Object.keys(triggers).sort(), Object.keys(errors).sort(), 'a trigger for every code of the spec');
  for (const [name, trigger] of Object.entries(triggers) as Array<[ErrorName, (a: TestApp) => Promise<Reply>]>) {
    const reply = await trigger(app);
    t.same([reply.status, reply.json?.errCode], [errors[name].status, errors[name].errCode], name);
  }
});
