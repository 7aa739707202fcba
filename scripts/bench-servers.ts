// What both benches start: our server or the bare baseline in a child process, and the data they are driven with.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort } from './free-port.js';

const root = new URL('..', import.meta.url).pathname;
const json = { 'content-type': 'application/json' };

export interface Target {
  base: string;
  child: ChildProcess;
}

/** Runs `script` through tsx under `command` (node by default, or e.g. valgrind … node), ready once ping answers. */
export async function start(
  script: string,
  env: Record<string, string>,
  command = [process.execPath],
  seconds = 30,
): Promise<Target> {
  const port = await freePort();
  const child = spawn(command[0]!, [...command.slice(1), '--import', 'tsx', join(root, script)], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout!.resume();
  for (const deadline = Date.now() + seconds * 1000; ; ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${script} did not start`);
    if (
      await fetch(`http://127.0.0.1:${port}/api/v1/platform/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { base: `http://127.0.0.1:${port}`, child };
}

/**
 * The environment our server runs with in the benches. The bench user is an administrator, so the list is a full
 * page; the login rate limit is off, since the benches log in far more often than LOGIN_RATE_LIMIT allows.
 */
export const benchEnv = (databaseUrl: string) => ({
  DATABASE_URL: databaseUrl,
  LOGIN_RATE_LIMIT: '0',
  ADMIN_USERNAME: 'bench',
  ADMIN_PASSWORD: 'bench-password',
  LOG_LEVEL: 'silent',
});

export const credentials = JSON.stringify({ username: 'bench', password: 'bench-password' });

/** Registers 30 users through `target`; answers the administrator's token and the bodies the bare baseline sends. */
export async function seed(target: Target) {
  for (let i = 0; i < 30; i++) {
    const body = JSON.stringify({ username: `user${i}`, password: 'user-password' });
    await fetch(`${target.base}/api/v1/user/register`, { method: 'POST', headers: json, body });
  }
  const loginBody = await (
    await fetch(`${target.base}/api/v1/user/login`, { method: 'POST', headers: json, body: credentials })
  ).text();
  const token = (JSON.parse(loginBody) as { data: { token: string } }).data.token;
  const listBody = await (await fetch(`${target.base}/api/v1/user/list`, { headers: { token } })).text();
  return { token, bareBodies: JSON.stringify({ login: loginBody, list: listBody }) };
}
