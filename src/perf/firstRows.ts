/**
 * Speed trick (PostgreSQL plans): firstRows answers `query` (in id order, unlimited) cut to its first `limit` rows.
 * PostgreSQL prices a LIMIT that is a parameter at a tenth of the table, so the generic plan of a named statement
 * never beat a custom one and every run of a list was planned anew. Cut first to the most a page reads (a literal),
 * then to `limit`, the generic plan is priced at a page and chosen after a few runs. Pages after an OFFSET keep a
 * parameter's LIMIT and are planned at every run. SQLite plans a statement once whatever its LIMIT.
 * Guarded by test/storage/list-plans.test.ts (the lists' plans go generic; the OFFSET page, the control, does not).
 * Measured with `npm run bench:scale` (PostgreSQL's list at 1k against SQLite's; README, "At a million users").
 * Remove when PostgreSQL prices a parameter's LIMIT by its value (the control then fails).
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.js';
import { maxPageSize } from '../../generated/constants.js';
import type { Window } from '../storage/repositories/paging.js';
import { rowCount } from '../storage/repositories/sql.js';

export function firstRows<O extends { id: number }>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, keyof Database, O>,
  limit: number,
  order: 'asc' | 'desc' = 'asc',
) {
  return db
    .selectFrom(query.limit(sql.lit(maxPageSize + 1)).as('first'))
    .selectAll('first')
    .orderBy(sql.ref('first.id'), order)
    .limit(rowCount(limit));
}

/** `window`'s rows of `query` (in id order, its keyset condition applied): firstRows, or after an OFFSET. */
export function windowed<O extends { id: number }>(
  db: Kysely<Database>,
  query: SelectQueryBuilder<Database, keyof Database, O>,
  window: Window,
  order: 'asc' | 'desc' = 'asc',
) {
  return window.offset === 0
    ? firstRows(db, query, window.limit, order)
    : query.limit(rowCount(window.limit)).offset(rowCount(window.offset));
}
