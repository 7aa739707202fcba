// Opens the database named by DATABASE_URL (embedded SQLite, or PostgreSQL) and brings its schema up to date.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type Compilable,
  Kysely,
  type MigrationResultSet,
  Migrator,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteStatement,
  sql,
} from 'kysely';
import type pg from 'pg';
import { migrations } from '../../db/migrations/index.js';
import type { Database } from '../../db/schema.js';
import { arrayRows } from '../perf/arrayRows.js';
import { nameStatements } from '../perf/namedStatements.js';
import { CurrentSchemaPostgresDialect } from './postgresIntrospector.js';
import { sqliteReader } from './sqliteReader.js';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL's connection pool, for its metrics; none on SQLite. */
  pool?: pg.Pool;
  /**
   * Runs a read whose cost its page does not bound away from the event loop: on SQLite, on a connection of its own
   * in a worker thread (src/storage/sqliteReader.ts); on PostgreSQL, as any query (the pool never blocks the process). A
   * read that may go through a whole table (`lane` 'scan': a keyword no index serves) has a thread of its own, so
   * that a flood of them holds up only one another.
   */
  readAside<R>(query: Compilable<R>, lane?: 'scan'): Promise<R[]>;
}

/** How long a statement waits for a lock (SQLite's busy timeout, PostgreSQL's lock_timeout) before it fails. */
export const lockWaitMs = 5000;

/**
 * SQLite's page cache, a connection (KiB): its own default. better-sqlite3 builds SQLite with 16 MB, and the server
 * holds three connections (its own and two reader threads), which scans at a million users fill; the operating
 * system's file cache holds the pages anyway.
 */
export const pageCacheKib = 2048;

const statementCacheSize = 256;

const cannotWrite = /^SQLITE_(READONLY|CANTOPEN|IOERR)/;

/**
 * The SQLite connection Kysely uses. Kysely prepares every statement anew; reusing prepared statements roughly
 * halves the cost of a query. A connection that SQLite opened read-only (the file was not writable) stays
 * read-only after the cause is fixed: once a statement fails for want of writing, the next write outside a
 * transaction opens the file afresh.
 */
function sqliteConnection(path: string): SqliteDatabase {
  let sqlite: SQLite.Database | undefined;
  let reopenBeforeWrite = false;
  // `writes`: the statement changes the database (better-sqlite3's `readonly` is false), whether it returns rows or
  // not, or begins a transaction (which SQLite counts as read-only), so that a transaction's writes reopen too.
  let cache = new Map<string, SqliteStatement & { writes: boolean }>();
  const watched =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      try {
        return run(...args);
      } catch (error) {
        if (cannotWrite.test(String((error as { code?: unknown }).code))) reopenBeforeWrite = true;
        throw error;
      }
    };
  let schemaVersion: () => number;
  const statementFor = (sqlText: string) => {
    if (!sqlite) {
      sqlite = openSqlite(path);
      const version = sqlite.prepare('pragma schema_version').pluck();
      schemaVersion = () => version.get() as number;
    }
    let statement = cache.get(sqlText);
    if (statement) {
      cache.delete(sqlText);
    } else {
      const prepared = sqlite.prepare(sqlText);
      const rows = arrayRows(prepared, schemaVersion);
      statement = {
        reader: prepared.reader,
        writes: !prepared.readonly || /^begin\b/i.test(sqlText),
        all: watched((parameters: ReadonlyArray<unknown>) => rows.all(parameters)),
        run: watched((parameters: ReadonlyArray<unknown>) => prepared.run(parameters)),
        iterate: watched((parameters: ReadonlyArray<unknown>) => rows.iterate(parameters)),
      };
      if (cache.size >= statementCacheSize) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sqlText, statement);
    return statement;
  };
  return {
    close: () => sqlite?.close(),
    prepare(sqlText: string) {
      const statement = statementFor(sqlText);
      if (!reopenBeforeWrite || !statement.writes || sqlite!.inTransaction) return statement;
      sqlite!.close();
      sqlite = undefined;
      cache = new Map();
      reopenBeforeWrite = false;
      return statementFor(sqlText);
    },
  };
}

