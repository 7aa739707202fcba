// @fastify/rate-limit's store, kept in the database so that instances behind one load balancer count together. Each
// rate-limited route counts apart: the contract gives it its operationId as the plugin's groupId (a key is the
// client's address, IPv6 grouped by /64 as the plugin does, then the group).
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitsRepository } from '../storage/repositories/rateLimits.js';

/** How many hits between two purges of run-out counters (per process). */
const purgeEvery = 1000;

export function databaseStore(rateLimits: RateLimitsRepository): FastifyRateLimitStoreCtor {
  let hits = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: Parameters<FastifyRateLimitStore['incr']>[1], timeWindow: number): void {
      const now = Date.now();
      rateLimits.hit(key, timeWindow, now).then(
        ({ hits: current, windowStart }) => callback(null, { current, ttl: windowStart + timeWindow - now }),
        (error: Error) => callback(error),
      );
      // A failed purge is retried by the next one; until then the table only holds a few more rows.
      if (++hits % purgeEvery === 0) rateLimits.purge(now - timeWindow).catch(() => {});
    }

    /** The plugin asks each rate-limited route for a store of its own: the one store serves them all. */
    child(): DatabaseStore {
      return this;
    }
  }
  return DatabaseStore;
}
