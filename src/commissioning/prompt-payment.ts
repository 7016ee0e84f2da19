import { z } from 'zod';
import { inputError } from '../money/errors.js';
import { parseAmount, type Minor } from '../money/amount.js';
import { Dec } from '../money/rate.js';
import { formatDay, isIsoDate, parseDay } from '../calendar/day.js';
import { isoDateField, parseWith, positiveAmountField } from './reference-rates.js';
import { compareText } from '../model/compare-text.js';

/** The payment term for public contracts, in days. */
export const PUBLIC_PAYMENT_TERM_DAYS = 30;

/** Schema for one paid invoice in a commissioner's payment history. */
export const PaymentRecordSchema = z.object(
  {
    invoiceId: z.string({ error: 'must be a non-empty string' }).min(1, { message: 'must be a non-empty string' }),
    commissionerId: z.string({ error: 'must be a non-empty string' }).min(1, { message: 'must be a non-empty string' }),
    issueDate: isoDateField(),
    paidDate: isoDateField(),
    amount: positiveAmountField().optional(),
  },
  { error: 'must be an object { invoiceId, commissionerId, issueDate, paidDate, amount? }' },
);

/** One paid invoice: `{ invoiceId, commissionerId, issueDate: ISO, paidDate: ISO, amount?: "1200.00" }`. */
export type PaymentRecord = z.input<typeof PaymentRecordSchema>;

/**
 * Schema for a payment history: an array of {@link PaymentRecordSchema} rows, each invoice id
 * at most once per commissioner, and no invoice paid before it was issued.
 */
export const PaymentHistorySchema = z
  .array(PaymentRecordSchema, { error: 'must be an array of paid invoices' })
  .max(100_000, 'must list at most 100000 paid invoices')
  .superRefine((rows, ctx) => {
    const seen = new Map<string, number>();
    rows.forEach((r, i) => {
      // Compare only real dates; a malformed one already has its own issue.
      if (isIsoDate(r.paidDate) && isIsoDate(r.issueDate) && r.paidDate < r.issueDate) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'paidDate'],
          message: `must not be before issueDate (invoice ${JSON.stringify(r.invoiceId)} paid ${r.paidDate}, issued ${r.issueDate})`,
        });
      }
      const key = JSON.stringify([r.commissionerId, r.invoiceId]);
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'invoiceId'],
          message: `repeats row ${first} (invoice ${JSON.stringify(r.invoiceId)} of commissioner ${JSON.stringify(r.commissionerId)})`,
        });
      } else {
        seen.set(key, i);
      }
    });
  });

/**
 * Validates a payment history.
 *
 * @param input - array of `{ invoiceId, commissionerId, issueDate, paidDate, amount? }`
 * @returns the rows, unchanged in shape
 * @throws BridgefitInputError naming each bad row, e.g. `history[1].paidDate: must not be before issueDate …`
 * @example
 * ```ts
 * parsePaymentHistory([{ invoiceId: 'A1', commissionerId: 'council-a', issueDate: '2025-01-06', paidDate: '2025-02-05' }]);
 * ```
 */
export function parsePaymentHistory(input: unknown): z.output<typeof PaymentHistorySchema> {
  return parseWith(PaymentHistorySchema, input, 'history');
}

/**
 * Which rule decides whether a payment was on time. Both set a 30-day term; they differ by one
 * day at the edge:
 *
 * - `'pcr-2015'` (default): Public Contracts Regulations 2015 reg. 113(2)(a), payment "within
 *   30 days from" the invoice: the invoice day does not count, so a payment 30 days after the
 *   invoice is on time (late when `daysToPay > 30`).
 * - `'procurement-act-2023'`: Procurement Act 2023 s.68(2), payment "before the end of the period
 *   of 30 days beginning with the day" the invoice is received: that day is day 1, so the last
 *   on-time payment is 29 days after it (late when `daysToPay > 29`).
 */
