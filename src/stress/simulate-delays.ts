import { inputError } from '../money/errors.js';
import { formatDay } from '../calendar/day.js';
import type { Scenario } from '../model/scenario.js';
import type { DelayDistribution } from '../forecast/delay-distribution.js';
import { MAX_SEED } from './random.js';
import { streamState } from './stream-seed.js';
import { compileDelayModel, type DelayModel } from './delay-model.js';
import { nearestRank, summariseOutcomes, type OutcomeSummary } from './percentiles.js';

/** Most paths one simulation may run. */
export const MAX_PATHS = 200_000;

/** A commissioner-wide "slow quarter": with `probability`, every invoice a commissioner issues in a calendar quarter is paid `extraDays` later. */
export interface SlowQuarterShock {
  /** Chance per commissioner per quarter, 0–1. */
  readonly probability: number;
  /** Whole days added to every invoice of a slow quarter. */
  readonly extraDays: number;
}

/** Options for {@link simulateDelays}. */
export interface SimulateOptions {
  /** Number of paths, 1 … {@link MAX_PATHS}. */
  readonly paths: number;
  /** Seed 0 … 2³²−1: path i draws from `splitRandom(seed, i)`, so the answer never depends on how paths are split. */
  readonly seed: number;
  /** Correlated lateness; none by default. */
  readonly slowQuarter?: SlowQuarterShock;
  /** Called after each block of paths with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Also return daily P5/P50/P95 of closing cash (for a fan chart). Costs memory: paths × days numbers. */
  readonly bands?: boolean;
}

/** The raw outcome of a block of paths: one entry per path, in path order. */
export interface PathOutcomes {
  readonly fromPath: number;
  /** Peak shortfall below the buffer per path, minor units (0 when never short). */
  readonly peakNeed: Float64Array;
  readonly daysShort: Int32Array;
  /** Day offset of the first day short, −1 when never short. */
  readonly firstShort: Int32Array;
  /** Closing cash per path per day (path-major), only when bands were asked for. */
  readonly closing?: Float64Array;
}

/** What a Monte Carlo run of payment delays says about the need. */
export interface DelaySimulation {
  readonly paths: number;
  readonly seed: number;
  /** Peak need per path, minor units: P50/P90/P95/P99, mean, histogram. */
  readonly peakNeed: OutcomeSummary;
  readonly daysShort: OutcomeSummary;
  /** Share of paths with at least one day short, 0–1. */
  readonly probabilityShort: number;
  /** Percentiles of the first day short, over the paths that are short (ISO dates; null when none is). */
  readonly firstDayShort: { readonly p10: string | null; readonly p50: string | null; readonly p90: string | null };
  /** Peak need of every path, in path order (for sizing to a percentile). */
  readonly pathPeakNeeds: readonly number[];
  /** Daily bands of closing cash, when asked for: ISO dates and P5/P50/P95 in minor units. */
  readonly bands?: { readonly dates: readonly string[]; readonly p5: readonly number[]; readonly p50: readonly number[]; readonly p95: readonly number[] };
}

function checkOptions(options: SimulateOptions): void {
  if (!Number.isSafeInteger(options.paths) || options.paths < 1 || options.paths > MAX_PATHS) inputError('paths', `must be a whole number from 1 to ${MAX_PATHS} (got ${options.paths})`);
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) inputError('seed', `must be a whole number from 0 to ${MAX_SEED} (got ${options.seed})`);
  const shock = options.slowQuarter;
  if (shock) {
    if (!(shock.probability >= 0 && shock.probability <= 1)) inputError('slowQuarter.probability', `must be from 0 to 1 (got ${shock.probability})`);
    if (!Number.isSafeInteger(shock.extraDays) || shock.extraDays < 0 || shock.extraDays > 730) inputError('slowQuarter.extraDays', `must be a whole number of days from 0 to 730 (got ${shock.extraDays})`);
  }
}

/**
 * The model's distributions flattened for the hot loop: every distribution's days, cumulative
 * probabilities and guide table (Chen and Asau, the same table `sampleDays` uses, built the same
 * way when a distribution has none) in three shared typed arrays, and per invoice where its
 * distribution starts. Built once per model.
 */
