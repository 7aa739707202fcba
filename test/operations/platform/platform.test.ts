import t from 'tap';
import { onPostgres, startApp } from '../../helpers/app.js';

t.test('ping answers the JSON string "pong"', async (t) => {
  const { call } = await startApp(t);
  const reply = await call({ url: '/api/v1/platform/ping' });
  t.equal(reply.status, 200);
  t.equal(reply.text, '"pong"');
  t.match(reply.headers['content-type'], /^application\/json/);
});

t.test('ready runs a query and names the dialect; a database that cannot serve answers 503', async (t) => {
  const app = await startApp(t);
  const reply = await app.call({ url: '/api/v1/platform/ready' });
  t.same(reply.json, { errCode: 0, data: { database: onPostgres ? 'postgres' : 'sqlite' }, errMsg: 'ready' });
  // PostgreSQL: a lock on users does not stop `select 1`; SQLite: reads go on under the write lock. Readiness is
  // about reaching the database, which both still do: the outage test stops PostgreSQL for real.
  const release = await app.holdLock();
  t.equal(
    (await app.call({ url: '/api/v1/platform/ready' })).status,
    200,
    'ready while another connection holds a lock',
  );
  await release();
});

t.test('address answers the caller socket as IP:port', async (t) => {
  const { call } = await startApp(t);
  const reply = await call({ url: '/api/v1/platform/address', remoteAddress: '10.1.2.3' });
  t.match(reply.json, /^10\.1\.2\.3:\d+$/);
  const forwarded = await call({
    url: '/api/v1/platform/address',
    remoteAddress: '10.1.2.3',
    headers: { 'x-forwarded-for': '203.0.113.9' },
  });
  t.match(forwarded.json, /^10\.1\.2\.3:/, 'X-Forwarded-For is ignored unless TRUST_PROXY is set');
});

t.test('address brackets IPv6', async (t) => {
  const { call } = await startApp(t);
  const reply = await call({ url: '/api/v1/platform/address', remoteAddress: '2001:db8::7' });
  t.match(reply.json, /^\[2001:db8::7\]:\d+$/);
});

t.test('with TRUST_PROXY, address answers the forwarded client', async (t) => {
  const { call } = await startApp(t, { trustProxy: true });
  const reply = await call({
    url: '/api/v1/platform/address',
    remoteAddress: '10.1.2.3',
    headers: { 'x-forwarded-for': '203.0.113.9' },
  });
  t.equal(reply.json, '203.0.113.9:0');
});

t.test('HEAD on a GET operation answers without a body', async (t) => {
  const { call } = await startApp(t);
  const reply = await call({ method: 'HEAD', url: '/api/v1/platform/ping' });
  t.equal(reply.status, 200);
  t.equal(reply.text, '');
});
