// Small SQL helpers shared by the repositories, the same on every dialect.
import { sql } from 'kysely';

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
