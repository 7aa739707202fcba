// Kysely compiles a builder to SQL on every call (about 20 µs for a join); a hot query is compiled once here and
// re-run with fresh parameters, which must be given in the order of the compiled query's placeholders.
import type { Compilable, Kysely } from 'kysely';

export function prepared<DB, Row>(db: Kysely<DB>, query: Compilable<Row>) {
  const compiled = query.compile();
  return async (...parameters: unknown[]): Promise<Row[]> => (await db.executeQuery<Row>({ ...compiled, parameters })).rows;
}

/** `prepared` for a query with one IN list of varying length: compiled once per length, then run with the list. */
export function preparedIn<DB, Row>(db: Kysely<DB>, query: (placeholders: number[]) => Compilable<Row>) {
  const byLength = new Map<number, (...parameters: unknown[]) => Promise<Row[]>>();
  return (values: readonly unknown[]): Promise<Row[]> => {
    let run = byLength.get(values.length);
    if (!run) byLength.set(values.length, (run = prepared(db, query(values.map(() => 0)))));
    return run(...values);
  };
}
