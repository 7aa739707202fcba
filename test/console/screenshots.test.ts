// `npm run screenshots` against the real server: one PNG per page the README shows, each of the page as it was
// reached (the script waits for each page's content before it photographs it).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { chromiumSkip as skip } from '../../scripts/chromium.js';
import { shots } from '../../scripts/screenshots.js';

const root = new URL('../..', import.meta.url).pathname;

t.test('the screenshots for the README', { skip }, async (t) => {
  const dir = t.testdir();
  // A process of its own with a clean environment: the server it starts would otherwise inherit tap's coverage
  // hooks, and a second tsx process's coverage corrupts the merge.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(root, 'scripts/screenshots.ts'), dir],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...(process.env.CHROMIUM ? { CHROMIUM: process.env.CHROMIUM } : {}),
      },
      timeout: 90_000,
    },
  );
  t.same(
    stdout.trim().split('\n'),
    shots.map((name) => `wrote ${join(dir, `${name}.png`)}`),
    'one file per page',
  );
  for (const name of shots) {
    const png = readFileSync(join(dir, `${name}.png`));
    t.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${name}: a PNG`);
    t.equal(png.readUInt32BE(16), 1280, `${name}: as wide as the window`);
    t.ok(png.readUInt32BE(20) >= 860, `${name}: at least as tall as the window`);
  }
});
