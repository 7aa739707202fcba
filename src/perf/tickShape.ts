/**
 * Speed trick (V8 hidden classes), imported first by the process entries (server.ts, cli.ts).
 *
 * The behaviour, as it could be reported to Node: `process.nextTick` builds each tick object as an object literal
 * with two computed symbol keys (`[async_id_symbol]`, `[trigger_async_id_symbol]`, lib/internal/process/
 * task_queues.js). V8 keeps the hidden classes of that literal's transition chain only while some object uses them,
 * so a full GC that runs while the tick queue is empty frees them, and the next tick builds new ones. The literal's
 * inline cache then meets a class other than the one it recorded; after a few such GCs it is megamorphic for the
 * life of the process, and every nextTick (Node's HTTP server calls it several times a request) is built in V8's
 * runtime. Whether a process is hit depends on when its first full GCs fall. Reproduce: `node --expose-gc
 * --log-maps` over ticks and full GCs logs a new `trigger_async_id_symbol` transition after each GC. A fix in
 * Node: a constructor (or a class) for tick objects, whose initial map its function holds.
 *
 * The workaround: one tick object held for the life of the process keeps the chain alive. It runs only on the
 * Node versions where the rebuilding was seen (`affected`). Guarded by test/perf/tickShape.test.ts ("full GCs with
 * an empty tick queue rebuild the tick object class on the affected versions only"), which fails when an affected
 * version stops rebuilding (remove it from `affected`; remove this module once none is left) or another starts.
 * Figures: README, "Performance".
 */
import { createHook } from 'node:async_hooks';

/** Node's major versions whose nextTick was seen to rebuild its tick object's class after a full GC. */
export const affected = (version: string): boolean => /^v20\./.test(version);

let held: object | undefined;

if (affected(process.version)) {
  const hook = createHook({
    init(_asyncId, type, _triggerAsyncId, resource) {
      if (type === 'TickObject') held ??= resource;
    },
  }).enable();
  process.nextTick(() => {});
  hook.disable();
}

/** The tick object kept alive; exported so that nothing can take it for dead code, and for the test. */
export const heldTickObject = (): object | undefined => held;
