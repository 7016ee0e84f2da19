import { parseDay } from '../calendar/day.js';
import { inputError } from '../money/errors.js';
import { Dec } from '../money/rate.js';
import {
  DISTRIBUTION_LIMITS,
  REPORTED_BUCKET_DAYS,
  reportedBucketsAverageRange,
  type DaysTableBehaviour,
  type DistributionBehaviour,
  type ExpectedBy,
  type InvoiceHistoryBehaviour,
  type ReportedBucketsBehaviour,
  type ShiftedLognormalBehaviour,
} from '../model/payment-distribution.js';

/** Anything that yields uniform numbers in [0, 1): the seeded sources of `src/stress/random.ts` fit. */
export interface UniformSource {
  /** The next uniform number in [0, 1). */
  nextFloat(): number;
}

/**
 * A discrete distribution of days-to-pay (whole days from invoice issue to cash in the bank),
 * held as a cumulative table for fast sampling.
 *
 * Invariants: `days` is strictly increasing and ≥ 0; `cumulative[i]` is P(X ≤ days[i]), strictly
 * increasing, and the last entry is exactly 1. Every listed day has probability > 0.
 * Treat both arrays as read-only: functions here never change them.
 */
export interface DelayDistribution {
  /** Possible days-to-pay, whole days, strictly increasing. */
  readonly days: Int32Array;
  /** `cumulative[i]` = probability of paying within `days[i]` days; the last is exactly 1. */
  readonly cumulative: Float64Array;
  /**
   * Optional search index (Chen and Asau's guide table) that makes {@link sampleDays} O(1) on
   * average: `guide[j]` is the first index whose cumulative probability exceeds j / guide.length.
   * {@link compileDelayDistribution} and {@link shiftDistribution} fill it in; a distribution built
   * by hand without it samples by binary search, with exactly the same results.
   */
  readonly guide?: Int32Array;
}

/** Options of {@link compileDelayDistribution}. */
export interface CompileDelayOptions {
  /** Path of the behaviour in the caller's input, prefixed to error paths (e.g. `commissioners[1].paymentBehaviour`). */
  readonly path?: string;
}

/** How far out the tilt of a `reported-buckets` distribution is searched: e^-50 is below double precision. */
const MAX_TILT = 50;

/** Builds a distribution from ascending days and their cumulative sums (any positive scale). */
function fromCumulativeSums(days: readonly number[], sums: readonly number[]): DelayDistribution {
  const total = sums[sums.length - 1]!;
  const outDays: number[] = [];
  const outCumulative: number[] = [];
  let previous = 0;
  for (let i = 0; i < days.length; i++) {
    const c = sums[i]! / total;
    // Drop days whose probability is zero or too small to move a double.
    if (c > previous) {
      outDays.push(days[i]!);
      outCumulative.push(c);
      previous = c;
    }
  }
  outCumulative[outCumulative.length - 1] = 1;
  const cumulative = Float64Array.from(outCumulative);
  return { days: Int32Array.from(outDays), cumulative, guide: guideTable(cumulative) };
}

/** Largest guide table: keeps u·m exact in doubles (u has 32 bits, m at most 2^20). */
const MAX_GUIDE = 1 << 20;

/**
 * Chen and Asau's guide table for inverse-CDF sampling: with m = n entries, `guide[j]` is the
 * smallest i with cumulative[i] > j/m, so a draw u starts its search at guide[⌊u·m⌋] and takes one
 * step on average. (j/m rounds to the nearest double, and u is a double ≥ the exact j/m, so u is
 * also ≥ the rounded j/m: the search never starts past the answer.)
 */
function guideTable(cumulative: Float64Array): Int32Array {
  const m = Math.min(cumulative.length, MAX_GUIDE);
  const guide = new Int32Array(m);
  let i = 0;
  for (let j = 0; j < m; j++) {
    const threshold = j / m;
    while (cumulative[i]! <= threshold) i++;
    guide[j] = i;
  }
  return guide;
}

/** Days to 2 decimal places, for messages. */
function roundTo2(days: number): number {
  return Math.round(days * 100) / 100;
}

