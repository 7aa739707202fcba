// Builds the real app on a fresh SQLite file in the test's own directory (or a PostgreSQL schema of its own); every
// response is checked against the spec, and every app's log is searched for secrets once it is closed.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { CompiledQuery, sql } from 'kysely';
import type { Test } from 'tap';
import { schemaUrl } from '../../scripts/postgres.js';
import { createPasswords, type Passwords } from '../../src/accounts/passwords.js';
import { type AppOptions, buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import { connect, isPostgresUrl } from '../../src/storage/connect.js';
import type { Permission } from '../../src/storage/permissions.js';
import { assertMatchesSpec } from './contract.js';

export const testSecret = 'test-secret-that-is-at-least-32-characters-long';

let passwords: Passwords | undefined;

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: a response body as the tests read it, checked against the spec by assertMatchesSpec
  json: any;
}

/** Every password the suite sent (8 characters or more) and every token it was given: no log line may carry one. */
const secrets = new Set<string>([testSecret]);

function remember(payload: InjectOptions['payload'], json: unknown) {
  if (payload && typeof payload === 'object' && !Buffer.isBuffer(payload)) {
    for (const [key, value] of Object.entries(payload))
      if (/password/i.test(key) && typeof value === 'string' && value.length >= 8) secrets.add(value);
  }
  const data = (json as { data?: { token?: unknown; secret?: unknown } } | undefined)?.data;
  for (const token of [data?.token, data?.secret]) if (typeof token === 'string') secrets.add(token);
}

const leaks: Array<[string, RegExp]> = [
  ['a password hash', /\$argon2(id|i|d)\$|\$2[aby]\$\d\d\$/],
  ['a token', /eyJ[\w-]+\.eyJ[\w-]+\./],
  ['an access token', /cms_pat_[\w-]{20}/],
  ['a stack trace', /"stack"|\bat .+\.[cm]?[jt]s:\d+/],
  ['SQL', /\b(select .+ from|insert into|update \w+ set|delete from)\b/i],
];

/** What of a secret the suite used, a hash, a token, a stack trace or SQL `log` carries, named (never quoted). */
export function leaksIn(log: string): string[] {
  const found = leaks.filter(([, pattern]) => pattern.test(log)).map(([what]) => what);
  if ([...secrets].some((secret) => log.includes(secret))) found.push('a password or token the suite used');
  return found;
}

export async function call(app: FastifyInstance, options: InjectOptions): Promise<Reply> {
  const response = await app.inject(options);
  const method = (options.method ?? 'GET').toUpperCase();
  const url = options.url as string;
  await assertMatchesSpec({ method, url, status: response.statusCode, headers: response.headers, text: response.body });
  const isJson = method !== 'HEAD' && String(response.headers['content-type']).startsWith('application/json');
  const json = isJson ? (JSON.parse(response.body) as unknown) : undefined;
  remember(options.payload, json);
  return { status: response.statusCode, headers: response.headers, text: response.body, json };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dir: string;
  call(options: InjectOptions): Promise<Reply>;
  /** Raw SQL on the app's database, through a connection of its own; `?` placeholders on either dialect. */
  query<T = Record<string, unknown>>(text: string, ...parameters: unknown[]): Promise<T[]>;
  /** The first row of `query`. */
  one<T = Record<string, unknown>>(text: string, ...parameters: unknown[]): Promise<T>;
  /** Takes the database's write lock (SQLite) or a lock on `users` that blocks reads too (PostgreSQL) from another
   * connection, and holds it until the answered function is called. */
  holdLock(): Promise<() => Promise<void>>;
  register(username: string, password?: string): Promise<Reply>;
  login(username: string, password?: string): Promise<Reply>;
  /** A token for a freshly registered user. */
  tokenFor(username: string, password?: string): Promise<string>;
  /** A token for the administrator of `config.admin` (start the app with `admin` set). */
  adminToken(): Promise<string>;
  /** The id of the caller of `token`. */
  idOf(token: string): Promise<number>;
  /** The secret of a new personal access token of the caller of `token`, with `scopes`, for a day. */
  accessTokenFor(token: string, scopes?: Permission[]): Promise<string>;
}

export const admin = { username: 'root', password: 'root-password' };

