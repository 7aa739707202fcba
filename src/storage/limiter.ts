// Bounds concurrent work: beyond `concurrency` running and `queue` waiting, callers are turned away at once.
export class Saturated extends Error {}

export function createLimiter(concurrency: number, queue: number) {
  let running = 0;
  const waiting: Array<() => void> = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running < concurrency) running++;
    else if (waiting.length < queue) await new Promise<void>((resolve) => waiting.push(resolve));
    else throw new Saturated('too many tasks queued');
    try {
      return await task();
    } finally {
      release();
    }
  };
}