function joinPath(prefix: string | undefined, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/** Mean of days `from`…`to` weighted by e^(θ·day), computed without overflow. */
function tiltedMean(from: number, to: number, theta: number): number {
  if (theta === 0) return (from + to) / 2;
  const anchor = theta > 0 ? to : from;
  let weight = 0;
  let moment = 0;
  for (let d = from; d <= to; d++) {
    const w = Math.exp(theta * (d - anchor));
    weight += w;
    moment += w * d;
  }
  return moment / weight;
}

interface Bucket {
  readonly from: number;
  readonly to: number;
  /** Probability of the bucket (its share of invoices, as a fraction). */
  readonly share: number;
  /** P(X ≤ to): the cumulative share up to the end of this bucket, from exact decimal sums. */
  readonly end: number;
}

function compileReportedBuckets(behaviour: ReportedBucketsBehaviour, path?: string): DelayDistribution {
  const b = REPORTED_BUCKET_DAYS;
  if (behaviour.percentLaterThan60Days > 0 && behaviour.maxDays < b.laterThan60From) {
    inputError(joinPath(path, 'maxDays'), `must be ≥ ${b.laterThan60From} when some invoices are paid later than 60 days (got ${behaviour.maxDays})`);
  }
  const percents = [behaviour.percentWithin30Days, behaviour.percentWithin31To60Days, behaviour.percentLaterThan60Days];
  const total = percents.reduce((sum, p) => sum.plus(new Dec(p)), new Dec(0));
  if (!total.greaterThan(0)) inputError(joinPath(path, 'percentWithin30Days'), 'the three percentages must add up to 100 (got 0)');
  const ranges = [b.within30, b.within31To60, { from: b.laterThan60From, to: behaviour.maxDays }];
  const buckets: Bucket[] = [];
  let through = new Dec(0);
  ranges.forEach((range, k) => {
    const percent = new Dec(percents[k]!);
    through = through.plus(percent);
    // Shares scaled to add up to exactly 1, and bucket ends exact (0.8, then 0.95, then 1).
    if (percent.greaterThan(0)) {
      buckets.push({ ...range, share: percent.dividedBy(total).toNumber(), end: through.dividedBy(total).toNumber() });
    }
  });

  const { min, max } = reportedBucketsAverageRange(behaviour);
  const average = behaviour.averageDaysToPay;
  const slack = DISTRIBUTION_LIMITS.averageTolerance;
  if (!(average >= min - slack && average <= max + slack)) {
    inputError(
      joinPath(path, 'averageDaysToPay'),
      `must be between ${roundTo2(min)} and ${roundTo2(max)} days for the reported shares (paying every invoice on the first or the last day of its bucket) (got ${average})`,
    );
  }

  const meanAt = (theta: number): number => buckets.reduce((sum, k) => sum + k.share * tiltedMean(k.from, k.to, theta), 0);
  let theta: number;
  if (average <= min || average <= meanAt(-MAX_TILT)) theta = -Infinity;
  else if (average >= max || average >= meanAt(MAX_TILT)) theta = Infinity;
  else {
    // The mean is strictly increasing in θ (its derivative is a variance), so bisect.
    let lo = -MAX_TILT;
    let hi = MAX_TILT;
    for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
      const mid = (lo + hi) / 2;
      if (meanAt(mid) < average) lo = mid;
      else hi = mid;
    }
    theta = (lo + hi) / 2;
  }

  const days: number[] = [];
  const cumulative: number[] = [];
  let start = 0;
  for (const k of buckets) {
    if (theta === -Infinity || theta === Infinity) {
      // At a bound of the feasible range: the whole share on the first (or last) day of its bucket.
      days.push(theta < 0 ? k.from : k.to);
      cumulative.push(k.end);
    } else {
      const anchor = theta > 0 ? k.to : k.from;
      let bucketWeight = 0;
      for (let d = k.from; d <= k.to; d++) bucketWeight += Math.exp(theta * (d - anchor));
      let partial = 0;
      for (let d = k.from; d <= k.to; d++) {
        partial += Math.exp(theta * (d - anchor));
        const c = d === k.to ? k.end : start + (k.share * partial) / bucketWeight;
        // The bucket ends exactly at its share; days left after rounding reaches it have no mass.
        days.push(d);
        cumulative.push(Math.min(c, k.end));
        if (c >= k.end) break;
      }
    }
    start = k.end;
  }
  return fromCumulativeSums(days, cumulative);
}

function compileInvoiceHistory(behaviour: InvoiceHistoryBehaviour, path?: string): DelayDistribution {
  const n = behaviour.invoices.length;
  if (n === 0) inputError(joinPath(path, 'invoices'), 'must list at least one paid invoice');
  const counts = new Map<number, number>();
  behaviour.invoices.forEach((invoice, i) => {
    const days = parseDay(invoice.paid, joinPath(path, `invoices[${i}].paid`)) - parseDay(invoice.issued, joinPath(path, `invoices[${i}].issued`));
    if (days < 0) inputError(joinPath(path, `invoices[${i}].paid`), `must be on or after issued (${invoice.issued}) (got ${invoice.paid})`);
    counts.set(days, (counts.get(days) ?? 0) + 1);
  });
  const days = [...counts.keys()].sort((a, b) => a - b);
  const sums: number[] = [];
  let running = 0;
  for (const d of days) {
    running += counts.get(d)!;
    sums.push(running);
  }
  // Cumulative = count / n, one correctly rounded division each, so quantiles match the sorted data.
  return fromCumulativeSums(days, sums);
}

