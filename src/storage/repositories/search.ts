// Keyword search, case-insensitive substring semantics on both dialects, served by trigram indexes
// (db/migrations/0004_scale.ts): SQLite's FTS5 trigram tables and PostgreSQL's pg_trgm GIN indexes.
import { type RawBuilder, type SqlBool, sql } from 'kysely';
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
  /**
   * The whole keyword, lower-cased, when `phrase` and `pattern` hold only a part of it (`window`, from
   * searchWindow.ts): the rows they find must then contain this too.
   */
  whole?: string;
}

export function keyword(text: string, window = text): Keyword {
  const found = {
    phrase: `"${window.replace(/"/g, '""')}"`,
    pattern: likePattern(window),
    short: [...text].length < 3,
  };
  return window === text ? found : { ...found, whole: text.toLowerCase() };
}

/** `lowered like pattern` for each lower-cased expression, any of them matching. */
export function likeAny(pattern: string, ...lowered: RawBuilder<string>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(
    lowered.map((expression) => sql`${expression} like ${pattern} escape '\\'`),
    sql` or `,
  )})`;
}
