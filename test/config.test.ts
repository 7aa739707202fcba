import t from 'tap';
import { ConfigError, loadConfig } from '../src/config.js';

t.test("defaults are the original service's", async (t) => {
  const config = loadConfig({});
  t.match(config, {
    port: 58888,
    host: '127.0.0.1',
    databaseUrl: 'sqlite:./data/cms.db',
    jwtSecret: undefined,
    jwtTtlSeconds: 604800,
    logLevel: 'info',
    trustProxy: false,
  });
});

t.test('values are parsed', async (t) => {
  const config = loadConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    DATABASE_URL: 'sqlite:/tmp/x.db',
    JWT_SECRET: 's'.repeat(32),
    JWT_TTL: '12h',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
  });
  t.match(config, {
    port: 8080,
    host: '0.0.0.0',
    databaseUrl: 'sqlite:/tmp/x.db',
    jwtSecret: 's'.repeat(32),
    jwtTtlSeconds: 43200,
    logLevel: 'warn',
  });
  t.same(config.trustProxy, ['10.0.0.0/8', '127.0.0.1']);
  for (const [ttl, seconds] of [
    ['3600', 3600],
    ['90m', 5400],
    ['7d', 604800],
    ['30s', 30],
  ] as const) {
    t.equal(loadConfig({ JWT_TTL: ttl }).jwtTtlSeconds, seconds, ttl);
  }
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true);
  const hops = loadConfig({ TRUST_PROXY: '2' }).trustProxy as (a: string, hop: number) => boolean;
  t.same([hops('x', 0), hops('x', 1), hops('x', 2)], [true, true, false], 'a hop count trusts that many proxies');
});

t.test('PostgreSQL: DATABASE_URL and DATABASE_POOL_MAX; a bad URL never echoes its password', async (t) => {
  const url = 'postgres://cms:s3cret@db.internal:5432/cms';
  t.match(loadConfig({ DATABASE_URL: url }), { databaseUrl: url, databasePoolMax: 10 });
  t.equal(loadConfig({ DATABASE_URL: 'postgresql://db/cms', DATABASE_POOL_MAX: '25' }).databasePoolMax, 25);
  t.throws(
    () => loadConfig({ DATABASE_URL: 'mysql://cms:s3cret@db/cms' }),
    /^DATABASE_URL="mysql:\/\/<hidden>@db\/cms" is invalid/,
  );
  t.throws(() => loadConfig({ DATABASE_POOL_MAX: 'many' }), /^DATABASE_POOL_MAX="many" is invalid/);
});

t.test('CORS_ORIGINS: off by default, a list of origins, or *', async (t) => {
  t.same(loadConfig({}).corsOrigins, []);
  t.same(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins, [
    'https://app.example.com',
    'http://localhost:5173',
  ]);
  t.equal(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins, '*');
});

t.test('DOCS and CONSOLE: on unless false', async (t) => {
  t.same(
    [loadConfig({}).docs, loadConfig({ DOCS: 'true' }).docs, loadConfig({ DOCS: 'false' }).docs],
    [true, true, false],
  );
  t.same(
    [loadConfig({}).console, loadConfig({ CONSOLE: 'true' }).console, loadConfig({ CONSOLE: 'false' }).console],
    [true, true, false],
  );
});

t.test(
  'HEADERS_TIMEOUT and REQUEST_TIMEOUT: 10 s and 30 s by default; headers cannot outlast the request',
  async (t) => {
    t.match(loadConfig({}), { headersTimeoutSeconds: 10, requestTimeoutSeconds: 30 });
    t.match(loadConfig({ HEADERS_TIMEOUT: '5s', REQUEST_TIMEOUT: '2m' }), {
      headersTimeoutSeconds: 5,
      requestTimeoutSeconds: 120,
    });
    t.throws(
      () => loadConfig({ HEADERS_TIMEOUT: '40s' }),
      /^HEADERS_TIMEOUT="40s" is invalid: expected at most REQUEST_TIMEOUT \(30s\)$/,
    );
    t.throws(() => loadConfig({ REQUEST_TIMEOUT: '2h' }), /^REQUEST_TIMEOUT="2h" is invalid/);
  },
);

t.test('rate limit and bootstrap administrator', async (t) => {
  t.equal(loadConfig({}).loginRateLimit, 30, 'LOGIN_RATE_LIMIT defaults to 30 per minute');
  t.equal(loadConfig({ LOGIN_RATE_LIMIT: '0' }).loginRateLimit, 0);
  t.equal(loadConfig({}).admin, undefined);
  t.same(loadConfig({ ADMIN_USERNAME: ' boss ', ADMIN_PASSWORD: 'boss-password' }).admin, {
    username: 'boss',
    password: 'boss-password',
  });
  t.throws(
    () => loadConfig({ ADMIN_USERNAME: 'boss' }),
    /^ADMIN_PASSWORD="<hidden>" is invalid: expected a password when ADMIN_USERNAME is set$/,
  );
  t.throws(
    () => loadConfig({ ADMIN_PASSWORD: 'boss-password' }),
    /^ADMIN_USERNAME="" is invalid: expected a user name when ADMIN_PASSWORD is set$/,
  );
});

t.test('a bad value is one clear line naming the variable, never echoing a secret', async (t) => {
  const bad: Record<string, string> = {
    PORT: '70000',
    HOST: ' ',
    DATABASE_URL: 'mysql://x',
    JWT_SECRET: 'short-secret',
    JWT_TTL: '0',
    LOG_LEVEL: 'loud',
    TRUST_PROXY: 'somewhere',
    LOGIN_RATE_LIMIT: '-1',
    DATABASE_POOL_MAX: '0',
    CORS_ORIGINS: 'app.example.com',
    HEADERS_TIMEOUT: '0',
    REQUEST_TIMEOUT: 'soon',
    DOCS: 'maybe',
    CONSOLE: 'off',
  };
  for (const [name, value] of Object.entries(bad)) {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (e) {
      error = e;
    }
    t.type(error, ConfigError, name);
    const message = (error as Error).message;
    t.match(message, new RegExp(`^${name}=`), `${name} is named first`);
    t.notMatch(message, /\n/, 'one line');
    if (name === 'JWT_SECRET') t.notMatch(message, value, 'the secret is not echoed');
  }
});
