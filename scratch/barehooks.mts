import Fastify from 'fastify';
import { Histogram, Registry } from 'prom-client';
const opts: Record<string, unknown> = { logger: process.env.H_LOG ? { level: 'warn' } : false };
if (process.env.H_NOCHILD) opts.childLoggerFactory = (logger: unknown) => logger;
if (process.env.H_NOREQLOG) opts.disableRequestLogging = true;
const app = Fastify(opts);
const kStart = Symbol('start');
if (process.env.H_STAMP) app.addHook('onRequest', (req, _rep, done) => { (req as any)[kStart] = performance.now(); done(); });
const registry = new Registry();
const hist = new Histogram({ name: 'x_seconds', help: 'x', labelNames: ['method', 'route', 'status_code'], registers: [registry] });
if (process.env.H_RESHIST) app.addHook('onResponse', (req, rep, done) => { hist.observe({ method: req.method, route: 'ping', status_code: rep.statusCode }, rep.elapsedTime / 1000); done(); });
app.get('/api/v1/platform/ping', async (req, reply) => {
  if (process.env.H_INHIST) hist.observe({ method: req.method, route: 'ping', status_code: 200 }, (performance.now() - ((req as any)[kStart] ?? 0)) / 1000);
  return reply.type('application/json; charset=utf-8').send('"pong"');
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
