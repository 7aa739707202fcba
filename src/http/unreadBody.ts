// A request refused before its body was read (over the limit, not JSON) is usually still sending. Fastify answers
// it with `connection: close`, and Node then closes the socket with the rest of the body unread: the kernel resets
// the connection, and a client that writes its whole body before it reads (as most do) gets EPIPE or a reset
// instead of the answer. So the connection stays open while the rest is read and dropped, up to `drainLimit`
// bytes, beyond which it is cut; requestTimeout bounds the time it may take.
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The most of a refused body read and dropped before the connection is cut. */
export const drainLimit = 8 * 1024 * 1024;

export function drainUnread(request: FastifyRequest, reply: FastifyReply): void {
  const raw = request.raw;
  if (raw.complete) return;
  reply.removeHeader('connection');
  let drained = 0;
  raw.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > drainLimit) raw.socket.destroy();
  });
  raw.resume();
}