interface Sampler {
  readonly days: Int32Array;
  readonly cumulative: Float64Array;
  readonly guide: Int32Array;
  /** Per invoice: index of its distribution's first entry in `days` / `cumulative`. */
  readonly tableStart: Int32Array;
  /** Per invoice: index of its distribution's guide table in `guide`, and the table's length. */
  readonly guideStart: Int32Array;
  readonly guideLength: Int32Array;
}

const MAX_GUIDE = 1 << 20;
const TWO_POW_MINUS_32 = 1 / 4294967296;
const samplers = new WeakMap<DelayModel, Sampler>();

function guideOf(dist: DelayDistribution): Int32Array {
  if (dist.guide) return dist.guide;
  // As forecast/delay-distribution's guideTable: guide[j] = smallest i with cumulative[i] > j/m.
  const m = Math.min(dist.cumulative.length, MAX_GUIDE);
  const guide = new Int32Array(m);
  let i = 0;
  for (let j = 0; j < m; j++) {
    const threshold = j / m;
    while (dist.cumulative[i]! <= threshold) i++;
    guide[j] = i;
  }
  return guide;
}

function samplerOf(model: DelayModel): Sampler {
  const cached = samplers.get(model);
  if (cached) return cached;
  const unique = [...new Set(model.distributions)];
  const guides = unique.map(guideOf);
  const tableSize = unique.reduce((s, d) => s + d.days.length, 0);
  const days = new Int32Array(tableSize);
  const cumulative = new Float64Array(tableSize);
  const guide = new Int32Array(guides.reduce((s, g) => s + g.length, 0));
  const at = new Map<DelayDistribution, { table: number; guide: number; length: number }>();
  let t = 0;
  let g = 0;
  unique.forEach((d, j) => {
    days.set(d.days, t);
    cumulative.set(d.cumulative, t);
    guide.set(guides[j]!, g);
    at.set(d, { table: t, guide: g, length: guides[j]!.length });
    t += d.days.length;
    g += guides[j]!.length;
  });
  const n = model.distributions.length;
  const tableStart = new Int32Array(n);
  const guideStart = new Int32Array(n);
  const guideLength = new Int32Array(n);
  model.distributions.forEach((d, k) => {
    const where = at.get(d)!;
    tableStart[k] = where.table;
    guideStart[k] = where.guide;
    guideLength[k] = where.length;
  });
  const sampler = { days, cumulative, guide, tableStart, guideStart, guideLength };
  samplers.set(model, sampler);
  return sampler;
}

/**
 * Draws path `path`'s receipt days: `out[k]` becomes the day offset (from the model's start) on
 * which invoice k (in `model.forecast.invoices` order) is paid. The one place a path's random
 * numbers are used, so a path can be replayed exactly (see `pathForecast`).
 *
 * The numbers are those of `splitRandom(seed, path)`, and each days-to-pay is exactly what
 * `sampleDays(distribution, random)` would return; both are inlined here (a stream seeded in
 * 32-bit arithmetic, xoshiro128** state in local variables, guide tables in flat typed arrays)
 * because this loop is the Monte Carlo's hot path. Draw order: first one uniform per
 * (commissioner, quarter) cell when a slow-quarter shock is given (commissioners in id order,
 * quarters in date order; the cell is slow when the uniform is below the probability), then one
 * days-to-pay per invoice in invoice order.
 *
 * @param model - a compiled model ({@link compileDelayModel})
 * @param options - the run's seed and slow-quarter shock
 * @param path - path number, 0 … 4294967295
 * @param slow - scratch of at least commissioners × quarters bytes when a shock is given
 * @param out - receives one day offset per invoice (may be negative or past the horizon)
 * @throws BridgefitInputError for a seed or path that is not a whole number 0 … 4294967295
 * @example
 * ```ts
 * const out = new Int32Array(model.amount.length);
 * drawReceiptOffsets(model, { seed: 42 }, 0, new Uint8Array(0), out);
 * ```
 */
export function drawReceiptOffsets(model: DelayModel, options: Pick<SimulateOptions, 'seed' | 'slowQuarter'>, path: number, slow: Uint8Array, out: Int32Array): void {
  if (!Number.isInteger(options.seed) || options.seed < 0 || options.seed > MAX_SEED) inputError('seed', `must be a whole number from 0 to ${MAX_SEED} (got ${options.seed})`);
  if (!Number.isInteger(path) || path < 0 || path > MAX_SEED) inputError('path', `must be a whole number from 0 to ${MAX_SEED} (got ${path})`);
  drawInto(model, samplerOf(model), options.seed, options.slowQuarter, path, slow, out, new Int32Array(4));
}

