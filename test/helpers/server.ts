// Runs the real server entry as a child process on a free port, the way `npm start` does.
import { type ChildProcess, spawn } from 'node:child_process';
import type { Test } from 'tap';
import { freePort } from '../../scripts/free-port.js';
import { assertMatchesSpec } from './contract.js';

const root = new URL('../..', import.meta.url).pathname;

export interface Server {
  child: ChildProcess;
  base: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function runServer(env: Record<string, string>, cwd = root): Omit<Server, 'base'> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/server.ts`], {
    cwd,
    // A clean environment: tap's coverage hooks in a second tsx process corrupt the coverage merge.
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => output, exited };
}

/** Starts the server and waits until it listens; stopped at the end of the test. */
export async function startServer(t: Test, env: Record<string, string>, cwd?: string): Promise<Server> {
  const port = await freePort();
  const server = runServer({ PORT: String(port), LOG_LEVEL: 'info', ...env }, cwd);
  t.teardown(() => {
    // A failure caused by the server (a crash, a fault) is explained by what it printed.
    if (!t.passing())
      t.comment(
        `server output (last 40 lines, exit ${server.child.exitCode}):\n${server.output().split('\n').slice(-40).join('\n')}`,
      );
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });
  const deadline = Date.now() + 20_000;
  while (!server.output().includes('Server listening')) {
    if (server.child.exitCode !== null || Date.now() > deadline)
      throw new Error(`server did not start:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { ...server, base: `http://127.0.0.1:${port}` };
}

/** fetch, with the response checked against openapi.yaml. */
export async function fetchChecked(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  const text = await response.text();
  const { pathname, search } = new URL(url);
  await assertMatchesSpec({
    method: init.method ?? 'GET',
    url: pathname + search,
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text,
  });
  const isJson = response.headers.get('content-type')?.startsWith('application/json') && text;
  return { status: response.status, text, json: isJson ? JSON.parse(text) : undefined };
}
