// What the docs operations serve: openapi.yaml with the answering instance as its server, and the reference page
// with the Swagger UI files it loads (from the swagger-ui-dist package, never a CDN).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { assetPath, type Asset } from './assets.js';

const assets = {
  'swagger-ui.css': { path: 'docs/swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { path: 'docs/swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'docs.js': { path: 'docs/docs.js', type: 'text/javascript; charset=utf-8' },
} as const satisfies Record<string, { path: Asset; type: string }>;

export type AssetName = keyof typeof assets;

const cached = new Map<string, string>();
const read = (asset: Asset) => cached.get(asset) ?? (cached.set(asset, readFileSync(assetPath(asset), 'utf8')), cached.get(asset)!);

export const docsPage = () => read('docs/index.html');

export function docsAsset(name: AssetName): { text: string; type: string } {
  return { text: read(assets[name].path), type: assets[name].type };
}

/** openapi.yaml as on disk (comments and all), with `servers` naming `origin`. */
let document: ReturnType<typeof parseDocument> | undefined;

export function specYaml(origin: string): string {
  document ??= parseDocument(read('openapi.yaml'));
  const copy = document.clone();
  copy.setIn(['servers'], [{ url: origin, description: 'this instance' }]);
  return copy.toString();
}

let spec: Record<string, unknown> | undefined;

export function specJson(origin: string): Record<string, unknown> {
  spec ??= (document ??= parseDocument(read('openapi.yaml'))).toJS() as Record<string, unknown>;
  return { ...spec, servers: [{ url: origin, description: 'this instance' }] };
}