function compileDaysTable(behaviour: DaysTableBehaviour, path?: string): DelayDistribution {
  if (behaviour.table.length === 0) inputError(joinPath(path, 'table'), 'must have at least one row');
  const rows = behaviour.table
    .map((row, i) => {
      if (!Number.isSafeInteger(row.days) || row.days < 0) {
        inputError(joinPath(path, `table[${i}].days`), `must be a whole number of days ≥ 0 (got ${row.days})`);
      }
      if (!(row.probability >= 0)) inputError(joinPath(path, `table[${i}].probability`), `must be ≥ 0 (got ${row.probability})`);
      return row;
    })
    .sort((a, b) => a.days - b.days);
  // Exact decimal prefix sums, so a table of 0.1s has cumulative 0.3 exactly where it should.
  let running = new Dec(0);
  const prefix: Dec[] = [];
  const days: number[] = [];
  for (const row of rows) {
    if (days.length > 0 && days[days.length - 1] === row.days) {
      inputError(joinPath(path, 'table'), `each days value must appear once (${row.days} appears twice)`);
    }
    running = running.plus(new Dec(row.probability));
    prefix.push(running);
    days.push(row.days);
  }
  if (running.isZero()) inputError(joinPath(path, 'table'), 'probabilities must add up to 1 (got 0)');
  return fromCumulativeSums(
    days,
    prefix.map((p) => p.dividedBy(running).toNumber()),
  );
}

/**
 * Standard normal cumulative distribution Φ(x): Hart's 1968 double-precision algorithm as given by
 * G. West, "Better approximations to cumulative normal functions", Wilmott Magazine (2005), which
 * reports double-precision accuracy (the tests check it to 1e-13 against CPython's math.erfc).
 */
