// Sessions: one row per sign-in that has not been ended, named by its token (claim `sid`). A session holds only
// while its token_version is the user's: advancing the version (password change or reset, disable, role change,
// delete) ends them all without touching their rows, which retention removes once they expire.
import type { Kysely } from 'kysely';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session')
    .addColumn('id', ...idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('token_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .execute();
  // A user's sessions newest first; and the expired ones, oldest first, for retention.
  await db.schema.createIndex('session_user').on('session').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('session_expiry').on('session').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session').execute();
}
