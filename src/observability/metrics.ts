// The process's metrics: fastify-metrics' process metrics, a request duration histogram labelled by operationId,
// and the database's, timed in the repositories.
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IMetricsPluginOptions } from 'fastify-metrics';
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { DatabaseHandle } from '../storage/connect.js';

declare module 'node:http' {
  interface IncomingMessage {
    arrivedAt: number;
  }
}

/** fastify-metrics' options: the process metrics. Its route metrics are off: see `requestMetrics`. */
export const processMetrics = (registry: Registry): Partial<IMetricsPluginOptions> => ({
  endpoint: null,
  defaultMetrics: { enabled: true, register: registry },
  routeMetrics: { enabled: false },
});

/**
 * The request duration histogram (prom-client's), by method, operationId and status. fastify-metrics' own route
 * metrics would time every request through two hooks and a WeakMap: side by side they cost more than the rest
 * of the contract layer's work on a ping (README, "Performance"). Here the arrival is stamped from genReqId,
 * which Fastify calls first for every request, and the one place every response passes observes it.
 */
export function requestMetrics(registry: Registry) {
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request arrival to response, by operationId (route), method and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    /** Called from genReqId: every request, routed or not, served or injected, before its body is read. */
    stamp(raw: IncomingMessage): void {
      raw.arrivedAt = performance.now();
    },
    /** `route` is the operationId, or `unmatched` when no route matched. */
    observe(request: FastifyRequest, reply: FastifyReply, route: string): void {
      durations.observe(
        { method: request.method, route, status_code: reply.statusCode },
        (performance.now() - request.raw.arrivedAt) / 1000,
      );
    },
  };
}

export type RequestMetrics = ReturnType<typeof requestMetrics>;

/**
 * Database metrics: a duration histogram of every repository call, named `repository.method`, on both dialects;
 * on PostgreSQL, the pool's connections in use and idle and the queries waiting for one, read at scrape time.
 */
export function databaseMetrics(registry: Registry, { pool }: DatabaseHandle) {
  const histogram = new Histogram({
    name: 'db_query_duration_seconds',
    help: 'Time spent in each repository query, by query name (repository.method) and outcome (ok or error)',
    labelNames: ['query', 'outcome'],
    buckets: [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [registry],
  });
  if (pool) {
    new Gauge({
      name: 'db_pool_connections',
      help: 'PostgreSQL pool connections by state (in_use or idle)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
        this.set({ state: 'idle' }, pool.idleCount);
      },
    });
    new Gauge({
      name: 'db_pool_waiting_queries',
      help: 'Queries waiting for a PostgreSQL pool connection',
      registers: [registry],
      collect() {
        this.set(pool.waitingCount);
      },
    });
  }
  return {
    /** `repository` with every method timed under `name.method`. */
    timed<R extends object>(name: string, repository: R): R {
      const wrapped: Record<string, unknown> = {};
      for (const [method, value] of Object.entries(repository)) {
        if (typeof value !== 'function') {
          wrapped[method] = value;
          continue;
        }
        const query = `${name}.${method}`;
        wrapped[method] = async (...args: unknown[]) => {
          const start = performance.now();
          let outcome = 'error';
          try {
            const result: unknown = await value.apply(wrapped, args);
            outcome = 'ok';
            return result;
          } finally {
            histogram.observe({ query, outcome }, (performance.now() - start) / 1000);
          }
        };
      }
      return wrapped as R;
    },
  };
}
