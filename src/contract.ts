// The contract layer: openapi.yaml decides the routes, validation, authentication, permissions, rate limits and
// response content types. One native Fastify route per operation (openapi-backend's own router rebuilds its
// tables per request).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, ValidationContext, type Document, type Operation } from 'openapi-backend';
import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import { requestId, responseHeaders } from '../generated/constants.js';
import { ApiError, fail, type ErrorName } from './envelope.js';
import type { Context, Handlers, Input } from './operations/types.js';
import type { AuditAction } from './repositories/audit.js';
import type { UserWithRole } from './repositories/users.js';
import type { RequestMetrics } from './metrics.js';
import { isPermission, type Permission } from './permissions.js';
import { mustChangePassword, type Authenticated, type ReadCaller } from './auth.js';
import { isUnavailable } from './db.js';
import type { CallerReads } from './perf/callerReads.js';
import type { Services } from './services.js';
import { assetPath, bundled } from './assets.js';
import { Saturated } from './limiter.js';


/**
 * The spec as a document. Speed trick (cold start): the build (scripts/build.ts) checks the definition once and
 * ships it parsed, as openapi.json, so that the built server neither parses 72 kB of YAML nor validates the
 * definition at every start; from a checkout both happen here, so tests and `npm start` still check it. Measured
 * with `node --cpu-prof dist/cms.js serve` (README, performance); remove when the YAML parse and openapi-backend's
 * validateDefinition together cost little against the rest of a start.
 */
async function specDocument(): Promise<{ document: Document; checked: boolean }> {
  if (bundled) return { document: JSON.parse(await readFile(new URL('openapi.json', import.meta.url), 'utf8')) as Document, checked: true };
  const { parse } = (await import('yaml')).default;
  return { document: parse(await readFile(assetPath('openapi.yaml'), 'utf8')) as Document, checked: false };
}

/**
 * The spec, validated as OpenAPI and dereferenced. Quick mode compiles each operation's validators at their first
 * use; the contract compiles the request validators once the server listens (warmUp).
 */
export async function loadSpec(): Promise<OpenAPIBackend> {
  const { document, checked } = await specDocument();
  const api = new OpenAPIBackend({
    definition: document,
    strict: true,
    quick: true,
    coerceTypes: true,
    // Speed trick (cold start): Ajv would check every schema against JSON Schema's meta-schema, compiling that
    // meta-schema first in each of openapi-backend's Ajv instances, about a third of a start. validateDefinition
    // (here from a checkout, at build time for the build) checks the same schemas as part of the OpenAPI document.
    ajvOpts: { useDefaults: true, validateSchema: false },
    // Defaults fill in query parameters (page, pageSize); in a body they would turn a partial update into a
    // reset of every field the client left out.
    customizeAjv: (ajv, ajvOpts, context) =>
      addFormats.default(context === ValidationContext.RequestBody ? new (ajv.constructor as new (o: object) => typeof ajv)({ ...ajvOpts, useDefaults: false }) : ajv),
  });
  await api.loadDocument();
  if (!checked) api.validateDefinition();
  await api.init();
  return api;
}

/**
 * Speed trick (cold start): compiling the request validators of all operations takes about a quarter of a start.
 * Once the server listens they are compiled one operation per turn of the event loop, so a request that arrives
 * meanwhile waits for one operation's compilation at most (its own, if not yet done, compiled at its first use).
 * Remove when compiling them all costs little against the rest of a start.
 */
function warmUp(app: FastifyInstance, api: OpenAPIBackend, operations: Operation[]) {
  const next = (i: number) => {
    if (i === operations.length || !app.server.listening) return;
    api.validator.getRequestValidatorsForOperation(operations[i]!.operationId!);
    setImmediate(next, i + 1);
  };
  setImmediate(next, 0);
}

