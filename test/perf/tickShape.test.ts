import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import t from 'tap';
import { affected, heldTickObject } from '../../src/perf/tickShape.js';

const root = new URL('../..', import.meta.url).pathname;

t.test('a tick object is held for the life of the process on the affected Node versions only', async (t) => {
  if (affected(process.version))
    t.ok(heldTickObject(), `${process.version}: held (Node still names its nextTick resources TickObject)`);
  else t.equal(heldTickObject(), undefined, `${process.version}: nothing held`);
});

t.test('both process entries import it before anything else', async (t) => {
  for (const entry of ['src/server.ts', 'src/cli.ts']) {
    const firstImport = readFileSync(`${root}/${entry}`, 'utf8').match(/^import .*$/m)?.[0];
    t.equal(firstImport, "import './perf/tickShape.js';", entry);
  }
});

// V8's --log-maps names each hidden-class transition it makes. Every time nextTick has to build the class chain
// of its tick object anew, a transition adding trigger_async_id_symbol appears; that rebuilding is what turns
// the literal's inline cache megamorphic.
t.test('full GCs with an empty tick queue rebuild the tick object class on the affected versions only', async (t) => {
  const dir = t.testdir();
  await build({
    entryPoints: [`${root}/src/perf/tickShape.ts`],
    outfile: `${dir}/tickShape.mjs`,
    format: 'esm',
    logLevel: 'warning',
  });
  writeFileSync(
    `${dir}/ticks.mjs`,
    `if (process.argv[2]) await import('./tickShape.mjs');
     for (let i = 0; i < 20; i++) {
       for (let j = 0; j < 100; j++) await new Promise((resolve) => process.nextTick(resolve));
       await new Promise((resolve) => setImmediate(resolve));
       globalThis.gc();
     }`,
  );
  const rebuilds = (...args: string[]) => {
    const log = `${dir}/maps-${args.length}.log`;
    const run = spawnSync(
      process.execPath,
      ['--expose-gc', '--log-maps', `--logfile=${log}`, '--no-logfile-per-isolate', `${dir}/ticks.mjs`, ...args],
      {
        env: { PATH: process.env.PATH }, // none of tap's loaders: only the script's own ticks
      },
    );
    t.equal(run.status, 0, run.stderr.toString());
    return readFileSync(log, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('map,Transition,') && line.includes('symbol("trigger_async_id_symbol"')).length;
  };
  const unheld = rebuilds();
  if (affected(process.version)) {
    // Fails when this version stops rebuilding: take it out of `affected`.
    t.ok(unheld >= 10, `${process.version}, nothing held: the class chain was built ${unheld} times in 20 full GCs`);
    const held = rebuilds('hold');
    t.ok(held <= 2, `with a tick object held: ${held} transitions after 20 full GCs`);
  } else {
    // Fails when this version rebuilds too: add it to `affected`.
    t.ok(unheld <= 2, `${process.version}, nothing held: ${unheld} transitions after 20 full GCs`);
  }
});
