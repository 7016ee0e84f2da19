import { formatPercent } from '../money/percent.js';
import { z } from 'zod';
import { inputError } from '../money/errors.js';
import { formatAmount, formatMoney, parseAmount, sumMinor, type Minor } from '../money/amount.js';
import { Dec, applyRate, parseRate, roundMinor } from '../money/rate.js';
import { formatDay, parseDay } from '../calendar/day.js';
import { addMonths } from '../calendar/months.js';
import { NameSchema, daysSchema } from '../model/primitives.js';
import { FractionSchema } from '../model/primitives.js';
import type { Scenario } from '../model/scenario.js';
import type { Contract } from '../model/contract.js';
import type { PaymentBehaviour } from '../model/payment-behaviour.js';
import type { InvestmentProduct } from '../model/product.js';
import type { CashForecast } from '../forecast/types.js';
import { forecastCash } from '../forecast/ledger.js';
import { fundingNeed } from '../forecast/gaps.js';
import { invoicesFor } from '../forecast/invoices.js';
import { sizeProduct, type SizeOptions } from '../sizing/size-product.js';
import { parseWith } from './reference-rates.js';

// ─── Alternatives ─────────────────────────────────────────────────────────────────────────────

const termsDays = (fallback: number) => daysSchema(0, 365).default(fallback);

/** Paid monthly before (or at the start of) each month of service; on time. */
export const MonthlyInAdvanceSchema = z.strictObject({
  kind: z.literal('monthly-in-advance'),
  /** Days from invoice to payment; default 0: invoiced and paid on the 1st of each month. */
  paymentTermsDays: termsDays(0),
  /** Days before the month starts that the invoice is raised; default 0. */
  invoiceLagDays: daysSchema(0, 365).optional(),
  /** A label for tables; a description of the terms by default. */
  label: NameSchema.optional(),
});

/** Invoiced monthly after each month of service and paid on terms, on time. */
export const MonthlyInArrearsSchema = z.strictObject({
  kind: z.literal('monthly-in-arrears'),
  /** Days from invoice to payment; default 30. */
  paymentTermsDays: termsDays(30),
  /** Days after the month ends that the invoice is raised; default the contract's own lag. */
  invoiceLagDays: daysSchema(0, 365).optional(),
  label: NameSchema.optional(),
});

/** Invoiced after each calendar quarter (Jan/Apr/Jul/Oct) of service and paid on terms, on time. */
export const QuarterlyInArrearsSchema = z.strictObject({
  kind: z.literal('quarterly-in-arrears'),
  /** Days from invoice to payment; default 30. */
  paymentTermsDays: termsDays(30),
  /** Days after the quarter ends that the invoice is raised; default the contract's own lag. */
  invoiceLagDays: daysSchema(0, 365).optional(),
  label: NameSchema.optional(),
});

/**
 * Payment by results. Each monthly invoice (in arrears, on terms, on time) is split: `1 − share`
 * of it is paid on its due date; the outcome part (`share` of it, rounded half-up to the penny)
 * is paid only as far as outcomes are achieved (`achievementRate` of it, rounded half-up), on an
 * outcome invoice raised `monthsAfter` calendar months after the monthly invoice and paid on the
 * same terms. The unachieved part is never paid. Costs are unchanged.
 */
export const PaymentByResultsSchema = z.strictObject({
  kind: z.literal('payment-by-results'),
  /** Share of the contract's value paid on outcomes, a decimal fraction ("0.3" is 30%). */
  share: FractionSchema,
  /** Calendar months from the monthly invoice to the outcome invoice (0–60). */
  monthsAfter: z.number({ error: 'must be a whole number of months' }).int('must be a whole number of months').min(0, 'must be ≥ 0').max(60, 'must be ≤ 60'),
  /** Share of the outcome payments earned, a decimal fraction ("0.8" is 80%). */
  achievementRate: FractionSchema,
  /** Days from each invoice to payment; default 30. */
  paymentTermsDays: termsDays(30),
  /** Days after the month ends that the monthly invoice is raised; default the contract's own lag. */
  invoiceLagDays: daysSchema(0, 365).optional(),
  label: NameSchema.optional(),
});

/** The contract as it is: its own billing, paid as its commissioner actually pays. */
export const ActualTermsSchema = z.strictObject({
  kind: z.literal('actual'),
  label: NameSchema.optional(),
});

