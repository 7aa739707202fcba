// Storage that stops taking writes: a full disk, a database file that cannot be written, a PostgreSQL server
// turned read-only. The server answers 503 (errCode 1023) in the envelope, keeps serving what needs no write,
// never exits, and takes writes again once the cause is gone, without a restart. Real server processes.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Test } from 'tap';
import t from 'tap';
import { openSqlite } from '../../src/storage/connect.js';
import { onPostgres } from '../helpers/app.js';
import { fetchChecked, type Server, startServer } from '../helpers/server.js';

const json = { 'content-type': 'application/json' };
const register = (server: Server, username: string) =>
  fetchChecked(`${server.base}/api/v1/user/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: `${username}-password` }),
  });
const login = (server: Server, username: string) =>
  fetchChecked(`${server.base}/api/v1/user/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password: `${username}-password` }),
  });

/** Registers until one is accepted (the first may meet a connection opened before the cause was fixed). */
async function registersAgain(server: Server, username: string): Promise<number> {
  for (let attempt = 1; attempt <= 20; attempt++) {
    if ((await register(server, username)).json.errCode === 0) return attempt;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('writes did not come back');
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** Log lines above warn: a fault, where only "database unavailable" warnings belong. */
const faults = (server: Server) =>
  server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));

/** A directory of its own, removed after the test once `release` has undone what the test did to it. */
function scratch(t: Test, release: (dir: string) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'cms-storage-'));
  t.teardown(() => {
    release(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const mountSmallDisk = (dir: string) =>
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', dir], { stdio: 'ignore' });

function mountable(): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'cms-mount-probe-'));
  try {
    mountSmallDisk(dir);
    execFileSync('umount', [dir]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const diskFullSkip = onPostgres
  ? 'the SQLite pass fills a disk'
  : !mountable() && 'mounting a 3 MiB tmpfs needs root (CI runs as root)';

t.test(
  'disk full: writes answer 503, reads are served, and writes return once there is space',
  { skip: diskFullSkip },
  async (t) => {
    const dir = scratch(t, (d) => execFileSync('umount', ['--lazy', d]));
    mountSmallDisk(dir);
    const server = await startServer(t, { DATABASE_URL: `sqlite:${dir}/cms.db` });
    t.equal((await register(server, 'before')).json.errCode, 0);
    const token = (await login(server, 'before')).json.data.token as string;

    const filler = join(dir, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(8 * 1024 * 1024));
    } catch (error) {
      t.equal((error as { code?: string }).code, 'ENOSPC', 'the disk is full');
    }
    const refused = await register(server, 'during');
    t.same([refused.status, refused.json.errCode], [503, 1023], 'a write answers 503 in the envelope');
    t.same([(await login(server, 'before')).status], [503], 'login, which records the attempt, too');
    const list = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } });
    t.same([list.status, list.json.data.total], [200, 1], 'reads are served');
    t.equal((await fetchChecked(`${server.base}/api/v1/platform/ping`)).json, 'pong');

    execFileSync('rm', [filler]);
    t.equal(await registersAgain(server, 'after'), 1, 'the first write after space is freed succeeds');
    t.equal(server.child.exitCode, null, 'the process never exited');
    t.same(faults(server), [], 'no fault in the log');
    t.same(await stop(server), { code: 0, signal: null });
    const db = openSqlite(`${dir}/cms.db`);
    t.same(db.pragma('integrity_check'), [{ integrity_check: 'ok' }]);
    t.same(db.prepare('select username from users order by id').pluck().all(), ['before', 'after']);
    db.close();
  },
);

// Root writes any file whatever its mode; the immutable attribute stops root too.
const isRoot = process.getuid?.() === 0;
function writable(path: string, yes: boolean) {
  if (isRoot) execFileSync('chattr', [yes ? '-i' : '+i', path]);
  else chmodSync(path, yes ? 0o644 : 0o444);
}

t.test(
  'a database file that cannot be written: the server starts, refuses writes with 503, and recovers',
  { skip: onPostgres && 'the SQLite pass has the file' },
  async (t) => {
    const dir = scratch(t, (d) => writable(join(d, 'cms.db'), true));
    const env = { DATABASE_URL: `sqlite:${dir}/cms.db`, ADMIN_USERNAME: 'boss', ADMIN_PASSWORD: 'boss-password' };
    const first = await startServer(t, env);
    const token = (await login(first, 'boss')).json.data.token as string;
    t.same(await stop(first), { code: 0, signal: null });
    // A role is created in a transaction: its writes must find their way back too.
    const createRole = (code: string) =>
      fetchChecked(`${server.base}/api/v1/role`, {
        method: 'POST',
        headers: { ...json, token },
        body: JSON.stringify({ name: code, code, permissions: [] }),
      });

    const file = join(dir, 'cms.db');
    writable(file, false);
    const server = await startServer(t, env);
    const refused = await register(server, 'during');
    t.same([refused.status, refused.json.errCode], [503, 1023], 'a write answers 503 in the envelope');
    t.same([(await createRole('during')).status], [503], 'a write in a transaction too');
    const list = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } });
    t.same([list.status, list.json.data.total], [200, 1], 'reads are served, with a token from before');

    writable(file, true);
    t.equal(
      (await createRole('after')).json.errCode,
      0,
      'the first write after the file is writable again succeeds, without a restart',
    );
    t.equal(await registersAgain(server, 'after'), 1, 'and every one after it');
    t.equal(server.child.exitCode, null, 'the process never exited');
    t.same(faults(server), [], 'no fault in the log');
    t.same(await stop(server), { code: 0, signal: null });
  },
);

t.test(
  'PostgreSQL turned read-only under a running server (as after a failover to a standby), then back',
  { skip: !onPostgres && 'the PostgreSQL pass has a server' },
  async (t) => {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = `cms_readonly_${process.pid}`;
    const sessions = () =>
      admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
    await admin.query(`create database ${name}`);
    t.teardown(async () => {
      await sessions();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    });
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const server = await startServer(t, {
      DATABASE_URL: url.toString(),
      ADMIN_USERNAME: 'boss',
      ADMIN_PASSWORD: 'boss-password',
    });
    t.equal((await register(server, 'before')).json.errCode, 0);
    const token = (await login(server, 'boss')).json.data.token as string;

    // New sessions are read-only; the server's open ones are ended, as a failover would end them.
    await admin.query(`alter database ${name} set default_transaction_read_only = on`);
    await sessions();
    for (const attempt of [1, 2]) {
      const refused = await register(server, 'during');
      t.same(
        [refused.status, refused.json.errCode],
        [503, 1023],
        `a write answers 503 in the envelope (attempt ${attempt})`,
      );
    }
    const list = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } });
    t.same([list.status, list.json.data.total], [200, 2], 'reads are served');

    await admin.query(`alter database ${name} set default_transaction_read_only = off`);
    await sessions();
    await registersAgain(server, 'after');
    const after = await fetchChecked(`${server.base}/api/v1/user/list`, { headers: { token } });
    t.same(
      after.json.data.items.map((u: { username: string }) => u.username),
      ['boss', 'before', 'after'],
      'writes are back without a restart; nothing half-written',
    );
    t.equal(server.child.exitCode, null, 'the process never exited');
    t.same(faults(server), [], 'no fault in the log');
    t.same(await stop(server), { code: 0, signal: null });
  },
);
