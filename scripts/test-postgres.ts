// The second half of `npm test`: the whole tap suite again, on PostgreSQL (a throwaway cluster, or PG_TEST_URL).
// Each app in the suite gets a schema of its own. Coverage was measured by the SQLite run.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { startTestPostgres } from './postgres.js';

const results = '.tap/test-results';
const keep = (suffix: string) => {
  rmSync(`${results}-${suffix}`, { recursive: true, force: true });
  if (existsSync(results)) renameSync(results, `${results}-${suffix}`);
};

keep('sqlite');
const server = await startTestPostgres();
let status = 1;
try {
  console.log(`\n# the suite again, on PostgreSQL (${server.url.replace(/\/\/[^@]*@/, '//')})\n`);
  const tap = spawnSync('npx', ['tap', '--disable-coverage'], { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: server.url } });
  status = tap.status ?? 1;
} finally {
  await server.destroy();
  keep('postgres');
}
process.exit(status);
