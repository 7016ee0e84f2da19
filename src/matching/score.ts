import type { ProductKind } from '../model/product.js';
import type { SecurityKind } from '../model/enterprise.js';

/**
 * The weight of each score component. Each component is a number from 0 (worst) to 1 (best);
 * the score is the weighted sum divided by the sum of the weights, so weights need not add up to 1.
 */
export interface MatchWeights {
  /** Share of the peak need the sized facility covers (1 = all of it). */
  readonly coverage: number;
  /** Total cost in money (interest + fees), normalised across the candidates: cheapest 1, dearest 0. */
  readonly totalCost: number;
  /** Effective annual rate (the lender's XIRR), normalised across the candidates: lowest 1, highest 0. */
  readonly effectiveRate: number;
  /** Whether funds arrive by the first day short: 1 in time, falling to 0 at `timeToFundsToleranceDays` late. */
  readonly timeToFunds: number;
  /** How closely drawings can follow the need: {@link FLEXIBILITY_BY_KIND}. */
  readonly flexibility: number;
  /** How light the security asked is: 1 − the heaviest {@link SECURITY_BURDEN} required. */
  readonly security: number;
  /**
   * Share of a stress need (e.g. the P90 peak of `simulateDelays`) the sized limit could carry:
   * min(1, limit ÷ stress need). Counts only when `MatchOptions.stressNeed` is given.
   */
  readonly stressCoverage: number;
}

/** The names of the score components, in the order they are shown. */
export const SCORE_COMPONENTS: readonly (keyof MatchWeights)[] = ['coverage', 'totalCost', 'effectiveRate', 'timeToFunds', 'flexibility', 'security', 'stressCoverage'];

/**
 * The default weights. Coverage is also a lexicographic gate by default (`coverageGate: true`):
 * a product that covers the whole need always ranks above one that does not, and the weights
 * order products within each group. Cost (money and rate) together weigh as much as coverage
 * because, among products that cover, cost is what differs most and matters most to a charity's
 * reserves; time to funds next, because money that arrives after the first day short does not
 * bridge it; flexibility and security last.
 */
export const DEFAULT_MATCH_WEIGHTS: Readonly<MatchWeights> = Object.freeze({
  coverage: 0.3,
  totalCost: 0.2,
  effectiveRate: 0.1,
  timeToFunds: 0.2,
  flexibility: 0.1,
  security: 0.1,
  stressCoverage: 0.1,
});

/** Days late at which the time-to-funds component reaches 0 (default of `timeToFundsToleranceDays`). */
export const DEFAULT_TIME_TO_FUNDS_TOLERANCE_DAYS = 60;

/**
 * How closely each kind's drawings follow the need (1 = fully): a revolving facility draws and
 * repays day by day; invoice finance follows the invoices; a standby facility only while an
 * invoice is late; a fixed bridging loan is drawn once (or in stages) and not redrawn.
 */
export const FLEXIBILITY_BY_KIND: Readonly<Record<ProductKind, number>> = Object.freeze({
  'revolving-facility': 1,
  'invoice-finance': 0.75,
  'standby-facility': 0.75,
  'bridging-loan': 0.25,
});

/** How heavy each kind of security is for the enterprise to give (0 none … 1 a charge on property). */
export const SECURITY_BURDEN: Readonly<Record<SecurityKind, number>> = Object.freeze({
  none: 0,
  'assignment-of-receivables': 0.3,
  debenture: 0.6,
  'charge-on-property': 1,
});

/**
 * The security component: 1 − the heaviest burden among the kinds required.
 *
 * @example
 * ```ts
 * securityScore(['none']); // 1
 * securityScore(['debenture', 'assignment-of-receivables']); // 0.4
 * ```
 */
export function securityScore(required: readonly SecurityKind[]): number {
  let worst = 0;
  for (const s of required) worst = Math.max(worst, SECURITY_BURDEN[s]);
  return round4(1 - worst);
}

/**
 * The time-to-funds component: 1 when `daysToFunds` is at most the days until the first day
 * short (or the enterprise is never short), falling linearly to 0 at `toleranceDays` late.
 *
 * @param daysToFunds - days from application to money
 * @param daysUntilShort - days from `asOf` to the first day short, or null when never short
 * @param toleranceDays - days late at which the component reaches 0
 * @example
 * ```ts
 * timeToFundsScore(21, 55, 60); // 1
 * timeToFundsScore(60, 30, 60); // 0.5 (30 days late)
 * ```
 */
export function timeToFundsScore(daysToFunds: number, daysUntilShort: number | null, toleranceDays = DEFAULT_TIME_TO_FUNDS_TOLERANCE_DAYS): number {
  if (daysUntilShort === null || daysToFunds <= daysUntilShort) return 1;
  if (toleranceDays <= 0) return 0;
  return round4(Math.max(0, 1 - (daysToFunds - daysUntilShort) / toleranceDays));
}

/**
 * Min-max normalisation where lower is better: the lowest value scores 1, the highest 0, and all
 * score 1 when they are equal.
 *
 * @example
 * ```ts
 * lowerIsBetter([100, 150, 200]); // [1, 0.5, 0]
 * ```
 */
export function lowerIsBetter(values: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.map((v) => (hi === lo ? 1 : round4((hi - v) / (hi - lo))));
}

/**
 * Rounds a component to 4 decimal places, so scores and their explanation agree and ties are real ties.
 *
 * @example
 * ```ts
 * round4(0.272727); // 0.2727
 * ```
 */
export function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/**
 * Validates and completes caller weights: each must be a finite number ≥ 0 and at least one > 0.
 *
 * @throws BridgefitInputError naming `options.weights.<name>`
 * @example
 * ```ts
 * resolveWeights({ coverage: 1 }); // DEFAULT_MATCH_WEIGHTS with coverage 1
 * ```
 */
export function resolveWeights(overrides: Partial<MatchWeights> | undefined, fail: (path: string, message: string) => never): MatchWeights {
  const weights = { ...DEFAULT_MATCH_WEIGHTS, ...overrides };
  let total = 0;
  for (const name of SCORE_COMPONENTS) {
    const w = weights[name];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail(`options.weights.${name}`, `must be a finite number ≥ 0 (got ${String(w)})`);
    total += w;
  }
  if (total <= 0) fail('options.weights', 'must have at least one weight > 0');
  return weights;
}

/**
 * The Pareto-efficient items on (total cost, lower better; coverage, higher better): those no
 * other item beats on one without being worse on the other.
 *
 * @returns a flag per item, in input order
 * @example
 * ```ts
 * paretoEfficient([{ cost: 100, coverage: 1 }, { cost: 50, coverage: 0.8 }, { cost: 120, coverage: 0.9 }]);
 * // [true, true, false]
 * ```
 */
export function paretoEfficient(items: readonly { readonly cost: number; readonly coverage: number }[]): boolean[] {
  return items.map((a) => !items.some((b) => b.cost <= a.cost && b.coverage >= a.coverage && (b.cost < a.cost || b.coverage > a.coverage)));
}
