import t from 'tap';
import { startApp } from '../../helpers/app.js';

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>;

t.test('login answers errCode 1000 with an HS512 token, the username and the role', async (t) => {
  const { register, login } = await startApp(t);
  await register('tester4', 'admin123');
  const reply = await login('tester4', 'admin123');
  t.match(reply.json, {
    errCode: 1000,
    errMsg: 'login success',
    data: { username: 'tester4', role: { code: 'user' } },
  });
  const [header, payload] = (reply.json.data.token as string).split('.');
  t.same(decode(header!), { alg: 'HS512', typ: 'JWT' });
  const claims = decode(payload!);
  t.match(claims, {
    user_id: Number,
    username: 'tester4',
    user_role: 'user',
    iss: 'platform',
    iat: Number,
    exp: Number,
  });
  t.equal((claims.exp as number) - (claims.iat as number), 7 * 24 * 3600, 'default lifetime is 7 days');
});

t.test('JWT_TTL sets the lifetime', async (t) => {
  const { tokenFor } = await startApp(t, { jwtTtlSeconds: 90 });
  const claims = decode((await tokenFor('short')).split('.')[1]!);
  t.equal((claims.exp as number) - (claims.iat as number), 90);
});

t.test('wrong password and unknown user answer the same bytes', async (t) => {
  const { register, login } = await startApp(t);
  await register('tester4', 'admin123');
  const wrong = await login('tester4', 'nope');
  const unknown = await login('ghost', 'nope');
  t.equal(wrong.text, '{"errCode":1003,"data":{},"errMsg":"user name or password error"}');
  t.equal(unknown.text, wrong.text);
  t.equal(unknown.status, 200);
});

t.test('names match ignoring case and surrounding spaces', async (t) => {
  const { register, login } = await startApp(t);
  await register('Mixed', 'pass-word');
  t.equal((await login(' mixed ', 'pass-word')).json.errCode, 1000);
});

t.test('a disabled user answers 1007 once the password is right', async (t) => {
  const { register, login, query } = await startApp(t);
  await register('sleeper', 'pass-word');
  await query("update users set status = 0 where username = 'sleeper'");
  t.same((await login('sleeper', 'pass-word')).json, { errCode: 1007, data: {}, errMsg: 'user has been disabled' });
  t.equal((await login('sleeper', 'wrong')).json.errCode, 1003, 'a wrong password does not reveal the account state');
});

t.test('without JWT_SECRET, a generated secret is stored and shared by every app on the database', async (t) => {
  const first = await startApp(t, { jwtSecret: undefined });
  const token = await first.tokenFor('shared');
  const second = await startApp(t, { jwtSecret: undefined, databaseUrl: first.config.databaseUrl });
  t.equal((await second.call({ url: '/api/v1/user/list', headers: { token } })).status, 200);
  const { value } = await first.one<{ value: string }>("select value from settings where key = 'jwt_secret'");
  t.ok(Buffer.from(value, 'base64url').length >= 64, 'a 64-byte random secret');
});
