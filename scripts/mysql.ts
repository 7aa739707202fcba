// A throwaway MariaDB server, standing in for the original system's MySQL in the import-legacy test: a fresh data
// directory on a free port, no grant checks (any user gets in), run as `nobody` when started by root.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { freePort } from './free-port.js';

export const mariadbInstalled = () => existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/mariadb-install-db');

export interface TestMysql {
  /** mysql://root@127.0.0.1:<port>/ */
  url: string;
  destroy(): Promise<void>;
}

export async function startTestMysql(): Promise<TestMysql> {
  const dir = mkdtempSync(join(tmpdir(), 'cms-mysql-'));
  const root = userInfo().uid === 0;
  if (root) chownSync(dir, 65534, 65534);
  const asUser = root ? { uid: 65534, gid: 65534 } : {};
  const data = join(dir, 'data');
  execFileSync(
    '/usr/bin/mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { stdio: 'ignore', cwd: dir, ...asUser },
  );
  const port = await freePort();
  const args = [
    '--no-defaults',
    `--datadir=${data}`,
    `--socket=${dir}/sock`,
    `--pid-file=${dir}/pid`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-grant-tables',
    '--skip-log-bin',
    '--innodb-flush-log-at-trx-commit=0',
  ];
  const server = spawn('/usr/sbin/mariadbd', args, { stdio: 'ignore', cwd: dir, ...asUser });
  const url = `mysql://root@127.0.0.1:${port}/`;
  for (const deadline = Date.now() + 30_000; ; ) {
    try {
      await (await mysql.createConnection({ uri: url })).end();
      break;
    } catch (error) {
      if (Date.now() > deadline || server.exitCode !== null) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    async destroy() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
