// Keyword search, case-insensitive substring semantics on both dialects, served by trigram indexes
// (db/migrations/0004_scale.ts): SQLite's FTS5 trigram tables and PostgreSQL's pg_trgm GIN indexes.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { likePattern } from './sql.js';

export interface Keyword {
  /** An FTS5 phrase of the keyword, matching it as a substring: SQLite, `short` false. */
  phrase: string;
  /** A lower-cased LIKE pattern, for PostgreSQL and keywords shorter than a trigram. */
  pattern: string;
  /**
   * Under three characters no trigram index can serve the keyword: SQLite scans the live rows in the list's order
   * (a page stops at its last row; the count at the result window).
   */
  short: boolean;
}

export function keyword(text: string): Keyword {
  return { phrase: `"${text.replace(/"/g, '""')}"`, pattern: likePattern(text), short: [...text].length < 3 };
}

/** `lowered like pattern` for each lower-cased expression, any of them matching. */
export function likeAny(pattern: string, ...lowered: RawBuilder<string>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(lowered.map((expression) => sql`${expression} like ${pattern} escape '\\'`), sql` or `)})`;
}
