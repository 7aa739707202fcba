// The second half of `npm test`: the whole tap suite again, on PostgreSQL (a throwaway cluster, or PG_TEST_URL).
// Given test files (`tsx scripts/test-postgres.ts test/x.test.ts`), those alone.
// Each app in the suite gets a schema of its own. Coverage was measured by the SQLite run.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import pg from 'pg';
import { startTestPostgres } from './postgres.js';

const results = '.tap/test-results';
const keep = (suffix: string) => {
  rmSync(`${results}-${suffix}`, { recursive: true, force: true });
  if (existsSync(results)) renameSync(results, `${results}-${suffix}`);
};

// Each test app works in a schema of its own; on a server the run does not own (PG_TEST_URL) they are dropped after.
const prefix = `t${Date.now().toString(36)}_`;
async function dropSchemas(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    'select nspname as name from pg_namespace where starts_with(nspname, $1)',
    [prefix],
  );
  for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
  await client.end();
}

keep('sqlite');
const server = await startTestPostgres();
let status = 1;
try {
  console.log(`\n# the suite again, on PostgreSQL (${server.url.replace(/\/\/[^@]*@/, '//')})\n`);
  const tap = spawnSync('npx', ['tap', '--disable-coverage', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_DATABASE_URL: server.url, TEST_SCHEMA_PREFIX: prefix },
  });
  status = tap.status ?? 1;
  await dropSchemas(server.url);
} finally {
  await server.destroy();
  keep('postgres');
}
process.exit(status);
