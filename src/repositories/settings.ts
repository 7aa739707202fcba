// All SQL on the settings table: values every instance must agree on, read fresh so that all of them do.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { prepared } from './prepared.js';
import { securityDefaults } from '../../generated/constants.js';
import type { components } from '../../generated/openapi.js';

export type SecuritySettings = components['schemas']['SecuritySettings'];

const prefix = 'security.';
const names = Object.keys(securityDefaults) as Array<keyof SecuritySettings>;

export function settingsRepository(db: Kysely<Database>) {
  const keys = names.map((name) => prefix + name);
  const stored = prepared(db, db.selectFrom('settings').select(['key', 'value']).where('key', 'in', keys));
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
      const rows = await stored(...keys);
      return { ...securityDefaults, ...Object.fromEntries(rows.map((row) => [row.key.slice(prefix.length), JSON.parse(row.value) as unknown])) };
    },

    async updateSecurity(changes: Partial<SecuritySettings>): Promise<SecuritySettings> {
      const updatedAt = new Date().toISOString();
      const values = Object.entries(changes).map(([name, value]) => ({ key: prefix + name, value: JSON.stringify(value), updated_at: updatedAt }));
      await db
        .insertInto('settings')
        .values(values)
        .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
      return this.security();
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
