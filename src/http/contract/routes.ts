// The contract layer: openapi.yaml decides the routes, validation, authentication, permissions, rate limits and
// response content types. One native Fastify route per operation (openapi-backend's own router rebuilds its
// tables per request).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import type { Services } from '../../accounts/services.js';
import type { Authenticated, ReadCaller } from '../../accounts/tokens.js';
import type { RequestMetrics } from '../../observability/metrics.js';
import type { Context, Handlers, Input } from '../../operations/handler.js';
import type { CallerReads } from '../../perf/callerReads.js';
import { warmUp } from '../../perf/warmUp.js';
import type { Authenticate } from '../authenticate.js';
import { authorize, rulesOf } from './authorize.js';
import { OperationContext } from './context.js';
import { answerErrors } from './errors.js';
import { contentTypes, headersOf, jsonType, type Outcome, type Respond, responder } from './respond.js';
import { requestValidator, type Valid } from './validate.js';

export interface ContractOptions {
  api: OpenAPIBackend;
  handlers: Handlers;
  services: Services;
  authenticate: Authenticate;
  /** Operations that read their data with their caller (perf/callerReads.ts). */
  callerReads: CallerReads;
  timing: RequestMetrics;
  /** Attempts per minute per client address on operations marked `x-rate-limited`; 0 turns it off. */
  rateLimit: number;
}

type AnyHandler = (input: Input<never>, context: Context) => Outcome | Promise<Outcome>;

function registerOperation(app: FastifyInstance, options: ContractOptions, respond: Respond, operation: Operation) {
  const { api, services, authenticate } = options;
  const operationId = operation.operationId as keyof Handlers;
  const handler = options.handlers[operationId] as unknown as AnyHandler;
  const types = contentTypes(operation);
  const headers = headersOf(operation);
  const secured = (operation.security ?? []).length > 0;
  const rules = rulesOf(operation);
  const validate = requestValidator(api, operation);
  const callerRead = (
    options.callerReads as Partial<
      Record<string, (id: number, sid: number, query: Record<string, unknown>) => ReturnType<ReadCaller>>
    >
  )[operationId];

  const finish = (request: FastifyRequest, reply: FastifyReply, outcome: Outcome) => {
    respond(request, reply, operationId, types.get(outcome.status) ?? jsonType, outcome, headers);
  };
  // No closure is created on the synchronous path.
  const run = (
    request: FastifyRequest,
    reply: FastifyReply,
    valid: Valid,
    found?: Authenticated,
    mayActOnOthers = false,
  ) => {
    const input = { body: request.body, query: valid.query, params: valid.params } as Input<never>;
    const context = new OperationContext(
      request,
      services,
      found?.caller,
      operationId,
      mayActOnOthers,
      found?.prefetched as Context['prefetched'],
      found?.session?.id,
    );
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
      ...(rules.rateLimited && options.rateLimit > 0
        ? { rateLimit: { max: options.rateLimit, timeWindow: 60_000, groupId: `@${operationId}` } }
        : {}),
    },
    // Not async: a handler that answers synchronously (ping) answers without a promise round trip.
    handler: (request, reply) => {
      const valid = validate(request);
      if (!secured) return run(request, reply, valid);
      const read = callerRead && ((id: number, sid: number) => callerRead(id, sid, valid.query));
      return authenticate(request, read).then((found) =>
        run(request, reply, valid, found, authorize(rules, found, valid.params)),
      );
    },
  });
}

export async function contract(app: FastifyInstance, options: ContractOptions): Promise<void> {
  const { respond, respondFailure } = responder(options.timing);
  const operations = options.api.getOperations();
  // First: the bodiless operations' context below takes its error handler from here as it is created.
  answerErrors(app, operations, respondFailure);
  const takesBody = (operation: Operation) => operation.requestBody !== undefined;
  for (const operation of operations.filter(takesBody)) registerOperation(app, options, respond, operation);
  // An operation that declares no body takes none: whatever a client sends with it (axios posts an empty form,
  // curl may label nothing as JSON) is read up to the body limit and ignored, never refused for its type.
  await app.register(async (bodiless) => {
    bodiless.removeAllContentTypeParsers();
    bodiless.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, _body, done) => done(null, undefined));
    for (const operation of operations.filter((o) => !takesBody(o)))
      registerOperation(bodiless, options, respond, operation);
  });
  app.addHook('onListen', () => warmUp(app, options.api, operations));
}