/** The spec as the build ships it (openapi.json): parsed from openapi.yaml and validated as OpenAPI. */
export async function checkedSpecJson(): Promise<string> {
  const { document } = await specDocument();
  const api = new OpenAPIBackend({ definition: structuredClone(document), strict: true, quick: true });
  await api.loadDocument();
  api.validateDefinition();
  return JSON.stringify(document);
}

export interface ContractOptions {
  api: OpenAPIBackend;
  handlers: Handlers;
  services: Services;
  authenticate(request: FastifyRequest, read?: ReadCaller): Promise<Authenticated>;
  /** Operations that read their data with their caller (perf/callerReads.ts). */
  callerReads: CallerReads;
  timing: RequestMetrics;
  /** Attempts per minute per client address on operations marked `x-rate-limited`; 0 turns it off. */
  rateLimit: number;
}

/** The extensions through which the spec states an operation's rules. */
interface Rules {
  permission?: Permission;
  permissionForOthers?: Permission;
  allowedWithExpiredPassword: boolean;
  rateLimited: boolean;
}

function rulesOf(operation: Operation): Rules {
  const op = operation as Operation & Record<string, unknown>;
  const permission = (key: string): Permission | undefined => {
    const value = op[key];
    if (value === undefined) return undefined;
    if (!isPermission(value)) throw new Error(`${operation.operationId}: ${key} ${String(value)} is not a Permission of the spec`);
    return value;
  };
  return {
    permission: permission('x-permission'),
    permissionForOthers: permission('x-permission-for-others'),
    allowedWithExpiredPassword: op['x-allowed-with-expired-password'] === true,
    rateLimited: op['x-rate-limited'] === true,
  };
}

type Outcome = { status: number; body: unknown; headers?: Record<string, string> };
type AnyHandler = (input: Input<never>, context: Context) => Outcome | Promise<Outcome>;

const where = (path: string) =>
  path
    .split('/')
    .filter(Boolean)
    .map((part) => (part === 'requestBody' ? 'body' : part))
    .join('.') || 'request';

/** One line naming the offending field, e.g. `body.username must be string`. */
function describeValidationError(error: ErrorObject): string {
  const at = where(error.instancePath);
  const { missingProperty, additionalProperty } = error.params as Record<string, string | undefined>;
  if (error.keyword === 'parse') return 'body is not valid JSON';
  if (missingProperty === 'requestBody') return 'body is required';
  if (missingProperty) return `missing field ${at === 'request' ? '' : `${at}.`}${missingProperty}`;
  if (additionalProperty) return `unknown field ${at}.${additionalProperty}`;
  return `${at} ${error.message ?? 'is invalid'}`;
}

const jsonType = 'application/json; charset=utf-8';

type Headers = Readonly<Record<string, string>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The spec's x-response-headers with the operation's own values over them. */
    responseHeaders?: Headers;
  }
}

const headersOf = (operation: Operation): Headers => ({ ...responseHeaders, ...((operation as Operation & { 'x-response-headers'?: Headers })['x-response-headers'] ?? {}) });

// Every response leaves through here: the envelope or the declared content type, the spec's x-response-headers,
// the request id, and the duration metric.
function responder(timing: RequestMetrics) {
  const respond = (request: FastifyRequest, reply: FastifyReply, route: string, contentType: string, outcome: Outcome, headers: Headers = responseHeaders) => {
    reply.code(outcome.status).header('content-type', contentType).headers(headers).header(requestId.header, request.id);
    if (outcome.headers) reply.headers(outcome.headers);
    timing.observe(request, reply, route);
    return reply.send(contentType === jsonType ? JSON.stringify(outcome.body) : outcome.body);
  };
  const respondFailure = (request: FastifyRequest, reply: FastifyReply, name: ErrorName, message?: string, headers: Record<string, string> = {}) => {
    // routeOptions builds a new object on every read: only failures, never the hot path, look there.
    const { config } = request.routeOptions;
    return respond(request, reply, config.statsId ?? 'unmatched', jsonType, { ...(message === undefined ? fail(name) : fail(name, message)), headers }, config.responseHeaders);
  };
  return { respond, respondFailure };
}

