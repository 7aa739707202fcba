// The process's metrics: fastify-metrics' default metrics and its request duration histogram, labelled by
// operationId; and the database's, timed in the repositories.
import type { FastifyRequest } from 'fastify';
import type { IMetricsPluginOptions } from 'fastify-metrics';
import { Gauge, Histogram, type Registry } from 'prom-client';
import type { DatabaseHandle } from '../storage/connect.js';

/**
 * fastify-metrics' options: process metrics, and a histogram of every request from its arrival to its response,
 * by method, operationId (the route's `statsId`; never the raw URL) and status. Every method is counted; what no
 * operation answers (an unknown route, a CORS preflight answered by @fastify/cors) is counted as `unmatched`.
 */
export function requestMetrics(registry: Registry): Partial<IMetricsPluginOptions> {
  return {
    endpoint: null,
    defaultMetrics: { enabled: true, register: registry },
    routeMetrics: {
      enabled: { histogram: true, summary: false },
      registeredRoutesOnly: false,
      methodBlacklist: [],
      overrides: {
        labels: { getRouteLabel: (request: FastifyRequest) => request.routeOptions.config.statsId ?? 'unmatched' },
        histogram: {
          name: 'http_request_duration_seconds',
          help: 'Time from request arrival to response, by operationId (route), method and status code',
          buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
          registers: [registry],
        },
        // fastify-metrics builds its summary even when it is off: in no registry, rather than prom-client's global one.
        summary: { registers: [] },
      },
    },
  };
}

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

