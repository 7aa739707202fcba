// All SQL on the rate_limit table: fixed-window attempt counters shared by every instance.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';

export function rateLimitsRepository(db: Kysely<Database>) {
  return {
    /** Counts one hit on `key` in one statement (instances race); answers the hits and when the window started. */
    async hit(key: string, windowMs: number, now = Date.now()): Promise<{ hits: number; windowStart: number }> {
      const expired = sql<boolean>`rate_limit.window_start + ${windowMs} <= ${now}`;
      const row = await db
        .insertInto('rate_limit')
        .values({ key, hits: 1, window_start: now })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql`case when ${expired} then 1 else rate_limit.hits + 1 end`,
            window_start: sql`case when ${expired} then ${now} else rate_limit.window_start end`,
          }),
        )
        .returning(['hits', 'window_start'])
        .executeTakeFirstOrThrow();
      return { hits: Number(row.hits), windowStart: Number(row.window_start) };
    },

    /** Removes counters whose window ran out before `before`. */
    async purge(before: number): Promise<void> {
      await db.deleteFrom('rate_limit').where('window_start', '<', before).execute();
    },
  };
}

export type RateLimitsRepository = ReturnType<typeof rateLimitsRepository>;