type Respond = ReturnType<typeof responder>['respond'];

function contentTypes(operation: Operation): Map<number, string> {
  const types = new Map<number, string>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const type = Object.keys((response as { content?: object }).content ?? {})[0] ?? 'application/json';
    types.set(Number(status), type === 'application/json' ? jsonType : type);
  }
  return types;
}

// Names of apiKey query parameters that carry credentials: they are not part of the operation's query.
function credentialQueryNames(api: OpenAPIBackend, operation: Operation): string[] {
  const schemes = (api.definition.components?.securitySchemes ?? {}) as Record<string, { type: string; in?: string; name?: string }>;
  return (operation.security ?? [])
    .flatMap((requirement) => Object.keys(requirement))
    .map((name) => schemes[name])
    .filter((scheme) => scheme?.type === 'apiKey' && scheme.in === 'query')
    .map((scheme) => scheme?.name as string);
}

class OperationContext implements Context {
  constructor(
    readonly request: FastifyRequest,
    readonly services: Services,
    private readonly user: UserWithRole | undefined,
    private readonly operationId: string,
    readonly mayActOnOthers: boolean,
    readonly prefetched: Context['prefetched'],
  ) {}

  get caller(): UserWithRole {
    if (!this.user) throw new Error(`${this.operationId} reads the caller but declares no security`);
    return this.user;
  }

  audit(action: AuditAction, target: string, detail: Record<string, unknown> = {}): Promise<void> {
    const { id, username } = this.caller;
    return this.services.audit.record({ actor: { id, username }, action, target, detail, ip: this.request.ip });
  }
}

const forbidden = (permission: Permission) => new ApiError('forbidden', `permission denied: needs ${permission}`);

/**
 * After authentication: the password must be current (with the settings read with the caller), unless the
 * operation allows otherwise, and the caller's role must hold what the spec states.
 */
function authorize(rules: Rules, { caller, settings }: Authenticated, params: Record<string, unknown>): boolean {
  if (!rules.allowedWithExpiredPassword && mustChangePassword(caller, settings)) throw new ApiError('passwordExpired');
  const holds = (permission: Permission) => caller.role.permissions.includes(permission);
  if (rules.permission && !holds(rules.permission)) throw forbidden(rules.permission);
  if (!rules.permissionForOthers) return false;
  const mayActOnOthers = holds(rules.permissionForOthers);
  if (!mayActOnOthers && params.id !== undefined && params.id !== caller.id) throw forbidden(rules.permissionForOthers);
  return mayActOnOthers;
}

