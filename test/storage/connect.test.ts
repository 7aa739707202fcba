import { Migrator, NO_MIGRATIONS, sql } from 'kysely';
import pg from 'pg';
import t from 'tap';
import { migrations } from '../../db/migrations/index.js';
import { openDatabase, openSqlite } from '../../src/storage/connect.js';
import { rateLimitsRepository } from '../../src/storage/repositories/rateLimits.js';
import { settingsRepository } from '../../src/storage/repositories/settings.js';
import { onPostgres, testDatabaseUrl } from '../helpers/app.js';

t.test('migrations seed the admin and user roles, and go down cleanly', async (t) => {
  const dir = t.testdir();
  const { db } = await openDatabase(`sqlite:${dir}/nested/dir/cms.db`);
  t.teardown(() => db.destroy());
  const roles = await db.selectFrom('role').select(['name', 'code']).orderBy('id').execute();
  t.same(roles, [
    { name: 'admin', code: 'admin' },
    { name: 'user', code: 'user' },
  ]);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const down = await migrator.migrateTo(NO_MIGRATIONS);
  t.equal(down.error, undefined);
  const tables = openSqlite(`${dir}/nested/dir/cms.db`)
    .prepare(
      "select name from sqlite_master where type = 'table' and name in ('users', 'role', 'settings', 'role_permission', 'login_record', 'audit_log')",
    )
    .all();
  t.same(tables, []);
  t.equal((await migrator.migrateToLatest()).error, undefined, 'and up again');
});

t.test('SQLite runs in WAL mode with foreign keys on', async (t) => {
  const sqlite = openSqlite(`${t.testdir()}/cms.db`);
  t.equal(sqlite.pragma('journal_mode', { simple: true }), 'wal');
  t.equal(sqlite.pragma('foreign_keys', { simple: true }), 1);
  t.equal(sqlite.pragma('synchronous', { simple: true }), 1, 'NORMAL');
});

t.test('SQLite rows built from arrays are the objects better-sqlite3 would build', async (t) => {
  const path = `${t.testdir()}/cms.db`;
  const { db } = await openDatabase(`sqlite:${path}`);
  t.teardown(() => db.destroy());
  const reference = openSqlite(path);
  t.teardown(() => reference.close());
  const queries = {
    'each type of value': `select 1 as "a", 'text' as "b", null as "c", 2.5 as "d", x'00ff' as "e", 'ünï' as "f"`,
    'a repeated column name': `select 1 as "same", 2 as "same", 3 as "other"`,
    'a column named __proto__': `select 1 as "__proto__", 2 as "b"`,
    'quotes, a backslash and a line separator in a name; two rows': `select 'x' as "with ""quotes"" and \\ and ${'\u2028'}" union all select 'y'`,
    'no rows': `select 1 as "n" where 0`,
  };
  for (const [what, query] of Object.entries(queries)) {
    const { rows } = await sql.raw(query).execute(db);
    t.same(rows, reference.prepare(query).all(), what);
    t.equal(Object.getPrototypeOf(rows[0] ?? {}), Object.prototype, 'plain objects');
  }
  const settings = db.selectFrom('settings').selectAll().where('key', '=', 'k');
  await db.insertInto('settings').values({ key: 'k', value: 'v', updated_at: 'now' }).execute();
  t.same(await settings.execute(), [{ key: 'k', value: 'v', updated_at: 'now' }]);
  reference.exec(`alter table settings add column extra text default 'x'`);
  t.same(
    await settings.execute(),
    [{ key: 'k', value: 'v', updated_at: 'now', extra: 'x' }],
    'a column added by another connection',
  );
  reference.exec('alter table settings rename column extra to renamed');
  t.same(
    await settings.execute(),
    [{ key: 'k', value: 'v', updated_at: 'now', renamed: 'x' }],
    'a column renamed by another connection (as many columns)',
  );
  const streamedSettings = [];
  reference.exec('alter table settings rename column renamed to again');
  for await (const row of settings.stream()) streamedSettings.push(row);
  t.same(streamedSettings, [{ key: 'k', value: 'v', updated_at: 'now', again: 'x' }], 'and streamed');
  // What perf/arrayRows.ts relies on to check only statements with a `*`: a column a statement names cannot come
  // back under another name; renamed, the statement fails.
  const named = sql<{ key: string; again: string }>`select "key", "again" from settings`;
  t.same((await named.execute(db)).rows, [{ key: 'k', again: 'x' }]);
  reference.exec('alter table settings rename column again to once_more');
  await t.rejects(named.execute(db), /no such column/, 'a named column renamed under a statement fails it');
  const roles = db.selectFrom('role').select(['id', 'code']).orderBy('id');
  const streamed = [];
  for await (const row of roles.stream()) streamed.push(row);
  t.same(streamed, reference.prepare(roles.compile().sql).all(), 'streamed rows too');
});

t.test('a setting is created once; later callers get the first value', async (t) => {
  const { db } = await openDatabase(`sqlite:${t.testdir()}/cms.db`);
  t.teardown(() => db.destroy());
  const settings = settingsRepository(db);
  t.equal(await settings.getOrCreate('k', () => 'first'), 'first');
  t.equal(await settings.getOrCreate('k', () => 'second'), 'first');
});

