// The deployment files (scripts/cms.service, scripts/Dockerfile) give node the same heap flags, and node takes them.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import t from 'tap';
import { deployedNodeOptions } from '../scripts/deployed-node-options.js';

const read = (file: string) => readFileSync(new URL(`../scripts/${file}`, import.meta.url), 'utf8');

t.test('the systemd unit and the Dockerfile size the heap alike, in a form node accepts', async (t) => {
  const unit = deployedNodeOptions;
  const image = /^ENV NODE_OPTIONS="([^"]+)"$/m.exec(read('Dockerfile'))?.[1];
  t.ok(unit, 'the unit sets NODE_OPTIONS');
  t.equal(image, unit, 'the Dockerfile sets the same');
  const limit = execFileSync(process.execPath, ['-p', 'require("v8").getHeapStatistics().heap_size_limit'], {
    env: { PATH: process.env.PATH, NODE_OPTIONS: unit },
  });
  const oldSpace = Number(/--max-old-space-size=(\d+)/.exec(unit!)![1]);
  t.ok(Number(limit) < (oldSpace + 64) * 1024 * 1024, `node's heap limit follows them (${Number(limit) >> 20} MB)`);
});
