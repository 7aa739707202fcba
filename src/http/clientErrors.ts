// What Node's HTTP server rejects before a request reaches Fastify's router (headers or a body too slow, headers
// too large, bytes that are not HTTP), answered in the envelope on the raw socket, which is then closed.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { requestId, responseHeaders } from '../../generated/constants.js';
import { fail } from '../operations/envelope.js';

function failureFor(code: string | undefined) {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return fail('requestTimeout');
  if (code === 'HPE_HEADER_OVERFLOW') return fail('headersTooLarge');
  return fail('paramsInvalid', 'parameters format error: malformed HTTP request');
}

export function answerClientError(this: FastifyInstance, error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  this.log.debug({ err: { type: error.name, code: error.code } }, 'client error');
  if (socket.writable) {
    const { status, body } = failureFor(error.code);
    const text = JSON.stringify(body);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      connection: 'close',
      ...responseHeaders,
      [requestId.header]: randomUUID(),
    };
    const head = Object.entries(headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${head}\r\n${text}`);
  }
  socket.destroy();
}
