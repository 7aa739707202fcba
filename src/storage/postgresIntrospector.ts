// Kysely's PostgreSQL introspector lists the tables of every schema in the database and calls
// pg_get_serial_sequence on each by name, so a table dropped meanwhile in any schema fails the whole listing
// ("relation ... does not exist"). Its migrator asks that listing whether its own bookkeeping tables exist, at
// every start: deployments sharing a database in schemas of their own would fail each other's start-up. This
// dialect's introspector answers for the schema in use alone, from information_schema (no lookups by name).

import type {
  DatabaseIntrospector,
  DatabaseMetadata,
  DatabaseMetadataOptions,
  Kysely,
  SchemaMetadata,
  TableMetadata,
} from 'kysely';
import {
  DEFAULT_MIGRATION_LOCK_TABLE,
  DEFAULT_MIGRATION_TABLE,
  PostgresDialect,
  PostgresIntrospector,
  sql,
} from 'kysely';

interface ColumnRow {
  table: string;
  schema: string;
  isView: boolean;
  name: string;
  dataType: string;
  dataTypeSchema: string;
  isNullable: boolean;
  isAutoIncrementing: boolean;
  hasDefaultValue: boolean;
}

const kyselyTables = new Set([DEFAULT_MIGRATION_TABLE, DEFAULT_MIGRATION_LOCK_TABLE]);

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  getSchemas(): Promise<SchemaMetadata[]> {
    return new PostgresIntrospector(this.db).getSchemas();
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<ColumnRow>`
      select c.table_name as "table", c.table_schema as "schema", t.table_type = 'VIEW' as "isView",
        c.column_name as "name", c.udt_name as "dataType", c.udt_schema as "dataTypeSchema",
        c.is_nullable = 'YES' as "isNullable",
        (c.is_identity = 'YES' or c.column_default like 'nextval(%') is true as "isAutoIncrementing",
        (c.is_identity = 'YES' or c.column_default is not null) as "hasDefaultValue"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = current_schema()
      order by c.table_name, c.ordinal_position`.execute(this.db);
    const tables = new Map<string, TableMetadata>();
    for (const { table, schema, isView, ...column } of rows) {
      if (!options.withInternalKyselyTables && kyselyTables.has(table)) continue;
      if (!tables.has(table)) tables.set(table, { name: table, schema, isView, columns: [] });
      tables.get(table)!.columns.push(column);
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

export class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