function drawInto(model: DelayModel, sampler: Sampler, seed: number, shock: SlowQuarterShock | undefined, path: number, slow: Uint8Array, out: Int32Array, state: Int32Array): void {
  const { issueOffset, commissionerIndex, quarterIndex, quarters } = model;
  const { days, cumulative, guide, tableStart, guideStart, guideLength } = sampler;
  streamState(seed, path, state);
  let s0 = state[0]!;
  let s1 = state[1]!;
  let s2 = state[2]!;
  let s3 = state[3]!;
  const cells = shock ? model.commissionerIds.length * quarters : 0;
  const probability = shock ? shock.probability : 0;
  const extra = shock ? shock.extraDays : 0;
  const draws = cells + issueOffset.length;
  // One uniform per draw: first the slow-quarter cells, then one per invoice.
  for (let j = 0; j < draws; j++) {
    // xoshiro128** next(), exactly as random.ts (a test checks them word for word)
    const x = Math.imul(s1, 5);
    const r = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    const u = r * TWO_POW_MINUS_32;
    if (j < cells) {
      slow[j] = u < probability ? 1 : 0;
      continue;
    }
    const k = j - cells;
    // sampleDays: start at the guide entry of ⌊u·m⌋ (never past the answer), step to the first cumulative > u.
    const base = tableStart[k]!;
    let i = base + guide[guideStart[k]! + Math.floor(u * guideLength[k]!)]!;
    while (cumulative[i]! <= u) i++;
    let d = issueOffset[k]! + days[i]!;
    if (cells > 0 && slow[commissionerIndex[k]! * quarters + quarterIndex[k]!] === 1) d += extra;
    out[k] = d;
  }
}

/**
 * Runs paths `fromPath` … `toPath − 1` of a Monte Carlo over a compiled model. Path i always draws
 * from `splitRandom(seed, i)`, so blocks run in any order or in separate worker threads give the
 * same outcomes as one run; join them with {@link summariseDelayPaths}.
 *
 * @example
 * ```ts
 * const model = compileDelayModel(scenario);
 * const a = simulateDelayPaths(model, { paths: 10000, seed: 7 }, 0, 5000);
 * const b = simulateDelayPaths(model, { paths: 10000, seed: 7 }, 5000, 10000);
 * summariseDelayPaths(model, { paths: 10000, seed: 7 }, [a, b]); // same as simulateDelays(scenario, { paths: 10000, seed: 7 })
 * ```
 */
export function simulateDelayPaths(model: DelayModel, options: SimulateOptions, fromPath: number, toPath: number): PathOutcomes {
  checkOptions(options);
  if (!Number.isSafeInteger(fromPath) || !Number.isSafeInteger(toPath) || fromPath < 0 || toPath > options.paths || toPath < fromPath) {
    inputError('fromPath', `must satisfy 0 ≤ fromPath ≤ toPath ≤ paths (got ${fromPath}…${toPath} of ${options.paths})`);
  }
  const count = toPath - fromPath;
  const { days, buffer, opening, baseNet, amount } = model;
  const invoices = amount.length;
  const slow = new Uint8Array(options.slowQuarter ? model.commissionerIds.length * model.quarters : 0);
  const net = new Float64Array(days);
  const peakNeed = new Float64Array(count);
  const daysShort = new Int32Array(count);
  const firstShort = new Int32Array(count);
  const closing = options.bands ? new Float64Array(count * days) : undefined;
  const offsets = new Int32Array(invoices);
  const sampler = samplerOf(model);
  const state = new Int32Array(4);
  for (let p = 0; p < count; p++) {
    drawInto(model, sampler, options.seed, options.slowQuarter, fromPath + p, slow, offsets, state);
    net.set(baseNet);
    for (let k = 0; k < invoices; k++) {
      const d = offsets[k]!;
      if (d >= 0 && d < days) net[d]! += amount[k]!;
    }
    let balance = opening;
    let peak = 0;
    let short = 0;
    let first = -1;
    const row = p * days;
    for (let i = 0; i < days; i++) {
      balance += net[i]!;
      if (closing) closing[row + i] = balance;
      if (balance < buffer) {
        short++;
        if (first < 0) first = i;
        if (buffer - balance > peak) peak = buffer - balance;
      }
    }
    peakNeed[p] = peak;
    daysShort[p] = short;
    firstShort[p] = first;
  }
  return closing ? { fromPath, peakNeed, daysShort, firstShort, closing } : { fromPath, peakNeed, daysShort, firstShort };
}

