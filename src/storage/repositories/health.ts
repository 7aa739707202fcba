// The database's own health: one trivial query, for the readiness operation.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../db/schema.js';

export function healthRepository(db: Kysely<Database>) {
  return {
    /** Resolves when the database answers a query; throws what the driver throws otherwise. */
    async check(): Promise<void> {
      await sql`select 1`.execute(db);
    },
  };
}
