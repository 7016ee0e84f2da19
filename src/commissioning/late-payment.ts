import { z } from 'zod';
import { inputError } from '../money/errors.js';
import { parseAmount, sumMinor, type Minor } from '../money/amount.js';
import { Dec, roundMinor } from '../money/rate.js';
import { civilFromDay, dayFromCivil, formatDay, parseDay, type Day } from '../calendar/day.js';
import {
  DEFAULT_REFERENCE_RATES,
  DEFAULT_REFERENCE_RATES_CHECKED_THROUGH,
  compileReferenceRates,
  isoDateField,
  lookupReferenceRate,
  parseWith,
  positiveAmountField,
  type ReferenceRateTable,
} from './reference-rates.js';

/** The statutory margin over the reference rate: 8 percentage points, as a decimal fraction. */
export const STATUTORY_INTEREST_MARGIN = '0.08';

/**
 * Schema for the invoice a late-payment claim is about: the debt in major units and its due
 * date (the agreed payment date, or the end of the default 30-day period); optionally the
 * date it was issued, used only to check the dates make sense.
 */
export const LatePaymentInvoiceSchema = z.object(
  {
    amount: positiveAmountField(),
    dueDate: isoDateField(),
    issueDate: isoDateField().optional(),
  },
  { error: 'must be an object { amount, dueDate, issueDate? }' },
);

/** An invoice for a late-payment claim: `{ amount: "12500.00", dueDate: "2024-01-31", issueDate?: "2024-01-01" }`. */
export type LatePaymentInvoice = z.input<typeof LatePaymentInvoiceSchema>;

/**
 * How the reference rate is chosen over the life of a claim.
 *
 * - `'none'` (default, the law): the reference rate for the half-year in which interest starts
 *   to run applies until the debt is paid (SI 2002/1675 art. 4).
 * - `'half-yearly'`: the rate is re-read at each 1 January and 1 July the claim crosses, as some
 *   online calculators do. This is **not** what the Order says; it is offered only to compare
 *   with such calculators or with contracts that provide for it.
 */
export type ReferenceRateReset = 'none' | 'half-yearly';

/** Options for {@link latePaymentClaim}. */
export interface LatePaymentOptions {
  /** Whether the reference rate resets at half-year boundaries; `'none'` (the statutory rule) by default. */
  readonly referenceRateReset?: ReferenceRateReset;
}

/** A run of days charged at one rate. */
export interface LatePaymentPeriod {
  /** First day of interest in this period (ISO). */
  readonly from: string;
  /** Last day of interest in this period, inclusive (ISO). */
  readonly to: string;
  /** Days of interest in this period: `to − from + 1`. */
  readonly days: number;
  /** The 31 December or 30 June whose Bank Rate fixes the reference rate (ISO). */
  readonly fixedOn: string;
  /** Reference rate as a decimal-string fraction, e.g. "0.0525". */
  readonly referenceRate: string;
  /** Statutory rate: reference rate + 8%, as a decimal-string fraction, e.g. "0.1325". */
  readonly annualRate: string;
  /** Interest for the period in minor units: debt × annualRate × days / 365, rounded half-up once. */
  readonly interest: Minor;
}

/** A statutory late-payment claim on one invoice. */
export interface LatePaymentClaim {
  /** The debt in minor units. */
  readonly debt: Minor;
  /** Due date (ISO). */
  readonly dueDate: string;
  /** Payment date (ISO). */
  readonly paidOn: string;
  /** Days of interest: payment date − due date, or 0 when paid on or before the due date. */
  readonly daysLate: number;
  /** The reference-rate rule used. */
  readonly referenceRateReset: ReferenceRateReset;
  /** Runs of days at one rate; empty when not late. */
  readonly periods: readonly LatePaymentPeriod[];
  /** Statutory interest in minor units: the sum of the periods' interest. */
  readonly interest: Minor;
  /** Fixed compensation in minor units (£40 / £70 / £100); 0 when not late. */
  readonly compensation: Minor;
  /** Interest plus compensation, in minor units. */
  readonly total: Minor;
  /** Things a reader should check, e.g. a reference date beyond the default table's coverage. */
  readonly warnings: readonly string[];
}

