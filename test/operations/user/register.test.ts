import t from 'tap';
import { startApp } from '../../helpers/app.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

t.test('register returns the user it created, with the user role and no password', async (t) => {
  const { register, one } = await startApp(t);
  const reply = await register('tester3', 'admin123');
  t.equal(reply.status, 200);
  t.match(reply.json, {
    errCode: 0,
    errMsg: 'register success',
    data: { username: 'tester3', status: true, role: { code: 'user', name: 'user' } },
  });
  const user = reply.json.data;
  t.match(user.uid, uuid);
  t.equal(user.role_id, user.role.id);
  t.ok(Number.isInteger(user.id) && user.id > 0);
  t.equal(new Date(user.createdAt).toISOString(), user.createdAt, 'timestamps are RFC 3339 UTC');
  t.notMatch(reply.text, /password|argon2|admin123/, 'no password or hash on the wire');

  const row = await one<{ password: string }>('select password from users where id = ?', user.id);
  t.match(row.password, /^\$argon2id\$/, 'stored as an argon2id hash');
});

t.test('an existing name answers 1004 "user <name> already exists", ignoring case', async (t) => {
  const { register } = await startApp(t);
  await register('tester4');
  const again = await register('tester4');
  t.same(again.json, { errCode: 1004, data: {}, errMsg: 'user tester4 already exists' });
  const shouting = await register('TESTER4');
  t.same(shouting.json, { errCode: 1004, data: {}, errMsg: 'user TESTER4 already exists' });
});

t.test('an empty name or password answers 1004 and writes nothing', async (t) => {
  const { register, one } = await startApp(t);
  for (const [username, password] of [
    ['', 'secret'],
    ['bob', ''],
    ['   ', 'secret'],
  ] as const) {
    const reply = await register(username, password);
    t.same(
      reply.json,
      { errCode: 1004, data: {}, errMsg: 'user name or password is empty' },
      `${JSON.stringify(username)} / ${JSON.stringify(password)}`,
    );
  }
  const { n } = await one<{ n: number }>('select cast(count(*) as integer) as n from users');
  t.equal(n, 0);
});

t.test('names are trimmed', async (t) => {
  const { register } = await startApp(t);
  const reply = await register('  spaced  ');
  t.equal(reply.json.data.username, 'spaced');
});

t.test('of many concurrent registrations of one name, exactly one succeeds', async (t) => {
  const { register, one } = await startApp(t);
  const replies = await Promise.all(
    Array.from({ length: 12 }, (_, i) => register(i % 2 ? 'racer' : 'RACER', `password-${i}`)),
  );
  const codes = replies.map((r) => r.json.errCode);
  t.equal(codes.filter((c) => c === 0).length, 1, 'one success');
  t.equal(codes.filter((c) => c === 1004).length, 11, 'the rest are told the name exists');
  const { n } = await one<{ n: number }>(
    "select cast(count(*) as integer) as n from users where lower(username) = 'racer'",
  );
  t.equal(n, 1, 'one row');
});

t.test('a soft-deleted name can be registered again', async (t) => {
  const { register, query } = await startApp(t);
  await register('phoenix');
  await query("update users set deleted_at = '2024-01-01T00:00:00.000Z' where username = 'phoenix'");
  const again = await register('phoenix');
  t.equal(again.json.errCode, 0);
});
