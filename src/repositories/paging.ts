// What a list query is asked for and what it answers, the same for every list.
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.js';
import { maxPageSize, resultWindow } from '../../generated/constants.js';
import { rowCount } from './sql.js';

/** `limit` rows after the row with id `after` in the list's order (keyset), or else after skipping `offset` rows. */
export interface Window {
  limit: number;
  offset: number;
  after?: number | undefined;
}

export interface Slice<T> {
  items: T[];
  total: number;
  /** False when `total` is a count that stopped at the result window (keyword searches). */
  totalExact: boolean;
}

/** A count of matches that stops after the result window: enough to tell whether there are more. */
export const countLimit = resultWindow + 1;

export function cappedTotal(counted: number | string | bigint | undefined): Pick<Slice<never>, 'total' | 'totalExact'> {
  const n = Number(counted ?? 0);
  return n > resultWindow ? { total: resultWindow, totalExact: false } : { total: n, totalExact: true };
}

/** The keyset condition of `window` on `id` for a list in ascending (or descending) id order. */
export function after(id: Expression<number>, window: Window, order: 'asc' | 'desc'): Expression<SqlBool> {
  if (window.after === undefined) return sql<SqlBool>`1 = 1`;
  return order === 'asc' ? sql<SqlBool>`${id} > ${window.after}` : sql<SqlBool>`${id} < ${window.after}`;
}

/**
 * Speed trick (PostgreSQL plans): `query` (in id order, unlimited) cut to its first `limit` rows. PostgreSQL prices
 * a LIMIT that is a parameter at a tenth of the table, so the generic plan of a named statement never beats a
 * custom one and every run is planned anew: pg_prepared_statements counted a custom plan for each of 3,050 runs of
 * the user list's statement, and planning took about half of PostgreSQL's time on it. Cut first to the most a page
 * reads (a literal), then to `limit`, the generic plan is priced at a page and chosen from the sixth run on (test:
 * list-plans). Pages after an OFFSET keep theirs, a parameter too: those are planned at every run. SQLite plans a
 * statement once whatever its LIMIT: there the cut changes nothing.
 * Measured with `npm run bench:scale` (PostgreSQL's list at 1k against SQLite's; README, "At a million users").
 * Remove when PostgreSQL prices a parameter's LIMIT by its value, or plan_cache_mode can be set per statement.
 */
export function firstRows<O extends { id: number }>(db: Kysely<Database>, query: SelectQueryBuilder<Database, keyof Database, O>, limit: number, order: 'asc' | 'desc' = 'asc') {
  return db
    .selectFrom(query.limit(sql.lit(maxPageSize + 1)).as('first'))
    .selectAll('first')
    .orderBy(sql.ref('first.id'), order)
    .limit(rowCount(limit));
}

/** `window`'s rows of `query` (in id order, its keyset condition applied): firstRows, or after an OFFSET. */
export function windowed<O extends { id: number }>(db: Kysely<Database>, query: SelectQueryBuilder<Database, keyof Database, O>, window: Window, order: 'asc' | 'desc' = 'asc') {
  return window.offset === 0 ? firstRows(db, query, window.limit, order) : query.limit(rowCount(window.limit)).offset(rowCount(window.offset));
}
