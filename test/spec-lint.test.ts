// openapi.yaml passes Spectral's OpenAPI rules and the OWASP API Security ruleset (.spectral.mjs) with no errors.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'node_modules/@stoplight/spectral-cli/dist/index.js');

interface Finding {
  code: string;
  severity: number;
  path: string[];
  message: string;
}

async function lint(spec: string, ruleset: string): Promise<Finding[]> {
  // Spectral exits 1 when it finds errors; its findings are on stdout either way.
  const run = promisify(execFile)(process.execPath, [cli, 'lint', spec, '-r', ruleset, '-f', 'json', '-q'], {
    cwd: root,
  });
  const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  return JSON.parse(stdout || '[]') as Finding[];
}

const errorsIn = (findings: Finding[]) =>
  findings.filter((f) => f.severity === 0).map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`);

t.test('openapi.yaml has no Spectral or OWASP finding, error or warning', async (t) => {
  const findings = await lint('openapi.yaml', '.spectral.mjs');
  t.same(
    findings.map((f) => `${f.code} (severity ${f.severity}) at ${f.path.join('.')}: ${f.message}`),
    [],
  );
});

t.test("openapi.yaml passes Redocly's recommended rules: no error, no warning", async (t) => {
  const redocly = join(root, 'node_modules/@redocly/cli/bin/cli.js');
  const run = promisify(execFile)(process.execPath, [redocly, 'lint', 'openapi.yaml', '--format=json'], { cwd: root });
  const { stdout } = await run.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as {
    totals: { errors: number; warnings: number };
    problems: Array<{ ruleId: string; message: string }>;
  };
  t.same(
    report.problems.map((p) => `${p.ruleId}: ${p.message}`),
    [],
  );
  t.same([report.totals.errors, report.totals.warnings], [0, 0]);
});

t.test('the request-size rules find an unbounded input', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'cms-lint-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const spec = await readFile(join(root, 'openapi.yaml'), 'utf8');
  const unbounded = spec.replace(/(\n {4}RoleName:\n(?: {6}.*\n)*?) {6}maxLength: \d+\n/, '$1');
  t.not(unbounded, spec, 'RoleName lost its maxLength');
  await writeFile(join(dir, 'openapi.yaml'), unbounded);
  await copyFile(join(root, '.spectral.mjs'), join(dir, '.spectral.mjs'));
  const found = errorsIn(await lint(join(dir, 'openapi.yaml'), join(dir, '.spectral.mjs')));
  t.ok(
    found.some((line) => line.startsWith('request-string-limit at components.schemas.RoleName')),
    found.join('\n'),
  );
});
