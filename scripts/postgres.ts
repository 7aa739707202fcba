// A throwaway PostgreSQL server for the test suite: PG_TEST_URL when it is set, otherwise a fresh cluster in a
// temporary directory on a free port, run as an unprivileged user (initdb refuses root), removed afterwards.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface TestPostgres {
  url: string;
  /** Stops the server (fast shutdown) and keeps its files: `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql), or set PG_TEST_URL');
  return found;
}

export async function waitForPostgres(url: string, seconds = 30): Promise<void> {
  for (const deadline = Date.now() + seconds * 1000; ; ) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Creates `schema` on the server of `url`, and answers a URL whose connections work in it. */
export async function schemaUrl(url: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create schema "${schema}"`);
  } finally {
    await client.end();
  }
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export async function startTestPostgres(): Promise<TestPostgres> {
  if (process.env.PG_TEST_URL) {
    const url = process.env.PG_TEST_URL;
    const none = async () => {
      throw new Error('PG_TEST_URL names a server these tests do not control');
    };
    return { url, stop: none, start: none, destroy: async () => {} };
  }
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'cms-pg-'));
  // As root, the cluster belongs to `nobody` (initdb and postgres refuse to run as root). The processes are
  // started as that user directly, not through runuser, so that signals reach postgres itself.
  const asUser = userInfo().uid === 0 ? { uid: 65534, gid: 65534 } : {};
  if (userInfo().uid === 0) {
    chownSync(dir, 65534, 65534);
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8'], {
    stdio: 'ignore',
    cwd: dir,
    ...asUser,
  });
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let server: ChildProcess | undefined;

  const start = async () => {
    // Durability is not under test here: fsync off keeps the suite fast.
    const args = [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ];
    server = spawn(join(bin, 'postgres'), args, { stdio: 'ignore', cwd: dir, ...asUser });
    await waitForPostgres(url);
  };
  const stop = async () => {
    if (!server || server.exitCode !== null) return;
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGINT');
    await exited;
  };
  await start();
  return {
    url,
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