/** A log stream that keeps what is written to it, for tests that read an app's log. */
export function logCollector() {
  let text = '';
  const stream = new Writable({
    write: (chunk, _encoding, done) => {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

const testDirs = new WeakMap<Test, string>();

// t.testdir() empties its directory when called again, so each app gets its own folder inside it.
function appDir(t: Test): string {
  if (!testDirs.has(t)) testDirs.set(t, t.testdir());
  return mkdtempSync(join(testDirs.get(t)!, 'app-'));
}

/** The suite runs on SQLite files, or, with TEST_DATABASE_URL set, on PostgreSQL: a schema of its own per app. */
export const onPostgres = isPostgresUrl(process.env.TEST_DATABASE_URL ?? '');

export async function testDatabaseUrl(dir: string): Promise<string> {
  if (!onPostgres) return `sqlite:${dir}/cms.db`;
  // scripts/test-postgres.ts names the run's prefix, and drops the run's schemas afterwards.
  return schemaUrl(
    process.env.TEST_DATABASE_URL!,
    `${process.env.TEST_SCHEMA_PREFIX ?? 't_'}${process.pid}_${Math.random().toString(36).slice(2, 10)}`,
  );
}

export async function startApp(t: Test, overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dir = appDir(t);
  // Rate limiting is off unless a test is about it: suites log in far more often than people do.
  const databaseUrl = overrides.databaseUrl ?? (await testDatabaseUrl(dir));
  const config: Config = {
    ...loadConfig({}),
    databaseUrl,
    logLevel: 'info',
    jwtSecret: testSecret,
    loginRateLimit: 0,
    ...overrides,
  };
  // Unless a test reads the log itself, it is kept, and searched for secrets once the app is closed.
  const kept = logCollector();
  const logStream = options.logStream ?? kept.stream;
  passwords ??= createPasswords();
  const app = await buildApp(config, { passwords, ...options, logStream });
  t.teardown(async () => {
    await app.close();
    // Thrown from teardown, it fails the test that built the app.
    const found = options.logStream ? [] : leaksIn(kept.text());
    if (found.length) throw new Error(`the app's log carries ${found.join(', ')}`);
  });
  const post = (url: string, payload: object) => call(app, { method: 'POST', url, payload });
  let raw: ReturnType<typeof connect> | undefined;
  const rawConnection = async () => {
    const handle = await connect(config.databaseUrl, 1);
    t.teardown(() => handle.db.destroy());
    return handle;
  };
  const testApp: TestApp = {
    app,
    config,
    dir,
    call: (o) => call(app, o),
    async query<T>(text: string, ...parameters: unknown[]) {
      raw ??= rawConnection();
      const { db, dialect } = await raw;
      let n = 0;
      const sqlText = dialect === 'postgres' ? text.replace(/\?/g, () => `$${++n}`) : text;
      return (await db.executeQuery<T>(CompiledQuery.raw(sqlText, parameters))).rows;
    },
    async one<T>(text: string, ...parameters: unknown[]) {
      const [row] = await testApp.query<T>(text, ...parameters);
      if (row === undefined) throw new Error(`no row: ${text}`);
      return row;
    },
    async holdLock() {
      raw ??= rawConnection();
      const { db, dialect } = await raw;
      let locked!: () => void;
      let release!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const done = db.transaction().execute(async (trx) => {
        // Any write statement takes SQLite's single write lock, even one that changes no row.
        await (dialect === 'postgres'
          ? sql`lock table users in access exclusive mode`
          : sql`delete from settings where key = ''`
        ).execute(trx);
        locked();
        await released;
      });
      await isLocked;
      return async () => {
        release();
        await done;
      };
    },
    register: (username, password = 'secret-pass') => post('/api/v1/user/register', { username, password }),
    login: (username, password = 'secret-pass') => post('/api/v1/user/login', { username, password }),
    async tokenFor(username, password = 'secret-pass') {
      await testApp.register(username, password);
      const reply = await testApp.login(username, password);
      return reply.json.data.token as string;
    },
    async adminToken() {
      if (!config.admin) throw new Error('start the app with an admin');
      const reply = await testApp.login(config.admin.username, config.admin.password);
      return reply.json.data.token as string;
    },
    async idOf(token) {
      return (await testApp.call({ url: '/api/v1/user/list?pageSize=1', headers: { token } })).json.data.user.id;
    },
    async accessTokenFor(token, scopes = []) {
      const reply = await testApp.call({
        method: 'POST',
        url: `/api/v1/user/${await testApp.idOf(token)}/tokens`,
        headers: { token },
        payload: { name: 'test', scopes, expiresAt: new Date(Date.now() + 86_400_000).toISOString() },
      });
      if (reply.status !== 201) throw new Error(`no access token: ${reply.text}`);
      return reply.json.data.secret;
    },
  };
  return testApp;
}