/** One set of payment terms to compare, a union on `kind`. */
export const TermsAlternativeSchema = z.discriminatedUnion('kind', [
  MonthlyInAdvanceSchema,
  MonthlyInArrearsSchema,
  QuarterlyInArrearsSchema,
  PaymentByResultsSchema,
  ActualTermsSchema,
]);

/** Schema for the list of alternatives: 1 to 20 of them. */
export const TermsAlternativesSchema = z
  .array(TermsAlternativeSchema, { error: 'must be an array of payment-terms alternatives' })
  .min(1, 'must list at least one alternative')
  .max(20, 'must list at most 20 alternatives');

/** A payment-terms alternative as written in JSON. */
export type TermsAlternativeInput = z.input<typeof TermsAlternativeSchema>;
/** A parsed payment-terms alternative (defaults filled in). */
export type TermsAlternative = z.output<typeof TermsAlternativeSchema>;

/**
 * The alternatives compared by default: monthly in advance, monthly in arrears on 30 days,
 * quarterly in arrears on 30 days, payment by results (30% on outcomes 6 months later, 80%
 * achieved), and the contract as it is.
 */
export const DEFAULT_TERMS_ALTERNATIVES: readonly TermsAlternativeInput[] = Object.freeze([
  { kind: 'monthly-in-advance' },
  { kind: 'monthly-in-arrears', paymentTermsDays: 30 },
  { kind: 'quarterly-in-arrears', paymentTermsDays: 30 },
  { kind: 'payment-by-results', share: '0.3', monthsAfter: 6, achievementRate: '0.8' },
  { kind: 'actual' },
]);

/** The reference rate used to cost a need when no product is given: 8% a year. */
export const DEFAULT_TERMS_REFERENCE_RATE = '0.08';

// ─── Results ──────────────────────────────────────────────────────────────────────────────────

/** How the finance cost was worked out. */
export type TermsCostBasis =
  | {
      /** Σ daily shortfall × rate ÷ 365, rounded half-up once. */
      readonly kind: 'reference-rate';
      /** Annual rate as a decimal-string fraction, e.g. "0.08". */
      readonly rate: string;
    }
  | {
      /** The cost (interest + fees) of the smallest facility of the product that covers the need. */
      readonly kind: 'product';
      readonly productId: string;
    };

/** The provider's position under one alternative. Amounts in minor units; dates ISO. */
export interface TermsOutcome {
  readonly kind: TermsAlternative['kind'];
  readonly label: string;
  /** The parsed alternative (defaults filled in). */
  readonly alternative: TermsAlternative;
  /** Largest shortfall below the buffer on any day of the horizon (whole enterprise), minor units. */
  readonly peakNeed: Minor;
  readonly peakDate: string | null;
  /** Days below the buffer. */
  readonly daysShort: number;
  readonly firstDayShort: string | null;
  readonly lastDayShort: string | null;
  /** Σ daily shortfall below the buffer, minor units × days. */
  readonly shortfallDays: number;
  /**
   * Finance cost over the horizon, minor units: reference-rate cost, or the product's interest +
   * fees at the smallest covering limit; null when the product cannot cover the need.
   */
  readonly financeCost: Minor | null;
  /** Whether the need is covered: always true on a reference rate; the product's `covered` otherwise. */
  readonly covered: boolean;
  /** The product's limit (minor units; 0 when not needed); null on a reference rate. */
  readonly facilityLimit: Minor | null;
  /** `financeCost` × 365 ÷ the contract's days, rounded half-up: the cost per year of contract, minor units. */
  readonly costPerContractYear: Minor | null;
  /** `financeCost` as a percentage of the contract's value, 4 decimals half-up ("0.5432" is 0.5432%). */
  readonly costPercentOfContractValue: string | null;
  /** Contract value never paid (the unachieved outcome payments), minor units; 0 except for payment by results. */
  readonly valueNotPaid: Minor;
  /** Things a reader should check, e.g. payments that fall after the horizon. */
  readonly warnings: readonly string[];
}

