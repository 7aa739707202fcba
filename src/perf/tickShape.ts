// Imported first by the process entries (server.ts, cli.ts), before anything else runs.
//
// Node builds each process.nextTick entry as an object literal with two computed symbol keys, on the hidden
// class chain of a plain `{}`. V8 holds those hidden classes only weakly, so a full GC that runs while the tick
// queue is empty frees them and the next tick builds new ones. The inline cache of the literal's computed keys
// then sees a class other than the one it recorded and turns megamorphic for the life of the process: every
// nextTick (Node's HTTP server calls it about five times a request) is built in V8's runtime, which measured
// 8-13% of a ping's CPU in the processes it hit and 20% of its instructions under callgrind. Whether a process
// is hit depends on when its first full GCs fall, which is why identical processes differed. One tick object
// held for the life of the process keeps that class chain alive.
import { createHook } from 'node:async_hooks';

let held: object | undefined;

const hook = createHook({
  init(_asyncId, type, _triggerAsyncId, resource) {
    if (type === 'TickObject') held ??= resource;
  },
}).enable();
process.nextTick(() => {});
hook.disable();

/** The tick object kept alive; exported so that nothing can take it for dead code, and for the test. */
export const heldTickObject = (): object | undefined => held;
