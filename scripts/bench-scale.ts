// `npm run bench:scale` (and the second half of `npm run bench`): the built server (`node dist/cms.js serve`) on
// 1,000 and 1,000,000 users, on SQLite and on PostgreSQL, side by side in one run. The users come in through the
// project's own import (`cms import-legacy` of a generated mysqldump), so counts and search indexes are kept as in
// production. Printed per database and size: the import's time; list page 1, a cursor page in the middle of the
// table, the deepest page of the result window, keyword searches (req/s, p50, p99); ping p99 while lists and
// searches run from other connections; the server's peak RSS, as started bare and as deployed (with the heap flags of
// scripts/cms.service); and, once, cold start (bare and as deployed) against bare Fastify's.
// Every database and size is served at once, and each request is measured on them in turn, BENCH_ROUNDS times
// (default 3), so that the ratios compare runs made side by side.
// BENCH_SCALE_USERS (default 1000,1000000), BENCH_SCALE_DBS (default sqlite,postgres), BENCH_SECONDS (default 5).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import bcrypt from 'bcryptjs';
import { build } from 'esbuild';
import { encodeCursor } from '../src/operations/paging.js';
import { deployedNodeOptions } from './deployed-node-options.js';
import { freePort } from './free-port.js';
import { schemaUrl, startTestPostgres } from './postgres.js';

const root = new URL('..', import.meta.url).pathname;
const run = promisify(execFile);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const sizes = (process.env.BENCH_SCALE_USERS ?? '1000,1000000').split(',').map(Number);
const databases = (process.env.BENCH_SCALE_DBS ?? 'sqlite,postgres').split(',');
const json = { 'content-type': 'application/json' };
const admin = { username: 'bench-admin', password: 'bench-admin-password' };
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
};

const dir = mkdtempSync(join(tmpdir(), 'cms-bench-scale-'));
const dist = join(dir, 'dist');

/** A mysqldump of the original system's users table with `n` users named user0000001…, 1000 rows an INSERT. */
async function writeDump(n: number): Promise<string> {
  const path = join(dir, `users-${n}.sql`);
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? undefined : once(out, 'drain'));
  const hash = bcrypt.hashSync('imported-password', 4);
  const at = "'2024-06-09 10:00:00.000'";
  await write('CREATE TABLE `users` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n) ENGINE=InnoDB;\n');
  for (let from = 1; from <= n; from += 1000) {
    const rows: string[] = [];
    for (let i = from; i < Math.min(from + 1000, n + 1); i++) {
      const id = String(i).padStart(7, '0');
      rows.push(
        `(${i},${at},${at},NULL,'00000000-0000-4000-8000-${String(i).padStart(12, '0')}','user${id}','${hash}',1,2)`,
      );
    }
    await write(
      `INSERT INTO \`users\` (\`id\`,\`created_at\`,\`updated_at\`,\`deleted_at\`,\`uid\`,\`username\`,\`password\`,\`status\`,\`role_id\`) VALUES ${rows.join(',')};\n`,
    );
  }
  out.end();
  await once(out, 'finish');
  return path;
}

interface Server {
  base: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first answered ping. */
  startedIn: number;
}