/** A comparison of payment terms for one contract. */
export interface TermsComparison {
  readonly contractId: string;
  readonly commissionerId: string;
  /** The contract's value (its invoices' total), minor units. */
  readonly contractValue: Minor;
  /** The contract's days of service, `end − start + 1`. */
  readonly contractDays: number;
  readonly costBasis: TermsCostBasis;
  /** One outcome per alternative, in the order given. */
  readonly outcomes: readonly TermsOutcome[];
  /** Index in `outcomes` of the cheapest alternative other than `actual` (ties: smaller peak, then first); null if none is covered. */
  readonly best: number | null;
  /** The contract as it is, always computed (also when `actual` is not among the alternatives). */
  readonly actual: TermsOutcome;
  /**
   * A sentence for a commissioner's report comparing `best` with the actual terms. Its amounts
   * are rounded for words by {@link roundForWords} (nearest £1,000 from £10,000, else 2
   * significant figures); the exact figures are in `outcomes`.
   */
  readonly sentence: string;
}

/** Options for {@link comparePaymentTerms}. */
export interface CompareTermsOptions {
  /** Cost the need with this product's smallest covering facility (via `sizeProduct`). */
  readonly product?: InvestmentProduct;
  /** Without a product: cost the need at this annual rate, a decimal fraction; default "0.08". */
  readonly referenceRate?: string;
  /** Passed to `sizeProduct` (step, headroom, termMonths, buffer, start); `buffer` also applies to the reference-rate cost. */
  readonly sizeOptions?: SizeOptions;
}

const ON_TIME: PaymentBehaviour = Object.freeze({ kind: 'terms-plus-late', typicalDaysLate: 0 });

// ─── The comparison ───────────────────────────────────────────────────────────────────────────

/**
 * Compares payment terms for one contract by what they cost the provider: re-runs the whole
 * enterprise's forecast with that contract billed and paid under each alternative, and reports
 * the peak need, the days short and the finance cost, per year of contract and as a % of the
 * contract's value.
 *
 * Every alternative except `actual` assumes the commissioner pays on the stated terms, on time
 * (the contract's own payment behaviour is replaced by "on terms, 0 days late"); `actual` keeps
 * the contract's billing and its commissioner's (or its own) payment behaviour. Costs of delivery
 * do not change. The finance cost is, with `options.product`, the interest and fees of that
 * product at the smallest limit that keeps cash at the buffer (`sizeProduct`); without one, a
 * reference-rate cost: Σ daily shortfall × rate ÷ 365, rounded half-up once (default rate 8%).
 *
 * @param scenario - a parsed scenario ({@link parseScenario})
 * @param contractId - the contract whose terms change
 * @param alternatives - terms to compare ({@link TermsAlternativeSchema}); {@link DEFAULT_TERMS_ALTERNATIVES} by default
 * @param options - `product` (parsed), `referenceRate` (decimal fraction string), `sizeOptions`
 * @returns the outcomes in the order given, the best alternative, the actual terms and a sentence
 * @throws BridgefitInputError naming `contractId` when no contract has that id,
 *   `alternatives[i].field` for an invalid alternative, `options.referenceRate` for a bad rate,
 *   `options` when both a product and a reference rate are given
 * @example
 * ```ts
 * const comparison = comparePaymentTerms(parseScenario(json), 'family-hubs');
 * comparison.outcomes.map((o) => [o.label, formatMoney(o.peakNeed)]);
 * comparison.sentence;
 * // "Paying monthly in advance instead of the current terms (…) removes a £… peak need and saves …"
 * ```
 */
