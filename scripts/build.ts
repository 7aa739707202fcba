// `npm run build [-- <dir>]`: the single-file deploy. One bundle (dist/cms.cjs, the CLI whose `serve` runs the
// server) started by dist/cms.js through a V8 code cache (src/perf/codeCache.ts), the SQLite reader thread beside
// it, the files they read at run time, and the native addons with what loads them, so that `node dist/cms.js serve`
// runs on a machine with Node and no node_modules.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync } from 'node:fs';
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { assetPath, assets } from '../src/assets.js';
import { checkedSpecJson } from '../src/http/contract/spec.js';
import { deployedNodeOptions } from './deployed-node-options.js';
import { freePort } from './free-port.js';

const root = new URL('..', import.meta.url).pathname;
const out = resolve(process.argv[2] ?? join(root, 'dist'));
const packageDir = (name: string) => dirname(createRequire(join(root, 'package.json')).resolve(`${name}/package.json`));

// Native addons stay outside the bundle: each with the files that find and load its binary, for this platform.
const platform = `${process.platform}-${process.arch}`;
const natives: Record<string, string[]> = {
  'better-sqlite3': ['package.json', 'lib', 'build/Release/better_sqlite3.node'],
  bindings: ['.'],
  'file-uri-to-path': ['.'],
  argon2: ['package.json', 'argon2.cjs', `prebuilds/${platform}`],
  '@phc/format': ['.'],
  'node-gyp-build': ['.'],
  '@node-rs/bcrypt': ['package.json', 'index.js', 'binding.js'],
};
// @node-rs/bcrypt loads its binary from the package built for this platform, the only one npm installed.
for (const name of readdirSync(join(root, 'node_modules/@node-rs')))
  if (name.startsWith('bcrypt-')) natives[`@node-rs/${name}`] = ['.'];

await rm(out, { recursive: true, force: true });
const common: BuildOptions = {
  outdir: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Less text for V8 to read at start; names are kept, so stack traces in the logs still read.
  minifyWhitespace: true,
  minifySyntax: true,
  external: ['argon2', 'better-sqlite3', '@node-rs/bcrypt'],
  define: { BUNDLED: 'true' },
  legalComments: 'linked',
  logLevel: 'warning',
};
// The CLI as one CommonJS file, the form a V8 code cache can start (node:vm compiles scripts, not ES modules). What
// only some runs need (the PostgreSQL and MySQL drivers, the YAML parser, pino-pretty) is imported dynamically:
// bundled, but run only by the runs that need it.
await build({
  ...common,
  entryPoints: [{ in: join(root, 'src/cli.ts'), out: 'cms' }],
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  // import.meta of the ES modules bundled: their URL is the bundle's (the files they read are beside it).
  define: { ...common.define, 'import.meta': '__cmsMeta' },
  banner: { js: "const __cmsMeta = { url: require('node:url').pathToFileURL(__filename).href };" },
});
// The entry that starts it, and the thread that reads the SQLite database aside (src/storage/sqliteReader.ts), as ES modules.
await build({
  ...common,
  entryPoints: [
    { in: join(root, 'src/perf/codeCache.ts'), out: 'cms' },
    { in: join(root, 'src/storage/sqliteReaderThread.ts'), out: 'sqliteReaderThread' },
  ],
  format: 'esm',
  banner: { js: '#!/usr/bin/env node' },
});
await chmod(join(out, 'cms.js'), 0o755);
await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);

for (const asset of assets) {
  await mkdir(dirname(join(out, asset)), { recursive: true });
  await cp(assetPath(asset), join(out, asset));
}

// The spec, checked here once rather than at every start (src/http/contract/, specDocument).
await writeFile(join(out, 'openapi.json'), await checkedSpecJson());

for (const [name, files] of Object.entries(natives)) {
  for (const file of files)
    await cp(join(packageDir(name), file), join(out, 'node_modules', name, file), { recursive: true });
}
// The code caches: one start and first ping per flag set a deployment runs with, each writing what it compiled.
const scratch = mkdtempSync(join(tmpdir(), 'cms-build-'));
for (const nodeOptions of ['', deployedNodeOptions]) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_OPTIONS: nodeOptions,
    CMS_WRITE_CODE_CACHE: '1',
    PORT: String(port),
    DATABASE_URL: `sqlite:${scratch}/cms.db`,
    LOG_LEVEL: 'silent',
  };
  const server = spawn(process.execPath, [join(out, 'cms.js'), 'serve'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (server.exitCode !== null || Date.now() > deadline)
      throw new Error(`the build's server did not start (NODE_OPTIONS=${nodeOptions})`);
    if (
      await fetch(`http://127.0.0.1:${port}/api/v1/platform/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
  }
  server.kill('SIGTERM');
  const [code] = (await once(server, 'exit')) as [number | null];
  if (code !== 0) throw new Error(`the build's server exited with ${code} (NODE_OPTIONS=${nodeOptions})`);
}
await rm(scratch, { recursive: true, force: true });
process.stderr.write(`built ${out}/cms.js: node ${out}/cms.js serve\n`);