const POUNDS_1000: Minor = 100_000;
const POUNDS_10000: Minor = 1_000_000;

/**
 * The fixed sum for the costs of recovering a late debt, by the size of the debt (Late Payment of
 * Commercial Debts (Interest) Act 1998 s.5A, inserted by SI 2002/1674): £40 for a debt under
 * £1,000, £70 from £1,000 to under £10,000, £100 for £10,000 or more.
 *
 * @param debt - the debt in minor units (pence), greater than 0
 * @returns the compensation in minor units
 * @throws BridgefitInputError when `debt` is not a positive whole number of pence
 * @example
 * ```ts
 * fixedCompensation(99_999);    // 4000  (£999.99 → £40)
 * fixedCompensation(100_000);   // 7000  (£1,000.00 → £70)
 * fixedCompensation(1_000_000); // 10000 (£10,000.00 → £100)
 * ```
 */
export function fixedCompensation(debt: Minor): Minor {
  if (!Number.isSafeInteger(debt) || debt <= 0) inputError('debt', `must be a whole number of pence greater than 0 (got ${debt})`);
  if (debt < POUNDS_1000) return 4_000;
  if (debt < POUNDS_10000) return 7_000;
  return 10_000;
}

/** The last day of the half-year (30 June or 31 December) containing `day`. */
function endOfHalfYear(day: Day): Day {
  const { year, month } = civilFromDay(day);
  return month <= 6 ? dayFromCivil(year, 6, 30) : dayFromCivil(year, 12, 31);
}

/**
 * Statutory interest and fixed compensation on a commercial debt paid late, under the Late
 * Payment of Commercial Debts (Interest) Act 1998 as amended (SI 2002/1674, SI 2013/395).
 *
 * Conventions (see gov.uk, "Late commercial payments: charging interest and debt recovery",
 * https://www.gov.uk/late-commercial-payments-interest-debt-recovery/charging-interest-commercial-debt):
 * - simple interest at 8% over the reference rate, accruing daily from the day after the due
 *   date up to and including the payment date, so `daysLate = paidOn − dueDate`;
 * - daily interest = debt × (8% + reference rate) / 365 in every year, leap or not;
 * - the reference rate is Bank Rate on the 31 December or 30 June before the day interest starts
 *   (SI 2002/1675 art. 4) and stays fixed for the claim, unless `referenceRateReset` is
 *   `'half-yearly'`, when the claim is split at each 1 January / 1 July;
 * - each period's interest = debt × annual rate × days / 365, computed exactly and rounded
 *   half-up to the penny once per period (gov.uk's own worked example rounds the daily figure
 *   to the penny first, which this function does not);
 * - fixed compensation (s.5A) is owed once interest runs: see {@link fixedCompensation}.
 *
 * Not modelled: part payments, contract terms that replace statutory interest with another
 * "substantial remedy", reasonable recovery costs above the fixed sum (s.5A(2A)), and whether the
 * debt qualifies at all (both parties acting in the course of business).
 *
 * @param invoice - `{ amount: "12500.00" (major units), dueDate: ISO, issueDate?: ISO }`
 * @param paidOn - ISO date the debt was paid (or the date to compute the claim to)
 * @param referenceRates - Bank Rate changes; {@link DEFAULT_REFERENCE_RATES} by default
 * @param options - `referenceRateReset`: `'none'` (statutory, default) or `'half-yearly'`
 * @returns days late, the periods with their rates, and interest, compensation and total in minor units
 * @throws BridgefitInputError naming the field: `invoice.amount` (not a positive amount),
 *   `invoice.dueDate` / `invoice.issueDate` / `paidOn` (not a real date, or out of order),
 *   `referenceRates` (invalid, or no rate as early as the reference date)
 * @example
 * ```ts
 * const claim = latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, '2024-03-01');
 * claim.daysLate;     // 30
 * claim.interest;     // 10890 (£108.90 = £10,000 × 13.25% × 30 / 365)
 * claim.compensation; // 10000 (£100)
 * claim.total;        // 20890
 * ```
 */
