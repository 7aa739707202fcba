// `npm run bench`: our server against bare Fastify routes returning the same bodies, side by side in one run.
// BENCH_SECONDS (default 3) per measurement, BENCH_ROUNDS (default 6) pairs; ratio = median of the per-pair ratios.
// BENCH_PROCESSES (default 3) instances of each side: on this machine one Node process of unchanged code runs
// steadily up to ~12% slower than another, so the pairs rotate over several, each warmed up first.
// BENCH_DB=postgres runs our server on PostgreSQL instead of SQLite; BENCH_ONLY=<operation> measures one row.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { benchEnv, credentials, seed, start, type Target } from './bench-servers.js';
import { schemaUrl, startTestPostgres } from './postgres.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 3);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const processes = Number(process.env.BENCH_PROCESSES ?? 3);
const json = { 'content-type': 'application/json' };
const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

type Sample = { rps: number; p99: number; cpuUs: number };

// Server CPU time (user + system) from /proc, in microseconds: steadier than req/s on a shared machine.
function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / ticksPerSecond;
}

async function measure(target: Target, s: Scenario, duration = seconds): Promise<Sample> {
  const before = cpuMicros(target.child.pid!);
  const result = await autocannon({
    url: target.base + s.path,
    method: s.method,
    headers: s.headers ?? {},
    body: s.body,
    connections: 10,
    duration,
  });
  if (result.non2xx || result.errors)
    throw new Error(`${s.name} at ${target.base}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    cpuUs: (cpuMicros(target.child.pid!) - before) / result.requests.total,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'cms-bench-'));
  // BENCH_DB=postgres: a throwaway PostgreSQL cluster (or a schema of its own on PG_TEST_URL's server).
  const postgres = process.env.BENCH_DB === 'postgres' ? await startTestPostgres() : undefined;
  const databaseUrl = postgres
    ? await schemaUrl(postgres.url, `bench_${Date.now().toString(36)}`)
    : `sqlite:${dir}/cms.db`;
  // Logging off on both sides measures the contract layer; a second instance shows what a Fastify logger adds.
  const env = benchEnv(databaseUrl);
  const several = (script: string, withEnv: Record<string, string>, count = processes) =>
    Promise.all(Array.from({ length: count }, () => start(script, withEnv)));
  // One instance migrates and seeds the database before the others open it.
  const ours = [await start('src/server.ts', env)];
  ours.push(...(await several('src/server.ts', env, processes - 1)));
  const oursLogging = await several('src/server.ts', { ...env, LOG_LEVEL: 'warn' });
  const first = ours[0]!;
  const { token, bareBodies } = await seed(first);
  const bare = await several('scripts/bench-bare.ts', { BARE_BODIES: bareBodies });

  const scenarios: Array<Scenario & { targets?: Target[] }> = [
    { name: 'ping', method: 'GET', path: '/api/v1/platform/ping' },
    { name: 'ping (warn)', method: 'GET', path: '/api/v1/platform/ping', targets: oursLogging },
    { name: 'user list', method: 'GET', path: '/api/v1/user/list', headers: { token } },
    { name: 'login', method: 'POST', path: '/api/v1/user/login', headers: json, body: credentials },
  ];
  console.log(`database: ${postgres ? 'PostgreSQL' : 'SQLite'} (BENCH_DB=${postgres ? 'postgres' : 'sqlite'})`);
  console.log(
    `autocannon: 10 connections, ${seconds}s per measurement, ${rounds} bare/ours pairs in ABBA order over ${processes} processes a side, each warmed up; medians`,
  );
  console.log('ours: LOG_LEVEL=silent unless marked (warn); bare: Fastify routes answering the same bodies, no logger');
  console.log(
    'ratio: ours/bare req/s; CPU: server CPU per request; CPU ratio: bare/ours (1.00 = costs the same); p99 in ms\n',
  );
  console.log(
    'operation   | bare req/s | ours req/s | ratio | bare p99 | ours p99 | bare CPU µs | ours CPU µs | CPU ratio',
  );
  console.log(
    '------------|------------|------------|-------|----------|----------|-------------|-------------|----------',
  );
  for (const s of scenarios.filter((x) => !process.env.BENCH_ONLY || x.name === process.env.BENCH_ONLY)) {
    const targets = s.targets ?? ours;
    for (const target of [...bare, ...targets]) await measure(target, s, 1);
    const pairs: Array<{ bare: Sample; ours: Sample }> = [];
    for (let r = 0; r < rounds; r++) {
      // ABBA order so that drift on a shared machine favours neither side.
      const [b, o] = [bare[r % processes]!, targets[r % processes]!];
      const bareFirst = r % 2 === 0;
      const x = await measure(bareFirst ? b : o, s);
      const y = await measure(bareFirst ? o : b, s);
      pairs.push(bareFirst ? { bare: x, ours: y } : { bare: y, ours: x });
    }
    const ratio = median(pairs.map((p) => p.ours.rps / p.bare.rps));
    const m = (side: 'bare' | 'ours', key: keyof Sample) => median(pairs.map((p) => p[side][key]));
    const cpuRatio = median(pairs.map((p) => p.bare.cpuUs / p.ours.cpuUs));
    console.log(
      [
        s.name.padEnd(11),
        m('bare', 'rps').toFixed(0).padStart(10),
        m('ours', 'rps').toFixed(0).padStart(10),
        ratio.toFixed(2).padStart(5),
        String(m('bare', 'p99')).padStart(8),
        String(m('ours', 'p99')).padStart(8),
        m('bare', 'cpuUs').toFixed(1).padStart(11),
        m('ours', 'cpuUs').toFixed(1).padStart(11),
        cpuRatio.toFixed(2).padStart(9),
      ].join(' | '),
    );
  }

  // Login timing: a wrong password and an unknown user should cost the same (both verify an argon2 hash).
  // Lockout off, or the wrong passwords would lock the account and be answered without hashing.
  await fetch(`${first.base}/api/v1/system/safe/settings`, {
    method: 'POST',
    headers: { ...json, token },
    body: JSON.stringify({ loginFail: 0 }),
  });
  const wrong = JSON.stringify({ username: 'bench', password: 'wrong' });
  const unknown = JSON.stringify({ username: 'nobody-at-all', password: 'wrong' });
  const timing = { wrong: [] as number[], unknown: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    for (const [key, body] of [
      ['wrong', wrong],
      ['unknown', unknown],
    ] as const) {
      const result = await autocannon({
        url: `${first.base}/api/v1/user/login`,
        method: 'POST',
        headers: json,
        body,
        connections: 2,
        duration: seconds,
      });
      timing[key].push(result.latency.p50);
    }
  }
  const w = median(timing.wrong);
  const u = median(timing.unknown);
  console.log(`\nlogin failure p50: wrong password ${w} ms, unknown user ${u} ms (ratio ${(u / w).toFixed(2)})`);

  for (const target of [...ours, ...oursLogging, ...bare]) target.child.kill('SIGTERM');
  await postgres?.destroy();
  rmSync(dir, { recursive: true, force: true });
}

await main();
