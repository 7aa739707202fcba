import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import t from 'tap';
import { heldTickObject } from '../../src/perf/tickShape.js';

const root = new URL('../..', import.meta.url).pathname;

t.test('a tick object is held for the life of the process', async (t) => {
  t.ok(heldTickObject(), 'Node still names its nextTick resources TickObject');
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
t.test('full GCs with an empty tick queue no longer make nextTick rebuild its tick object class', async (t) => {
  const dir = t.testdir();
  await build({ entryPoints: [`${root}/src/perf/tickShape.ts`], outfile: `${dir}/tickShape.mjs`, format: 'esm', logLevel: 'warning' });
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
    const run = spawnSync(process.execPath, ['--expose-gc', '--log-maps', `--logfile=${log}`, '--no-logfile-per-isolate', `${dir}/ticks.mjs`, ...args], {
      env: { PATH: process.env.PATH }, // none of tap's loaders: only the script's own ticks
    });
    t.equal(run.status, 0, run.stderr.toString());
    return readFileSync(log, 'utf8').split('\n').filter((line) => line.startsWith('map,Transition,') && line.includes('symbol("trigger_async_id_symbol"')).length;
  };
  const held = rebuilds('hold');
  t.ok(held <= 2, `with a tick object held: ${held} transitions after 20 full GCs`);
  const unheld = rebuilds();
  if (unheld < 20) t.comment(`this Node keeps the class chain by itself (${unheld} transitions after 20 full GCs)`);
  else t.pass(`without: the class chain was built ${unheld} times in 20 full GCs`);
});
