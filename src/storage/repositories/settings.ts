// All SQL on the settings table: values every instance must agree on, read fresh so that all of them do.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { securityDefaults } from '../../../generated/constants.js';
import type { components } from '../../../generated/openapi.js';
import type { Dialect } from '../connect.js';
import { prepared } from './prepared.js';

export type SecuritySettings = components['schemas']['SecuritySettings'];

const prefix = 'security.';
const names = Object.keys(securityDefaults) as Array<keyof SecuritySettings>;
const keys = names.map((name) => prefix + name);

const securityOf = (stored: Array<{ key: string; value: string }>): SecuritySettings => ({
  ...securityDefaults,
  ...Object.fromEntries(stored.map((row) => [row.key.slice(prefix.length), JSON.parse(row.value) as unknown])),
});

/**
 * The stored security settings as a column of another query (the caller's, src/http/authenticate.ts): a JSON array of
 * key/value objects, text on SQLite, parsed already on PostgreSQL. Read with `securityFrom`.
 */
export function securityColumn(dialect: Dialect) {
  // The keys are the spec's names, inlined: the query's only parameters stay those of the query it joins.
  const listed = sql.join(keys.map((key) => sql.lit(key)));
  return dialect === 'postgres'
    ? sql<
        string | Array<{ key: string; value: string }>
      >`(select coalesce(json_agg(json_build_object('key', key, 'value', value)), '[]'::json) from settings where key in (${listed}))`
    : sql<
        string | Array<{ key: string; value: string }>
      >`(select json_group_array(json_object('key', key, 'value', value)) from settings where key in (${listed}))`;
}

export const securityFrom = (column: string | Array<{ key: string; value: string }>): SecuritySettings =>
  securityOf(typeof column === 'string' ? (JSON.parse(column) as Array<{ key: string; value: string }>) : column);

export function settingsRepository(db: Kysely<Database>) {
  const stored = prepared(db, () => db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys));
  return {
    /** The stored value, or `create()`'s value stored now; when instances race, the first insert wins for all. */
    async getOrCreate(key: string, create: () => string): Promise<string> {
      const read = () => db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
      // Read first: a server can then start on a database it cannot write, once the value exists.
      const stored = await read();
      if (stored) return stored.value;
      await db
        .insertInto('settings')
        .values({ key, value: create(), updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      return (await read())!.value;
    },

    /** The security settings: what is stored, the spec's defaults for the rest. */
    async security(): Promise<SecuritySettings> {
      return securityOf(await stored({}));
    },

    async updateSecurity(changes: Partial<SecuritySettings>): Promise<SecuritySettings> {
      const updatedAt = new Date().toISOString();
      const values = Object.entries(changes).map(([name, value]) => ({
        key: prefix + name,
        value: JSON.stringify(value),
        updated_at: updatedAt,
      }));
      await db
        .insertInto('settings')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
        )
        .execute();
      return this.security();
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
