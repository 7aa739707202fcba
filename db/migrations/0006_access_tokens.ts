// Personal access tokens: one row per token not yet revoked, found by the SHA-256 of its secret (the secret itself
// is never stored). A token is not tied to the token_version: it outlives password changes and ends when it is
// revoked (its row deleted), expires, or its owner is disabled or deleted (the caller's read joins live users).
import type { Kysely } from 'kysely';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_token')
    .addColumn('id', ...idColumn(db))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull().unique())
    // A JSON array of permissions.
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('last_used_ip', 'text')
    .execute();
  // A user's tokens newest first; and the expired ones, oldest first, for retention.
  await db.schema.createIndex('access_token_user').on('access_token').columns(['user_id', 'id']).execute();
  await db.schema.createIndex('access_token_expiry').on('access_token').column('expires_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_token').execute();
}
