// npm run spec:breaking [-- --base <git ref>]: fails when openapi.yaml breaks what its version at <ref> promised
// and its info.version does not say so. A breaking change is announced by a new major version. The base is the
// latest v* tag reachable from HEAD, else the merge base with main, else HEAD.
//
// Optic's breaking-changes ruleset judges the change (removed operations and properties, new required inputs,
// narrowed enums and types). It does not count a changed operationId, yet every generator names its functions by
// it, so that is checked here too.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import semver from 'semver';
import { parse } from 'yaml';

type Spec = { info: { version: string }; paths: Record<string, Record<string, { operationId?: string }>> };

const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: 'pipe' }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

function defaultBase(): string {
  const base = tryGit('describe', '--tags', '--abbrev=0', '--match', 'v*') ?? tryGit('merge-base', 'HEAD', 'main');
  if (base) return base;
  // A shallow clone has neither: only the working tree's own changes can be judged.
  console.warn('no v* tag and no merge base with main here: comparing with HEAD (name a base with --base <ref>)');
  return 'HEAD';
}

/** Operations whose operationId changed or went, as `METHOD /path: before → after`. */
function renamedOperations(before: Spec, after: Spec): string[] {
  // A path is the same whatever its parameters are called (/docs/{asset} is /docs/{script}), as optic reads it.
  const template = (path: string) => path.replace(/\{[^}]*\}/g, '{}');
  const afterPaths = new Map(Object.entries(after.paths).map(([path, operations]) => [template(path), operations]));
  const renamed: string[] = [];
  for (const [path, operations] of Object.entries(before.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const now = afterPaths.get(template(path))?.[method];
      if (operation.operationId && now && now.operationId !== operation.operationId)
        renamed.push(`${method.toUpperCase()} ${path}: ${operation.operationId} → ${now.operationId ?? '(none)'}`);
    }
  }
  return renamed;
}

/** A new major version may break its clients: optic's rule (semver.diff is "major"), kept for the operationId check. */
const announcesBreak = (before: string, after: string) => semver.diff(before, after) === 'major';

function main(): number {
  const { values } = parseArgs({ options: { base: { type: 'string' } } });
  const root = git('rev-parse', '--show-toplevel');
  const ref = values.base ?? defaultBase();
  const headText = readFileSync(join(root, 'openapi.yaml'), 'utf8');
  const baseText = git('-C', root, 'show', `${ref}:openapi.yaml`);
  const head = parse(headText) as Spec;
  const base = parse(baseText) as Spec;
  for (const [which, version] of [
    ['base', base.info.version],
    ['openapi.yaml', head.info.version],
  ]) {
    if (!semver.valid(version)) throw new Error(`${which} info.version ${version} is not a semantic version`);
  }
  if (semver.lt(head.info.version, base.info.version)) {
    console.error(`info.version went back from ${base.info.version} (${ref}) to ${head.info.version}`);
    return 1;
  }
  const announced = announcesBreak(base.info.version, head.info.version);
  console.log(`openapi.yaml ${head.info.version} against ${ref} (${base.info.version})`);
  if (announced) console.log('the new version announces breaking changes: they are listed, not refused');

  const dir = mkdtempSync(join(tmpdir(), 'spec-breaking-'));
  try {
    writeFileSync(join(dir, 'base.yaml'), baseText);
    const optic = join(
      dirname(createRequire(import.meta.url).resolve('@useoptic/optic/package.json')),
      'build/index.js',
    );
    // Optic reads info.version itself: its rules let a new major version break. No telemetry: the run sends
    // nothing anywhere (and CI has no network to send it on).
    const run = spawnSync(
      process.execPath,
      [optic, 'diff', join(dir, 'base.yaml'), join(root, 'openapi.yaml'), '--check'],
      {
        stdio: 'inherit',
        env: { ...process.env, OPTIC_TELEMETRY_LEVEL: 'off' },
      },
    );
    const renamed = renamedOperations(base, head);
    for (const line of renamed) console.log(`x operationId changed (generated clients rename their function): ${line}`);
    if (run.status === 0 && (announced || renamed.length === 0)) {
      console.log(renamed.length || announced ? 'breaking changes announced' : 'no breaking change');
      return 0;
    }
    console.error(
      `breaking changes that info.version ${head.info.version} does not announce: make them compatible, or raise the major version`,
    );
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = main();
