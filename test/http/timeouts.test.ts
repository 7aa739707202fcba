// Slow clients cannot hold the server: headers that never finish, a body that trickles, or a silent connection
// are cut off by HEADERS_TIMEOUT and REQUEST_TIMEOUT, answered 408 in the envelope, while others are served.
// Oversized headers and bytes that are not HTTP are answered in the envelope too.
import t from 'tap';
import { errors } from '../../generated/errors.js';
import { startApp } from '../helpers/app.js';
import { fetchChecked } from '../helpers/server.js';
import { listen, rawExchange, trickle } from '../helpers/socket.js';

const slowest = { headersTimeoutSeconds: 1, requestTimeoutSeconds: 2 };
// Generous: the point is that the connection is cut at all, not how fast (the checker runs every second).
const cutWithin = 8_000;

function* forever(line: (i: number) => string) {
  for (let i = 0; ; i++) yield line(i);
}

t.test('headers that never finish: 408 and closed, while other clients are served', async (t) => {
  const app = await startApp(t, slowest);
  const port = await listen(app);
  const slow = Array.from({ length: 20 }, () =>
    rawExchange(port, async (socket, closed) => {
      socket.write('GET /api/v1/platform/ping HTTP/1.1\r\nHost: x\r\n');
      await trickle(
        socket,
        closed,
        forever((i) => `x-slow-${i}: y\r\n`),
        200,
      );
    }),
  );
  const ping = await fetchChecked(`http://127.0.0.1:${port}/api/v1/platform/ping`);
  t.same([ping.status, ping.json], [200, 'pong'], 'served while 20 slow clients trickle headers');
  for (const outcome of await Promise.all(slow)) {
    t.same([outcome.reply?.status, outcome.reply?.json?.errCode], [408, errors.requestTimeout.errCode]);
    t.ok(outcome.closedAfter < cutWithin, `closed after ${outcome.closedAfter} ms`);
  }
});

t.test('a connection that sends nothing is closed', async (t) => {
  const app = await startApp(t, slowest);
  const outcome = await rawExchange(await listen(app), () => {});
  t.ok(outcome.closedAfter < cutWithin, `closed after ${outcome.closedAfter} ms`);
  if (outcome.reply) t.equal(outcome.reply.status, 408);
});

t.test('a body that trickles: 408, closed, and nothing is written', async (t) => {
  const app = await startApp(t, slowest);
  const body = JSON.stringify({ username: 'trickler', password: 'trickler-password' });
  const outcome = await rawExchange(await listen(app), async (socket, closed) => {
    socket.write(
      `POST /api/v1/user/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await trickle(socket, closed, body, 300);
  });
  t.same([outcome.reply?.status, outcome.reply?.json?.errCode], [408, errors.requestTimeout.errCode]);
  t.ok(
    outcome.closedAfter < body.length * 300,
    `cut off after ${outcome.closedAfter} ms, before the body was complete`,
  );
  t.same(await app.query('select id from users where username = ?', 'trickler'), []);
});

t.test('headers over 16 KiB: 431 in the envelope', async (t) => {
  const app = await startApp(t);
  const outcome = await rawExchange(await listen(app), (socket) => {
    socket.write(`GET /api/v1/platform/ping HTTP/1.1\r\nHost: x\r\nx-big: ${'a'.repeat(20_000)}\r\n\r\n`);
  });
  t.same([outcome.reply?.status, outcome.reply?.json?.errCode], [431, errors.headersTooLarge.errCode]);
});

t.test('bytes that are not HTTP: 400 in the envelope', async (t) => {
  const app = await startApp(t);
  const outcome = await rawExchange(await listen(app), (socket) => {
    socket.write('HELLO there\r\n\r\n');
  });
  t.same([outcome.reply?.status, outcome.reply?.json?.errCode], [400, errors.paramsInvalid.errCode]);
  t.match(outcome.reply?.json?.errMsg, /malformed HTTP request/);
});
