// npm run spec:breaking on repositories of its own: a copy of openapi.yaml committed (and tagged, or on main), then
// changed in the working tree. Each case is a real git repository and a real optic run.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t, { type Test } from 'tap';

const root = new URL('..', import.meta.url).pathname;
const original = await readFile(join(root, 'openapi.yaml'), 'utf8');

const lockedUntil = `        lockedUntil:
          type: string
          format: date-time
          nullable: true
          description: Until when failed logins keep the account locked; null when it is not locked.
`;
const dropLockedUntil = (spec: string) => {
  if (!spec.includes(lockedUntil)) throw new Error('the User schema no longer reads as this test expects');
  return spec.replace(lockedUntil, '').replace('role_id, role, lockedUntil, createdAt', 'role_id, role, createdAt');
};
const version = (spec: string, to: string) => spec.replace(/^ {2}version: 1\.0\.0$/m, `  version: ${to}`);

interface Run {
  code: number;
  out: string;
}

/** Commits openapi.yaml into a new repository (tagged v1.0.0, or not), writes `changed` over it and runs the gate. */
async function gate(t: Test, changed: string, options: { tag: boolean; args?: string[] }): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), 'spec-breaking-test-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], { cwd: dir });
  git('init', '-q', '-b', 'main');
  await writeFile(join(dir, 'openapi.yaml'), original);
  git('add', 'openapi.yaml');
  git('commit', '-q', '-m', 'the API');
  if (options.tag) git('tag', 'v1.0.0');
  else git('checkout', '-q', '-b', 'feature');
  await writeFile(join(dir, 'openapi.yaml'), changed);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), join(root, 'scripts/spec-breaking.ts'), ...(options.args ?? [])],
      { cwd: dir },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
    );
  });
}

t.test('a compatible change passes against the latest tag', async (t) => {
  const run = await gate(t, original.replace('summary: Prometheus metrics', 'summary: Metrics for Prometheus'), {
    tag: true,
  });
  t.equal(run.code, 0, run.out);
  t.match(run.out, /against v1\.0\.0 \(1\.0\.0\)/);
  t.match(run.out, /no breaking change/);
});

t.test('a removed response property fails, against the merge base with main when there is no tag', async (t) => {
  const run = await gate(t, dropLockedUntil(original), { tag: false });
  t.equal(run.code, 1, run.out);
  t.match(run.out, /cannot remove response property 'lockedUntil'/);
  t.match(run.out, /does not announce/);
});

t.test('the same change passes when the major version announces it', async (t) => {
  const run = await gate(t, version(dropLockedUntil(original), '2.0.0'), { tag: true });
  t.equal(run.code, 0, run.out);
  t.match(run.out, /properties\/lockedUntil: removed/, 'listed');
  t.match(run.out, /announces breaking changes/);
});

t.test('a minor version does not announce a breaking change', async (t) => {
  const run = await gate(t, version(dropLockedUntil(original), '1.1.0'), { tag: true });
  t.equal(run.code, 1, run.out);
});

t.test('a changed operationId fails: generated clients name their functions by it', async (t) => {
  const run = await gate(t, original.replace('operationId: getMetrics', 'operationId: fetchMetrics'), {
    tag: false,
    args: ['--base', 'main'],
  });
  t.equal(run.code, 1, run.out);
  t.match(run.out, /operationId changed .*GET \/metrics: getMetrics → fetchMetrics/);
});

t.test('a version lower than the base fails', async (t) => {
  const run = await gate(t, version(original, '0.9.0'), { tag: true });
  t.equal(run.code, 1, run.out);
  t.match(run.out, /went back from 1\.0\.0/);
});
