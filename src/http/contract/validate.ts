// A request's query and path parameters (and body) checked against the operation's schemas, with the first problem
// named in one line.
import type { ErrorObject } from 'ajv';
import type { FastifyRequest } from 'fastify';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import { ApiError } from '../../operations/envelope.js';

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

// Names of apiKey query parameters that carry credentials: they are not part of the operation's query.
function credentialQueryNames(api: OpenAPIBackend, operation: Operation): string[] {
  const schemes = (api.definition.components?.securitySchemes ?? {}) as Record<
    string,
    { type: string; in?: string; name?: string }
  >;
  return (operation.security ?? [])
    .flatMap((requirement) => Object.keys(requirement))
    .map((name) => schemes[name])
    .filter((scheme) => scheme?.type === 'apiKey' && scheme.in === 'query')
    .map((scheme) => scheme?.name as string);
}

export type Valid = { query: Record<string, unknown>; params: Record<string, unknown> };

/** Query and path parameters as the handler sees them: credentials removed, validated, coerced, defaulted. */
export function requestValidator(api: OpenAPIBackend, operation: Operation): (request: FastifyRequest) => Valid {
  const credentialNames = credentialQueryNames(api, operation);
  // With no parameters and no body declared, a request with neither is valid without running the validator.
  const trivial = (operation.parameters ?? []).length === 0 && !operation.requestBody;
  return (request) => {
    let query = request.query as Record<string, string>;
    const params = request.params as Record<string, string>;
    if (trivial && request.body === undefined && !request.url.includes('?')) return { query, params };
    if (credentialNames.length)
      query = Object.fromEntries(Object.entries(query).filter(([k]) => !credentialNames.includes(k)));
    const { method, url: path, headers, body } = request;
    const validation = api.validateRequest(
      { method, path, headers: headers as Record<string, string>, query, body, params },
      operation,
    );
    if (!validation.valid)
      throw new ApiError(
        'paramsInvalid',
        `parameters format error: ${describeValidationError(validation.errors![0]!)}`,
      );
    return {
      query: (validation.coerced.query as Record<string, unknown>) ?? query,
      params: (validation.coerced.params as Record<string, unknown>) ?? params,
    };
  };
}
