// Column types that differ between the dialects; everything else in the migrations is the same on both.
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

type Column = [type: 'integer' | 'serial', build: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder];

export const onPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** An auto-incrementing integer primary key: `integer … autoincrement` on SQLite, `serial` on PostgreSQL. */
export function idColumn(db: Kysely<unknown>): Column {
  return onPostgres(db) ? ['serial', (c) => c.primaryKey()] : ['integer', (c) => c.primaryKey().autoIncrement()];
}
