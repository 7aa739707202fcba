/**
 * Speed trick (cold start): the single-file build's entry, dist/cms.js. It runs the bundle (dist/cms.cjs) through
 * a V8 code cache that the build wrote (scripts/build.ts): the bytecode of every function that a start and a first
 * ping compiled, so a start reads it instead of parsing and compiling the 3.6 MB bundle. V8 takes a cache only from
 * the same V8 with the same V8 flags, so the build writes one per flag set (none, and the NODE_OPTIONS of
 * scripts/cms.service), each named by the tag V8 checks a cache against; a start with other flags finds no file and
 * compiles as before. What it saves, the parse and compile of the bundle's start-up code, is measured by
 * `npm run bench:scale` (cold start; figures in the README, "At a million users").
 * Remove once the engines floor is Node 22 and `module.enableCompileCache()` (which keys its cache the same way,
 * and serves ES modules too) measures as well.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedDataVersionTag } from 'node:v8';
import { Script } from 'node:vm';
import { bundled } from '../assets.js';

/** The cache for V8 with `tag` (v8.cachedDataVersionTag: V8's version, its flags and the CPU's features). */
export const codeCacheFile = (dir: string, tag = cachedDataVersionTag()): string =>
  join(dir, 'cms.cache', `${process.version}-${tag.toString(16)}`);

/**
 * Runs `bundle` (CommonJS) with the cache for this process's flags when there is one. With `write`, the build's
 * mode, the cache is written when the process exits, holding what the run compiled.
 */
export function runBundle(bundle: string, options: { write: boolean }): void {
  const cacheFile = codeCacheFile(dirname(bundle));
  let cachedData: Buffer | undefined;
  try {
    if (!options.write) cachedData = readFileSync(cacheFile);
  } catch {
    // No cache for these flags: compile as without one.
  }
  const source = readFileSync(bundle, 'utf8');
  // Node's own CommonJS wrapper, so the bundle sees require, module and __dirname as when node loads it.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData,
  });
  if (cachedData && script.cachedDataRejected) {
    process.stderr.write(`${cacheFile} does not fit this node; starting without it (npm run build writes it anew)\n`);
  }
  if (options.write) {
    process.on('exit', () => {
      mkdirSync(dirname(cacheFile), { recursive: true });
      writeFileSync(cacheFile, script.createCachedData());
    });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    module.exports,
    createRequire(bundle),
    module,
    bundle,
    dirname(bundle),
  );
}

if (bundled) {
  runBundle(fileURLToPath(new URL('cms.cjs', import.meta.url)), { write: process.env.CMS_WRITE_CODE_CACHE === '1' });
}
