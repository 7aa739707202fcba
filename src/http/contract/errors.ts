// What is not a handler's answer, answered in the envelope: unknown routes and methods, Fastify's own rejections,
// the refusals of the layers below (domain errors), a full queue, a database that is away, and any other error.
import type { FastifyError, FastifyInstance } from 'fastify';
import type { Operation } from 'openapi-backend';
import { NotAuthenticated } from '../../accounts/errors.js';
import { ApiError, type ErrorName } from '../../operations/envelope.js';
import { isUnavailable } from '../../storage/connect.js';
import { LastAdministrator } from '../../storage/errors.js';
import { Saturated } from '../../storage/limiter.js';
import { drainUnread } from '../unreadBody.js';
import type { RespondFailure } from './respond.js';

// Fastify's own rejections, by the status it gives them.
function fastifyRejection(error: FastifyError): [ErrorName, string | undefined] | undefined {
  switch (error.statusCode) {
    case 400:
      return [
        'paramsInvalid',
        `parameters format error: ${error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ? 'body is empty' : 'body is not valid JSON'}`,
      ];
    case 413:
      return ['payloadTooLarge', undefined];
    case 415:
      return ['unsupportedMediaType', undefined];
    default:
      return undefined;
  }
}

/** The refusals of accounts/ and storage/, each answered with the error of x-errors that names it. */
function domainRefusal(error: unknown): ErrorName | undefined {
  if (error instanceof NotAuthenticated) return 'unauthorized';
  if (error instanceof LastAdministrator) return 'lastAdmin';
  return undefined;
}

export function answerErrors(app: FastifyInstance, operations: Operation[], respondFailure: RespondFailure): void {
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
    const refusal = domainRefusal(error);
    if (refusal) return respondFailure(request, reply, refusal);
    // A bounded queue (password hashing, reads aside) that is full.
    if (error instanceof Saturated) return respondFailure(request, reply, 'busy', undefined, { 'retry-after': '1' });
    const rejection = fastifyRejection(error);
    if (rejection) {
      drainUnread(request, reply);
      return respondFailure(request, reply, ...rejection);
    }
    if (isUnavailable(error)) {
      request.log.warn({ err: { type: error.name, code: error.code } }, 'database unavailable');
      return respondFailure(request, reply, 'databaseUnavailable', undefined, { 'retry-after': '1' });
    }
    // Name and code only: a stack or a driver's message could carry SQL or a secret.
    request.log.error({ err: { type: error.name, code: error.code } }, 'unhandled error');
    return respondFailure(request, reply, 'internal');
  });
}
