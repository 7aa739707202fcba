// Prints `N passed, N failed, N skipped` from tap's saved results, one count per top-level test point of each file,
// over both runs of the suite (.tap/test-results-sqlite, .tap/test-results-postgres) and any run not yet moved
// (.tap/test-results). Usage: node scripts/test-counts.mjs <exit status of npm test>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dirs = ['.tap/test-results', '.tap/test-results-sqlite', '.tap/test-results-postgres'].filter((dir) =>
  existsSync(dir),
);
const files = dirs.flatMap((dir) =>
  readdirSync(dir, { recursive: true })
    .filter((f) => String(f).endsWith('.tap'))
    .map((f) => join(dir, String(f))),
);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const line of text.split('\n').filter((l) => /^(not )?ok \d+/.test(l))) {
    if (/# (SKIP|TODO)/.test(line)) skipped++;
    else if (line.startsWith('not ok')) failed++;
    else passed++;
  }
  // A file that died before printing its plan failed, whatever its points said.
  if (!/^1\.\.\d+/m.test(text)) failed++;
}
// npm test failed outside the test files (the type check, or the runner itself): that is a failure too.
if (Number(process.argv[2] ?? 0) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
