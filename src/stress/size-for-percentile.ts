import type { Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import type { Scenario } from '../model/scenario.js';
import type { InvestmentProduct } from '../model/product.js';
import { fundingNeed } from '../forecast/gaps.js';
import type { CashForecast } from '../forecast/types.js';
import { sizeProduct, type SizeOptions, type SizedPlan } from '../sizing/size-product.js';
import { compileDelayModel } from './delay-model.js';
import { pathForecast } from './path-forecast.js';
import { simulateDelayPaths, summariseDelayPaths, type DelaySimulation, type SlowQuarterShock } from './simulate-delays.js';

/** Options for {@link sizeForPercentile}: the Monte Carlo's, the percentile, and `sizeProduct`'s. */
export interface PercentileSizeOptions extends SizeOptions {
  /** The share of paths whose need the facility is sized for, 0 < percentile < 1 (0.9 for P90). Default 0.9. */
  readonly percentile?: number;
  /** Number of Monte Carlo paths (see `simulateDelays`). */
  readonly paths: number;
  /** Seed 0 … 2³² − 1. */
  readonly seed: number;
  readonly slowQuarter?: SlowQuarterShock;
  /** Called after each block of Monte Carlo paths with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A facility sized to a percentile of the simulated need. Plain JSON (the path's forecast aside). */
export interface PercentileSizing {
  readonly percentile: number;
  readonly paths: number;
  readonly seed: number;
  /** The path sized on: the lowest-numbered path whose peak need is the nearest-rank percentile. */
  readonly path: number;
  /** That path's peak need, minor units: the need the facility is sized to cover. */
  readonly peakNeed: Minor;
  /** The facility `sizeProduct` proposes on that path's forecast. */
  readonly sized: SizedPlan;
  /**
   * Share of paths whose peak need exceeds {@link peakNeed}, 0–1: the estimated probability that
   * the facility is insufficient. An approximation (see {@link sizeForPercentile}).
   */
  readonly probabilityInsufficient: number;
  /** The simulation the path was taken from. */
  readonly simulation: DelaySimulation;
  /** The full forecast of the path sized on (receipts on the days that path drew). */
  readonly forecast: CashForecast;
}

/**
 * Sizes a product to cover the need at a percentile of a Monte Carlo of payment delays (e.g. the
 * need in the worst year in ten for P90), and estimates the probability it is not enough.
 *
 * How: run `simulateDelays`; take the nearest-rank `percentile` of the paths' peak needs and the
 * lowest-numbered path with that peak; rebuild that path's full forecast (its receipts re-dated
 * to the days it drew; the ledger rebuilt by forecast/ledger's own rules); size the product on it
 * with `sizeProduct` (the facility's own interest and fees included, as always).
 *
 * The probability insufficient is the share of paths whose peak need is above the percentile
 * path's. It is an approximation, not a re-run of the facility on every path: a path with a lower
 * peak but a later or longer gap could still outrun a facility sized on another path (its term,
 * interest and fees differ), and a path with a slightly higher peak may still be covered thanks to
 * the sizing step and headroom. By the nearest-rank definition it is at most 1 − percentile, and
 * below it by the share of paths tied at the percentile's peak.
 *
 * @param scenario - a parsed scenario
 * @param product - a parsed product in the scenario's currency
 * @param options - `percentile` (default 0.9), `paths`, `seed`, `slowQuarter`, `onProgress`, and any `sizeProduct` option
 * @throws BridgefitInputError for a percentile outside (0, 1) or bad Monte Carlo or sizing options
 * @example
 * ```ts
 * const p90 = sizeForPercentile(scenario, facility, { percentile: 0.9, paths: 10_000, seed: 42 });
 * formatMoney(p90.sized.limit);  // the limit that covers the P90 path
 * p90.probabilityInsufficient;   // ≈ 0.1
 * ```
 */
export function sizeForPercentile(scenario: Scenario, product: InvestmentProduct, options: PercentileSizeOptions): PercentileSizing {
  const { percentile = 0.9, paths, seed, slowQuarter, onProgress, ...sizeOptions } = options;
  if (typeof percentile !== 'number' || !(percentile > 0 && percentile < 1)) inputError('percentile', `must be a number between 0 and 1, exclusive (0.9 for P90) (got ${percentile})`);
  const simOptions = slowQuarter ? { paths, seed, slowQuarter } : { paths, seed };
  const model = compileDelayModel(scenario);
  const blocks = [];
  for (let from = 0; from < paths || from === 0; from += 1000) {
    const to = Math.min(paths, from + 1000);
    blocks.push(simulateDelayPaths(model, simOptions, from, to));
    onProgress?.(to, paths);
    if (to >= paths) break;
  }
  const simulation = summariseDelayPaths(model, simOptions, blocks);
  const peaks = simulation.pathPeakNeeds;
  const sorted = Float64Array.from(peaks).sort();
  const rank = Math.max(1, Math.ceil(percentile * paths - 1e-9));
  const target = sorted[rank - 1]!;
  const path = peaks.indexOf(target);
  const forecast = pathForecast(model, simOptions, path);
  const need = fundingNeed(forecast);
  if (need.peak !== target) throw new Error(`internal: path ${path} replays to a peak of ${need.peak}, not the simulated ${target}`);
  const sized = sizeProduct(forecast, product, sizeOptions);
  let above = 0;
  for (const p of peaks) if (p > target) above++;
  return { percentile, paths, seed, path, peakNeed: target, sized, probabilityInsufficient: above / paths, simulation, forecast };
}