/**
 * Joins blocks of paths (in any order) into the distribution of the need.
 *
 * @throws BridgefitInputError when the blocks do not cover paths 0 … paths − 1 exactly once
 * @example
 * ```ts
 * summariseDelayPaths(model, options, [simulateDelayPaths(model, options, 0, options.paths)]);
 * ```
 */
export function summariseDelayPaths(model: DelayModel, options: SimulateOptions, blocks: readonly PathOutcomes[]): DelaySimulation {
  const ordered = [...blocks].sort((a, b) => a.fromPath - b.fromPath);
  let next = 0;
  for (const b of ordered) {
    if (b.fromPath !== next) inputError('blocks', `must cover every path exactly once; path ${next} is missing or repeated`);
    next += b.peakNeed.length;
  }
  if (next !== options.paths) inputError('blocks', `cover ${next} paths; expected ${options.paths}`);
  const peakNeed = concat(ordered.map((b) => b.peakNeed));
  const daysShort = concat(ordered.map((b) => Float64Array.from(b.daysShort)));
  const firsts = Float64Array.from(ordered.flatMap((b) => Array.from(b.firstShort).filter((f) => f >= 0))).sort();
  const firstDate = (q: number) => (firsts.length ? formatDay(model.start + nearestRank(firsts, q)) : null);
  const result: DelaySimulation = {
    paths: options.paths,
    seed: options.seed,
    peakNeed: summariseOutcomes(peakNeed),
    daysShort: summariseOutcomes(daysShort),
    probabilityShort: firsts.length / options.paths,
    firstDayShort: { p10: firstDate(0.1), p50: firstDate(0.5), p90: firstDate(0.9) },
    pathPeakNeeds: Array.from(peakNeed),
  };
  return options.bands ? { ...result, bands: dailyBands(model, ordered) } : result;
}

function concat(parts: readonly Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function dailyBands(model: DelayModel, blocks: readonly PathOutcomes[]) {
  const column = new Float64Array(blocks.reduce((s, b) => s + b.peakNeed.length, 0));
  const dates: string[] = [];
  const p5: number[] = [];
  const p50: number[] = [];
  const p95: number[] = [];
  for (let i = 0; i < model.days; i++) {
    let at = 0;
    for (const b of blocks) for (let p = 0; p < b.peakNeed.length; p++) column[at++] = b.closing![p * model.days + i]!;
    column.sort();
    dates.push(formatDay(model.start + i));
    p5.push(nearestRank(column, 0.05));
    p50.push(nearestRank(column, 0.5));
    p95.push(nearestRank(column, 0.95));
  }
  return { dates, p5, p50, p95 };
}

/**
 * Monte Carlo of payment delays: draws each invoice's days to pay from its commissioner's
 * distribution (optionally with commissioner-wide slow quarters), runs the ledger per path, and
 * returns the distribution of the peak need, days short and first day short. Seeded: the same
 * seed gives the same answer on every machine.
 *
 * @param scenario - a parsed scenario
 * @param options - paths, seed, optional slow-quarter shock, progress callback, daily bands
 * @throws BridgefitInputError for paths out of range or a bad seed or shock
 * @example
 * ```ts
 * const sim = simulateDelays(scenario, { paths: 10_000, seed: 42 });
 * formatMoney(sim.peakNeed.p90); // the need in a bad year, one in ten
 * ```
 */
export function simulateDelays(scenario: Scenario, options: SimulateOptions): DelaySimulation {
  checkOptions(options);
  const model = compileDelayModel(scenario);
  const block = 1000;
  const blocks: PathOutcomes[] = [];
  for (let from = 0; from < options.paths; from += block) {
    const to = Math.min(options.paths, from + block);
    blocks.push(simulateDelayPaths(model, options, from, to));
    options.onProgress?.(to, options.paths);
  }
  return summariseDelayPaths(model, options, blocks);
}
