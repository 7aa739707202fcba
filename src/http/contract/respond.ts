// Every response leaves through here: the envelope or the declared content type, the spec's x-response-headers,
// the request id, and the duration metric.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Operation } from 'openapi-backend';
import { requestId, responseHeaders } from '../../../generated/constants.js';
import type { RequestMetrics } from '../../observability/metrics.js';
import { type ErrorName, fail } from '../../operations/envelope.js';

export type Outcome = { status: number; body: unknown; headers?: Record<string, string> };

export const jsonType = 'application/json; charset=utf-8';

type Headers = Readonly<Record<string, string>>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The spec's x-response-headers with the operation's own values over them. */
    responseHeaders?: Headers;
  }
}

/** The spec's x-response-headers with the operation's own values over them. */
export const headersOf = (operation: Operation): Headers => ({
  ...responseHeaders,
  ...((operation as Operation & { 'x-response-headers'?: Headers })['x-response-headers'] ?? {}),
});

/** Each declared status's content type (JSON when it declares none). */
export function contentTypes(operation: Operation): Map<number, string> {
  const types = new Map<number, string>();
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const type = Object.keys((response as { content?: object }).content ?? {})[0] ?? 'application/json';
    types.set(Number(status), type === 'application/json' ? jsonType : type);
  }
  return types;
}

export function responder(timing: RequestMetrics) {
  const respond = (
    request: FastifyRequest,
    reply: FastifyReply,
    route: string,
    contentType: string,
    outcome: Outcome,
    headers: Headers = responseHeaders,
  ) => {
    reply
      .code(outcome.status)
      .header('content-type', contentType)
      .headers(headers)
      .header(requestId.header, request.id);
    if (outcome.headers) reply.headers(outcome.headers);
    timing.observe(request, reply, route);
    return reply.send(contentType === jsonType ? JSON.stringify(outcome.body) : outcome.body);
  };
  const respondFailure = (
    request: FastifyRequest,
    reply: FastifyReply,
    name: ErrorName,
    message?: string,
    headers: Record<string, string> = {},
  ) => {
    // routeOptions builds a new object on every read: only failures, never the hot path, look there.
    const { config } = request.routeOptions;
    return respond(
      request,
      reply,
      config.statsId ?? 'unmatched',
      jsonType,
      { ...(message === undefined ? fail(name) : fail(name, message)), headers },
      config.responseHeaders,
    );
  };
  return { respond, respondFailure };
}

export type Respond = ReturnType<typeof responder>['respond'];
export type RespondFailure = ReturnType<typeof responder>['respondFailure'];
