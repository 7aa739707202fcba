// @fastify/rate-limit's store, kept in the database so that instances behind one load balancer count together.
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitsRepository } from '../storage/repositories/rateLimits.js';

/** How many hits between two purges of run-out counters (per process). */
const purgeEvery = 1000;

// The plugin builds one store per rate-limited route through child(), passing the route's merged options with
// the route itself under `routeInfo` (its type declarations say otherwise): the operationId keeps counts apart.
type StoreOptions = { routeInfo?: { config?: { statsId?: string } } };

export function databaseStore(rateLimits: RateLimitsRepository): FastifyRateLimitStoreCtor {
  let hits = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    private readonly operation: string;

    constructor(options: object) {
      this.operation = (options as StoreOptions).routeInfo?.config?.statsId ?? '';
    }

    incr(key: string, callback: Parameters<FastifyRateLimitStore['incr']>[1], timeWindow: number): void {
      const now = Date.now();
      rateLimits.hit(`${this.operation}:${key}`, timeWindow, now).then(
        ({ hits: current, windowStart }) => callback(null, { current, ttl: windowStart + timeWindow - now }),
        (error: Error) => callback(error),
      );
      // A failed purge is retried by the next one; until then the table only holds a few more rows.
      if (++hits % purgeEvery === 0) rateLimits.purge(now - timeWindow).catch(() => {});
    }

    child(options: object): DatabaseStore {
      return new DatabaseStore(options);
    }
  }
  return DatabaseStore;
}
