/**
 * Speed trick (cold start): the build (scripts/build.ts) checks the definition once and ships it parsed, as
 * openapi.json, so that the built server neither parses 72 kB of YAML nor validates the definition at every start;
 * from a checkout both happen at start (http/contract/spec.ts), so tests and `npm start` still check it. Measured
 * with `node --cpu-prof dist/cms.js serve` (README, performance); remove when the YAML parse and openapi-backend's
 * validateDefinition together cost little against the rest of a start.
 */
import { readFile } from 'node:fs/promises';
import type { Document } from 'openapi-backend';
import { assetPath, bundled } from '../assets.js';

/** The spec as a document, and whether the build already checked it. */
export async function specDocument(): Promise<{ document: Document; checked: boolean }> {
  if (bundled)
    return {
      document: JSON.parse(await readFile(new URL('openapi.json', import.meta.url), 'utf8')) as Document,
      checked: true,
    };
  const { parse } = (await import('yaml')).default;
  return { document: parse(await readFile(assetPath('openapi.yaml'), 'utf8')) as Document, checked: false };
}
