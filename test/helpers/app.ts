// Builds the real app on a fresh SQLite file in the test's own directory; every response is checked against the spec.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import type { Test } from 'tap';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp, type AppOptions } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createPasswords, type Passwords } from '../../src/passwords.js';
import { assertMatchesSpec } from './contract.js';

export const testSecret = 'test-secret-that-is-at-least-32-characters-long';

let passwords: Promise<Passwords> | undefined;

export interface Reply {
  status: number;
  headers: Record<string, unknown>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export async function call(app: FastifyInstance, options: InjectOptions): Promise<Reply> {
  const response = await app.inject(options);
  const method = (options.method ?? 'GET').toUpperCase();
  const url = options.url as string;
  await assertMatchesSpec({ method, url, status: response.statusCode, headers: response.headers, text: response.body });
  const isJson = method !== 'HEAD' && String(response.headers['content-type']).startsWith('application/json');
  const json = isJson ? (JSON.parse(response.body) as unknown) : undefined;
  return { status: response.statusCode, headers: response.headers, text: response.body, json };
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  dir: string;
  call(options: InjectOptions): Promise<Reply>;
  register(username: string, password?: string): Promise<Reply>;
  login(username: string, password?: string): Promise<Reply>;
  /** A token for a freshly registered user. */
  tokenFor(username: string, password?: string): Promise<string>;
  /** A token for the administrator of `config.admin` (start the app with `admin` set). */
  adminToken(): Promise<string>;
}

export const admin = { username: 'root', password: 'root-password' };

const testDirs = new WeakMap<Test, string>();

// t.testdir() empties its directory when called again, so each app gets its own folder inside it.
function appDir(t: Test): string {
  if (!testDirs.has(t)) testDirs.set(t, t.testdir());
  return mkdtempSync(join(testDirs.get(t)!, 'app-'));
}

export async function startApp(t: Test, overrides: Partial<Config> = {}, options: AppOptions = {}): Promise<TestApp> {
  const dir = appDir(t);
  // Rate limiting is off unless a test is about it: suites log in far more often than people do.
  const config: Config = { ...loadConfig({}), databaseUrl: `sqlite:${dir}/cms.db`, logLevel: 'silent', jwtSecret: testSecret, loginRateLimit: 0, ...overrides };
  passwords ??= createPasswords();
  const app = await buildApp(config, { passwords: await passwords, ...options });
  t.teardown(() => app.close());
  const post = (url: string, payload: object) => call(app, { method: 'POST', url, payload });
  const testApp: TestApp = {
    app,
    config,
    dir,
    call: (o) => call(app, o),
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
  };
  return testApp;
}
