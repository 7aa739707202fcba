// Small SQL helpers shared by the repositories, the same on every dialect.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';

export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** A LIKE pattern matching `keyword` literally anywhere, lower-cased: use with `escape '\'`. */
export function likePattern(keyword: string): string {
  return `%${keyword.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * A LIMIT or OFFSET as an expression rather than a bare parameter. SQLite plans with the value bound to a bare
 * parameter there, so it prepares such a statement again on every run (for the user list's page, more than the
 * query itself); `? + 0` it plans without looking.
 */
export const rowCount = (n: number) => sql<number>`${n} + 0`;

/**
 * Deletes up to `limit` of the oldest rows of `table` written before `cutoff`, and answers how many. Ids grow with
 * time, so the old rows are the first in id order: reading the first `limit` keeps a batch O(limit), however large
 * the table.
 */
export async function pruneOldest(
  db: Kysely<Database>,
  table: 'audit_log' | 'login_record',
  cutoff: string,
  limit: number,
): Promise<number> {
  const oldest = await db.selectFrom(table).select(['id', 'at']).orderBy('id').limit(limit).execute();
  const fresh = oldest.findIndex((row) => row.at >= cutoff);
  const last = (fresh === -1 ? oldest : oldest.slice(0, fresh)).at(-1);
  if (!last) return 0;
  const { numDeletedRows } = await db.deleteFrom(table).where('id', '<=', last.id).executeTakeFirst();
  return Number(numDeletedRows);
}