function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail = 0;
  if (z <= 37) {
    const e = Math.exp((-z * z) / 2);
    if (z < 7.07106781186547) {
      let n = 3.52624965998911e-2 * z + 0.700383064443688;
      n = n * z + 6.37396220353165;
      n = n * z + 33.912866078383;
      n = n * z + 112.079291497871;
      n = n * z + 221.213596169931;
      n = n * z + 220.206867912376;
      let d = 8.83883476483184e-2 * z + 1.75566716318264;
      d = d * z + 16.064177579207;
      d = d * z + 86.7807322029461;
      d = d * z + 296.564248779674;
      d = d * z + 637.333633378831;
      d = d * z + 793.826512519948;
      d = d * z + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let c = z + 0.65;
      c = z + 4 / c;
      c = z + 3 / c;
      c = z + 2 / c;
      c = z + 1 / c;
      tail = e / c / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

function compileShiftedLognormal(behaviour: ShiftedLognormalBehaviour, path?: string): DelayDistribution {
  const { shiftDays, mu, sigma, maxDays } = behaviour;
  if (!(sigma > 0)) inputError(joinPath(path, 'sigma'), `must be > 0 (got ${sigma})`);
  if (!(maxDays > shiftDays)) inputError(joinPath(path, 'maxDays'), `must be more than shiftDays (${shiftDays}) (got ${maxDays})`);
  // P(X ≤ x) for X = shift + e^(mu + sigma·Z).
  const cdf = (x: number): number => (x <= shiftDays ? 0 : normalCdf((Math.log(x - shiftDays) - mu) / sigma));
  // Days-to-pay D = min(ceil(X), maxDays): P(D ≤ d) = P(X ≤ d) for d < maxDays, and 1 at maxDays.
  const days: number[] = [];
  const sums: number[] = [];
  for (let d = 0; d < maxDays; d++) {
    days.push(d);
    sums.push(cdf(d));
  }
  days.push(maxDays);
  sums.push(1);
  return fromCumulativeSums(days, sums);
}

/**
 * Compiles a distribution-shaped payment behaviour into a table of days-to-pay.
 *
 * - `reported-buckets`: the maximum-entropy spread of the reported shares over whole days
 *   0–30, 31–60 and 61–`maxDays` whose mean equals `averageDaysToPay`. Within each bucket the
 *   probability of day d is proportional to e^(θ·d), one θ for all buckets, solved by bisection:
 *   θ = 0 spreads each bucket uniformly, θ < 0 leans every bucket towards its first day (a low
 *   average), θ > 0 towards its last. Any average strictly between the feasible minimum and
 *   maximum ({@link reportedBucketsAverageRange}) is met exactly (to about 1e-9 day); at the
 *   bounds each bucket's share sits on its first (or last) day. An average up to 0.5 day outside
 *   the range (rounding) is read as the nearest bound. Shares are scaled to add up to 100.
 * - `invoice-history`: the empirical distribution of (paid − issued) in days, each invoice
 *   counting once (amounts are not used as weights).
 * - `days-table`: as given, probabilities scaled to add up to exactly 1; zero rows dropped.
 * - `shifted-lognormal`: days-to-pay = ceil(shift + e^(mu + sigma·Z)) capped at `maxDays`, with the
 *   normal distribution function evaluated by Hart's double-precision algorithm.
 *
 * @param behaviour - a parsed behaviour (see `ReportedBucketsBehaviourSchema` and siblings)
 * @param options - `path`: where the behaviour sits in the caller's input, for error messages
 * @returns a new distribution; the behaviour is not changed
 * @throws BridgefitInputError (naming the field) when a `reported-buckets` average is outside the
 *   range its shares allow, or the behaviour breaks a rule its schema enforces
 * @example
 * ```ts
 * const dist = compileDelayDistribution({
 *   kind: 'days-table', expectedBy: 'median',
 *   table: [{ days: 30, probability: 0.6 }, { days: 60, probability: 0.4 }],
 * });
 * dist.days;       // Int32Array [30, 60]
 * dist.cumulative; // Float64Array [0.6, 1]
 * ```
 */
export function compileDelayDistribution(behaviour: DistributionBehaviour, options: CompileDelayOptions = {}): DelayDistribution {
  const { path } = options;
  switch (behaviour.kind) {
    case 'reported-buckets':
      return compileReportedBuckets(behaviour, path);
    case 'invoice-history':
      return compileInvoiceHistory(behaviour, path);
    case 'days-table':
      return compileDaysTable(behaviour, path);
    case 'shifted-lognormal':
      return compileShiftedLognormal(behaviour, path);
    default:
      return inputError(joinPath(path, 'kind'), `must be one of "reported-buckets", "invoice-history", "days-table", "shifted-lognormal" (got ${JSON.stringify((behaviour as { kind?: unknown }).kind)})`);
  }
}

/**
 * Draws one days-to-pay from a distribution by inversion: the first day whose cumulative
 * probability exceeds a uniform draw u. Found through the distribution's guide table (O(1) on
 * average) or, without one, by binary search (O(log n)); both give the same day for the same u.
 * No allocation. Advances `random` by exactly one draw, and a larger u never gives an earlier day,
 * so scenarios compared on the same seed move together.
 *
 * @param dist - a compiled distribution
 * @param random - the seeded source of this path (see `splitRandom`)
 * @returns whole days from invoice issue to payment
 * @example
 * ```ts
 * const random = createRandom(42);
 * sampleDays(dist, random); // e.g. 30
 * ```
 */
export function sampleDays(dist: DelayDistribution, random: UniformSource): number {
  const u = random.nextFloat();
  const cumulative = dist.cumulative;
  const guide = dist.guide;
  if (guide !== undefined) {
    // u·m is exact (u has 32 bits, m ≤ 2^20) and < m, since u < 1.
    let i = guide[Math.floor(u * guide.length)]!;
    while (cumulative[i]! <= u) i++;
    // Always true for 32-bit floats; a source with finer floats could start one step too far.
    if (i === 0 || cumulative[i - 1]! <= u) return dist.days[i]!;
  }
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! > u) hi = mid;
    else lo = mid + 1;
  }
  return dist.days[lo]!;
}

/**
 * The `q` quantile of days-to-pay: the smallest day d with P(X ≤ d) ≥ q. `q = 0` gives the
 * earliest possible day; `q = 1` the latest.
 *
 * @param dist - a compiled distribution
 * @param q - probability, 0 ≤ q ≤ 1 (0.5 is the median, 0.9 the 90th percentile)
 * @returns whole days
 * @throws BridgefitInputError when `q` is not a number from 0 to 1
 * @example
 * ```ts
 * // table 30 days: 0.6, 60 days: 0.4
 * quantileDays(dist, 0.5); // 30
 * quantileDays(dist, 0.9); // 60
 * ```
 */
