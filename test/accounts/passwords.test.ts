import t from 'tap';
import { createPasswords } from '../../src/accounts/passwords.js';
import { startApp } from '../helpers/app.js';

t.test('beyond the hashing queue, login answers 503 with Retry-After and nothing else breaks', async (t) => {
  const passwords = createPasswords({ concurrency: 1, queue: 1 });
  const { call, register } = await startApp(t, {}, { passwords });
  t.equal((await register('storm', 'pass-word')).json.errCode, 0);
  const login = () =>
    call({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'storm', password: 'pass-word' } });
  // Twelve at once: on PostgreSQL each login reads the database before it hashes, so how many reach the queue
  // together depends on timing; far more than one running plus one queued always do.
  const replies = await Promise.all([...Array.from({ length: 12 }, login), call({ url: '/api/v1/platform/ping' })]);
  const statuses = replies.slice(0, 12).map((r) => r.status);
  t.ok(
    statuses.every((s) => s === 200 || s === 503),
    'served or refused, nothing else',
  );
  t.ok(statuses.filter((s) => s === 200).length >= 2, 'one running and one queued are served');
  const busy = replies.filter((r) => r.status === 503);
  t.ok(busy.length >= 1, 'the rest are refused');
  for (const reply of busy) {
    t.same(reply.json, { errCode: 1016, data: {}, errMsg: 'server busy, retry later' });
    t.equal(reply.headers['retry-after'], '1');
  }
  t.equal(replies[12]!.json, 'pong', 'ping is unaffected');
  t.equal((await login()).json.errCode, 1000, 'served again once the queue drains');
});

t.test('verify without a stored hash is always false', async (t) => {
  const passwords = createPasswords();
  t.equal(await passwords.verify(undefined, ''), false);
  const hash = await passwords.hash('right');
  t.equal(await passwords.verify(hash, 'right'), true);
  t.equal(await passwords.verify(hash, 'wrong'), false);
});
