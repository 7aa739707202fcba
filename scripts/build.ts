// `npm run build [-- <dir>]`: the single-file deploy. One bundled ES module (dist/cms.js, the CLI whose `serve`
// runs the server) with the SQLite reader thread beside it, the files they read at run time, and the two native
// addons with what loads them, so that `node dist/cms.js serve` runs on a machine with Node and no node_modules.
import { readdirSync } from 'node:fs';
import { chmod, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { assetPath, assets } from '../src/assets.js';
import { checkedSpecJson } from '../src/contract.js';

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
for (const name of readdirSync(join(root, 'node_modules/@node-rs'))) if (name.startsWith('bcrypt-')) natives[`@node-rs/${name}`] = ['.'];

await rm(out, { recursive: true, force: true });
await build({
  // The CLI, and the thread that reads the SQLite database aside (src/sqliteReader.ts) beside it.
  entryPoints: [
    { in: join(root, 'src/cli.ts'), out: 'cms' },
    { in: join(root, 'src/sqliteReaderThread.ts'), out: 'sqliteReaderThread' },
  ],
  outdir: out,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // What only some runs need (the PostgreSQL and MySQL drivers, the YAML parser, pino-pretty) is imported
  // dynamically and lands in chunks of its own, read only by the runs that need it.
  splitting: true,
  // Less text for V8 to read at start; names are kept, so stack traces in the logs still read.
  minifyWhitespace: true,
  minifySyntax: true,
  chunkNames: 'chunks/[name]-[hash]',
  external: ['argon2', 'better-sqlite3', '@node-rs/bcrypt'],
  define: { BUNDLED: 'true' },
  // The bundled CommonJS packages expect require, __filename and __dirname.
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __cmsRequire } from 'node:module';",
      "import { fileURLToPath as __cmsPath } from 'node:url';",
      'const require = __cmsRequire(import.meta.url);',
      'const __filename = __cmsPath(import.meta.url);',
      "const __dirname = __cmsPath(new URL('.', import.meta.url));",
    ].join('\n'),
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
await chmod(join(out, 'cms.js'), 0o755);
await writeFile(join(out, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);

for (const asset of assets) {
  await mkdir(dirname(join(out, asset)), { recursive: true });
  await cp(assetPath(asset), join(out, asset));
}

// The spec, checked here once rather than at every start (src/contract.ts, specDocument).
await writeFile(join(out, 'openapi.json'), await checkedSpecJson());

for (const [name, files] of Object.entries(natives)) {
  for (const file of files) await cp(join(packageDir(name), file), join(out, 'node_modules', name, file), { recursive: true });
}
process.stderr.write(`built ${out}/cms.js: node ${out}/cms.js serve\n`);
