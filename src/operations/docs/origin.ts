import type { FastifyRequest } from 'fastify';
import { fail } from '../envelope.js';

/** The instance as its caller reached it (through a trusted proxy: as the proxy was reached). */
export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export const docsOff = () => fail('notFound', 'route not found: the server runs with DOCS=false');
