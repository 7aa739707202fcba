// Cross-origin access for browser pages, off unless CORS_ORIGINS names origins. What a preflight may ask for is
// read from the spec: its operations' methods, and the request headers its security schemes and bodies use.
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import type { OpenAPIBackend } from 'openapi-backend';

export async function registerCors(app: FastifyInstance, api: OpenAPIBackend, origins: string[] | '*'): Promise<void> {
  if (origins.length === 0) return;
  const operations = api.getOperations();
  const schemes = Object.values(api.definition.components?.securitySchemes ?? {}) as Array<{
    type: string;
    in?: string;
    name?: string;
    scheme?: string;
  }>;
  const headers = new Set(['content-type']);
  for (const scheme of schemes) {
    if (scheme.type === 'apiKey' && scheme.in === 'header' && scheme.name) headers.add(scheme.name.toLowerCase());
    if (scheme.type === 'http') headers.add('authorization');
  }
  await app.register(cors, {
    origin: origins,
    methods: [...new Set(operations.map((op) => op.method.toUpperCase()))],
    allowedHeaders: [...headers],
    exposedHeaders: ['retry-after'],
    maxAge: 600,
  });
}
