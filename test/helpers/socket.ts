// Raw HTTP over TCP, for what inject cannot send: requests that are slow, oversized or not HTTP at all. Every
// answer read here passes the shared spec check.

import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import type { Reply, TestApp } from './app.js';
import { assertMatchesSpec } from './contract.js';

/** The app's port on 127.0.0.1, listening from the first call on. */
export async function listen(app: TestApp): Promise<number> {
  if (!app.app.server.listening) await app.app.listen({ port: 0, host: '127.0.0.1' });
  return (app.app.server.address() as AddressInfo).port;
}

export interface RawOutcome {
  /** The answer, if the server sent one before closing. */
  reply?: Reply;
  /** Milliseconds from connecting until the server closed the connection. */
  closedAfter: number;
}

function parse(raw: string): Reply {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  const text = rest.join('\r\n\r\n');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: Number(statusLine.split(' ')[1]), headers, text, json };
}

/**
 * Connects, lets `send` write (and keep writing), and resolves once the server closes the connection, or
 * rejects after `limitMs` if it has not. `send` is stopped when the connection closes.
 */
export function rawExchange(
  port: number,
  send: (socket: Socket, closed: () => boolean) => void | Promise<void>,
  limitMs = 15_000,
): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    let done = false;
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open over ${limitMs} ms`));
    }, limitMs);
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (raw += chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      done = true;
      clearTimeout(timer);
      const closedAfter = Date.now() - started;
      if (!raw) return resolve({ closedAfter });
      const reply = parse(raw);
      assertMatchesSpec({
        method: '',
        url: '',
        status: reply.status,
        headers: reply.headers,
        text: reply.text,
        beforeRouting: true,
      }).then(() => resolve({ reply, closedAfter }), reject);
    });
    socket.on('connect', () => void Promise.resolve(send(socket, () => done)).catch(() => {}));
  });
}

/** Writes `parts` one at a time, `everyMs` apart, until they run out or the connection closes. */
export async function trickle(
  socket: Socket,
  closed: () => boolean,
  parts: Iterable<string>,
  everyMs: number,
): Promise<void> {
  for (const part of parts) {
    if (closed()) return;
    socket.write(part);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
