import type { Minor } from '../money/amount.js';
import { Dec, roundMinor } from '../money/rate.js';
import { parseDay } from '../calendar/day.js';
import { xirr } from './xirr.js';
import type { FinancePlan } from './types.js';

/** What a finance plan costs the enterprise. Amounts in minor units. */
export interface FinanceCost {
  /** Interest (or discount charge) posted, minor units. */
  readonly interest: Minor;
  /** Every fee posted (arrangement, exit, commitment, utilisation, service, other), minor units. */
  readonly fees: Minor;
  /** interest + fees, minor units. */
  readonly total: Minor;
  /** Largest principal drawn at the close of any day, minor units. */
  readonly peakDrawn: Minor;
  /**
   * Average principal drawn at the close of each day the facility exists (from its first day to
   * the day before the term ends, or to the ledger's end), minor units rounded half-up.
   */
  readonly averageDrawn: Minor;
  /**
   * The lender's internal rate of return (XIRR, ACT/365) on its dated flows: draws out, every
   * repayment, interest and fee in, and `outstandingAtEnd` in on the ledger's last day. A
   * decimal fraction with 6 decimal places ("0.084512" is 8.4512%), or null when nothing was
   * drawn or no rate solves.
   */
  readonly effectiveAnnualRate: string | null;
}

/**
 * Totals a plan's interest and fees, its peak and average drawn balance, and its effective
 * annual rate (the lender's XIRR).
 *
 * @param plan - a plan from {@link applyProduct}
 * @example
 * ```ts
 * const cost = costOf(applyProduct(forecast, loan, 10_000_000, { termMonths: 3 }));
 * formatMoney(cost.total); // "£3,472.60" (interest £1,972.60 + arrangement fee £1,500.00)
 * ```
 */
export function costOf(plan: FinancePlan): FinanceCost {
  let interest = 0;
  let fees = 0;
  const lender: { date: string; amount: number }[] = [];
  for (const flow of plan.flows) {
    if (flow.kind === 'interest') interest += flow.amount;
    else if (flow.kind === 'fee') fees += flow.amount;
    lender.push({ date: flow.date, amount: flow.kind === 'draw' ? -flow.amount : flow.amount });
  }
  if (plan.outstandingAtEnd > 0) lender.push({ date: plan.ledger.end, amount: plan.outstandingAtEnd });

  const first = parseDay(plan.ledger.start);
  const from = parseDay(plan.start) - first;
  const to = Math.min(parseDay(plan.termEnd) - 1, parseDay(plan.ledger.end)) - first; // inclusive
  let peakDrawn = 0;
  for (const d of plan.drawn) if (d > peakDrawn) peakDrawn = d;
  let sum = 0;
  for (let i = from; i <= to; i++) sum += plan.drawn[i]!;
  const days = to - from + 1;
  const averageDrawn = days > 0 ? roundMinor(new Dec(sum).div(days)) : 0;

  const hasDraw = plan.flows.some((f) => f.kind === 'draw');
  const rate = hasDraw ? xirr(lender) : null;
  return {
    interest,
    fees,
    total: interest + fees,
    peakDrawn,
    averageDrawn,
    effectiveAnnualRate: rate === null ? null : formatRate(rate),
  };
}

/** A rate as a decimal string with 6 places, half-up, never "-0.000000". */
function formatRate(rate: number): string {
  const rounded = new Dec(rate).toDecimalPlaces(6);
  return (rounded.isZero() ? new Dec(0) : rounded).toFixed(6);
}
