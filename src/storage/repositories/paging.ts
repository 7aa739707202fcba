// What a list query is asked for and what it answers, the same for every list.
import { type Expression, type SqlBool, sql } from 'kysely';
import { resultWindow } from '../../../generated/constants.js';

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
