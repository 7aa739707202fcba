// The CLI as operators run it: a child process from source, with a clean environment.
import { spawn } from 'node:child_process';

const root = new URL('../..', import.meta.url).pathname;

export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Standard output and error together, in the order they came. */
  all: string;
}

export function cli(args: string[], env: Record<string, string>, input = ''): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', `${root}src/cli.ts`, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const run = { out: '', err: '', all: '' };
  child.stdout.on('data', (chunk) => {
    run.out += chunk;
    run.all += chunk;
  });
  child.stderr.on('data', (chunk) => {
    run.err += chunk;
    run.all += chunk;
  });
  child.stdin.end(input);
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, ...run })));
}
