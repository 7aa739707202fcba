import t from 'tap';
import { startApp } from './helpers/app.js';
import { createPasswords } from '../src/passwords.js';

t.test('beyond the hashing queue, login answers 503 with Retry-After and nothing else breaks', async (t) => {
  const passwords = await createPasswords({ concurrency: 1, queue: 1 });
  const { call, register } = await startApp(t, {}, { passwords });
  t.equal((await register('storm', 'pass-word')).json.errCode, 0);
  const login = () => call({ method: 'POST', url: '/api/v1/user/login', payload: { username: 'storm', password: 'pass-word' } });
  const replies = await Promise.all([login(), login(), login(), login(), login(), call({ url: '/api/v1/platform/ping' })]);
  const statuses = replies.slice(0, 5).map((r) => r.status);
  t.equal(statuses.filter((s) => s === 200).length, 2, 'one running and one queued are served');
  const busy = replies.filter((r) => r.status === 503);
  t.equal(busy.length, 3);
  for (const reply of busy) {
    t.same(reply.json, { errCode: 1016, data: {}, errMsg: 'server busy, retry later' });
    t.equal(reply.headers['retry-after'], '1');
  }
  t.equal(replies[5]!.json, 'pong', 'ping is unaffected');
  t.equal((await login()).json.errCode, 1000, 'served again once the queue drains');
});

t.test('verify without a stored hash is always false', async (t) => {
  const passwords = await createPasswords();
  t.equal(await passwords.verify(undefined, ''), false);
  const hash = await passwords.hash('right');
  t.equal(await passwords.verify(hash, 'right'), true);
  t.equal(await passwords.verify(hash, 'wrong'), false);
});
