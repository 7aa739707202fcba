// A client that sends a whole body over the limit before it reads (as most clients do) gets its 413, not a reset:
// the server reads and drops the rest of the body up to a bound (src/http/unreadBody.ts) instead of closing under
// the client's writes. Real HTTP over TCP: what inject cannot show.
import { connect } from 'node:net';
import t from 'tap';
import { drainLimit } from '../../src/http/unreadBody.js';
import { startApp } from '../helpers/app.js';
import { assertMatchesSpec } from '../helpers/contract.js';
import { listen } from '../helpers/socket.js';

const register = '/api/v1/user/register';

/** Writes `head` and `size` bytes of body, reading nothing until all is written; what came back, or the error. */
function writeThenRead(port: number, size: number, after = ''): Promise<{ raw: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.pause();
    let raw = '';
    let error: string | undefined;
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      raw += chunk;
      if (after && raw.includes('"pong"')) socket.end();
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      error ??= e.code;
    });
    socket.on('close', () => resolve({ raw, ...(error ? { error } : {}) }));
    socket.write(
      `POST ${register} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
    );
    socket.write(Buffer.alloc(size, 'x'), () => {
      if (after) socket.write(after);
      else socket.end();
      socket.resume();
    });
  });
}

const statusOf = (raw: string) => Number(raw.split(' ')[1]);

t.test('an 8 MiB upload to register gets its 413 every time, with the envelope', async (t) => {
  const app = await startApp(t);
  const port = await listen(app);
  const outcomes = [];
  for (let i = 0; i < 10; i++) outcomes.push(await writeThenRead(port, 8 * 1024 * 1024));
  t.same(
    outcomes.filter((o) => statusOf(o.raw) !== 413).map((o) => o.error ?? o.raw.slice(0, 40)),
    [],
    'none lost its answer',
  );
  const [head = '', body = ''] = outcomes[0]!.raw.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .split('\r\n')
      .slice(1)
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  await assertMatchesSpec({ method: 'POST', url: register, status: 413, headers, text: body });
  t.equal(JSON.parse(body).errCode, 1014);
});

t.test('after the 413 and the dropped body, the connection serves the next request', async (t) => {
  const app = await startApp(t);
  const port = await listen(app);
  const { raw } = await writeThenRead(port, 2 * 1024 * 1024, 'GET /api/v1/platform/ping HTTP/1.1\r\nHost: x\r\n\r\n');
  t.match(raw, /^HTTP\/1\.1 413 [\s\S]*HTTP\/1\.1 200 [\s\S]*"pong"$/);
});

t.test('beyond the bound, the server stops reading and cuts the connection', async (t) => {
  const app = await startApp(t);
  const port = await listen(app);
  const { raw, error } = await writeThenRead(port, 4 * drainLimit);
  t.ok(error !== undefined || raw === '', `the connection was cut (${error ?? 'closed'})`);
});
