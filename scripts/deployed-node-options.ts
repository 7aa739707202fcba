// The V8 heap flags that the deployment files give node: scripts/cms.service's NODE_OPTIONS (the Dockerfile sets
// the same; test/deploy-files.test.ts holds them to it).
import { readFileSync } from 'node:fs';

const unit = readFileSync(new URL('cms.service', import.meta.url), 'utf8');
export const deployedNodeOptions = /^Environment="NODE_OPTIONS=([^"]+)"$/m.exec(unit)?.[1] ?? '';
