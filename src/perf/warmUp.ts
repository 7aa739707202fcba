/**
 * Speed trick (cold start): compiling the request validators of all operations is a large part of a start.
 * Once the server listens they are compiled one operation per turn of the event loop, so a request that arrives
 * meanwhile waits for one operation's compilation at most (its own, if not yet done, compiled at its first use).
 * Measured as shippedSpec.ts; remove when compiling them all costs little against the rest of a start.
 */
import type { FastifyInstance } from 'fastify';
import type { OpenAPIBackend, Operation } from 'openapi-backend';

export function warmUp(app: FastifyInstance, api: OpenAPIBackend, operations: Operation[]): void {
  const next = (i: number) => {
    if (i === operations.length || !app.server.listening) return;
    api.validator.getRequestValidatorsForOperation(operations[i]!.operationId!);
    setImmediate(next, i + 1);
  };
  setImmediate(next, 0);
}
