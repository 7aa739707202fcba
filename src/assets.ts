// Files read at run time. From a checkout they sit where the repository keeps them; in the single-file build
// (`npm run build`, scripts/build.ts defines BUNDLED) they are copied beside dist/cms.js.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

declare const BUNDLED: boolean | undefined;
export const bundled = typeof BUNDLED !== 'undefined' && BUNDLED;

const swaggerUi = () => dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const inCheckout = {
  'openapi.yaml': () => new URL('../openapi.yaml', import.meta.url).pathname,
  'docs/index.html': () => new URL('operations/docs/page/index.html', import.meta.url).pathname,
  'docs/docs.js': () => new URL('operations/docs/page/docs.js', import.meta.url).pathname,
  'docs/swagger-ui.css': () => `${swaggerUi()}/swagger-ui.css`,
  'docs/swagger-ui-bundle.js': () => `${swaggerUi()}/swagger-ui-bundle.js`,
  'console/index.html': () => new URL('console/index.html', import.meta.url).pathname,
  'console/console.js': () => new URL('../generated/console/console.js', import.meta.url).pathname,
  'console/console.css': () => new URL('../generated/console/console.css', import.meta.url).pathname,
};

export type Asset = keyof typeof inCheckout;
export const assets = Object.keys(inCheckout) as Asset[];

/** Where `asset` is, from a checkout or in the build. */
export const assetPath = (asset: Asset): string =>
  bundled ? new URL(asset, import.meta.url).pathname : inCheckout[asset]();

const texts = new Map<Asset, string>();
/** An asset's text, read from disk once: the pages and files served stay as they were at the first request. */
export function assetText(asset: Asset): string {
  let text = texts.get(asset);
  if (text === undefined) {
    text = readFileSync(assetPath(asset), 'utf8');
    texts.set(asset, text);
  }
  return text;
}
