import { assertMinor, formatMoney, parseAmount, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { Dec, parseRate } from '../money/rate.js';
import { formatDay, parseDay, type Day } from '../calendar/day.js';
import { addMonths } from '../calendar/months.js';
import type { CashForecast } from '../forecast/types.js';
import type { InvestmentProduct } from '../model/product.js';
import type { FinancePlan } from '../finance/types.js';
import { applyProduct } from '../finance/apply-product.js';
import { costOf, type FinanceCost } from '../finance/cost.js';
import { smallestCovering } from './search.js';

/** Default sizing step: £1,000 in minor units. */
export const DEFAULT_SIZING_STEP: Minor = 100_000;

/** Options for {@link sizeProduct}. */
export interface SizeOptions {
  /** Granularity of the limit, minor units (> 0). Default 100000 (£1,000). */
  readonly step?: Minor;
  /**
   * Extra limit on top of the smallest sufficient one, as a decimal fraction of it ("0.10" adds
   * 10%), then rounded up to the step and capped at the product's maximum. Default "0".
   */
  readonly headroom?: string;
  /** Facility term in months; default the shortest term the product allows that spans the last day short. */
  readonly termMonths?: number;
  /** Cash below this is short, minor units. Default the forecast's buffer. */
  readonly buffer?: Minor;
  /** First day of the facility (ISO). Default the forecast's first day. */
  readonly start?: string;
  /** Which need to size for. Only `'base'` (the forecast as given) for now; percentiles come later. */
  readonly target?: 'base';
}

/** The days on which cash is still below the buffer. */
export interface ShortDates {
  /** First day short (ISO). */
  readonly first: string;
  /** Last day short (ISO). */
  readonly last: string;
  /** Number of days short. */
  readonly count: number;
}

/**
 * The result of sizing a product against a forecast: the smallest sufficient limit (plus
 * headroom), the plan at that limit and its cost; or, when even the maximum does not suffice,
 * what is left uncovered. Plain JSON: amounts in minor units, dates ISO.
 */
export interface SizedPlan {
  readonly productId: string;
  readonly productKind: string;
  /** Whether cash after finance stays at or above the buffer on every day of the horizon. */
  readonly covered: boolean;
  /** Whether the forecast is short at all; when false no facility is proposed. */
  readonly needed: boolean;
  /**
   * The proposed limit, minor units: the smallest sufficient limit plus headroom; the product's
   * maximum when not covered; 0 when not needed.
   */
  readonly limit: Minor;
  /** The smallest sufficient limit before headroom, minor units (null when not covered or not needed). */
  readonly minimumLimit: Minor | null;
  /** The facility's term in months (null when not needed). */
  readonly termMonths: number | null;
  /** The plan at `limit` (at the maximum when not covered; null when not needed). */
  readonly plan: FinancePlan | null;
  /** The cost of `plan` (null when not needed). */
  readonly cost: FinanceCost | null;
  /** Largest shortfall below the buffer left after finance at `limit`, minor units (0 when covered). */
  readonly residualShortfall: Minor;
  /** Days still short after finance at `limit` (null when covered). */
  readonly shortDates: ShortDates | null;
  /** One or two sentences saying what was found and why. */
  readonly explanation: string;
}

/** Applies a product at a limit (the shape of `applyProduct`). */
export type ApplyFn = (
  forecast: CashForecast,
  product: InvestmentProduct,
  limit: Minor,
  options?: { start?: string; termMonths?: number; buffer?: Minor; flows?: boolean },
) => FinancePlan;

interface Shortfall {
  readonly peak: Minor;
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

/** Peak shortfall below `buffer` and the days short, over closing balances. */
function shortfallOf(closing: readonly Minor[], buffer: Minor): Shortfall {
  let peak = 0;
  let first = -1;
  let last = -1;
  let count = 0;
  for (let i = 0; i < closing.length; i++) {
    const short = buffer - closing[i]!;
    if (short > 0) {
      if (first < 0) first = i;
      last = i;
      count++;
      if (short > peak) peak = short;
    }
  }
  return { peak, first, last, count };
}

/** Candidate limits: multiples of `step` in [min, max], plus min and max themselves when they are not multiples. */
function candidates(min: Minor, max: Minor, step: Minor): { readonly count: number; readonly at: (i: number) => Minor } {
  const low = Math.max(min, 1);
  const kLo = Math.ceil(low / step);
  const kHi = Math.floor(max / step);
  const multiples = Math.max(0, kHi - kLo + 1);
  const lowExtra = low % step !== 0 && low <= max ? 1 : 0;
  const highExtra = max % step !== 0 && max >= low && !(lowExtra === 1 && max === low) ? 1 : 0;
  const count = lowExtra + multiples + highExtra;
  return {
    count,
    at: (i) => {
      if (lowExtra && i === 0) return low;
      const k = i - lowExtra;
      return k < multiples ? (kLo + k) * step : max;
    },
  };
}

/** The shortest term in [min, max] months from `start` whose last day (start + m months − 1) is on or after `lastShort`. */
function shortestSpanningTerm(start: Day, lastShort: Day, minMonths: number, maxMonths: number): number {
  for (let m = minMonths; m <= maxMonths; m++) if (addMonths(start, m) - 1 >= lastShort) return m;
  return maxMonths;
}

/**
 * Sizes a product: the smallest limit, in steps of `options.step` within the product's
 * `[minAmount, maxAmount]`, under which the ledger after finance never falls below the buffer on
 * any day of the horizon, the facility's own interest and fees included; then `headroom` on top.
 *
 * How: the term is `options.termMonths`, or the shortest the product allows whose last day
 * (start + term − 1 day) is on or after the last day short before finance. Candidate limits are
 * the multiples of the step in `[minAmount, maxAmount]` (plus `minAmount` and `maxAmount`
 * themselves when they are not multiples). A larger limit never covers less (every draw a
 * smaller limit allows, a larger one allows too, and limit-proportional fees are financed by the
 * extra room), so the search is exponential from the peak shortfall (no smaller limit can cover
 * it) and then binary; the answer is then verified — the candidate one step below must leave
 * cash short — and if it does not (monotonicity broken locally, e.g. by rounding), the search
 * steps down one candidate at a time. So `minimumLimit` covers and `minimumLimit − step` does not.
 *
 * Several gaps in one horizon are bridged by one facility. Impossible requests are results, not
 * errors: when even the maximum leaves cash short, `covered` is false with the residual shortfall
 * and the days still short; when the forecast is never short, `needed` is false and `limit` is 0
 * (a facility would only add cost).
 *
 * @param forecast - the enterprise's forecast before finance ({@link forecastCash})
 * @param product - a parsed product ({@link parseProduct}) in the forecast's currency
 * @param options - `step` (minor units, default 100000 = £1,000), `headroom` (decimal fraction
 *   string, default "0"), `termMonths`, `buffer` (minor units), `start` (ISO), `target` ('base')
 * @returns the sized plan: `limit` (minor units), `termMonths`, the plan and its cost, and an explanation
 * @throws BridgefitInputError for a bad step, headroom, term, buffer, start or target, or a product in another currency
 * @example
 * ```ts
 * const sized = sizeProduct(forecastCash(scenario), parseProduct(facilityJson), { headroom: '0.10' });
 * sized.covered;             // true
 * formatMoney(sized.limit);  // e.g. "£234,000.00"
 * sized.explanation;         // "The smallest limit that keeps cash at or above the £0.00 buffer …"
 * ```
 */
export function sizeProduct(forecast: CashForecast, product: InvestmentProduct, options: SizeOptions = {}): SizedPlan {
  return sizeProductWith(applyProduct, forecast, product, options);
}

/**
 * {@link sizeProduct} with the product mechanics passed in (for benchmarks that count or time
 * the evaluations). `apply` must behave like `applyProduct`.
 *
 * @example
 * ```ts
 * let evaluations = 0;
 * sizeProductWith((...args) => (evaluations++, applyProduct(...args)), forecast, facility);
 * ```
 */
export function sizeProductWith(apply: ApplyFn, forecast: CashForecast, product: InvestmentProduct, options: SizeOptions = {}): SizedPlan {
  const step = options.step ?? DEFAULT_SIZING_STEP;
  if (!Number.isSafeInteger(step) || step <= 0) inputError('options.step', `must be a whole number of minor units > 0 (got ${step})`);
  const headroom = parseRate(options.headroom ?? '0', 'options.headroom');
  if (headroom.isNegative()) inputError('options.headroom', `must be ≥ 0 (got ${options.headroom})`);
  if (options.target !== undefined && options.target !== 'base') inputError('options.target', `must be "base" (got ${JSON.stringify(options.target)})`);
  const buffer = options.buffer === undefined ? forecast.buffer : assertMinor(options.buffer, 'options.buffer');
  if (buffer < 0) inputError('options.buffer', `must be ≥ 0 (got ${buffer})`);
  const horizonStart = parseDay(forecast.start, 'forecast.start');
  const start = options.start === undefined ? horizonStart : parseDay(options.start, 'options.start');
  const minAmount = parseAmount(product.minAmount, 'product.minAmount');
  const maxAmount = parseAmount(product.maxAmount, 'product.maxAmount');
  if (options.termMonths !== undefined) {
    const t = options.termMonths;
    if (!Number.isInteger(t) || t < product.minTermMonths || t > product.maxTermMonths) {
      inputError('options.termMonths', `must be a whole number of months between the product's ${product.minTermMonths} and ${product.maxTermMonths} (got ${t})`);
    }
  }
  const currency = forecast.currency;
  const money = (m: Minor): string => formatMoney(m, currency);
  const base = { productId: product.id, productKind: product.kind };

  const before = shortfallOf(forecast.closing, buffer);
  if (before.count === 0) {
    return {
      ...base,
      covered: true,
      needed: false,
      limit: 0,
      minimumLimit: null,
      termMonths: null,
      plan: null,
      cost: null,
      residualShortfall: 0,
      shortDates: null,
      explanation:
        `Cash never falls below the ${money(buffer)} buffer between ${forecast.start} and ${forecast.end}, so no facility is needed: ` +
        `any limit would only add fees and interest.`,
    };
  }

  const lastShort = horizonStart + before.last;
  const shortestTerm = options.termMonths ?? shortestSpanningTerm(start, lastShort, product.minTermMonths, product.maxTermMonths);
  const list = candidates(minAmount, maxAmount, step);
  // The search only needs each candidate's ledger, so it runs the engine without recording
  // flows; the plans returned are run in full (`planAt`).
  const ledgers = new Map<string, FinancePlan>();
  const plans = new Map<string, FinancePlan>();
  const run = (cache: Map<string, FinancePlan>, flows: boolean, limit: Minor, months: number): FinancePlan => {
    const key = `${months}:${limit}`;
    let plan = cache.get(key);
    if (!plan) {
      plan = apply(forecast, product, limit, { start: formatDay(start), termMonths: months, buffer, flows });
      cache.set(key, plan);
    }
    return plan;
  };
  const planAt = (limit: Minor, months: number): FinancePlan => run(plans, true, limit, months);
  const closingAt = (limit: Minor, months: number): readonly Minor[] => run(ledgers, false, limit, months).ledger.closing;
  const coversAt = (limit: Minor, months: number): boolean => shortfallOf(closingAt(limit, months), buffer).count === 0;
  const top = list.count === 0 ? maxAmount : list.at(list.count - 1);

  // When repaying at the end of the shortest spanning term would itself leave cash short (the
  // facility's balance, swollen by interest, exceeds the cash that came in), a longer term
  // within the product's range lets later receipts repay it: take the shortest that covers at the top limit.
  let termMonths = shortestTerm;
  if (options.termMonths === undefined && list.count > 0 && !coversAt(top, termMonths)) {
    const horizonEnd = horizonStart + forecast.closing.length - 1;
    for (let m = termMonths + 1; m <= product.maxTermMonths; m++) {
      if (coversAt(top, m)) {
        termMonths = m;
        break;
      }
      // Every term ending after the horizon gives the same ledger inside it: no need to go on.
      if (addMonths(start, m) > horizonEnd) break;
    }
  }
  const termNote =
    termMonths === shortestTerm
      ? ''
      : ` The term is ${termMonths} months, not the ${shortestTerm} that span the last day short (${formatDay(lastShort)}), because repaying at the end of ${shortestTerm} months would leave cash short.`;

  // A facility adds at most its limit to cash on any day, so a limit below the peak shortfall
  // cannot cover: the search starts at the first candidate at or above it.
  const firstAtLeast = (amount: Minor): number => {
    let a = 0;
    let b = Math.max(0, list.count - 1);
    while (a < b) {
      const mid = a + Math.floor((b - a) / 2);
      if (list.at(mid) < amount) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  // After a limit L leaves a shortfall s, a limit below L + s cannot cover (the larger limit adds
  // at most its extra room to cash, and its costs are no lower), so the search may jump there.
  const index = smallestCovering(
    list.count,
    firstAtLeast(before.peak),
    (i) => coversAt(list.at(i), termMonths),
    (i) => firstAtLeast(list.at(i) + shortfallOf(closingAt(list.at(i), termMonths), buffer).peak),
  );

  const termText = `${termMonths} month${termMonths === 1 ? '' : 's'} from ${formatDay(start)}`;
  if (index === null) {
    const limit = top;
    const plan = planAt(limit, termMonths);
    const after = shortfallOf(plan.ledger.closing, buffer);
    const ledgerStart = parseDay(plan.ledger.start, 'plan.ledger.start');
    const shortDates: ShortDates = { first: formatDay(ledgerStart + after.first), last: formatDay(ledgerStart + after.last), count: after.count };
    return {
      ...base,
      covered: false,
      needed: true,
      limit,
      minimumLimit: null,
      termMonths,
      plan,
      cost: costOf(plan),
      residualShortfall: after.peak,
      shortDates,
      explanation:
        `Even the product's maximum of ${money(limit)} for ${termText} leaves cash below the ${money(buffer)} buffer ` +
        `on ${after.count} day${after.count === 1 ? '' : 's'} between ${shortDates.first} and ${shortDates.last}, by up to ${money(after.peak)}. ` +
        `Before finance the peak shortfall was ${money(before.peak)}.${termNote}`,
    };
  }

  const minimumLimit = list.at(index);
  const below = index > 0 ? list.at(index - 1) : null;
  let limit = minimumLimit;
  if (!headroom.isZero()) {
    const raised = new Dec(minimumLimit).times(headroom.plus(1)).div(step).ceil().times(step).toNumber();
    limit = Math.min(Math.max(raised, minimumLimit), maxAmount);
  }
  let plan = planAt(limit, termMonths);
  let headroomNote = '';
  if (limit !== minimumLimit) {
    if (coversAt(limit, termMonths)) headroomNote = ` With ${headroom.times(100).toString()}% headroom the proposed limit is ${money(limit)}.`;
    else {
      headroomNote = ` ${money(limit)} (with ${headroom.times(100).toString()}% headroom) would not cover, so the limit stays at the minimum.`;
      limit = minimumLimit;
      plan = planAt(limit, termMonths);
    }
  } else if (!headroom.isZero()) {
    headroomNote = ` Headroom of ${headroom.times(100).toString()}% is capped at the product's maximum of ${money(maxAmount)}.`;
  }
  const belowNote =
    below === null
      ? ` It is the product's minimum limit.`
      : (() => {
          const s = shortfallOf(closingAt(below, termMonths), buffer);
          return ` ${money(below)} would leave cash short on ${formatDay(horizonStart + s.first)} by ${money(s.peak)}.`;
        })();
  return {
    ...base,
    covered: true,
    needed: true,
    limit,
    minimumLimit,
    termMonths,
    plan,
    cost: costOf(plan),
    residualShortfall: 0,
    shortDates: null,
    explanation:
      `The smallest limit that keeps cash at or above the ${money(buffer)} buffer every day, the facility's own interest and fees included, ` +
      `is ${money(minimumLimit)} for ${termText} (peak shortfall before finance ${money(before.peak)}).${belowNote}${headroomNote}${termNote}`,
  };
}