async function startServer(command: string[], env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, command, {
    cwd: dir,
    env: { PATH: process.env.PATH, ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ; ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${command.join(' ')} did not start`);
    if (
      await fetch(`${base}/api/v1/platform/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { base, child, startedIn: performance.now() - started };
}

async function loginTo(server: Server): Promise<{ token: string }> {
  const login = await fetch(`${server.base}/api/v1/user/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(admin),
  });
  return { token: ((await login.json()) as { data: { token: string } }).data.token };
}

async function stop(server: Server) {
  server.child.kill('SIGTERM');
  if (server.child.exitCode === null) await once(server.child, 'exit');
}

type Result = { rps: number; p50: number; p99: number };

async function load(
  url: string,
  headers: Record<string, string>,
  connections = 10,
  duration = seconds,
): Promise<Result> {
  const result = await autocannon({ url, headers, connections, duration });
  if (result.non2xx || result.errors) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Ping's p99 from one connection while `url` is loaded from ten others. */
async function pingUnder(
  server: Server,
  url: string,
  headers: Record<string, string>,
): Promise<{ ping: Result; load: Result }> {
  const [ping, loaded] = await Promise.all([load(`${server.base}/api/v1/platform/ping`, {}, 1), load(url, headers)]);
  return { ping, load: loaded };
}

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function coldStart(databaseUrl: string) {
  const bare = join(dir, 'bare.mjs');
  await build({
    entryPoints: [join(root, 'scripts/bench-bare.ts')],
    outfile: bare,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' };
  const starts = {
    ours: () => startServer([join(dist, 'cms.js'), 'serve'], env),
    deployed: () => startServer([join(dist, 'cms.js'), 'serve'], { ...env, NODE_OPTIONS: deployedNodeOptions }),
    bare: () => startServer([bare], env),
  };
  const times = { ours: [] as number[], deployed: [] as number[], bare: [] as number[] };
  const order = Object.keys(starts) as (keyof typeof starts)[];
  for (let i = 0; i < 5; i++) {
    for (const side of i % 2 ? [...order].reverse() : order) {
      const server = await starts[side]();
      times[side].push(server.startedIn);
      await stop(server);
    }
  }
  const [ours, deployed, bareMs] = [median(times.ours), median(times.deployed), median(times.bare)];
  console.log(
    `\ncold start to first ping (median of 5, alternating): node dist/cms.js serve ${ours.toFixed(0)} ms, bare Fastify ${bareMs.toFixed(0)} ms: ${(ours / bareMs).toFixed(2)}x (target <= 2x); as deployed (NODE_OPTIONS="${deployedNodeOptions}") ${deployed.toFixed(0)} ms: ${(deployed / bareMs).toFixed(2)}x`,
  );
}

/** A database of one size, its users imported, and the built server on it. */
interface Side {
  db: string;
  n: number;
  env: Record<string, string>;
  importSeconds: number;
  server: Server;
  headers: { token: string };
}

const requests: Array<{ name: string; query: (n: number) => string }> = [
  { name: 'list page 1', query: () => '' },
  // The middle of the table: the cursor after user n/2 (ids: the administrator is 1, imported users follow).
  { name: 'list by cursor (middle)', query: (n) => `?cursor=${encodeCursor(Math.floor(n / 2) + 1)}` },
  { name: 'list, deepest page (666 x 15)', query: () => '?page=666' },
  { name: 'keyword, 1 match', query: () => '?keyword=user0000777' },
  { name: 'keyword, many (capped count)', query: () => '?keyword=0777' },
  { name: 'keyword, 2 chars, no match', query: () => '?keyword=zq' },
];
const listUrl = (side: Side, query = '') => `${side.server.base}/api/v1/user/list${query}`;

async function prepareSide(db: string, n: number, databaseUrl: string): Promise<Side> {
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '0' };
  const cms = (...args: string[]) =>
    run(process.execPath, [join(dist, 'cms.js'), ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, ...env },
      maxBuffer: 64 << 20,
    });
  await cms('migrate');
  await cms('create-admin', admin.username, '--password', admin.password);
  const dump = await writeDump(n);
  const importStart = performance.now();
  await cms('import-legacy', dump);
  const importSeconds = (performance.now() - importStart) / 1000;
  rmSync(dump);
  const server = await startServer([join(dist, 'cms.js'), 'serve'], env);
  return { db, n, env, importSeconds, server, headers: await loginTo(server) };
}

/** Each request on every side in turn, `rounds` times, the order reversed every other round: medians. */
async function measureInterleaved(sides: Side[]): Promise<Map<Side, Result[]>> {
  for (const side of sides) await load(listUrl(side), side.headers, 10, 1);
  const results = new Map(sides.map((side) => [side, requests.map(() => [] as Result[])]));
  for (const [i, request] of requests.entries()) {
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? [...sides].reverse() : sides)
        results.get(side)![i]!.push(await load(listUrl(side, request.query(side.n)), side.headers));
    }
  }
  const mid = (runs: Result[]) => ({
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
  });
  return new Map([...results].map(([side, runs]) => [side, runs.map(mid)]));
}

async function extras(side: Side): Promise<string[]> {
  const deep = await fetch(listUrl(side, `?page=${Math.ceil(side.n / 20)}`), { headers: side.headers });
  const underList = await pingUnder(side.server, listUrl(side), side.headers);
  const underSearch = await pingUnder(side.server, listUrl(side, '?keyword=zq'), side.headers);
  const lines = [
    `import of ${side.n} users: ${side.importSeconds.toFixed(1)} s`,
    `page n/20 (${Math.ceil(side.n / 20)}): HTTP ${deep.status}${deep.status === 400 ? ' (beyond the result window: 1026)' : ''}`,
    `ping p99 under list load: ${underList.ping.p99} ms (list meanwhile ${underList.load.rps.toFixed(0)} req/s); under short-keyword searches: ${underSearch.ping.p99} ms`,
    `server peak RSS: ${peakRssMb(side.server.child.pid!).toFixed(0)} MB`,
  ];
  await stop(side.server);

  // The same loads on a server started as deployed, with the heap flags of scripts/cms.service.
  const lean: Side = {
    ...side,
    server: await startServer([join(dist, 'cms.js'), 'serve'], { ...side.env, NODE_OPTIONS: deployedNodeOptions }),
  };
  lean.headers = await loginTo(lean.server);
  await load(listUrl(lean), lean.headers, 10, 1);
  const leanRows = [];
  for (const request of requests.slice(0, 4))
    leanRows.push(`${request.name} ${(await load(listUrl(lean, request.query(lean.n)), lean.headers)).rps.toFixed(0)}`);
  await pingUnder(lean.server, listUrl(lean), lean.headers);
  await pingUnder(lean.server, listUrl(lean, '?keyword=zq'), lean.headers);
  lines.push(
    `as deployed (NODE_OPTIONS="${deployedNodeOptions}"): peak RSS ${peakRssMb(lean.server.child.pid!).toFixed(0)} MB; req/s: ${leanRows.join(', ')}`,
  );
  await stop(lean.server);
  return lines;
}

async function main() {
  await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/build.ts'), dist], { cwd: root });
  const postgres = databases.includes('postgres') ? await startTestPostgres() : undefined;
  console.log(
    `built server (node dist/cms.js serve), autocannon 10 connections, ${seconds}s a measurement, medians of ${rounds} rounds that alternate over every database and size; users imported with cms import-legacy`,
  );
  const sides: Side[] = [];
  try {
    for (const db of databases) {
      for (const n of sizes) {
        const url =
          db === 'postgres'
            ? await schemaUrl(postgres!.url, `bench_scale_${n}_${Date.now().toString(36)}`)
            : `sqlite:${dir}/cms-${n}.db`;
        sides.push(await prepareSide(db, n, url));
      }
    }
    const results = await measureInterleaved(sides);
    for (const side of sides) {
      console.log(`\n${side.db}, ${side.n} users`);
      console.log('request                        |  req/s |  p50 ms |  p99 ms');
      console.log('-------------------------------|--------|---------|--------');
      for (const [i, r] of results.get(side)!.entries())
        console.log(
          `${requests[i]!.name.padEnd(30)} | ${r.rps.toFixed(0).padStart(6)} | ${String(r.p50).padStart(7)} | ${String(r.p99).padStart(7)}`,
        );
      for (const line of await extras(side)) console.log(line);
    }
    const find = (db: string, n: number) => results.get(sides.find((side) => side.db === db && side.n === n)!)!;
    const [small, large] = [Math.min(...sizes), Math.max(...sizes)];
    console.log(`\nratios, ${large} users against ${small}, same run (targets: lists >= 0.67, keyword >= 0.33)`);
    for (const db of databases) {
      const [a, b] = [find(db, small), find(db, large)];
      console.log(
        `${db}: ${requests.map((request, i) => `${request.name} ${(b[i]!.rps / a[i]!.rps).toFixed(2)}`).join('; ')}`,
      );
    }
    if (databases.length === 2) {
      const [s, p] = [find('sqlite', small)[0]!.rps, find('postgres', small)[0]!.rps];
      console.log(`list page 1 at ${small} users, PostgreSQL against SQLite: ${(p / s).toFixed(2)} (target >= 0.5)`);
    }
    await coldStart(`sqlite:${dir}/cold.db`);
  } finally {
    await Promise.all(
      sides.map((side) =>
        side.server.child.exitCode === null && side.server.child.signalCode === null ? stop(side.server) : undefined,
      ),
    );
    await postgres?.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
