// Every app the suite builds keeps its log, which is searched for secrets when the app closes (test/helpers/app.ts).
// Here: that search finds what it must, and a real app's log of a busy session carries none of it.
import t from 'tap';
import { admin, leaksIn, logCollector, startApp } from './helpers/app.js';

t.test('the log search names each kind of leak', async (t) => {
  const app = await startApp(t);
  const token = await app.tokenFor('leaky', 'leaky-password');
  t.same(leaksIn('{"msg":"request completed"}'), []);
  t.same(leaksIn('{"body":{"password":"leaky-password"}}'), ['a password or token the suite used']);
  t.same(leaksIn(`{"url":"/x?token=${token}"}`), ['a token', 'a password or token the suite used']);
  t.same(leaksIn('{"hash":"$argon2id$v=19$m=19456"}'), ['a password hash']);
  t.same(leaksIn('{"hash":"$2a$04$abcdefghijklmnopqrstuv"}'), ['a password hash']);
  t.same(leaksIn('{"stack":"Error: x\\n    at f (src/app.ts:1:2)"}'), ['a stack trace']);
  t.same(leaksIn('{"err":"insert into users (username) values (?)"}'), ['SQL']);
});

t.test('a session through every kind of request logs none of it at debug level', async (t) => {
  const logged = logCollector();
  const app = await startApp(t, { admin, logLevel: 'debug' }, { logStream: logged.stream });
  const token = await app.adminToken();
  await app.register('visitor', 'visitor-password');
  await app.login('visitor', 'wrong-password');
  await app.call({ url: `/api/v1/user/list?token=${token}` });
  await app.call({ url: '/api/v1/user/list', headers: { authorization: `Bearer ${token}` } });
  await app.call({
    method: 'POST',
    url: '/api/v1/user/changePassword',
    headers: { token },
    payload: { old_password: admin.password, new_password: 'another-root-password' },
  });
  await app.call({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'visitor', password: 42 } });
  await app.query('alter table login_record rename to login_record_gone');
  t.equal((await app.login('visitor', 'visitor-password')).status, 500, 'a fault, logged');
  await app.app.close();
  t.match(logged.text(), /"msg":"unhandled error"/, 'the log was written');
  t.same(leaksIn(logged.text()), []);
});
