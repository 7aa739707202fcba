// Reads whose cost the page does not bound (keyword searches that no trigram serves, or that skip far into many
// matches) run on a second SQLite connection in a worker thread: better-sqlite3 is synchronous, and such a read on
// the server's own connection would hold every other request, pings included, for its whole length. One worker,
// one query at a time, a bounded queue: a flood of expensive searches waits (or is answered 503) by itself.
import { Worker } from 'node:worker_threads';
import type { CompiledQuery } from 'kysely';
import { bundled } from '../assets.js';
import { createLimiter } from './limiter.js';
import type { ReadAnswer, ReaderSettings, ReadRequest } from './sqliteReaderThread.js';

export interface Reader {
  all<R>(query: CompiledQuery<R>): Promise<R[]>;
  close(): Promise<void>;
}

function startWorker(workerData: ReaderSettings): Worker {
  if (bundled) return new Worker(new URL('sqliteReaderThread.js', import.meta.url), { workerData });
  // From a checkout the thread is TypeScript: it registers tsx's loader first (workers do not inherit it).
  const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const thread = JSON.stringify(new URL('sqliteReaderThread.ts', import.meta.url).href);
  return new Worker(`import(${api}).then(({ register }) => { register(); return import(${thread}); })`, {
    eval: true,
    workerData,
  });
}

export function sqliteReader(path: string, busyTimeout: number, pageCacheKib: number, queue = 64): Reader {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, { resolve(rows: unknown[]): void; reject(error: Error): void }>();
  const failAll = (error: Error) => {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker = undefined;
  };
  const started = () => {
    if (worker) return worker;
    const w = startWorker({ path, busyTimeout, pageCacheKib });
    w.on('message', (answer: ReadAnswer) => {
      const waiting = pending.get(answer.id);
      pending.delete(answer.id);
      // An idle reader does not keep the process alive.
      if (pending.size === 0) w.unref();
      if (!waiting) return;
      if ('rows' in answer) waiting.resolve(answer.rows);
      else
        waiting.reject(
          Object.assign(new Error(answer.error.message), answer.error.code ? { code: answer.error.code } : {}),
        );
    });
    // A worker that dies fails what it held; the next read starts another.
    w.on('error', failAll);
    w.on('exit', () => failAll(Object.assign(new Error('the reader thread stopped'), { code: 'SQLITE_IOERR_READER' })));
    worker = w;
    return w;
  };
  const limit = createLimiter(2, queue);
  return {
    all: <R>(query: CompiledQuery<R>) =>
      limit(
        () =>
          new Promise<R[]>((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
            const w = started();
            w.ref();
            w.postMessage({ id, sql: query.sql, parameters: [...query.parameters] } satisfies ReadRequest);
          }),
      ),
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await w.terminate();
    },
  };
}
