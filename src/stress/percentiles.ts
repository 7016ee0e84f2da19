/** Percentiles and shape of a set of per-path outcomes. */
export interface OutcomeSummary {
  /** Nearest-rank percentiles: the smallest outcome with at least that share of paths at or below it. */
  readonly p50: number;
  readonly p90: number;
  readonly p95: number;
  readonly p99: number;
  /** Arithmetic mean, rounded half-up to a whole number. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Equal-width bins from `min` to `max`; `from` inclusive, `to` exclusive except the last. */
  readonly histogram: readonly { readonly from: number; readonly to: number; readonly count: number }[];
}

/**
 * The nearest-rank percentile of sorted values: the smallest value with at least `q` of the
 * values at or below it (the same definition as `quantileDays`).
 *
 * @param sorted - ascending values
 * @param q - 0 < q ≤ 1
 * @example
 * ```ts
 * nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // 9
 * ```
 */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length - 1e-9));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

/**
 * Summarises whole-number outcomes (e.g. peak need in minor units per path): P50/P90/P95/P99,
 * mean, range and a histogram.
 *
 * @param values - one whole number per path (not changed)
 * @param bins - number of histogram bins (default 20)
 * @example
 * ```ts
 * summariseOutcomes([0, 0, 5, 10]).p50; // 0
 * ```
 */
export function summariseOutcomes(values: ArrayLike<number>, bins = 20): OutcomeSummary {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let total = 0n;
  for (let i = 0; i < n; i++) total += BigInt(sorted[i]!);
  // Half-up: floor((2·total + n) / 2n). BigInt division truncates towards zero, so floor a negative quotient by hand.
  const num = 2n * total + BigInt(n);
  const den = 2n * BigInt(n);
  const mean = n === 0 ? 0 : Number(num >= 0n ? num / den : -((-num + den - 1n) / den));
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  const width = Math.max(1, Math.ceil((max - min + 1) / bins));
  const histogram: { from: number; to: number; count: number }[] = [];
  for (let b = 0; b < bins && min + b * width <= max; b++) histogram.push({ from: min + b * width, to: min + (b + 1) * width, count: 0 });
  for (let i = 0; i < n; i++) histogram[Math.min(histogram.length - 1, Math.floor((sorted[i]! - min) / width))]!.count++;
  return { p50: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9), p95: nearestRank(sorted, 0.95), p99: nearestRank(sorted, 0.99), mean, min, max, histogram };
}
