// The environment, read once into a typed config. A bad value stops start-up with one line naming it.
import { isIP } from 'node:net';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  /** PostgreSQL connections per instance. */
  databasePoolMax: number;
  jwtSecret: string | undefined;
  jwtTtlSeconds: number;
  logLevel: string;
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  /** Login and register attempts per minute per client address; 0 turns the limit off. */
  loginRateLimit: number;
  /** Origins allowed to call from a browser page elsewhere (CORS); empty: CORS off. */
  corsOrigins: string[] | '*';
  /** A request's headers must arrive within this; the whole request within requestTimeoutSeconds. */
  headersTimeoutSeconds: number;
  requestTimeoutSeconds: number;
  /** Whether /docs, /openapi.yaml and /openapi.json are served. */
  docs: boolean;
  /** Whether the administrator's console is served at /console. */
  console: boolean;
  /** The first administrator, created at start when no administrator exists. */
  admin: { username: string; password: string } | undefined;
}

export class ConfigError extends Error {}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const ttlUnits: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function fail(name: string, value: string, expected: string): never {
  throw new ConfigError(`${name}=${JSON.stringify(value)} is invalid: expected ${expected}`);
}

function port(value: string): number {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  return n >= 0 && n <= 65535 ? n : fail('PORT', value, 'an integer from 0 to 65535');
}

function host(value: string): string {
  return value !== '' && !/\s/.test(value) ? value : fail('HOST', value, 'a host name or IP address');
}

function databaseUrl(value: string): string {
  return /^sqlite:.+/.test(value) || /^postgres(ql)?:\/\/.+/.test(value)
    ? value
    : fail(
        'DATABASE_URL',
        value.replace(/\/\/[^@/]*@/, '//<hidden>@'),
        'sqlite:<path> or postgres://user:password@host:port/database',
      );
}

function poolMax(value: string): number {
  const n = /^\d{1,4}$/.test(value) ? Number(value) : 0;
  return n >= 1 ? n : fail('DATABASE_POOL_MAX', value, 'a whole number of connections, at least 1');
}

function jwtSecret(value: string): string {
  return value.length >= 32 ? value : fail('JWT_SECRET', '<hidden>', 'at least 32 characters');
}

const seconds = (value: string) => {
  const match = /^(\d{1,9})([smhd]?)$/.exec(value);
  return match ? Number(match[1]) * (ttlUnits[match[2] || 's'] ?? 1) : 0;
};

function jwtTtl(value: string): number {
  return seconds(value) > 0
    ? seconds(value)
    : fail('JWT_TTL', value, 'a positive duration such as 3600, 90m, 12h or 7d');
}

const timeout = (name: string) => (value: string) =>
  seconds(value) > 0 && seconds(value) <= 3600
    ? seconds(value)
    : fail(name, value, 'a duration from 1s to 1h, such as 10, 10s or 2m');

function timeouts(env: NodeJS.ProcessEnv): Pick<Config, 'headersTimeoutSeconds' | 'requestTimeoutSeconds'> {
  const headersTimeoutSeconds = timeout('HEADERS_TIMEOUT')(env.HEADERS_TIMEOUT ?? '10s');
  const requestTimeoutSeconds = timeout('REQUEST_TIMEOUT')(env.REQUEST_TIMEOUT ?? '30s');
  if (headersTimeoutSeconds > requestTimeoutSeconds)
    fail('HEADERS_TIMEOUT', env.HEADERS_TIMEOUT ?? '10s', `at most REQUEST_TIMEOUT (${requestTimeoutSeconds}s)`);
  return { headersTimeoutSeconds, requestTimeoutSeconds };
}

function logLevel(value: string): string {
  return logLevels.includes(value) ? value : fail('LOG_LEVEL', value, logLevels.join(', '));
}

function trustProxy(value: string): Config['trustProxy'] {
  if (value === 'true') return true;
  if (value === 'false' || value === '') return false;
  if (/^\d{1,3}$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  const entries = value.split(',').map((s) => s.trim());
  const ok = entries.every(
    (e) => isIP(e.split('/')[0] ?? '') !== 0 || ['loopback', 'linklocal', 'uniquelocal'].includes(e),
  );
  return ok ? entries : fail('TRUST_PROXY', value, 'true, false, a hop count, or comma-separated IPs/CIDRs');
}

const flag = (name: string) => (value: string) =>
  value === 'true' || (value !== 'false' && fail(name, value, 'true or false'));

function rateLimit(value: string): number {
  return /^\d{1,6}$/.test(value)
    ? Number(value)
    : fail('LOGIN_RATE_LIMIT', value, 'a whole number of attempts per minute (0 turns it off)');
}

/** Browser origins allowed to call the API across origins; none (CORS off) by default. */
function corsOrigins(value: string): string[] | '*' {
  if (value.trim() === '*') return '*';
  const origins = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const isOrigin = (o: string) => /^https?:\/\/[^/?#\s]+$/.test(o);
  return origins.every(isOrigin)
    ? origins
    : fail('CORS_ORIGINS', value, 'comma-separated origins like https://app.example.com, or *');
}

function admin(username: string | undefined, password: string | undefined): Config['admin'] {
  if (username === undefined && password === undefined) return undefined;
  if (!username?.trim()) fail('ADMIN_USERNAME', username ?? '', 'a user name when ADMIN_PASSWORD is set');
  if (!password) fail('ADMIN_PASSWORD', '<hidden>', 'a password when ADMIN_USERNAME is set');
  return { username: username.trim(), password };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const read = <T>(name: string, fallback: string, parse: (v: string) => T): T => parse(env[name] ?? fallback);
  return {
    port: read('PORT', '58888', port),
    host: read('HOST', '127.0.0.1', host),
    databaseUrl: read('DATABASE_URL', 'sqlite:./data/cms.db', databaseUrl),
    databasePoolMax: read('DATABASE_POOL_MAX', '10', poolMax),
    jwtSecret: env.JWT_SECRET === undefined ? undefined : jwtSecret(env.JWT_SECRET),
    jwtTtlSeconds: read('JWT_TTL', '7d', jwtTtl),
    logLevel: read('LOG_LEVEL', 'info', logLevel),
    trustProxy: read('TRUST_PROXY', 'false', trustProxy),
    loginRateLimit: read('LOGIN_RATE_LIMIT', '30', rateLimit),
    corsOrigins: read('CORS_ORIGINS', '', corsOrigins),
    ...timeouts(env),
    docs: read('DOCS', 'true', flag('DOCS')),
    console: read('CONSOLE', 'true', flag('CONSOLE')),
    admin: admin(env.ADMIN_USERNAME, env.ADMIN_PASSWORD),
  };
}