export function comparePaymentTerms(
  scenario: Scenario,
  contractId: string,
  alternatives: readonly TermsAlternativeInput[] = DEFAULT_TERMS_ALTERNATIVES,
  options: CompareTermsOptions = {},
): TermsComparison {
  const contract = scenario.contracts.find((c) => c.id === contractId);
  if (!contract) {
    const known = scenario.contracts.map((c) => JSON.stringify(c.id)).join(', ');
    return inputError('contractId', `names no contract in the scenario: ${JSON.stringify(contractId)} (contracts: ${known || 'none'})`);
  }
  const parsed = parseWith(TermsAlternativesSchema, alternatives, 'alternatives');
  if (options.product !== undefined && options.referenceRate !== undefined) {
    inputError('options', 'give a product or a reference rate, not both');
  }
  const rateText = options.referenceRate ?? DEFAULT_TERMS_REFERENCE_RATE;
  const rate = parseRate(rateText, 'options.referenceRate');
  if (rate.isNegative()) inputError('options.referenceRate', `must be ≥ 0 (got ${rateText})`);
  const costBasis: TermsCostBasis = options.product
    ? { kind: 'product', productId: options.product.id }
    : { kind: 'reference-rate', rate: rate.toFixed() };

  const contractInvoices = invoicesFor(contract);
  const contractValue = sumMinor(contractInvoices.map((i) => i.amount));
  const contractDays = parseDay(contract.end) - parseDay(contract.start) + 1;
  const context: OutcomeContext = { contract, contractValue, contractDays, rate, options };

  const actualForecast = forecastCash(scenario);
  const actualLabel = describeActual(contract, actualForecast);
  const outcomeOf = (alternative: TermsAlternative): TermsOutcome => {
    if (alternative.kind === 'actual') return outcome(context, alternative, alternative.label ?? `Actual: ${actualLabel}`, actualForecast, 0);
    const changed = withTerms(scenario, contract, alternative);
    const forecast = forecastCash(changed.scenario);
    return outcome(context, alternative, alternative.label ?? capitalise(describe(alternative)), forecast, changed.valueNotPaid);
  };
  const outcomes = parsed.map(outcomeOf);
  const actual = outcomes.find((o) => o.kind === 'actual') ?? outcomeOf({ kind: 'actual' });

  let best: number | null = null;
  outcomes.forEach((o, i) => {
    if (o.kind === 'actual' || o.financeCost === null) return;
    const b = best === null ? undefined : outcomes[best]!;
    if (!b || o.financeCost! < b.financeCost! || (o.financeCost === b.financeCost && o.peakNeed < b.peakNeed)) best = i;
  });

  return {
    contractId: contract.id,
    commissionerId: contract.commissionerId,
    contractValue,
    contractDays,
    costBasis,
    outcomes,
    best,
    actual,
    sentence: termsSentence(best === null ? null : outcomes[best]!, actual, actualLabel, costBasis),
  };
}

interface OutcomeContext {
  readonly contract: Contract;
  readonly contractValue: Minor;
  readonly contractDays: number;
  readonly rate: Dec;
  readonly options: CompareTermsOptions;
}

function outcome(
  ctx: OutcomeContext,
  alternative: TermsAlternative,
  label: string,
  forecast: CashForecast,
  valueNotPaid: Minor,
): TermsOutcome {
  const buffer = ctx.options.sizeOptions?.buffer;
  const need = fundingNeed(forecast, buffer === undefined ? {} : { buffer });
  const shortfallDays = need.gaps.reduce((s, g) => s + g.shortfallDays, 0);
  let financeCost: Minor | null;
  let covered = true;
  let facilityLimit: Minor | null = null;
  if (ctx.options.product) {
    const sized = sizeProduct(forecast, ctx.options.product, ctx.options.sizeOptions);
    covered = sized.covered;
    facilityLimit = sized.limit;
    financeCost = !sized.needed ? 0 : sized.covered ? (sized.cost?.total ?? 0) : null;
  } else {
    financeCost = referenceRateCost(shortfallDays, ctx.rate);
  }
  const warnings = lateReceiptsWarning(forecast, ctx.contract.id);
  return {
    kind: alternative.kind,
    label,
    alternative,
    peakNeed: need.peak,
    peakDate: need.peakDate,
    daysShort: need.daysShort,
    firstDayShort: need.firstDayShort,
    lastDayShort: need.lastDayShort,
    shortfallDays,
    financeCost,
    covered,
    facilityLimit,
    costPerContractYear: financeCost === null ? null : roundMinor(new Dec(financeCost).times(365).div(ctx.contractDays)),
    costPercentOfContractValue:
      financeCost === null ? null : new Dec(financeCost).times(100).div(ctx.contractValue).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toFixed(4),
    valueNotPaid,
    warnings,
  };
}

/**
 * The cost of carrying a shortfall at an annual rate: Σ daily shortfall (minor units × days) ×
 * rate ÷ 365, rounded half-up once to a whole minor unit.
 *
 * @param shortfallDays - Σ daily shortfall below the buffer, minor units × days (`Gap.shortfallDays`)
 * @param rate - annual rate as a decimal fraction (a `Dec`, a string such as "0.08", or a number)
 * @returns the cost in minor units
 * @example
 * ```ts
 * referenceRateCost(1_000_000 * 30, "0.08"); // 6575 (£10,000 short for 30 days at 8%: £65.753… → £65.75)
 * ```
 */