export type PromptPaymentRule = 'pcr-2015' | 'procurement-act-2023';

/** Options for {@link flagLatePayments} and {@link summariseByCommissioner}. */
export interface PromptPaymentOptions {
  /** The rule for the 30-day term; `'pcr-2015'` by default. */
  readonly rule?: PromptPaymentRule;
}

/** Whether one invoice was paid within the public-contract payment term. */
export interface InvoicePaymentFlag {
  readonly invoiceId: string;
  readonly commissionerId: string;
  /** ISO date of the invoice (used as the day it was received). */
  readonly issueDate: string;
  /** ISO date it was paid. */
  readonly paidDate: string;
  /** Days from issue to payment: `paidDate − issueDate`. */
  readonly daysToPay: number;
  /** The last on-time payment date under the rule (ISO). */
  readonly deadline: string;
  /** Paid after `deadline`. */
  readonly late: boolean;
  /** Days after the deadline, 0 when on time. */
  readonly daysLate: number;
  /** The invoice amount in minor units, or null when the history row has none. */
  readonly amount: Minor | null;
}

/** Payment performance of one commissioner. */
export interface CommissionerPaymentSummary {
  readonly commissionerId: string;
  /** Invoices paid. */
  readonly invoices: number;
  /** Invoices paid on time. */
  readonly paidOnTime: number;
  /** Invoices paid late. */
  readonly paidLate: number;
  /**
   * Share paid on time as a decimal-string fraction with 4 decimals, rounded **down** so that
   * "1.0000" means every invoice was on time, e.g. "0.6666" for 2 of 3.
   */
  readonly shareOnTime: string;
  /** The same share as a percentage string with 2 decimals, rounded down, e.g. "66.66%". */
  readonly percentOnTime: string;
  /** Mean days to pay, exact and rounded half-up to 1 decimal, e.g. "28.7". */
  readonly averageDaysToPay: string;
  /** The slowest payment; ties go to the smallest invoice id (by code unit). */
  readonly worst: { readonly invoiceId: string; readonly daysToPay: number };
}

function lastOnTimeOffset(rule: PromptPaymentRule): number {
  return rule === 'procurement-act-2023' ? PUBLIC_PAYMENT_TERM_DAYS - 1 : PUBLIC_PAYMENT_TERM_DAYS;
}

function readRule(options: PromptPaymentOptions): PromptPaymentRule {
  const rule = options.rule ?? 'pcr-2015';
  if (rule !== 'pcr-2015' && rule !== 'procurement-act-2023') {
    inputError('options.rule', `must be "pcr-2015" or "procurement-act-2023" (got ${JSON.stringify(rule)})`);
  }
  return rule;
}

/**
 * Flags each paid invoice as on time or late against the 30-day payment term for public
 * contracts: Public Contracts Regulations 2015 reg. 113 (contracts procured under them) and
 * Procurement Act 2023 s.68 (contracts procured under it, from 24 February 2025).
 *
 * The law counts from the day the invoice is received (and, under reg. 113, verified as valid
 * and undisputed; under s.68, or the later date payment falls due under the invoice). A history
 * usually holds only the issue date, so this function uses it as the day of receipt: if
 * invoices arrive later, the flags are stricter than the law. Disputed invoices should be left
 * out of the history.
 *
 * @param history - array of `{ invoiceId, commissionerId, issueDate, paidDate, amount? }` (dates ISO,
 *   amount in major units)
 * @param options - `rule`: `'pcr-2015'` (late when paid more than 30 days after issue, default) or
 *   `'procurement-act-2023'` (late when paid 30 or more days after issue)
 * @returns one flag per row, in the history's order
 * @throws BridgefitInputError naming the row and field, e.g. `history[1].paidDate: must not be before issueDate …`
 * @example
 * ```ts
 * flagLatePayments([
 *   { invoiceId: 'A1', commissionerId: 'council-a', issueDate: '2025-01-06', paidDate: '2025-02-05' },
 * ]);
 * // [{ invoiceId: "A1", …, daysToPay: 30, deadline: "2025-02-05", late: false, daysLate: 0, amount: null }]
 * ```
 */