t.test('rate limit counters: one window per key, restarted once it runs out, purged afterwards', async (t) => {
  const { db } = await openDatabase(await testDatabaseUrl(t.testdir()));
  t.teardown(() => db.destroy());
  const limits = rateLimitsRepository(db);
  const start = 1_700_000_000_000;
  t.same(await limits.hit('login:1.2.3.4', 60_000, start), { hits: 1, windowStart: start });
  t.same(await limits.hit('login:1.2.3.4', 60_000, start + 59_999), { hits: 2, windowStart: start });
  t.same(
    await limits.hit('register:1.2.3.4', 60_000, start + 1),
    { hits: 1, windowStart: start + 1 },
    'keys count apart',
  );
  t.same(
    await limits.hit('login:1.2.3.4', 60_000, start + 60_000),
    { hits: 1, windowStart: start + 60_000 },
    'a new window',
  );
  await limits.purge(start + 60_000);
  t.same(
    (await db.selectFrom('rate_limit').select('key').execute()).map((r) => r.key),
    ['login:1.2.3.4'],
    'run-out windows purged',
  );
});

t.test(
  'a PostgreSQL session ended while its connection is checked out fails that work only, not the process',
  { skip: !onPostgres && 'PostgreSQL run only' },
  async (t) => {
    const { db } = await openDatabase(await testDatabaseUrl(t.testdir()));
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    t.teardown(async () => {
      await admin.end();
      await db.destroy();
    });
    // As in a transaction between two statements: the connection is held, no query is running.
    const held = db.connection().execute(async (connection) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await sql`select 1`.execute(connection);
    });
    await t.rejects(held, { message: /not queryable|Connection terminated/ }, 'the work on the ended session fails');
    t.same(
      (await sql<{ one: number }>`select 1 as one`.execute(db)).rows,
      [{ one: 1 }],
      'the next query gets a live connection',
    );
  },
);

t.test(
  'starting on PostgreSQL is not upset by tables created and dropped meanwhile in other schemas',
  { skip: !onPostgres && 'PostgreSQL run only' },
  async (t) => {
    // Deployments (and this suite's apps) share one database in schemas of their own; checking whether our
    // migrations ran must look at our schema alone, not at every table of every other one as they come and go.
    const churn = new pg.Client({ connectionString: await testDatabaseUrl(t.testdir()) });
    await churn.connect();
    let churning = true;
    const churned = (async () => {
      for (let i = 0; churning; i++) {
        await churn.query(`create table churn_${i} (id serial primary key)`);
        await churn.query(`drop table churn_${i}`);
      }
    })();
    t.teardown(() => churn.end());
    const url = await testDatabaseUrl(t.testdir());
    try {
      for (let i = 0; i < 40; i++) await (await openDatabase(url, 1)).db.destroy();
    } finally {
      churning = false;
      await churned;
    }
    t.pass('opened and checked 40 times while another schema churned');

    const { db } = await openDatabase(url, 1);
    t.teardown(() => db.destroy());
    const names = async (withInternalKyselyTables: boolean) =>
      (await db.introspection.getTables({ withInternalKyselyTables })).map((table) => table.name).sort();
    // The same migrations in a fresh schema say which tables are ours: no list here to forget.
    const { db: reference } = await openDatabase(await testDatabaseUrl(t.testdir()), 1);
    t.teardown(() => reference.destroy());
    const ours = async (withInternalKyselyTables: boolean) =>
      (await reference.introspection.getTables({ withInternalKyselyTables })).map((table) => table.name).sort();
    t.ok((await ours(false)).includes('users'));
    t.same(await names(false), await ours(false), 'the schema in use alone');
    t.same(await names(true), await ours(true));
    const id = (await db.introspection.getTables())
      .find((table) => table.name === 'users')!
      .columns.find((column) => column.name === 'id');
    t.match(id, { dataType: 'int4', isNullable: false, isAutoIncrementing: true, hasDefaultValue: true });
  },
);

t.test(
  'PostgreSQL: statements are named, and one whose table another instance altered still answers',
  { skip: !onPostgres && 'PostgreSQL run only' },
  async (t) => {
    // One connection, so that every query below runs in the session whose prepared statements are listed.
    const { db } = await openDatabase(await testDatabaseUrl(t.testdir()), 1);
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    t.teardown(async () => {
      await admin.end();
      await db.destroy();
    });
    const roles = () => db.selectFrom('role').selectAll().where('id', '>', 0).orderBy('id').execute();
    for (let i = 0; i < 6; i++) await roles(); // past PostgreSQL's five custom plans: the plan is cached
    const prepared = await sql<{
      statement: string;
    }>`select statement from pg_prepared_statements where name like 'cms\_%'`.execute(db);
    t.ok(
      prepared.rows.some((row) => /from "role"/.test(row.statement)),
      'the role query is a named statement of the session',
    );
    const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute(db);
    // As a newer instance's migration would: the table under a `select *` gains a column.
    await admin.query(`alter table "${rows[0]!.s}".role add column extra text`);
    const after = await roles();
    t.equal(after.length, 2, 'the query answers after the change');
    t.ok('extra' in after[0]!, 'with the new column');
    t.equal((await roles()).length, 2, 'and again');
  },
);