export function latePaymentClaim(
  invoice: LatePaymentInvoice,
  paidOn: string,
  referenceRates: ReferenceRateTable = DEFAULT_REFERENCE_RATES,
  options: LatePaymentOptions = {},
): LatePaymentClaim {
  const parsed = parseWith(LatePaymentInvoiceSchema, invoice, 'invoice');
  const { paidOn: paidOnText } = parseWith(z.object({ paidOn: isoDateField() }), { paidOn }, '');
  // `options` may arrive as null from JSON: read it as no options rather than crash with a TypeError.
  const reset = (options ?? {}).referenceRateReset ?? 'none';
  if (reset !== 'none' && reset !== 'half-yearly') {
    inputError('options.referenceRateReset', `must be "none" or "half-yearly" (got ${JSON.stringify(reset)})`);
  }

  const debt = parseAmount(parsed.amount, 'invoice.amount');
  const due = parseDay(parsed.dueDate, 'invoice.dueDate');
  const paid = parseDay(paidOnText, 'paidOn');
  if (parsed.issueDate !== undefined) {
    const issued = parseDay(parsed.issueDate, 'invoice.issueDate');
    if (due < issued) inputError('invoice.dueDate', `must not be before invoice.issueDate (${parsed.dueDate} < ${parsed.issueDate})`);
    if (paid < issued) inputError('paidOn', `must not be before invoice.issueDate (${paidOnText} < ${parsed.issueDate})`);
  }
  const table = compileReferenceRates(referenceRates);

  const base = { debt, dueDate: parsed.dueDate, paidOn: paidOnText, referenceRateReset: reset } as const;
  if (paid <= due) {
    return { ...base, daysLate: 0, periods: [], interest: 0, compensation: 0, total: 0, warnings: [] };
  }

  const margin = new Dec(STATUTORY_INTEREST_MARGIN);
  const periods: LatePaymentPeriod[] = [];
  const warnings: string[] = [];
  const firstDay = due + 1;
  const fixed = lookupReferenceRate(firstDay, table);
  let cursor = firstDay;
  while (cursor <= paid) {
    const to = reset === 'half-yearly' ? Math.min(endOfHalfYear(cursor), paid) : paid;
    const lookup = reset === 'half-yearly' ? lookupReferenceRate(cursor, table) : fixed;
    const annual = margin.plus(lookup.rate);
    const days = to - cursor + 1;
    // One rounding per period: debt × rate × days is exact; a single division by 365 follows.
    const interest = roundMinor(new Dec(debt).times(annual).times(days).div(365), 'half-up');
    periods.push({
      from: formatDay(cursor),
      to: formatDay(to),
      days,
      fixedOn: lookup.fixedOn,
      referenceRate: lookup.rate,
      annualRate: annual.toFixed(),
      interest,
    });
    if (referenceRates === DEFAULT_REFERENCE_RATES && lookup.fixedOn > DEFAULT_REFERENCE_RATES_CHECKED_THROUGH) {
      warnings.push(
        `reference date ${lookup.fixedOn} is after ${DEFAULT_REFERENCE_RATES_CHECKED_THROUGH}, the last date the default ` +
          'Bank Rate table was checked; a later Bank Rate change would be missing, so pass your own table',
      );
    }
    cursor = to + 1;
  }

  const interest = sumMinor(periods.map((p) => p.interest));
  const compensation = fixedCompensation(debt);
  return {
    ...base,
    daysLate: paid - due,
    periods,
    interest,
    compensation,
    total: sumMinor([interest, compensation]),
    warnings,
  };
}
