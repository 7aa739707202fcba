// What the docs operations serve: openapi.yaml with the answering instance as its server, and the reference page
// with the Swagger UI files it loads (from the swagger-ui-dist package, never a CDN).
import type { parseDocument } from 'yaml';
import { type Asset, assetText } from '../../assets.js';

const assets = {
  'swagger-ui.css': { path: 'docs/swagger-ui.css', type: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { path: 'docs/swagger-ui-bundle.js', type: 'text/javascript; charset=utf-8' },
  'docs.js': { path: 'docs/docs.js', type: 'text/javascript; charset=utf-8' },
} as const satisfies Record<string, { path: Asset; type: string }>;

export type AssetName = keyof typeof assets;

export const docsPage = () => assetText('docs/index.html');

/** The answer for one Swagger UI file: its text, its media type, cached by browsers for an hour. */
export function docsFile(name: AssetName) {
  return {
    status: 200 as const,
    body: assetText(assets[name].path),
    headers: { 'content-type': assets[name].type, 'cache-control': 'public, max-age=3600' },
  };
}

let document: ReturnType<typeof parseDocument> | undefined;
// The YAML library is loaded at the first request for the spec, not at every start (through its CommonJS
// default export: bundled, it has no other).
const parsed = async () => (document ??= (await import('yaml')).default.parseDocument(assetText('openapi.yaml')));
// Rendered once with a placeholder for the origin: serialising the document costs tens of milliseconds, too much to
// spend on every unauthenticated request.
let template: string | undefined;
const placeholder = 'cms-origin-placeholder';

/** openapi.yaml as on disk (comments and all), with `servers` naming `origin`. */
export async function specYaml(origin: string): Promise<string> {
  if (template === undefined) {
    const copy = (await parsed()).clone();
    copy.setIn(['servers'], [{ url: placeholder, description: 'this instance' }]);
    template = copy.toString();
  }
  // A JSON string is a YAML double-quoted scalar: whatever the Host header held stays a string. A replacer
  // function, since a replacement string would read `$'` or `$&` in the Host header as patterns.
  return template.replace(placeholder, () => JSON.stringify(origin));
}

let spec: Record<string, unknown> | undefined;

export async function specJson(origin: string): Promise<Record<string, unknown>> {
  spec ??= (await parsed()).toJS() as Record<string, unknown>;
  return { ...spec, servers: [{ url: origin, description: 'this instance' }] };
}