export function quantileDays(dist: DelayDistribution, q: number): number {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) inputError('q', `must be a probability from 0 to 1 (got ${q})`);
  const cumulative = dist.cumulative;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! >= q) hi = mid;
    else lo = mid + 1;
  }
  return dist.days[lo]!;
}

/**
 * The mean days-to-pay, Σ d·P(X = d), in double precision (within about 1e-9 day of the exact
 * mean of the table). Not rounded; see {@link expectedDays} for whole days.
 *
 * @param dist - a compiled distribution
 * @returns days (fractional)
 * @example
 * ```ts
 * // table 30 days: 0.6, 60 days: 0.4
 * meanDays(dist); // 42
 * ```
 */
export function meanDays(dist: DelayDistribution): number {
  let mean = 0;
  let previous = 0;
  for (let i = 0; i < dist.days.length; i++) {
    const c = dist.cumulative[i]!;
    mean += dist.days[i]! * (c - previous);
    previous = c;
  }
  return mean;
}

/** Means within this many days of a half are treated as the half (binary noise), then rounded up. */
const HALF_TIE_SNAP = 1e-9;

/**
 * The whole number of days-to-pay the deterministic (expected) forecast uses:
 * - `mean`: {@link meanDays} rounded half-up to whole days (a mean within 1e-9 of a half counts
 *   as the half);
 * - `median`, `p75`, `p90`: {@link quantileDays} at 0.5, 0.75, 0.9, i.e. the smallest day d
 *   with P(X ≤ d) ≥ q.
 *
 * @param dist - a compiled distribution
 * @param expectedBy - which figure; the behaviours default to `median`
 * @returns whole days
 * @example
 * ```ts
 * // table 30 days: 0.6, 60 days: 0.4
 * expectedDays(dist, 'mean');   // 42
 * expectedDays(dist, 'median'); // 30
 * expectedDays(dist, 'p90');    // 60
 * ```
 */
export function expectedDays(dist: DelayDistribution, expectedBy: ExpectedBy = 'median'): number {
  switch (expectedBy) {
    case 'mean':
      return Math.floor(meanDays(dist) + 0.5 + HALF_TIE_SNAP);
    case 'median':
      return quantileDays(dist, 0.5);
    case 'p75':
      return quantileDays(dist, 0.75);
    case 'p90':
      return quantileDays(dist, 0.9);
    default:
      return inputError('expectedBy', `must be one of "mean", "median", "p75", "p90" (got ${JSON.stringify(expectedBy)})`);
  }
}

/**
 * The same distribution with every outcome `days` later (earlier when negative): a commissioner
 * that pays the same way but a fixed number of days slower.
 *
 * @param dist - a compiled distribution (not changed)
 * @param days - whole days to add to every outcome
 * @returns a new distribution with its own arrays
 * @throws BridgefitInputError when `days` is not a whole number, or would make an outcome negative
 * @example
 * ```ts
 * // table 30 days: 0.6, 60 days: 0.4
 * shiftDistribution(dist, 15).days; // Int32Array [45, 75]
 * ```
 */
export function shiftDistribution(dist: DelayDistribution, days: number): DelayDistribution {
  if (!Number.isSafeInteger(days)) inputError('days', `must be a whole number of days (got ${days})`);
  const first = dist.days[0]!;
  const last = dist.days[dist.days.length - 1]!;
  if (first + days < 0) inputError('days', `must be ≥ ${-first} so no payment comes before its invoice (got ${days})`);
  if (last + days > 0x7fffffff) inputError('days', `is too large (got ${days})`);
  const shifted = new Int32Array(dist.days.length);
  for (let i = 0; i < shifted.length; i++) shifted[i] = dist.days[i]! + days;
  const cumulative = dist.cumulative.slice();
  return { days: shifted, cumulative, guide: guideTable(cumulative) };
}

/**
 * The distribution as plain JSON rows `{ days, probability }`, for reports and for saving as a
 * `days-table` behaviour.
 *
 * @param dist - a compiled distribution
 * @returns one row per possible day, ascending; probabilities add up to 1 (up to rounding)
 * @example
 * ```ts
 * distributionTable(dist); // [{ days: 30, probability: 0.6 }, { days: 60, probability: 0.4 }]
 * ```
 */
export function distributionTable(dist: DelayDistribution): { days: number; probability: number }[] {
  const rows: { days: number; probability: number }[] = [];
  let previous = 0;
  for (let i = 0; i < dist.days.length; i++) {
    const c = dist.cumulative[i]!;
    rows.push({ days: dist.days[i]!, probability: c - previous });
    previous = c;
  }
  return rows;
}
