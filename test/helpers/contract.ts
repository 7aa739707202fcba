// The one check every response in the suite passes through: does it match openapi.yaml, with the headers of its
// x-response-headers?
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIBackend, Operation } from 'openapi-backend';
import { requestId, responseHeaders } from '../../generated/constants.js';
import { errors } from '../../generated/errors.js';
import { loadSpec } from '../../src/http/contract/spec.js';

export interface Exchange {
  method: string;
  url: string;
  status: number;
  headers: Record<string, unknown>;
  text: string;
  /** Answered by the connection's error handler (slow, oversized or malformed requests), not by an operation. */
  beforeRouting?: boolean;
}

let spec: Promise<{ api: OpenAPIBackend; errorEnvelope: (data: unknown) => boolean }> | undefined;

function load() {
  spec ??= loadSpec().then((api) => {
    const ajv = new Ajv({ strict: false });
    addFormats.default(ajv);
    const schema = api.definition.components?.schemas?.ErrorEnvelope as object;
    return { api, errorEnvelope: ajv.compile(schema) };
  });
  return spec;
}

const successCodes = new Set([0, 1000]);

/** The statuses the spec declares for requests no operation matches. */
const unmatched = (api: OpenAPIBackend) =>
  Object.keys((api.definition as { 'x-unmatched-responses'?: object })['x-unmatched-responses'] ?? {});

function checkErrorTable(exchange: Exchange, body: unknown): string[] {
  const errCode = (body as { errCode?: unknown }).errCode;
  if (typeof errCode !== 'number' || successCodes.has(errCode)) return [];
  const entry = Object.values(errors).find((e) => e.errCode === errCode);
  if (!entry) return [`errCode ${errCode} is not listed under x-errors`];
  return entry.status === exchange.status
    ? []
    : [`errCode ${errCode} is listed with HTTP ${entry.status}, answered ${exchange.status}`];
}

/** `type/subtype` of a Content-Type header, without its parameters. */
function essence(contentType: string): string {
  return (contentType.split(';', 1)[0] ?? '').trim().toLowerCase();
}

function checkOperation(api: OpenAPIBackend, operation: Operation, exchange: Exchange, contentType: string): string[] {
  const responses = operation.responses as Record<string, { content?: Record<string, unknown> }>;
  const declared = responses[String(exchange.status)];
  if (!declared) return [`${operation.operationId} does not declare status ${exchange.status}`];
  const types = Object.keys(declared.content ?? {});
  // The media type as sent, parameters aside, is one the operation declares: generated clients pick how to read a
  // body by it, so `text/plain` must not stand for `text/plain-ish`.
  if (!types.includes(essence(contentType))) return [`content-type ${contentType} is not one of ${types.join(', ')}`];
  if (essence(contentType) !== 'application/json') return [];
  const body = JSON.parse(exchange.text) as unknown;
  const problems = [
    ...(api.validateResponse(body, operation, exchange.status).errors ?? []),
    ...(api.validateResponseHeaders(exchange.headers, operation, { statusCode: exchange.status }).errors ?? []),
  ].map((e) => `${e.instancePath || '/'} ${e.message}`);
  return [...problems, ...checkErrorTable(exchange, body)];
}

/** The operationId that answers `method` `url`, if one does. */
export async function operationIdOf(method: string, url: string): Promise<string | undefined> {
  const { api } = await load();
  return api.matchOperation({ method: method === 'HEAD' ? 'GET' : method, path: url, headers: {} })?.operationId;
}

/** Throws, naming every mismatch, when a response is not what openapi.yaml says it may be. */
export async function assertMatchesSpec(exchange: Exchange): Promise<void> {
  const { api, errorEnvelope } = await load();
  const operation = exchange.beforeRouting
    ? undefined
    : api.matchOperation({
        method: exchange.method === 'HEAD' ? 'GET' : exchange.method,
        path: exchange.url,
        headers: {},
      });
  const expected = {
    ...responseHeaders,
    ...((operation as (Operation & { 'x-response-headers'?: object }) | undefined)?.['x-response-headers'] ?? {}),
  };
  const missing = Object.entries(expected).filter(([name, value]) => exchange.headers[name] !== value);
  if (missing.length)
    throw new Error(
      `${exchange.method} ${exchange.url} → ${exchange.status} lacks x-response-headers: ${missing.map(([name]) => name).join(', ')}`,
    );
  if (!new RegExp(requestId.pattern).test(String(exchange.headers[requestId.header] ?? ''))) {
    throw new Error(
      `${exchange.method} ${exchange.url} → ${exchange.status} has no ${requestId.header} matching ${requestId.pattern}`,
    );
  }
  if (exchange.method === 'HEAD') return;
  const contentType = String(exchange.headers['content-type'] ?? '');
  let problems: string[];
  if (operation) {
    problems = checkOperation(api, operation, exchange, contentType);
  } else if (
    essence(contentType) !== 'application/json' ||
    (!exchange.beforeRouting && !unmatched(api).includes(String(exchange.status)))
  ) {
    problems = [
      `no operation matches, so only a JSON ${unmatched(api).join(' or ')} (x-unmatched-responses) may answer, not ${exchange.status} ${contentType}`,
    ];
  } else {
    const body = JSON.parse(exchange.text) as unknown;
    problems = [...(errorEnvelope(body) ? [] : ['body is not an ErrorEnvelope']), ...checkErrorTable(exchange, body)];
  }
  if (problems.length) {
    throw new Error(
      `${exchange.method} ${exchange.url} → ${exchange.status} does not match openapi.yaml:\n  ${problems.join('\n  ')}\n  body: ${exchange.text.slice(0, 500)}`,
    );
  }
}
