// The baseline for `npm run bench`: bare Fastify routes answering the same bytes (body and the spec's
// x-response-headers), no contract layer. It holds a tick object as our server does (src/perf/tickShape.ts): that is
// process-level, not contract work, and without it some bare processes run ~10% slower, flattering the ratio.
import '../src/perf/tickShape.js';
import Fastify, { type FastifyReply } from 'fastify';
import { responseHeaders } from '../generated/constants.js';

const bodies = JSON.parse(process.env.BARE_BODIES ?? '{}') as Record<string, string>;
const app = Fastify({ logger: false });
const send = (body: string) => async (_req: unknown, reply: FastifyReply) =>
  reply.type('application/json; charset=utf-8').headers(responseHeaders).send(body);
app.get('/api/v1/platform/ping', send('"pong"'));
app.post('/api/v1/user/login', send(bodies.login ?? '{}'));
app.get('/api/v1/user/list', send(bodies.list ?? '{}'));
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void app.close().then(() => process.exit(0)));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
