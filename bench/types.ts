/** What a bench file reports to `bench/run.ts`. */
export interface BenchRow {
  /** What was timed. */
  readonly label: string;
  /** Median wall time of one run, milliseconds. */
  readonly ms: number;
  /** Fastest run, milliseconds (least disturbed by other load on the machine). */
  readonly minMs: number;
  /** How many timed runs the median is over. */
  readonly runs: number;
  /** Anything else worth a column: evaluations, sizes… */
  readonly detail?: string;
}

/** A bench file's result: timed rows, extra lines to print, and whether its checks passed. */
export interface BenchReport {
  readonly name: string;
  readonly rows: readonly BenchRow[];
  readonly lines: readonly string[];
  /** False when a correctness check (not a timing) failed: `npm run bench` then exits 1. */
  readonly ok: boolean;
}

/** Times `fn` `runs` times (after one warm-up run): median and fastest run in ms, and the last result. */
export function time<T>(runs: number, fn: () => T): { ms: number; minMs: number; runs: number; result: T } {
  let result = fn();
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const mid = Math.floor(samples.length / 2);
  const ms = samples.length % 2 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2;
  return { ms, minMs: samples[0]!, runs, result };
}

/** The timing fields of a {@link time} result, for a {@link BenchRow}. */
export function timing(t: { ms: number; minMs: number; runs: number }): { ms: number; minMs: number; runs: number } {
  return { ms: t.ms, minMs: t.minMs, runs: t.runs };
}
