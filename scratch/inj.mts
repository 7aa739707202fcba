import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
const bare = Fastify({ logger: false });
bare.get('/api/v1/platform/ping', async (_req, reply) => reply.type('application/json; charset=utf-8').send('"pong"'));
await bare.ready();
const ours = await buildApp({ ...loadConfig({}), databaseUrl: `sqlite:/tmp/bt/inj-${Date.now()}.db`, logLevel: 'silent' });
await ours.ready();
async function run(app: any, n: number) {
  const t = performance.now();
  for (let i = 0; i < n; i++) await app.inject({ method: 'GET', url: '/api/v1/platform/ping' });
  return ((performance.now() - t) * 1000) / n;
}
for (let r = 0; r < 4; r++) {
  const b = await run(bare, 30000); const o = await run(ours, 30000);
  console.log(`bare ${b.toFixed(2)} µs  ours ${o.toFixed(2)} µs  extra ${(o - b).toFixed(2)}`);
}
await ours.close();