function registerOperation(app: FastifyInstance, options: ContractOptions, respond: Respond, operation: Operation) {
  const { api, services, authenticate } = options;
  const operationId = operation.operationId as keyof Handlers;
  const handler = options.handlers[operationId] as unknown as AnyHandler;
  const types = contentTypes(operation);
  const headers = headersOf(operation);
  const secured = (operation.security ?? []).length > 0;
  const credentialNames = credentialQueryNames(api, operation);
  const rules = rulesOf(operation);
  const callerRead = (options.callerReads as Partial<Record<string, (id: number, query: Record<string, unknown>) => ReturnType<ReadCaller>>>)[operationId];
  // With no parameters and no body declared, a request with neither is valid without running the validator.
  const trivial = (operation.parameters ?? []).length === 0 && !operation.requestBody;

  type Valid = { query: Record<string, unknown>; params: Record<string, unknown> };
  /** Query and path parameters as the handler sees them: credentials removed, validated, coerced, defaulted. */
  const validate = (request: FastifyRequest): Valid => {
    let query = request.query as Record<string, string>;
    const params = request.params as Record<string, string>;
    if (trivial && request.body === undefined && !request.url.includes('?')) return { query, params };
    if (credentialNames.length) query = Object.fromEntries(Object.entries(query).filter(([k]) => !credentialNames.includes(k)));
    const { method, url: path, headers, body } = request;
    const validation = api.validateRequest({ method, path, headers: headers as Record<string, string>, query, body, params }, operation);
    if (!validation.valid) throw new ApiError('paramsInvalid', `parameters format error: ${describeValidationError(validation.errors![0]!)}`);
    return { query: (validation.coerced.query as Record<string, unknown>) ?? query, params: (validation.coerced.params as Record<string, unknown>) ?? params };
  };

  const finish = (request: FastifyRequest, reply: FastifyReply, outcome: Outcome) => {
    respond(request, reply, operationId, types.get(outcome.status) ?? jsonType, outcome, headers);
  };
  // No closure is created on the synchronous path.
  const run = (request: FastifyRequest, reply: FastifyReply, valid: Valid, found?: Authenticated, mayActOnOthers = false) => {
    const input = { body: request.body, query: valid.query, params: valid.params } as Input<never>;
    const context = new OperationContext(request, services, found?.caller, operationId, mayActOnOthers, found?.prefetched as Context['prefetched']);
    const result = handler(input, context);
    if (result instanceof Promise) return result.then((outcome) => finish(request, reply, outcome));
    finish(request, reply, result);
  };

  app.route({
    method: operation.method.toUpperCase(),
    url: operation.path.replace(/{([^}]+)}/g, ':$1'),
    config: {
      statsId: operationId,
      responseHeaders: headers,
      ...(rules.rateLimited && options.rateLimit > 0 ? { rateLimit: { max: options.rateLimit, timeWindow: 60_000 } } : {}),
    },
    // Not async: a handler that answers synchronously (ping) answers without a promise round trip.
    handler: (request, reply) => {
      const valid = validate(request);
      if (!secured) return run(request, reply, valid);
      const read = callerRead && ((id: number) => callerRead(id, valid.query));
      return authenticate(request, read).then((found) => run(request, reply, valid, found, authorize(rules, found, valid.params)));
    },
  });
}

// Fastify's own rejections, by the status it gives them, answered in the envelope.
function fastifyRejection(error: FastifyError): [ErrorName, string | undefined] | undefined {
  switch (error.statusCode) {
    case 400:
      return ['paramsInvalid', `parameters format error: ${error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body is empty' : 'body is not valid JSON'}`];
    case 413:
      return ['payloadTooLarge', undefined];
    case 415:
      return ['unsupportedMediaType', undefined];
    default:
      return undefined;
  }
}

export async function contract(app: FastifyInstance, options: ContractOptions): Promise<void> {
  const { respond, respondFailure } = responder(options.timing);
  const operations = options.api.getOperations();
  for (const operation of operations) registerOperation(app, options, respond, operation);
  app.addHook('onListen', () => warmUp(app, options.api, operations));

  const templates = operations.map((op) => ({
    method: op.method.toUpperCase(),
    pattern: new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/{[^}]+}/g, '[^/]+')}$`),
  }));

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = new Set(templates.filter((t) => t.pattern.test(path)).map((t) => t.method));
    if (allowed.size === 0) return respondFailure(request, reply, 'notFound');
    if (allowed.has('GET')) allowed.add('HEAD');
    return respondFailure(request, reply, 'methodNotAllowed', undefined, { allow: [...allowed].join(', ') });
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) return respondFailure(request, reply, error.errorName, error.message, error.headers);
    // A bounded queue (password hashing, reads aside) that is full.
    if (error instanceof Saturated) return respondFailure(request, reply, 'busy', undefined, { 'retry-after': '1' });
    const rejection = fastifyRejection(error);
    if (rejection) return respondFailure(request, reply, ...rejection);
    if (isUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: error.code } }, 'database unavailable');
      return respondFailure(request, reply, 'databaseUnavailable', undefined, { 'retry-after': '1' });
    }
    // Name and code only: a stack or a driver's message could carry SQL or a secret.
    request.log.error({ err: { type: error.name, code: error.code } }, 'unhandled error');
    return respondFailure(request, reply, 'internal');
  });
}
