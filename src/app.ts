// Builds the Fastify instance: config, logger, database, tokens, metrics and the contract layer.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import jwt from '@fastify/jwt';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import metrics from 'fastify-metrics';
import type { DestinationStream } from 'pino';
import { Registry } from 'prom-client';
import { requestId } from '../generated/constants.js';
import { createPasswords, type Passwords } from './accounts/passwords.js';
import type { Services } from './accounts/services.js';
import type { TokenClaims } from './accounts/tokens.js';
import { bootstrapAdmin } from './accounts/users.js';
import type { Config } from './config.js';
import { createAuthenticator } from './http/authenticate.js';
import { answerClientError } from './http/clientErrors.js';
import { contract } from './http/contract/routes.js';
import { loadSpec } from './http/contract/spec.js';
import { registerCors } from './http/cors.js';
import { registerJsonParser } from './http/jsonBody.js';
import { databaseStore } from './http/rateLimit.js';
import { databaseMetrics, processMetrics, requestMetrics } from './observability/metrics.js';
import { ApiError } from './operations/envelope.js';
import { handlers } from './operations/index.js';
import { callerReads } from './perf/callerReads.js';
import { openDatabase } from './storage/connect.js';
import { repositories } from './storage/repositories/index.js';
import { startRetention } from './storage/retention.js';

export const bodyLimit = 1024 * 1024;

const acceptableId = new RegExp(requestId.pattern);

/** The caller's X-Request-Id when it is a plain token (it goes into every log line), else a new UUID. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[requestId.header];
  return typeof given === 'string' && acceptableId.test(given) ? given : randomUUID();
}

async function loggerOptions(
  config: Config,
  stream: DestinationStream | undefined,
): Promise<FastifyServerOptions['logger']> {
  // On a terminal, readable lines (pino-pretty, loaded only then); elsewhere JSON lines.
  const pretty = !stream && process.stdout.isTTY ? (await import('pino-pretty')).default : undefined;
  return {
    level: config.logLevel,
    ...(stream ? { stream } : pretty ? { stream: pretty({ colorize: true }) } : {}),
    serializers: {
      // The default serializer logs the raw URL, which may carry ?token=. No header is logged, so none needs
      // redacting (pino's redaction is costly on every logged request); test/logs.test.ts searches the logs for tokens.
      req: (req) => ({
        method: req.method,
        url: req.url.replace(/([?&]token=)[^&]*/gi, '$1[redacted]'),
        remoteAddress: req.ip,
      }),
    },
  };
}

export interface AppOptions {
  /** Shared across apps in one process (tests), since building argon2's dummy hash costs a hash. */
  passwords?: Passwords;
  /** Where log lines go (stdout by default). */
  logStream?: DestinationStream;
}

export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const registry = new Registry();
  const timing = requestMetrics(registry);
  const app = Fastify({
    // A Fastify logger costs a good part of a ping even when it prints nothing; silent means none at all.
    logger: config.logLevel === 'silent' ? false : await loggerOptions(config, options.logStream),
    trustProxy: config.trustProxy,
    genReqId: (raw) => {
      timing.stamp(raw);
      return requestIdOf(raw);
    },
    bodyLimit,
    // Slow clients (slowloris headers, a trickling body) are cut off; Node checks every open connection each
    // second rather than every 30 s, its default.
    requestTimeout: config.requestTimeoutSeconds * 1000,
    http: { headersTimeout: config.headersTimeoutSeconds * 1000, connectionsCheckingInterval: 1000 },
    clientErrorHandler: answerClientError,
    // While draining, a request that arrives on an open connection is served (with `Connection: close`), not
    // answered by Fastify's own 503, whose body is outside the envelope.
    return503OnClosing: false,
  });

  // JSON is the only request body the spec declares; Fastify would otherwise parse text/plain too.
  app.removeContentTypeParser('text/plain');
  registerJsonParser(app);

  const database = await openDatabase(config.databaseUrl, config.databasePoolMax);
  app.addHook('onClose', () => database.db.destroy());
  const repos = repositories(database, databaseMetrics(registry, database).timed);
  const secret =
    config.jwtSecret ?? (await repos.settings.getOrCreate('jwt_secret', () => randomBytes(64).toString('base64url')));

  await app.register(jwt, {
    secret,
    sign: { algorithm: 'HS512', iss: 'platform', expiresIn: config.jwtTtlSeconds },
    // Without requiredClaims, fast-jwt skips the iss and exp checks for a token that leaves them out. maxAge: a
    // shortened JWT_TTL applies to tokens already issued.
    verify: {
      algorithms: ['HS512'],
      allowedIss: 'platform',
      requiredClaims: ['iss', 'iat', 'exp'],
      maxAge: config.jwtTtlSeconds,
    },
  });

  await app.register(metrics.default, processMetrics(registry));

  // Before the routes: it hooks the routes that ask for it (operations marked x-rate-limited).
  await app.register(rateLimit, {
    global: false,
    store: databaseStore(repos.rateLimits),
    errorResponseBuilder: (_request, context) =>
      new ApiError('tooManyRequests', undefined, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });

  const services: Services = {
    config,
    ...repos,
    passwords: options.passwords ?? createPasswords(),
    metrics: registry,
    signToken: (claims: TokenClaims) => app.jwt.sign(claims),
  };
  await bootstrapAdmin(services, config.admin);
  const stopRetention = startRetention(services, app.log);
  app.addHook('onClose', stopRetention);
  const api = await loadSpec();
  await registerCors(app, api, config.corsOrigins);
  const authenticate = createAuthenticator(
    (token) => app.jwt.verify(token),
    repos.users,
    repos.sessions,
    repos.accessTokens,
  );
  const reads = callerReads(services.dialect, services.users);
  await contract(app, {
    api,
    handlers,
    services,
    authenticate,
    callerReads: reads,
    timing,
    rateLimit: config.loginRateLimit,
  });
  return app;
}