export function openSqlite(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL with synchronous=NORMAL: a committed write survives a process crash; only power loss may drop the last ones.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`busy_timeout = ${lockWaitMs}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`cache_size = -${pageCacheKib}`);
  return sqlite;
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL: shutting down, starting up, too many connections, lock not granted in time, statement timeout,
  // disk full, read-only (a standby, or default_transaction_read_only).
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '55P03',
  '57014',
  '53100',
  '25006',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
]);
// pg reports a lost or refused connection by message alone.
const unavailableMessages =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** Whether `error` says the database cannot serve now (down, unreachable, locked, full) rather than a fault. */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // 08xxx: PostgreSQL's connection exceptions; SQLite's busy, I/O and read-only errors with their extended codes.
  if (
    typeof code === 'string' &&
    (unavailableCodes.has(code) || code.startsWith('08') || /^SQLITE_(BUSY|IOERR|READONLY)/.test(code))
  )
    return true;
  return typeof message === 'string' && unavailableMessages.test(message);
}

/**
 * A connection to the database of `databaseUrl`, without migrating it. The PostgreSQL driver is loaded only for a
 * PostgreSQL URL: on SQLite, a start does not spend its evaluation (README, "Performance": cold start).
 */
export async function connect(databaseUrl: string, poolMax = 10): Promise<DatabaseHandle> {
  if (isPostgresUrl(databaseUrl)) {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: databaseUrl,
      max: poolMax,
      // A server that is down or unreachable fails requests quickly instead of holding them.
      connectionTimeoutMillis: lockWaitMs,
      lock_timeout: lockWaitMs,
    });
    // A client that loses its server (a restart, a failover ending sessions) emits 'error' whether it is idle or
    // checked out; unheard, that crashes the process. The query in flight fails on its own, and the pool drops
    // the broken client when it comes back.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
      nameStatements(client);
    });
    const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pool, readAside: async (query) => (await db.executeQuery(query.compile())).rows };
  }
  const path = databaseUrl.slice('sqlite:'.length);
  // Each starts its thread at its first read.
  const readers =
    path === ':memory:'
      ? undefined
      : { index: sqliteReader(path, lockWaitMs, pageCacheKib), scan: sqliteReader(path, lockWaitMs, pageCacheKib) };
  const connection = sqliteConnection(path);
  const close = () => {
    void readers?.index.close();
    void readers?.scan.close();
    connection.close();
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: { prepare: connection.prepare, close } }) });
  return {
    db,
    dialect: 'sqlite',
    readAside: async (query, lane) =>
      readers ? readers[lane ?? 'index'].all(query.compile()) : (await db.executeQuery(query.compile())).rows,
  };
}

/** Kysely's migrator over db/migrations, for start-up and the CLI's `migrate`. */
export async function migrator({ db, dialect }: DatabaseHandle): Promise<Migrator> {
  // Kysely looks for its bookkeeping tables in every schema unless told which: name the one in use, so that
  // several deployments (or test runs) can share a PostgreSQL database in schemas of their own.
  const schema =
    dialect === 'postgres'
      ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s
      : undefined;
  const provider = { getMigrations: async () => migrations };
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

/**
 * Runs `step` with the migrator. On SQLite it runs inside an immediate transaction: Kysely's SQLite migrator takes
 * no lock (it assumes one process), so instances starting together on one file would both migrate it. The second
 * waits for the first, then finds nothing to do; a failed step leaves nothing half done.
 */
export async function migrateWith(
  handle: DatabaseHandle,
  step: (migrator: Migrator) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  const steps = await migrator(handle);
  if (handle.dialect !== 'sqlite') return step(steps);
  await sql`begin immediate`.execute(handle.db);
  let result: MigrationResultSet | undefined;
  try {
    result = await step(steps);
  } finally {
    await sql.raw(result && !result.error ? 'commit' : 'rollback').execute(handle.db);
  }
  return result;
}

export async function migrate(handle: DatabaseHandle): Promise<void> {
  // Up to date: nothing to lock or write, so a server can start on a database it cannot write (yet).
  if ((await (await migrator(handle)).getMigrations()).every((m) => m.executedAt)) return;
  const { error } = await migrateWith(handle, (steps) => steps.migrateToLatest());
  if (error) throw error;
}

export async function openDatabase(databaseUrl: string, poolMax?: number): Promise<DatabaseHandle> {
  const handle = await connect(databaseUrl, poolMax);
  try {
    await migrate(handle);
  } catch (error) {
    await handle.db.destroy();
    throw error;
  }
  return handle;
}
