import { formatPercent } from '../money/percent.js';
import { formatMoney, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { parseDay } from '../calendar/day.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Scenario } from '../model/scenario.js';
import type { Catalogue } from '../model/catalogue.js';
import type { InvestmentProduct, ProductKind } from '../model/product.js';
import type { CashForecast } from '../forecast/types.js';
import { forecastCash } from '../forecast/ledger.js';
import { fundingNeed } from '../forecast/gaps.js';
import { sizeProduct, type SizeOptions, type SizedPlan } from '../sizing/index.js';
import { checkEligibility, type EligibilityRule, type Reason } from './eligibility.js';
import { needFrom, type EligibilityNeed } from './need.js';
import { enterpriseFacts, isEligibleFast, prepareCatalogue, preparedLendAmount, type PreparedCatalogue, type PreparedProduct } from './prepare.js';
import { compareText } from '../model/compare-text.js';
import {
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_TIME_TO_FUNDS_TOLERANCE_DAYS,
  FLEXIBILITY_BY_KIND,
  lowerIsBetter,
  paretoEfficient,
  resolveWeights,
  round4,
  SCORE_COMPONENTS,
  securityScore,
  timeToFundsScore,
  type MatchWeights,
} from './score.js';

/** Sizes a product against a forecast (the shape of `sizeProduct`). */
export type SizeFn = (forecast: CashForecast, product: InvestmentProduct, options?: SizeOptions) => SizedPlan;

/** Options for {@link matchProducts} and {@link matchNeed}; defaults in {@link DEFAULT_MATCH_OPTIONS}. */
export interface MatchOptions {
  /** Override some or all of {@link DEFAULT_MATCH_WEIGHTS}. */
  readonly weights?: Partial<MatchWeights>;
  /**
   * A stress need to score against, minor units: e.g. `simulateDelays(scenario, …).peakNeed.p90`.
   * Adds the `stressCoverage` component (min(1, sized limit ÷ stress need)); without it that
   * component has no weight and scores are as if it did not exist.
   */
  readonly stressNeed?: Minor;
  /** Rank every product that covers the whole need above every one that does not. Default true. */
  readonly coverageGate?: boolean;
  /**
   * Size only this many eligible products, the best by a cheap pre-score (estimated cost and
   * coverage from the product's terms); the rest are listed in `notSized`. Default 50, so one
   * call stays bounded however large the catalogue (up to 2,000 products); `Infinity` sizes all.
   */
  readonly sizeTop?: number;
  /** Eligibility rules; default the built-in ones. Custom rules turn off the fast path. */
  readonly rules?: readonly EligibilityRule[];
  /** Give reasons for every excluded product. Default true; false lists only their count. */
  readonly explainExcluded?: boolean;
  /** Days late at which the time-to-funds component reaches 0. Default 60. */
  readonly timeToFundsToleranceDays?: number;
  /** Passed to `sizeProduct` (step, headroom, …). */
  readonly sizing?: SizeOptions;
  /** Keep each match's full sized plan (daily ledgers: large). Default false. */
  readonly includePlans?: boolean;
  /** The sizer; default `sizeProduct`. */
  readonly sizer?: SizeFn;
}

/** The defaults of {@link MatchOptions}. */
export const DEFAULT_MATCH_OPTIONS = Object.freeze({
  weights: DEFAULT_MATCH_WEIGHTS,
  coverageGate: true,
  sizeTop: 50,
  explainExcluded: true,
  timeToFundsToleranceDays: DEFAULT_TIME_TO_FUNDS_TOLERANCE_DAYS,
  includePlans: false,
});

/** One score component: its value (0–1), weight, and weighted contribution to the score. */
export interface ScoreComponent {
  readonly value: number;
  readonly weight: number;
  /** value × weight ÷ the sum of the weights. */
  readonly contribution: number;
}

/** An eligible, sized product, ranked and explained. Amounts in minor units. */
export interface Match {
  /** 1 = best. */
  readonly rank: number;
  readonly productId: string;
  readonly productName: string;
  readonly kind: ProductKind;
  readonly investorId: string;
  readonly investorName: string;
  /** Weighted score, 0–1 (4 decimal places). */
  readonly score: number;
  readonly components: Readonly<Record<keyof MatchWeights, ScoreComponent>>;
  /** Whether the sized facility keeps cash at or above the buffer on every day. */
  readonly coversNeed: boolean;
  /** Share of the peak need covered, 0–1: (need − residual shortfall) ÷ need; 1 when there is no need. */
  readonly shareCovered: number;
  /** The sized limit, minor units. */
  readonly limit: Minor;
  readonly termMonths: number | null;
  /** Interest + fees, minor units. */
  readonly totalCost: Minor;
  readonly interest: Minor;
  readonly fees: Minor;
  /** The lender's XIRR as a decimal fraction string, or null when nothing is drawn. */
  readonly effectiveAnnualRate: string | null;
  /** Largest shortfall left after finance, minor units. */
  readonly residualShortfall: Minor;
  readonly daysToFunds: number;
  /** Days from the need's `asOf` to the first day short; null when never short. */
  readonly daysUntilShort: number | null;
  /** Whether money arrives by the first day short. */
  readonly fundsInTime: boolean;
  /** On the Pareto front of (total cost, share covered) among the matches. */
  readonly paretoEfficient: boolean;
  /** Every stated criterion's outcome (none failed; unknowns are worth checking with the investor). */
  readonly eligibility: readonly Reason[];
  /** What sizing found, in words. */
  readonly sizing: string;
  /** The rank and why, in plain words. */
  readonly explanation: string;
  /** The full sized plan, when `includePlans` was set. */
  readonly plan?: SizedPlan;
}

/** A product that failed at least one criterion. */
export interface Excluded {
  readonly productId: string;
  readonly productName: string;
  readonly investorId: string;
  /** The failed criteria first, then the others. */
  readonly reasons: readonly Reason[];
  /** Why, in plain words. */
  readonly explanation: string;
}

/** The ranked matches, the excluded products with reasons, and what the ranking used. */
export interface MatchResult {
  readonly need: EligibilityNeed;
  readonly weights: MatchWeights;
  readonly coverageGate: boolean;
  /** Eligible, sized, best first (ties broken by product id). */
  readonly matches: readonly Match[];
  /** Products excluded, in catalogue order (empty when `explainExcluded` is false). */
  readonly excluded: readonly Excluded[];
  readonly excludedCount: number;
  /** Eligible products not sized because of `sizeTop`, best pre-score first. */
  readonly notSized: readonly string[];
}

/** What {@link matchNeed} needs about one enterprise. */
export interface MatchInput {
  readonly enterprise: Enterprise;
  readonly need: EligibilityNeed;
  readonly forecast: CashForecast;
}

/**
 * Forecasts a scenario and matches every product of a catalogue to its need: eligibility with
 * a reason per criterion, a sized plan and its cost for each eligible product, a transparent
 * score, the Pareto set on (total cost, coverage), and an explanation for every product.
 *
 * @param scenario - a parsed scenario ({@link parseScenario})
 * @param catalogue - a parsed catalogue ({@link parseCatalogue})
 * @param options - weights, coverage gate, `sizeTop`, rules, sizing options; see {@link DEFAULT_MATCH_OPTIONS}
 * @throws BridgefitInputError for invalid options (weights, sizeTop, tolerance)
 * @example
 * ```ts
 * const result = matchProducts(parseScenario(scenarioJson), parseCatalogue(catalogueJson));
 * result.matches[0]?.explanation; // "Ranked 1 of 7 (score 0.91): covers the whole £…"
 * result.excluded.map((e) => e.explanation);
 * ```
 */
export function matchProducts(scenario: Scenario, catalogue: Pick<Catalogue, 'investors'> | PreparedCatalogue, options: MatchOptions = {}): MatchResult {
  const forecast = forecastCash(scenario);
  const need = needFrom(scenario, forecast, fundingNeed(forecast));
  const prepared = 'products' in catalogue ? catalogue : prepareCatalogue(catalogue);
  return matchNeed({ enterprise: scenario.enterprise, need, forecast }, prepared, options);
}

/**
 * {@link matchProducts} for an already forecast need and a prepared catalogue: the entry point for
 * platforms that match many enterprises against one catalogue.
 *
 * @param input - the enterprise, its need ({@link needFrom}) and its forecast
 * @param prepared - {@link prepareCatalogue}, built once
 * @param options - as for {@link matchProducts}
 * @example
 * ```ts
 * const prepared = prepareCatalogue(catalogue);
 * const result = matchNeed({ enterprise, need: needFrom(scenario, forecast), forecast }, prepared, { sizeTop: 3 });
 * ```
 */
export function matchNeed(input: MatchInput, prepared: PreparedCatalogue, options: MatchOptions = {}): MatchResult {
  const { enterprise, need, forecast } = input;
  const stressNeed = options.stressNeed;
  if (stressNeed !== undefined && !(Number.isSafeInteger(stressNeed) && stressNeed >= 0)) inputError('options.stressNeed', `must be a whole number of minor units ≥ 0 (got ${stressNeed})`);
  const resolved = resolveWeights(options.weights, inputError);
  const weights = stressNeed === undefined ? { ...resolved, stressCoverage: 0 } : resolved;
  const gate = options.coverageGate ?? DEFAULT_MATCH_OPTIONS.coverageGate;
  const sizeTop = options.sizeTop ?? DEFAULT_MATCH_OPTIONS.sizeTop;
  if (!(sizeTop === Number.POSITIVE_INFINITY || (Number.isInteger(sizeTop) && sizeTop >= 0))) inputError('options.sizeTop', `must be a whole number ≥ 0 (got ${sizeTop})`);
  const tolerance = options.timeToFundsToleranceDays ?? DEFAULT_MATCH_OPTIONS.timeToFundsToleranceDays;
  if (!Number.isFinite(tolerance) || tolerance < 0) inputError('options.timeToFundsToleranceDays', `must be a number of days ≥ 0 (got ${tolerance})`);
  const explainExcluded = options.explainExcluded ?? DEFAULT_MATCH_OPTIONS.explainExcluded;
  const currency = enterprise.currency;
  const money = (m: Minor) => formatMoney(m, currency);

  // (2) Eligibility for every product: the fast path unless the caller brought rules.
  const facts = enterpriseFacts(enterprise, need);
  const eligible: PreparedProduct[] = [];
  const excluded: (Excluded & { index: number })[] = [];
  let excludedCount = 0;
  // In id order, so that `eligible` is in tie-break order; `excluded` is put back in catalogue order below.
  for (const p of prepared.byId) {
    let ok: boolean;
    let reasons: readonly Reason[] | undefined;
    if (options.rules) {
      const result = checkEligibility(enterprise, need, p.product, { rules: options.rules });
      ok = result.eligible;
      reasons = result.reasons;
    } else {
      ok = isEligibleFast(p, facts);
    }
    if (ok) {
      eligible.push(p);
      continue;
    }
    excludedCount++;
    if (explainExcluded) excluded.push(excludedEntry(p, reasons ?? checkEligibility(enterprise, need, p.product).reasons));
  }
  excluded.sort((a, b) => a.index - b.index);

  // A cheap pre-score from the product's terms, to choose which products to size.
  const daysUntilShort = need.firstDayShort === null ? null : parseDay(need.firstDayShort) - parseDay(need.asOf);
  const spanDays = need.firstDayShort === null || need.lastDayShort === null ? 0 : parseDay(need.lastDayShort) - parseDay(need.firstDayShort) + 1;
  let candidates: readonly PreparedProduct[] = eligible;
  const notSized: string[] = [];
  if (eligible.length > sizeTop) {
    const ranked = preRank(eligible, facts.need, spanDays, daysUntilShort, weights, gate, tolerance, stressNeed);
    for (let i = sizeTop; i < ranked.length; i++) notSized.push(ranked[i]!.product.id);
    candidates = ranked.slice(0, sizeTop);
  }

  // (3) Size each chosen product and cost it.
  const sizer = options.sizer ?? sizeProduct;
  const sized = candidates.map((p) => {
    const plan = sizer(forecast, p.product, options.sizing);
    const cost = plan.cost;
    const shareCovered = need.amount <= 0 || plan.covered ? 1 : round4(Math.min(1, Math.max(0, (need.amount - plan.residualShortfall) / need.amount)));
    const rate = cost?.effectiveAnnualRate ?? null;
    return { p, plan, shareCovered, total: cost?.total ?? 0, rate, rateValue: rate === null ? p.rateApprox : Number(rate) };
  });

  // (4) Score: cost components normalised across the sized candidates.
  const totalScores = lowerIsBetter(sized.map((s) => s.total));
  const rateScores = lowerIsBetter(sized.map((s) => s.rateValue));
  const weightSum = SCORE_COMPONENTS.reduce((s, k) => s + weights[k], 0);
  const scored = sized.map((s, i) => {
    const values: Record<keyof MatchWeights, number> = {
      coverage: s.shareCovered,
      totalCost: totalScores[i]!,
      effectiveRate: rateScores[i]!,
      timeToFunds: timeToFundsScore(s.p.product.daysToFunds, daysUntilShort, tolerance),
      flexibility: FLEXIBILITY_BY_KIND[s.p.product.kind],
      security: securityScore(s.p.product.securityRequired),
      stressCoverage: stressShare(s.plan.limit, stressNeed),
    };
    const components = {} as Record<keyof MatchWeights, ScoreComponent>;
    let score = 0;
    for (const k of SCORE_COMPONENTS) {
      const contribution = round4((values[k] * weights[k]) / weightSum);
      components[k] = { value: values[k], weight: weights[k], contribution };
      score += contribution;
    }
    return { ...s, components, score: round4(score), covers: s.plan.covered };
  });
  scored.sort((a, b) => (gate && a.covers !== b.covers ? (a.covers ? -1 : 1) : b.score - a.score || compareText(a.p.product.id, b.p.product.id)));

  // (5) The Pareto set on (total cost, coverage).
  const front = paretoEfficient(scored.map((s) => ({ cost: s.total, coverage: s.shareCovered })));

  // (6) Explanations.
  const matches: Match[] = scored.map((s, i) => {
    const product = s.p.product;
    const fundsInTime = daysUntilShort === null || product.daysToFunds <= daysUntilShort;
    const base = {
      rank: i + 1,
      productId: product.id,
      productName: product.name,
      kind: product.kind,
      investorId: s.p.investor.id,
      investorName: s.p.investor.name,
      score: s.score,
      components: s.components,
      coversNeed: s.covers,
      shareCovered: s.shareCovered,
      limit: s.plan.limit,
      termMonths: s.plan.termMonths,
      totalCost: s.total,
      interest: s.plan.cost?.interest ?? 0,
      fees: s.plan.cost?.fees ?? 0,
      effectiveAnnualRate: s.rate,
      residualShortfall: s.plan.residualShortfall,
      daysToFunds: product.daysToFunds,
      daysUntilShort,
      fundsInTime,
      paretoEfficient: front[i]!,
      eligibility: checkEligibility(enterprise, need, product, options.rules ? { rules: options.rules } : {}).reasons,
      sizing: s.plan.explanation,
      explanation: '',
    };
    const above = i > 0 ? scored[i - 1] : undefined;
    const explanation = explainMatch(base, scored.length, need, money, gate, above ? { id: above.p.product.id, covers: above.covers, components: above.components } : undefined);
    return options.includePlans ? { ...base, explanation, plan: s.plan } : { ...base, explanation };
  });

  return { need, weights, coverageGate: gate, matches, excluded: excluded.map(({ index: _, ...rest }) => rest), excludedCount, notSized };
}

/**
 * Orders eligible products by a cheap pre-score: the same weights on components estimated from
 * the product's terms (coverage = maximum ÷ need; cost ≈ amount lent × (rate × years short +
 * arrangement and exit fees); rate ≈ annual rate + those fees spread over the years short, at
 * least a month), the coverage gate first, ties by product id. Floats, never money: it only
 * chooses what to size. Each product's order key is one integer (gate, score to 6 decimal
 * places, id rank) so the sort is a native numeric sort.
 */
function preRank(
  eligible: readonly PreparedProduct[],
  need: Minor,
  spanDays: number,
  daysUntilShort: number | null,
  weights: MatchWeights,
  gate: boolean,
  tolerance: number,
  stressNeed: Minor | undefined,
): PreparedProduct[] {
  const n = eligible.length;
  if (n === 0) return [];
  const years = Math.max(spanDays, 1) / 365;
  const feeYears = Math.max(years, 1 / 12);
  const cost = new Float64Array(n);
  const rate = new Float64Array(n);
  let costLo = Infinity;
  let costHi = -Infinity;
  let rateLo = Infinity;
  let rateHi = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = eligible[i]!;
    const c = preparedLendAmount(p, need) * (p.rateApprox * years + p.upfrontApprox);
    const r = p.rateApprox + p.upfrontApprox / feeYears;
    cost[i] = c;
    rate[i] = r;
    if (c < costLo) costLo = c;
    if (c > costHi) costHi = c;
    if (r < rateLo) rateLo = r;
    if (r > rateHi) rateHi = r;
  }
  const sum = SCORE_COMPONENTS.reduce((s, k) => s + weights[k], 0);
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = eligible[i]!;
    const coverage = need <= 0 ? 1 : Math.min(1, p.max / need);
    const late = daysUntilShort === null ? 0 : p.daysToFunds - daysUntilShort;
    const time = late <= 0 ? 1 : tolerance <= 0 ? 0 : Math.max(0, 1 - late / tolerance);
    const score =
      (weights.coverage * coverage +
        weights.totalCost * (costHi === costLo ? 1 : (costHi - cost[i]!) / (costHi - costLo)) +
        weights.effectiveRate * (rateHi === rateLo ? 1 : (rateHi - rate[i]!) / (rateHi - rateLo)) +
        weights.timeToFunds * time +
        weights.flexibility * p.flexibility +
        weights.security * p.securityScore +
        weights.stressCoverage * stressShare(p.max, stressNeed)) /
      sum;
    const bucket = (gate && coverage < 1 ? 2_000_001 : 0) + (1_000_000 - Math.round(score * 1_000_000));
    keys[i] = bucket * n + i; // `eligible` is in id order, so i breaks ties by id
  }
  keys.sort();
  const out = new Array<PreparedProduct>(n);
  for (let i = 0; i < n; i++) out[i] = eligible[keys[i]! % n]!;
  return out;
}

