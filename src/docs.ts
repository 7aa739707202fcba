// What the docs operations serve: openapi.yaml with the answering instance as its server, and the reference page
// with the Swagger UI files it loads (from the swagger-ui-dist package, never a CDN).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';

const specPath = new URL('../openapi.yaml', import.meta.url).pathname;
const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const assets = {
  'swagger-ui.css': { path: join(swaggerUi, 'swagger-ui.css'), type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { path: join(swaggerUi, 'swagger-ui-bundle.js'), type: 'text/javascript; charset=utf-8' },
  'docs.js': { path: new URL('docs/docs.js', import.meta.url).pathname, type: 'text/javascript; charset=utf-8' },
} as const;

export type AssetName = keyof typeof assets;

const cached = new Map<string, string>();
const read = (path: string) => cached.get(path) ?? (cached.set(path, readFileSync(path, 'utf8')), cached.get(path)!);

export const docsPage = () => read(new URL('docs/index.html', import.meta.url).pathname);

export function docsAsset(name: AssetName): { text: string; type: string } {
  return { text: read(assets[name].path), type: assets[name].type };
}

/** openapi.yaml as on disk (comments and all), with `servers` naming `origin`. */
let document: ReturnType<typeof parseDocument> | undefined;

export function specYaml(origin: string): string {
  document ??= parseDocument(read(specPath));
  const copy = document.clone();
  copy.setIn(['servers'], [{ url: origin, description: 'this instance' }]);
  return copy.toString();
}

let spec: Record<string, unknown> | undefined;

export function specJson(origin: string): Record<string, unknown> {
  spec ??= (document ??= parseDocument(read(specPath))).toJS() as Record<string, unknown>;
  return { ...spec, servers: [{ url: origin, description: 'this instance' }] };
}
