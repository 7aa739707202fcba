// Running fast-check properties under tap: a fixed seed unless FUZZ_SEED is given, FUZZ_RUNS to scale the number of
// runs, a time cap per property, and on failure the seed, the replay path and the shrunk counterexample.
import fc from 'fast-check';
import type { Test } from 'tap';

export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261125);
const scale = Number(process.env.FUZZ_RUNS ?? 1);

/** Counts of what the runs met (statuses, kinds of input), shown beside the result so a reader sees what was reached. */
export class Tally {
  private readonly counts = new Map<string, number>();
  add(what: string): void {
    this.counts.set(what, (this.counts.get(what) ?? 0) + 1);
  }
  toString(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([what, n]) => `${what}: ${n}`)
      .join(', ');
  }
}

export async function holds<T>(
  t: Test,
  name: string,
  property: fc.IAsyncPropertyWithHooks<T>,
  runs: number,
  tally?: Tally,
): Promise<void> {
  const details = await fc.check(property, {
    seed: fuzzSeed,
    numRuns: Math.max(1, Math.round(runs * scale)),
    interruptAfterTimeLimit: 60_000,
  });
  if (details.failed) t.fail(`${name}\nreplay with FUZZ_SEED=${fuzzSeed}\n${fc.defaultReportMessage(details)}`);
  else
    t.pass(
      `${name}: ${details.numRuns} runs, seed ${fuzzSeed}${details.interrupted ? ' (stopped at the time cap)' : ''}${tally ? ` (${tally})` : ''}`,
    );
}
