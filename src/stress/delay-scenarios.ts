import { z } from 'zod';
import { formatAmount, parseAmount, type Minor } from '../money/amount.js';
import { BridgefitInputError, type InputProblem } from '../money/errors.js';
import { Dec, roundMinor } from '../money/rate.js';
import { parseDay } from '../calendar/day.js';
import { IdSchema, IsoDateSchema } from '../model/primitives.js';
import { parseWith } from '../model/parse.js';
import type { Scenario } from '../model/scenario.js';
import type { Contract } from '../model/contract.js';
import type { InvestmentProduct } from '../model/product.js';
import { forecastCash } from '../forecast/ledger.js';
import { fundingNeed } from '../forecast/gaps.js';
import { billingPeriods } from '../forecast/billing-periods.js';
import type { CashForecast } from '../forecast/types.js';
import { sizeProduct, type SizeOptions } from '../sizing/size-product.js';
import { redateReceipts } from './path-forecast.js';

/** Every commissioner (or the one named) pays `days` later than its behaviour says. */
export const DelayCaseSchema = z.strictObject({
  kind: z.literal('delay'),
  /** Whole days later, 0–730. */
  days: z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be ≥ 0 days').max(730, 'must be ≤ 730 days'),
  /** Only this commissioner's invoices; all commissioners when absent. */
  commissionerId: IdSchema.optional(),
});

/**
 * A contract ends early: service, invoicing and delivery costs stop after `endsOn`. A periodic fee
 * is billed up to `endsOn` (the last period pro rata by days); a contract `total` is cut in
 * proportion to the months of service left (rounded half-up to the penny); milestones after
 * `endsOn` are dropped. Mobilisation costs stay.
 */
export const ContractEndsEarlyCaseSchema = z.strictObject({
  kind: z.literal('contract-ends-early'),
  contractId: IdSchema,
  /** Last day of service, `YYYY-MM-DD`: on or after the contract's start, before its end. */
  endsOn: IsoDateSchema,
});

/** One invoice is never paid within the horizon (a dispute, a lost purchase order). */
export const PaymentWithheldCaseSchema = z.strictObject({
  kind: z.literal('payment-withheld'),
  /** An invoice id as `forecastCash` numbers them: `${contractId}#${n}`, n from 1 in date order. */
  invoiceId: z.string().min(1, 'must not be empty'),
});

/** A deterministic stress case, a union on `kind`. */
export const StressCaseSchema = z.discriminatedUnion('kind', [DelayCaseSchema, ContractEndsEarlyCaseSchema, PaymentWithheldCaseSchema]);
/** A parsed stress case. */
export type StressCase = z.output<typeof StressCaseSchema>;
/** A stress case as written in JSON. */
export type StressCaseInput = z.input<typeof StressCaseSchema>;

/** The default cases: every commissioner paying 30, 60 and 90 days later. */
export const DEFAULT_STRESS_CASES: readonly StressCaseInput[] = Object.freeze([
  { kind: 'delay', days: 30 },
  { kind: 'delay', days: 60 },
  { kind: 'delay', days: 90 },
]);

/** Options for {@link delayScenarios}. */
export interface DelayScenarioOptions {
  /** Size this product for the base and every case. */
  readonly product?: InvestmentProduct;
  /** Passed to `sizeProduct`. */
  readonly sizeOptions?: SizeOptions;
  /** The commissioner `delay` cases apply to when a case names none; all commissioners by default. */
  readonly commissionerId?: string;
}

/** The facility a product needs in one case. */
export interface StressFacility {
  readonly productId: string;
  /** Whether the limit keeps cash at the buffer every day (false when even the product's maximum does not). */
  readonly covered: boolean;
  /** Whether the case is short at all; when false the limit is 0. */
  readonly needed: boolean;
  /** Proposed limit, minor units. */
  readonly limit: Minor;
  readonly termMonths: number | null;
  /** Interest and fees over the term, minor units (0 when not needed). */
  readonly totalCost: Minor;
}

