// All SQL on the settings table: values every instance must agree on.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function settingsRepository(db: Kysely<Database>) {
  return {
    /** The stored value, or `create()`'s value stored now; when instances race, the first insert wins for all. */
    async getOrCreate(key: string, create: () => string): Promise<string> {
      await db
        .insertInto('settings')
        .values({ key, value: create(), updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
      const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirstOrThrow();
      return row.value;
    },
  };
}

export type SettingsRepository = ReturnType<typeof settingsRepository>;