function excludedEntry(p: PreparedProduct, reasons: readonly Reason[]): Excluded & { index: number } {
  const failed = reasons.filter((r) => r.outcome === 'failed');
  const rest = reasons.filter((r) => r.outcome !== 'failed');
  return {
    index: p.index,
    productId: p.product.id,
    productName: p.product.name,
    investorId: p.investor.id,
    reasons: [...failed, ...rest],
    explanation: `Excluded: ${failed.map((r) => `${r.criterion}: ${r.message}`).join('; ')}.`,
  };
}

const KIND_WORDS: Readonly<Record<ProductKind, string>> = {
  'revolving-facility': 'a revolving facility (draws and repays as cash requires)',
  'invoice-finance': 'invoice finance (advances follow the invoices)',
  'standby-facility': 'a standby facility (drawable only while an invoice is late)',
  'bridging-loan': 'a bridging loan (fixed, not redrawn)',
};

const COMPONENT_WORDS: Readonly<Record<keyof MatchWeights, string>> = {
  coverage: 'coverage',
  totalCost: 'total cost',
  effectiveRate: 'effective rate',
  timeToFunds: 'time to funds',
  flexibility: 'flexibility',
  security: 'security',
  stressCoverage: 'coverage of the stress need',
};


function explainMatch(
  m: Omit<Match, 'explanation' | 'plan'>,
  of: number,
  need: EligibilityNeed,
  money: (m: Minor) => string,
  gate: boolean,
  above: { id: string; covers: boolean; components: Readonly<Record<keyof MatchWeights, ScoreComponent>> } | undefined,
): string {
  const parts: string[] = [];
  parts.push(`Ranked ${m.rank} of ${of} (score ${m.score})`);
  const term = m.termMonths === null ? '' : ` for ${m.termMonths} months`;
  if (need.amount <= 0) parts.push('there is no funding need, so no facility is proposed');
  else if (m.coversNeed) parts.push(`covers the whole ${money(need.amount)} need with a limit of ${money(m.limit)}${term}`);
  else parts.push(`covers ${formatPercent(m.shareCovered)} of the ${money(need.amount)} need at its maximum ${money(m.limit)}${term}, leaving up to ${money(m.residualShortfall)} short`);
  parts.push(`total cost ${money(m.totalCost)}${m.effectiveAnnualRate === null ? '' : ` (effective ${formatPercent(m.effectiveAnnualRate)} a year)`}`);
  parts.push(
    m.daysUntilShort === null
      ? `funds in ${m.daysToFunds} days`
      : m.fundsInTime
        ? `funds in ${m.daysToFunds} days, by the first day short (${m.daysUntilShort} days away)`
        : `funds in ${m.daysToFunds} days, ${m.daysToFunds - m.daysUntilShort} days after the first day short`,
  );
  parts.push(KIND_WORDS[m.kind]);
  if (!m.paretoEfficient) parts.push('another match is both no dearer and covers no less');
  if (above) {
    if (gate && above.covers && !m.coversNeed) parts.push(`below ${above.id}, which covers the whole need (coverage comes first)`);
    else {
      let worst: keyof MatchWeights = 'coverage';
      let gap = -Infinity;
      for (const k of SCORE_COMPONENTS) {
        const d = above.components[k].contribution - m.components[k].contribution;
        if (d > gap) {
          gap = d;
          worst = k;
        }
      }
      if (gap > 0) parts.push(`below ${above.id} mainly on ${COMPONENT_WORDS[worst]}`);
      else parts.push(`tied with ${above.id}; ordered by product id`);
    }
  }
  const unknown = m.eligibility.filter((r) => r.outcome === 'unknown');
  if (unknown.length > 0) parts.push(`to confirm with the investor: ${unknown.map((r) => r.message).join('; ')}`);
  const shown = SCORE_COMPONENTS.filter((k) => m.components[k].weight > 0)
    .map((k) => `${COMPONENT_WORDS[k]} ${m.components[k].value}×${m.components[k].weight}`)
    .join(', ');
  return `${parts[0]}: ${parts.slice(1).join('; ')}. Components (value×weight): ${shown}.`;
}

/** The share of a stress need a limit could carry, 0–1 (0 when no stress need is given). */
function stressShare(limit: Minor, stressNeed: Minor | undefined): number {
  if (stressNeed === undefined) return 0;
  return stressNeed <= 0 ? 1 : round4(Math.min(1, limit / stressNeed));
}
