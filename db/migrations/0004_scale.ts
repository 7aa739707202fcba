// Lists that cost O(page) at any size: live-row counts kept by triggers in the same transaction as every insert and
// (soft) delete, substring search through trigram indexes (SQLite's FTS5 trigram tokenizer, PostgreSQL's pg_trgm),
// and indexes for each list's order and filter. Triggers rather than application code, so that every writer (the
// server, the CLI, the import, another instance, a hand-written statement) keeps them in step.
import { type Kysely, sql } from 'kysely';
import { onPostgres } from './columns.js';

/** The counts kept in row_count: `users` and `role` (live rows), `audit_log`, `login_record:<user id>`. */
const initialCounts = sql`
  insert into row_count (name, n)
  select 'users', count(*) from users where deleted_at is null
  union all select 'role', count(*) from role where deleted_at is null
  union all select 'audit_log', count(*) from audit_log
  union all select 'login_record:' || user_id, count(*) from login_record group by user_id`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('row_count')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .execute();
  await initialCounts.execute(db);
  // The live rows in id order: the lists' order, and their keyset cursors, without stepping over deleted rows.
  await db.schema
    .createIndex('users_live_id')
    .on('users')
    .column('id')
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('role_live_id')
    .on('role')
    .column('id')
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
  await (onPostgres(db) ? postgres(db) : sqlite(db));
}

