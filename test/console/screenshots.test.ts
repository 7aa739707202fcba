// `npm run screenshots` against the real server: one PNG per page the README shows, each of the page as it was
// reached (the script waits for each page's content before it photographs it).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import t from 'tap';
import { chromiumSkip as skip } from '../../scripts/chromium.js';
import { shots, takeScreenshots } from '../../scripts/screenshots.js';

t.test('the screenshots for the README', { skip }, async (t) => {
  const dir = t.testdir();
  const written = await takeScreenshots(dir);
  t.same(
    written,
    shots.map((name) => join(dir, `${name}.png`)),
    'one file per page',
  );
  for (const file of written) {
    const png = readFileSync(file);
    t.equal(png.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${basename(file)}: a PNG`);
    t.equal(png.readUInt32BE(16), 1280, `${basename(file)}: as wide as the window`);
    t.ok(png.readUInt32BE(20) >= 860, `${basename(file)}: at least as tall as the window`);
  }
});
