/**
 * Speed trick (SQLite rows): better-sqlite3 builds each row object through V8's API a property at a time, most of
 * the cost of reading a page of users. In raw mode it hands over each row as an array instead, and a plain loop
 * over the statement's column names builds the object, which V8 does far faster.
 * Measured with `npm run bench` (the user list's row; README, "Performance"). Remove when better-sqlite3's objects
 * cost no more than arrays (the bench's list ratio does not move with the trick off).
 *
 * Invariant: each row has the names of the columns it was read with. When another connection changes the schema,
 * SQLite prepares the statement again as it runs it, and a `*` may then answer other columns, as many or not (a
 * column named in the statement cannot change its name: renamed or dropped, the statement fails). So after each run
 * of a statement with a `*`, if the schema's version moved, the names are read again from the statement, which
 * describes the run just made. Guarded by test/storage/connect.test.ts (rows as better-sqlite3 builds them; columns
 * added and renamed by another connection).
 */
import type SQLite from 'better-sqlite3';

type Row = Record<string, unknown>;

export interface Rows {
  all(parameters: ReadonlyArray<unknown>): Row[];
  iterate(parameters: ReadonlyArray<unknown>): IterableIterator<Row>;
}

/** `schemaVersion` reads the connection's `pragma schema_version`. */
export function arrayRows(statement: SQLite.Statement, schemaVersion: () => number): Rows {
  if (!statement.reader) {
    return {
      all: (parameters) => statement.all(parameters) as Row[],
      iterate: (parameters) => statement.iterate(parameters) as IterableIterator<Row>,
    };
  }
  const namesNow = () => statement.columns().map((column) => column.name);
  let names = namesNow();
  const expands = statement.source.includes('*');
  let version = expands ? schemaVersion() : 0;
  const objectOf = (values: unknown[]): Row => {
    const row: Row = {};
    // Assigned as better-sqlite3 assigns, so that a column named __proto__ comes out as it does there (dropped).
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row;
  };
  const current = () => {
    if (!expands) return;
    const now = schemaVersion();
    if (now !== version) {
      version = now;
      names = namesNow();
    }
  };
  statement.raw(true);
  return {
    all(parameters) {
      const rows = statement.all(parameters) as unknown[][];
      current();
      return rows.map(objectOf);
    },
    *iterate(parameters) {
      let first = true;
      for (const values of statement.iterate(parameters) as IterableIterator<unknown[]>) {
        if (first) current();
        first = false;
        yield objectOf(values);
      }
    },
  };
}