export function referenceRateCost(shortfallDays: number, rate: Dec | string | number): Minor {
  return roundMinor(new Dec(shortfallDays).times(rate).div(365), 'half-up');
}

/** The contract with its billing and payment changed to `alternative`, as a new scenario. */
function withTerms(
  scenario: Scenario,
  contract: Contract,
  alternative: Exclude<TermsAlternative, { kind: 'actual' }>,
): { scenario: Scenario; valueNotPaid: Minor } {
  const inAdvance = alternative.kind === 'monthly-in-advance';
  const changed: Contract = {
    ...contract,
    billing: {
      frequency: alternative.kind === 'quarterly-in-arrears' ? 'quarterly' : 'monthly',
      timing: inAdvance ? 'in-advance' : 'in-arrears',
      invoiceLagDays: alternative.invoiceLagDays ?? (inAdvance ? 0 : contract.billing.invoiceLagDays),
      paymentTermsDays: alternative.paymentTermsDays,
    },
    paymentBehaviour: ON_TIME,
  };
  const contracts = scenario.contracts.map((c) => (c.id === contract.id ? changed : c));
  if (alternative.kind !== 'payment-by-results') return { scenario: { ...scenario, contracts }, valueNotPaid: 0 };

  // Payment by results: the same contract billed by milestones. Each monthly invoice keeps the
  // part not tied to outcomes; the achieved part of the outcome share is invoiced `monthsAfter`
  // calendar months after the monthly invoice. The unachieved part is never invoiced.
  const share = new Dec(alternative.share);
  const achieved = new Dec(alternative.achievementRate);
  const lag = changed.billing.invoiceLagDays;
  const milestones: { date: string; amount: string; description: string }[] = [];
  let valueNotPaid = 0;
  for (const invoice of invoicesFor(changed)) {
    const outcomePart = applyRate(invoice.amount, share);
    const paid = applyRate(outcomePart, achieved);
    valueNotPaid += outcomePart - paid;
    const issue = parseDay(invoice.issueDate);
    if (invoice.amount - outcomePart > 0) {
      milestones.push({ date: formatDay(issue - lag), amount: formatAmount(invoice.amount - outcomePart), description: `Service for ${invoice.periodStart} to ${invoice.periodEnd}` });
    }
    if (paid > 0) {
      milestones.push({ date: formatDay(addMonths(issue, alternative.monthsAfter) - lag), amount: formatAmount(paid), description: `Outcomes for ${invoice.periodStart} to ${invoice.periodEnd}` });
    }
  }
  const byResults: Contract = {
    ...changed,
    value: { kind: 'total', amount: formatAmount(milestones.reduce((sum, m) => sum + parseAmount(m.amount), 0)) },
    billing: { ...changed.billing, frequency: 'milestones', milestones },
  };
  return {
    scenario: { ...scenario, contracts: scenario.contracts.map((c) => (c.id === contract.id ? byResults : c)) },
    valueNotPaid,
  };
}

/** A warning when some of the contract's money lands after the horizon (and is not counted). */
function lateReceiptsWarning(forecast: CashForecast, contractId: string): string[] {
  let total = 0;
  let count = 0;
  for (const e of forecast.outsideHorizon) {
    if (e.sourceId !== contractId || e.kind === 'delivery-cost' || e.kind === 'mobilisation-cost' || e.date < forecast.end) continue;
    total += e.amount;
    count++;
  }
  if (count === 0 || total === 0) return [];
  return [`${count} payment(s) for this contract, ${formatMoney(total, forecast.currency)} net, fall after the horizon's end (${forecast.end}) and are not counted; extend the horizon to see them`];
}

// ─── Words ────────────────────────────────────────────────────────────────────────────────────

