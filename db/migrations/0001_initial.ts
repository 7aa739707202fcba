import { type Kysely, sql } from 'kysely';
import { idColumn } from './columns.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('role')
    .addColumn('id', ...idColumn(db))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('desc', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('permission_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('role_code_live')
    .unique()
    .on('role')
    .column('code')
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', ...idColumn(db))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .addColumn('uid', 'text', (c) => c.notNull().unique())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('password', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('role_id', 'integer', (c) => c.notNull().references('role.id'))
    .execute();
  // Usernames are unique among live rows, ignoring case, so "Admin" cannot shadow "admin".
  await db.schema
    .createIndex('users_username_live')
    .unique()
    .on('users')
    .expression(sql`lower(username)`)
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('role' as never)
    .values([
      { created_at: now, updated_at: now, name: 'admin', desc: 'Administrator', code: 'admin', permission_id: 0 },
      { created_at: now, updated_at: now, name: 'user', desc: 'Ordinary user', code: 'user', permission_id: 0 },
    ] as never)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('settings').execute();
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('role').execute();
}