/** One row of a stress table: the base forecast or one case. Plain JSON. */
export interface StressRow {
  /** "Base", "+30 days (all commissioners)", "family-hubs ends 2027-03-31", "family-hubs#3 withheld". */
  readonly label: string;
  /** The case (null for the base). */
  readonly case: StressCase | null;
  /** Peak shortfall below the buffer, minor units (0 when never short). */
  readonly peakNeed: Minor;
  /** Peak need minus the base's, minor units. */
  readonly change: Minor;
  readonly peakDate: string | null;
  readonly firstDayShort: string | null;
  readonly lastDayShort: string | null;
  readonly daysShort: number;
  /** The sized facility, when a product was given. */
  readonly facility: StressFacility | null;
}

function label(c: StressCase, commissionerId: string | undefined): string {
  switch (c.kind) {
    case 'delay': {
      const who = c.commissionerId ?? commissionerId;
      return `+${c.days} days (${who ?? 'all commissioners'})`;
    }
    case 'contract-ends-early':
      return `${c.contractId} ends ${c.endsOn}`;
    case 'payment-withheld':
      return `${c.invoiceId} withheld`;
  }
}

/** The contract cut short at `endsOn` (see {@link ContractEndsEarlyCaseSchema}). */
function endEarly(contract: Contract, endsOn: string): Contract {
  const end = parseDay(endsOn);
  const deliveryCosts = contract.deliveryCosts
    .filter((cost) => cost.start === undefined || parseDay(cost.start) <= end)
    .map((cost) => (cost.end !== undefined && parseDay(cost.end) <= end ? cost : { ...cost, end: endsOn }));
  const billing = contract.billing;
  if (billing.frequency === 'milestones') {
    const milestones = (billing.milestones ?? []).filter((m) => parseDay(m.date) <= end);
    const total = milestones.reduce((s, m) => s + parseAmount(m.amount), 0);
    return { ...contract, end: endsOn, deliveryCosts, billing: { ...billing, milestones }, value: { kind: 'total', amount: formatAmount(total) } };
  }
  let value = contract.value;
  if (value.kind === 'total') {
    const months = billing.frequency === 'monthly' ? 1 : 3;
    const weight = (to: number) => billingPeriods(parseDay(contract.start), to, months).reduce((s, p) => s + p.weight, 0);
    const cut = roundMinor(new Dec(parseAmount(value.amount)).times(weight(end)).div(weight(parseDay(contract.end))));
    value = { ...value, amount: formatAmount(cut) };
  }
  return { ...contract, end: endsOn, deliveryCosts, value };
}

function checkIds(scenario: Scenario, base: CashForecast, cases: readonly StressCase[], options: DelayScenarioOptions): void {
  const problems: InputProblem[] = [];
  const commissioners = new Set(scenario.commissioners.map((c) => c.id));
  const contracts = new Map(scenario.contracts.map((c) => [c.id, c]));
  const invoices = new Set(base.invoices.map((i) => i.id));
  if (options.commissionerId !== undefined && !commissioners.has(options.commissionerId)) {
    problems.push({ path: 'options.commissionerId', message: `names unknown commissioner "${options.commissionerId}" (known: ${[...commissioners].join(', ')})` });
  }
  cases.forEach((c, i) => {
    if (c.kind === 'delay' && c.commissionerId !== undefined && !commissioners.has(c.commissionerId)) {
      problems.push({ path: `cases[${i}].commissionerId`, message: `names unknown commissioner "${c.commissionerId}" (known: ${[...commissioners].join(', ')})` });
    }
    if (c.kind === 'contract-ends-early') {
      const contract = contracts.get(c.contractId);
      if (!contract) problems.push({ path: `cases[${i}].contractId`, message: `names unknown contract "${c.contractId}" (known: ${[...contracts.keys()].join(', ')})` });
      else if (c.endsOn < contract.start || c.endsOn >= contract.end) {
        problems.push({ path: `cases[${i}].endsOn`, message: `must be on or after the contract's start (${contract.start}) and before its end (${contract.end}) (got ${c.endsOn})` });
      }
    }
    if (c.kind === 'payment-withheld' && !invoices.has(c.invoiceId)) {
      const sample = base.invoices.slice(0, 3).map((inv) => inv.id);
      problems.push({ path: `cases[${i}].invoiceId`, message: `names unknown invoice "${c.invoiceId}" (invoices are numbered like ${sample.join(', ')})` });
    }
  });
  if (problems.length > 0) throw new BridgefitInputError(problems, 'Invalid stress cases');
}

