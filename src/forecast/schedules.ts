import { parseAmount, type Minor } from '../money/amount.js';
import { Dec, roundMinor } from '../money/rate.js';
import { civilFromDay, dayFromCivil, daysInMonth, parseDay, type Day } from '../calendar/day.js';
import { addMonths, isoWeekday } from '../calendar/months.js';
import type { Contract } from '../model/contract.js';
import type { CashLine } from '../model/cash-line.js';
import { billingPeriods, MONTH_UNITS } from './billing-periods.js';

/** A dated amount before it becomes a ledger event. */
export interface Occurrence {
  readonly day: Day;
  /** Minor units, positive. */
  readonly amount: Minor;
}

type DeliveryCost = Contract['deliveryCosts'][number];

/**
 * The payments of one delivery cost. Monthly costs are paid on `payDay` of each month of service
 * (clamped to the month's end), quarterly costs on `payDay` of each calendar quarter's last month;
 * both pro-rated by days for partial months or quarters, rounded half-up. Weekly costs are paid in
 * full on each weekday `payDay` from the start to the end.
 *
 * @param cost - the delivery cost
 * @param contract - the contract it belongs to (its dates are the defaults)
 * @example
 * ```ts
 * deliveryCostPayments({ amount: '140000.00', frequency: 'monthly', payDay: 25, description: 'Payroll' }, contract);
 * // [{ day: <2026-04-25>, amount: 14000000 }, …]
 * ```
 */
export function deliveryCostPayments(cost: DeliveryCost, contract: Contract): Occurrence[] {
  const start = parseDay(cost.start ?? contract.start);
  const end = parseDay(cost.end ?? contract.end);
  const amount = parseAmount(cost.amount);
  if (cost.frequency === 'weekly') {
    const out: Occurrence[] = [];
    for (let day = start + ((cost.payDay - isoWeekday(start) + 7) % 7); day <= end; day += 7) out.push({ day, amount });
    return out;
  }
  const months = cost.frequency === 'monthly' ? 1 : 3;
  return billingPeriods(start, end, months).map((period) => {
    const { year, month } = civilFromDay(period.end);
    const day = dayFromCivil(year, month, Math.min(cost.payDay, daysInMonth(year, month)));
    const share = roundMinor(new Dec(amount).times(period.weight).div(MONTH_UNITS * months));
    return { day, amount: share };
  });
}

const MONTHS_APART: Readonly<Record<'monthly' | 'quarterly' | 'annually', number>> = { monthly: 1, quarterly: 3, annually: 12 };

/**
 * The occurrences of a cash line up to `horizonEnd` (or the line's own end, if earlier).
 * Monthly lines fall on the same day of each month as the start, clamped to month ends
 * (31 Jan, 28 Feb, 31 Mar …).
 *
 * @example
 * ```ts
 * cashLineOccurrences(line, parseDay('2027-03-31'));
 * ```
 */
export function cashLineOccurrences(line: CashLine, horizonEnd: Day): Occurrence[] {
  const amount = parseAmount(line.amount);
  const schedule = line.schedule;
  if (schedule.kind === 'one-off') return [{ day: parseDay(schedule.date), amount }];
  const start = parseDay(schedule.start);
  const end = Math.min(horizonEnd, schedule.end ? parseDay(schedule.end) : horizonEnd);
  const out: Occurrence[] = [];
  if (schedule.frequency === 'weekly') {
    for (let day = start; day <= end; day += 7) out.push({ day, amount });
    return out;
  }
  const step = MONTHS_APART[schedule.frequency];
  for (let k = 0, day = start; day <= end; k++, day = addMonths(start, k * step)) out.push({ day, amount });
  return out;
}
