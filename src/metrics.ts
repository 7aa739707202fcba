// The request duration histogram. fastify-metrics' own route metrics hang on onRequest/onResponse hooks that
// cost more than the rest of a ping together; this observes in the one place every response passes instead.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

const arrival = Symbol('arrival');
type Stamped = FastifyRequest['raw'] & { [arrival]?: number };

export function requestMetrics(registry: Registry) {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request arrival to response, by operationId (route), method and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    /** Called by Fastify before routing (as `rewriteUrl`): stamps the arrival time, keeps the URL. */
    stampArrival(raw: Stamped): string {
      raw[arrival] = performance.now();
      return raw.url as string;
    },
    /** `route` is the operationId, or `unmatched` when no route matched. */
    observe(request: FastifyRequest, reply: FastifyReply, route: string): void {
      const started = (request.raw as Stamped)[arrival] ?? performance.now();
      histogram.observe({ method: request.method, route, status_code: reply.statusCode }, (performance.now() - started) / 1000);
    },
  };
}

export type RequestMetrics = ReturnType<typeof requestMetrics>;