export function flagLatePayments(history: readonly PaymentRecord[], options: PromptPaymentOptions = {}): InvoicePaymentFlag[] {
  const rows = parsePaymentHistory(history);
  const offset = lastOnTimeOffset(readRule(options));
  return rows.map((r, i) => {
    const issued = parseDay(r.issueDate, `history[${i}].issueDate`);
    const paid = parseDay(r.paidDate, `history[${i}].paidDate`);
    const daysToPay = paid - issued;
    const daysLate = Math.max(0, daysToPay - offset);
    return {
      invoiceId: r.invoiceId,
      commissionerId: r.commissionerId,
      issueDate: r.issueDate,
      paidDate: r.paidDate,
      daysToPay,
      deadline: formatDay(issued + offset),
      late: daysLate > 0,
      daysLate,
      amount: r.amount === undefined ? null : parseAmount(r.amount, `history[${i}].amount`),
    };
  });
}


/**
 * Summarises payment performance per commissioner, in the spirit of the statistics reg. 113(7)
 * of the Public Contracts Regulations 2015 required authorities to publish (share of invoices
 * paid within 30 days) and of the payments compliance notices under Procurement Act 2023 s.69.
 *
 * @param history - array of `{ invoiceId, commissionerId, issueDate, paidDate, amount? }`
 * @param options - `rule` as for {@link flagLatePayments}
 * @returns one summary per commissioner, sorted by commissioner id (by code unit, not locale)
 * @throws BridgefitInputError naming the row and field, as {@link flagLatePayments}
 * @example
 * ```ts
 * summariseByCommissioner([
 *   { invoiceId: 'A1', commissionerId: 'council-a', issueDate: '2025-01-06', paidDate: '2025-02-05' },
 *   { invoiceId: 'A2', commissionerId: 'council-a', issueDate: '2025-01-20', paidDate: '2025-03-03' },
 * ]);
 * // [{ commissionerId: "council-a", invoices: 2, paidOnTime: 1, paidLate: 1, shareOnTime: "0.5000",
 * //    percentOnTime: "50.00%", averageDaysToPay: "36.0", worst: { invoiceId: "A2", daysToPay: 42 } }]
 * ```
 */
export function summariseByCommissioner(
  history: readonly PaymentRecord[],
  options: PromptPaymentOptions = {},
): CommissionerPaymentSummary[] {
  const flags = flagLatePayments(history, options);
  const groups = new Map<string, InvoicePaymentFlag[]>();
  for (const flag of flags) {
    const group = groups.get(flag.commissionerId);
    if (group) group.push(flag);
    else groups.set(flag.commissionerId, [flag]);
  }
  return [...groups.keys()].sort(compareText).map((commissionerId) => {
    const group = groups.get(commissionerId)!;
    const onTime = group.filter((f) => !f.late).length;
    let totalDays = 0;
    let worst = group[0]!;
    for (const f of group) {
      totalDays += f.daysToPay;
      if (f.daysToPay > worst.daysToPay || (f.daysToPay === worst.daysToPay && compareText(f.invoiceId, worst.invoiceId) < 0)) {
        worst = f;
      }
    }
    const share = new Dec(onTime).div(group.length).toDecimalPlaces(4, Dec.ROUND_DOWN);
    return {
      commissionerId,
      invoices: group.length,
      paidOnTime: onTime,
      paidLate: group.length - onTime,
      shareOnTime: share.toFixed(4),
      percentOnTime: `${share.times(100).toFixed(2)}%`,
      averageDaysToPay: new Dec(totalDays).div(group.length).toDecimalPlaces(1, Dec.ROUND_HALF_UP).toFixed(1),
      worst: { invoiceId: worst.invoiceId, daysToPay: worst.daysToPay },
    };
  });
}