/** The terms in words, lower case: "monthly in arrears on 30-day terms". */
function describe(alternative: Exclude<TermsAlternative, { kind: 'actual' }>): string {
  const terms = (d: number) => (d === 0 ? 'paid on the invoice date' : `on ${d}-day terms`);
  switch (alternative.kind) {
    case 'monthly-in-advance':
      return alternative.paymentTermsDays === 0 && (alternative.invoiceLagDays ?? 0) === 0
        ? 'monthly in advance'
        : `monthly in advance, ${terms(alternative.paymentTermsDays)}`;
    case 'monthly-in-arrears':
      return `monthly in arrears ${terms(alternative.paymentTermsDays)}`;
    case 'quarterly-in-arrears':
      return `quarterly in arrears ${terms(alternative.paymentTermsDays)}`;
    case 'payment-by-results': {
      const when = alternative.monthsAfter === 0 ? 'with the monthly invoice' : `${alternative.monthsAfter} month${alternative.monthsAfter === 1 ? '' : 's'} later`;
      return `${formatPercent(alternative.share)} by results, paid ${when}, ${formatPercent(alternative.achievementRate)} achieved`;
    }
  }
}

/** The contract's own terms and how it is actually paid: "monthly in arrears on 30-day terms, paid on average 45 days late". */
function describeActual(contract: Contract, forecast: CashForecast): string {
  const { billing } = contract;
  const days = billing.paymentTermsDays === 0 ? 'paid on the invoice date' : `on ${billing.paymentTermsDays}-day terms`;
  const how = billing.frequency === 'milestones' ? `by milestones ${days}` : `${billing.frequency} ${billing.timing === 'in-advance' ? 'in advance' : 'in arrears'} ${days}`;
  const receipts = forecast.receipts.filter((r) => r.contractId === contract.id);
  if (receipts.length === 0) return how;
  const late = new Dec(receipts.reduce((s, r) => s + r.daysLate, 0)).div(receipts.length).toDecimalPlaces(0, Dec.ROUND_HALF_UP).toNumber();
  return `${how}, ${late === 0 ? 'paid on time' : `paid on average ${late} day${late === 1 ? '' : 's'} late`}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Rounds an amount for use in words, half-up: to the nearest £1,000 from £10,000; otherwise to 2
 * significant figures (nearest £100 from £1,000, £10 from £100, £1 below).
 *
 * @param minor - amount in minor units (≥ 0)
 * @returns the rounded amount in minor units
 * @example
 * ```ts
 * roundForWords(21_234_567); // 21200000 (£212,345.67 → £212,000)
 * roundForWords(981_234);    // 980000   (£9,812.34 → £9,800)
 * ```
 */
export function roundForWords(minor: Minor): Minor {
  const abs = Math.abs(minor);
  const unit = abs >= 1_000_000 ? 100_000 : abs >= 100_000 ? 10_000 : abs >= 10_000 ? 1_000 : 100;
  const rounded = roundMinor(new Dec(abs).div(unit)) * unit;
  return minor < 0 ? -rounded : rounded;
}

function words(minor: Minor): string {
  return formatMoney(roundForWords(minor)).replace(/\.00$/, '');
}

function termsSentence(best: TermsOutcome | null, actual: TermsOutcome, actualLabel: string, basis: TermsCostBasis): string {
  const current = `the current terms (${actualLabel})`;
  if (!best) return `None of the alternatives compared could be costed against ${current}.`;
  const bestWords = best.alternative.kind === 'actual' ? best.label : describe(best.alternative);
  const at = basis.kind === 'reference-rate' ? ` (finance at ${formatPercent(basis.rate)} a year)` : '';
  let need: string;
  if (best.peakNeed === 0 && actual.peakNeed > 0) need = `removes a ${words(actual.peakNeed)} peak need`;
  else if (best.peakNeed < actual.peakNeed) need = `cuts the provider's peak need from ${words(actual.peakNeed)} to ${words(best.peakNeed)}`;
  else if (best.peakNeed === actual.peakNeed) need = `leaves the provider's peak need at ${words(actual.peakNeed)}`;
  else need = `raises the provider's peak need from ${words(actual.peakNeed)} to ${words(best.peakNeed)}`;
  if (actual.costPerContractYear === null) {
    return `Paying ${bestWords} instead of ${current} ${need}; under the current terms the need is more than the product can cover.`;
  }
  const saving = actual.costPerContractYear - best.costPerContractYear!;
  if (saving <= 0) {
    return `None of the alternatives compared costs the provider less in finance than ${current}; the cheapest, ${bestWords}, ${need}.`;
  }
  return `Paying ${bestWords} instead of ${current} ${need} and saves the provider about ${words(saving)} a year in finance costs${at}.`;
}
