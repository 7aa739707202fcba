// `npm run bench:instructions`: machine instructions per request, our server against the bare baseline, counted
// by valgrind's callgrind. On a shared machine req/s and CPU time move by ±15% between runs; an instruction count
// of the same build repeats to within about 0.5%, so a change of a few percent shows.
// Each server runs with --single-threaded (V8's compiler then works on the main thread, where it is counted, and
// nothing depends on thread timing) and --no-memory-reducer (its full GCs are set off by wall-clock timers, which
// fire some fifty times as often per request under valgrind; with them the count moved by 10%). Per operation,
// BENCH_WARMUP requests (default 40000 pings, 0.3 of that for the list) warm it up, then BENCH_REQUESTS
// (10000, 0.3 of that for the list) are counted, all over one set of four keep-alive connections: new connections
// make V8 re-optimise Node's HTTP code, which would be counted too.
// BENCH_ONLY=ping or 'user list' counts one. CALLGRIND_DIR=<dir> keeps the callgrind files, with the perf maps
// (--perf-basic-prof) that name the JIT-compiled functions in them, for callgrind_annotate.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEnv, seed, start, type Target } from './bench-servers.js';

const warmup = Number(process.env.BENCH_WARMUP ?? 40_000);
const counted = Number(process.env.BENCH_REQUESTS ?? 10_000);
const connections = 4;

interface Operation {
  name: string;
  path: string;
  /** The shares of BENCH_WARMUP and of BENCH_REQUESTS this operation runs. */
  warm: number;
  count: number;
}

/** `total` GET requests over `agent`'s connections, `connections` at a time, each answer read to its end. */
async function drive(
  target: Target,
  agent: Agent,
  path: string,
  headers: Record<string, string>,
  total: number,
): Promise<void> {
  let sent = 0;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      request(`${target.base}${path}`, { agent, headers }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`${path} answered ${response.statusCode}`));
        response.resume().on('end', resolve);
      })
        .on('error', reject)
        .end();
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (sent < total) {
        sent++;
        await one();
      }
    }),
  );
}

/** Starts `script` under callgrind with counting off, drives each operation, and answers instructions per request. */
async function count(
  script: string,
  env: Record<string, string>,
  operations: Operation[],
  headers: Record<string, string>,
  dir: string,
  label: string,
) {
  const keep = Boolean(process.env.CALLGRIND_DIR);
  const command = [
    'valgrind',
    '-q',
    '--tool=callgrind',
    '--instr-atstart=no',
    `--callgrind-out-file=${dir}/${label}.%p`,
    process.execPath,
    '--single-threaded',
    '--no-memory-reducer',
    ...(keep ? ['--perf-basic-prof'] : []),
  ];
  const target = await start(script, env, command, 600);
  const pid = String(target.child.pid);
  const perRequest: number[] = [];
  try {
    for (const [i, operation] of operations.entries()) {
      const agent = new Agent({ keepAlive: true, maxSockets: connections });
      const requests = Math.round(counted * operation.count);
      await drive(target, agent, operation.path, headers, Math.round(warmup * operation.warm));
      execFileSync('callgrind_control', ['--instr=on', pid], { stdio: 'ignore' });
      await drive(target, agent, operation.path, headers, requests);
      execFileSync('callgrind_control', ['--instr=off', pid], { stdio: 'ignore' });
      execFileSync('callgrind_control', ['--dump', pid], { stdio: 'ignore' });
      agent.destroy();
      const dump = readFileSync(`${dir}/${label}.${pid}.${i + 1}`, 'utf8');
      perRequest.push(Number(/^totals: (\d+)/m.exec(dump)![1]) / requests);
    }
  } finally {
    target.child.kill('SIGTERM');
    await new Promise((resolve) => target.child.once('exit', resolve));
  }
  if (keep) renameSync(`/tmp/perf-${pid}.map`, `${dir}/${label}.${pid}.perf.map`);
  return perRequest;
}

async function main() {
  try {
    execFileSync('valgrind', ['--version'], { stdio: 'ignore' });
  } catch {
    throw new Error('valgrind is not installed (apt-get install valgrind)');
  }
  const dir = process.env.CALLGRIND_DIR ?? mkdtempSync(join(tmpdir(), 'cms-callgrind-'));
  mkdirSync(dir, { recursive: true });
  const databaseUrl = `sqlite:${mkdtempSync(join(tmpdir(), 'cms-bench-'))}/cms.db`;
  const env = benchEnv(databaseUrl);
  // Seeded by a server run natively (argon2 under valgrind is slow); the counted one opens the same file.
  const seeder = await start('src/server.ts', env);
  const { token, bareBodies } = await seed(seeder);
  seeder.child.kill('SIGTERM');
  await new Promise((resolve) => seeder.child.once('exit', resolve));

  const operations: Operation[] = [
    { name: 'ping', path: '/api/v1/platform/ping', warm: 1, count: 1 },
    // After 4000 list requests V8 was still re-optimising some of it. A full GC comes about every 8000 and costs
    // some 110M instructions: in a count of 1000 it moved the figure by 10%, in 3000 it moves it by about 3%.
    { name: 'user list', path: '/api/v1/user/list', warm: 0.3, count: 0.3 },
  ].filter((o) => !process.env.BENCH_ONLY || o.name === process.env.BENCH_ONLY);
  const bare = await count('scripts/bench-bare.ts', { BARE_BODIES: bareBodies }, operations, { token }, dir, 'bare');
  const ours = await count('src/server.ts', env, operations, { token }, dir, 'ours');

  console.log(
    `callgrind: node --single-threaded; ${warmup} pings to warm up and ${counted} counted, for the list ${Math.round(warmup * 0.3)} and ${Math.round(counted * 0.3)}, ${connections} keep-alive connections`,
  );
  console.log('ratio: bare/ours instructions (1.00 = costs the same)\n');
  console.log('operation   | bare instructions/request | ours instructions/request | ratio');
  console.log('------------|---------------------------|---------------------------|------');
  operations.forEach((operation, i) => {
    console.log(
      [
        operation.name.padEnd(11),
        bare[i]!.toFixed(0).padStart(25),
        ours[i]!.toFixed(0).padStart(25),
        (bare[i]! / ours[i]!).toFixed(2).padStart(5),
      ].join(' | '),
    );
  });
  if (process.env.CALLGRIND_DIR) console.log(`\ncallgrind files and perf maps in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