async function sqlite(db: Kysely<unknown>): Promise<void> {
  // The search tables hold the live rows only, under the same rowid; case_sensitive 0 folds Unicode case.
  await sql`create virtual table users_search using fts5(username, tokenize = 'trigram case_sensitive 0')`.execute(db);
  await sql`insert into users_search (rowid, username) select id, username from users where deleted_at is null`.execute(
    db,
  );
  await sql`create virtual table role_search using fts5(name, code, tokenize = 'trigram case_sensitive 0')`.execute(db);
  await sql`insert into role_search (rowid, name, code) select id, name, code from role where deleted_at is null`.execute(
    db,
  );

  const statements = [
    `create trigger users_live_insert after insert on users when new.deleted_at is null begin
       update row_count set n = n + 1 where name = 'users';
       insert into users_search (rowid, username) values (new.id, new.username);
     end`,
    `create trigger users_live_update after update of username, deleted_at on users begin
       update row_count set n = n + (new.deleted_at is null) - (old.deleted_at is null) where name = 'users';
       delete from users_search where rowid = old.id and old.deleted_at is null;
       insert into users_search (rowid, username) select new.id, new.username where new.deleted_at is null;
     end`,
    `create trigger users_live_delete after delete on users when old.deleted_at is null begin
       update row_count set n = n - 1 where name = 'users';
       delete from users_search where rowid = old.id;
     end`,
    `create trigger role_live_insert after insert on role when new.deleted_at is null begin
       update row_count set n = n + 1 where name = 'role';
       insert into role_search (rowid, name, code) values (new.id, new.name, new.code);
     end`,
    `create trigger role_live_update after update of name, code, deleted_at on role begin
       update row_count set n = n + (new.deleted_at is null) - (old.deleted_at is null) where name = 'role';
       delete from role_search where rowid = old.id and old.deleted_at is null;
       insert into role_search (rowid, name, code) select new.id, new.name, new.code where new.deleted_at is null;
     end`,
    `create trigger role_live_delete after delete on role when old.deleted_at is null begin
       update row_count set n = n - 1 where name = 'role';
       delete from role_search where rowid = old.id;
     end`,
    `create trigger audit_log_insert after insert on audit_log begin
       update row_count set n = n + 1 where name = 'audit_log';
     end`,
    `create trigger audit_log_delete after delete on audit_log begin
       update row_count set n = n - 1 where name = 'audit_log';
     end`,
    `create trigger login_record_insert after insert on login_record begin
       insert into row_count (name, n) values ('login_record:' || new.user_id, 1) on conflict (name) do update set n = n + 1;
     end`,
    `create trigger login_record_delete after delete on login_record begin
       update row_count set n = n - 1 where name = 'login_record:' || old.user_id;
     end`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

async function postgres(db: Kysely<unknown>): Promise<void> {
  // pg_trgm is installed once per database, where the schemas of several deployments (or test runs) may meet:
  // in public, unless it is already somewhere; the lock makes migrations running at once take turns.
  await sql`select pg_advisory_xact_lock(hashtext('cloud-management-system:pg_trgm'))`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  const { rows } = await sql<{
    schema: string;
  }>`select extnamespace::regnamespace::text as schema from pg_extension where extname = 'pg_trgm'`.execute(db);
  const ops = sql.raw(`${rows[0]!.schema}.gin_trgm_ops`);
  // The users' trigram index is on a column of its own: pg_trgm also serves `=`, and on `lower(username)` itself the
  // planner took it over the unique b-tree for every lookup by name (login), at several times the cost.
  await sql`alter table users add column search_name text generated always as (lower(username)) stored`.execute(db);
  await sql`create index users_search_name_trgm on users using gin (search_name ${ops}) where deleted_at is null`.execute(
    db,
  );
  await sql`create index role_name_trgm on role using gin (lower(name) ${ops}) where deleted_at is null`.execute(db);
  await sql`create index role_code_trgm on role using gin (lower(code) ${ops}) where deleted_at is null`.execute(db);

  // Inserts and deletes are counted once a statement, from its transition table: a row-level trigger would update
  // the one counter row once per row, and PostgreSQL keeps every version of that row until vacuum (a 500-row
  // insert left 500, and each update walks them all). Soft deletes change a row or a few: counted per row.
  const statements = [
    `create function count_inserted() returns trigger language plpgsql as $$
     begin
       if tg_table_name = 'login_record' then
         insert into row_count (name, n) select 'login_record:' || user_id, count(*) from new_rows group by user_id
         on conflict (name) do update set n = row_count.n + excluded.n;
       elsif tg_table_name = 'audit_log' then
         update row_count set n = n + (select count(*) from new_rows) where name = tg_table_name;
       else
         update row_count set n = n + (select count(*) from new_rows where deleted_at is null) where name = tg_table_name;
       end if;
       return null;
     end $$`,
    `create function count_deleted() returns trigger language plpgsql as $$
     begin
       if tg_table_name = 'login_record' then
         update row_count set n = row_count.n - gone.n from (select 'login_record:' || user_id as name, count(*) as n from old_rows group by user_id) as gone
         where row_count.name = gone.name;
       elsif tg_table_name = 'audit_log' then
         update row_count set n = n - (select count(*) from old_rows) where name = tg_table_name;
       else
         update row_count set n = n - (select count(*) from old_rows where deleted_at is null) where name = tg_table_name;
       end if;
       return null;
     end $$`,
    `create function count_soft_delete() returns trigger language plpgsql as $$
     begin
       update row_count set n = n + (case when new.deleted_at is null then 1 else -1 end) where name = tg_table_name;
       return null;
     end $$`,
  ];
  for (const table of ['users', 'role', 'audit_log', 'login_record']) {
    statements.push(
      `create trigger ${table}_count_insert after insert on ${table} referencing new table as new_rows for each statement execute function count_inserted()`,
    );
    statements.push(
      `create trigger ${table}_count_delete after delete on ${table} referencing old table as old_rows for each statement execute function count_deleted()`,
    );
  }
  for (const table of ['users', 'role']) {
    statements.push(
      `create trigger ${table}_count_update after update of deleted_at on ${table} for each row when ((old.deleted_at is null) <> (new.deleted_at is null)) execute function count_soft_delete()`,
    );
  }
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (onPostgres(db)) {
    for (const table of ['users', 'role', 'audit_log', 'login_record'])
      for (const event of ['insert', 'delete'])
        await sql.raw(`drop trigger ${table}_count_${event} on ${table}`).execute(db);
    for (const table of ['users', 'role']) await sql.raw(`drop trigger ${table}_count_update on ${table}`).execute(db);
    for (const fn of ['count_inserted', 'count_deleted', 'count_soft_delete'])
      await sql.raw(`drop function ${fn}()`).execute(db);
    for (const index of ['users_search_name_trgm', 'role_name_trgm', 'role_code_trgm'])
      await db.schema.dropIndex(index).execute();
    await db.schema.alterTable('users').dropColumn('search_name').execute();
  } else {
    for (const table of ['users', 'role'])
      for (const event of ['insert', 'update', 'delete'])
        await sql.raw(`drop trigger ${table}_live_${event}`).execute(db);
    for (const trigger of ['audit_log_insert', 'audit_log_delete', 'login_record_insert', 'login_record_delete'])
      await sql.raw(`drop trigger ${trigger}`).execute(db);
    await sql`drop table users_search`.execute(db);
    await sql`drop table role_search`.execute(db);
  }
  await db.schema.dropIndex('users_live_id').execute();
  await db.schema.dropIndex('role_live_id').execute();
  await db.schema.dropTable('row_count').execute();
}
