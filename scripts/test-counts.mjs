// Prints `N passed, N failed, N skipped` from tap's saved results (.tap/test-results), one count per top-level
// test point of each file. Usage: node scripts/test-counts.mjs <exit status of npm test>
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = '.tap/test-results';
const files = existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.tap')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const text = readFileSync(join(dir, String(file)), 'utf8');
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