/**
 * The forecast of one stress case: every commissioner (or one) paying later, a contract ending
 * early, or a payment withheld.
 *
 * @param scenario - a parsed scenario
 * @param stressCase - a parsed case ({@link StressCaseSchema}); ids are not checked here
 * @param base - the scenario's forecast, if already computed
 * @param commissionerId - default commissioner of `delay` cases
 * @example
 * ```ts
 * stressForecast(scenario, { kind: 'payment-withheld', invoiceId: 'family-hubs#3' });
 * ```
 */
export function stressForecast(scenario: Scenario, stressCase: StressCase, base: CashForecast = forecastCash(scenario), commissionerId?: string): CashForecast {
  switch (stressCase.kind) {
    case 'delay': {
      const who = stressCase.commissionerId ?? commissionerId;
      return forecastCash(scenario, who === undefined ? { extraDaysToPay: stressCase.days } : { extraDaysToPay: stressCase.days, commissionerId: who });
    }
    case 'contract-ends-early':
      return forecastCash({ ...scenario, contracts: scenario.contracts.map((c) => (c.id === stressCase.contractId ? endEarly(c, stressCase.endsOn) : c)) });
    case 'payment-withheld':
      return redateReceipts(base, (r) => (r.invoiceId === stressCase.invoiceId ? null : parseDay(r.date)));
  }
}

function rowOf(labelText: string, c: StressCase | null, forecast: CashForecast, basePeak: Minor | null, options: DelayScenarioOptions): StressRow {
  const need = fundingNeed(forecast);
  let facility: StressFacility | null = null;
  if (options.product) {
    const sized = sizeProduct(forecast, options.product, options.sizeOptions);
    facility = { productId: sized.productId, covered: sized.covered, needed: sized.needed, limit: sized.limit, termMonths: sized.termMonths, totalCost: sized.cost?.total ?? 0 };
  }
  return {
    label: labelText,
    case: c,
    peakNeed: need.peak,
    change: need.peak - (basePeak ?? need.peak),
    peakDate: need.peakDate,
    firstDayShort: need.firstDayShort,
    lastDayShort: need.lastDayShort,
    daysShort: need.daysShort,
    facility,
  };
}

/**
 * Deterministic stress scenarios: the base forecast and, for each case, the forecast with
 * commissioners paying later, a contract ending early or a payment withheld; each with its peak
 * need, the change from the base, the first and last day short, the days short and (when a product
 * is given) the facility `sizeProduct` proposes and its cost.
 *
 * @param scenario - a parsed scenario
 * @param cases - stress cases as JSON (validated); default +30, +60 and +90 days for every commissioner
 * @param options - `product` to size, `sizeOptions` for it, `commissionerId` for delay cases that name none
 * @returns the base row first, then one row per case, in order; amounts in minor units
 * @throws BridgefitInputError when a case breaks its schema (naming `cases[i].field`) or names an
 *   unknown commissioner, contract or invoice (naming each)
 * @example
 * ```ts
 * const rows = delayScenarios(scenario, undefined, { product: facility });
 * console.log(stressTable(rows));
 * rows[3].peakNeed; // the peak need if every commissioner paid 90 days later, pence
 * ```
 */
export function delayScenarios(scenario: Scenario, cases: readonly unknown[] = DEFAULT_STRESS_CASES, options: DelayScenarioOptions = {}): StressRow[] {
  const parsed = parseWith(z.strictObject({ cases: z.array(StressCaseSchema).max(200, 'must list at most 200 cases') }), { cases }, 'stress cases').cases;
  const base = forecastCash(scenario);
  checkIds(scenario, base, parsed, options);
  const baseRow = rowOf('Base', null, base, null, options);
  return [baseRow, ...parsed.map((c) => rowOf(label(c, options.commissionerId), c, stressForecast(scenario, c, base, options.commissionerId), baseRow.peakNeed, options))];
}
