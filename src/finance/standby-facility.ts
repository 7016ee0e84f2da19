import { Dec } from '../money/rate.js';
import { parseDay } from '../calendar/day.js';
import type { CashForecast } from '../forecast/types.js';
import type { StandbyFacility } from '../model/product.js';
import { keepAtBuffer, type KindPolicy } from './engine.js';

/**
 * For each day of the forecast, whether some invoice is more than `daysLateOver` days past its
 * due date and still unpaid (paid on its receipt date; an invoice with no receipt stays unpaid).
 *
 * @param forecast - the forecast whose invoices and receipts decide
 * @param daysLateOver - days past due, whole days ≥ 0
 * @returns one flag per forecast day
 * @example
 * ```ts
 * standbyTriggered(forecast, 30); // [false, false, …, true, true, …]
 * ```
 */
export function standbyTriggered(forecast: CashForecast, daysLateOver: number): boolean[] {
  const first = parseDay(forecast.start);
  const days = forecast.closing.length;
  const delta = new Array<number>(days + 1).fill(0);
  const paidOn = new Map(forecast.receipts.map((r) => [r.invoiceId, parseDay(r.date)]));
  for (const invoice of forecast.invoices) {
    const from = parseDay(invoice.dueDate) + daysLateOver + 1 - first;
    const paid = paidOn.get(invoice.id);
    const to = (paid === undefined ? first + days : paid) - first; // exclusive
    const a = Math.max(0, from);
    const b = Math.min(days, to);
    if (a < b) {
      delta[a]! += 1;
      delta[b]! -= 1;
    }
  }
  const out = new Array<boolean>(days);
  let open = 0;
  for (let i = 0; i < days; i++) {
    open += delta[i]!;
    out[i] = open > 0;
  }
  return out;
}

/**
 * How a standby facility behaves in the daily engine: like a revolving facility, but it can be
 * drawn only on days when an invoice is more than `trigger.daysLateOver` days overdue and unpaid
 * ({@link standbyTriggered}). It repays from cash above the buffer at any time. The commitment
 * fee accrues daily on the undrawn limit and is posted monthly with the interest.
 *
 * @param facility - a parsed standby facility
 * @param forecast - the forecast whose invoices trigger it
 * @example
 * ```ts
 * runEngine(forecast, standby, limit, term, buffer, standbyFacilityPolicy(standby, forecast));
 * ```
 */
export function standbyFacilityPolicy(facility: StandbyFacility, forecast: CashForecast): KindPolicy {
  const triggered = standbyTriggered(forecast, facility.trigger.daysLateOver);
  return {
    interestPosting: 'monthly',
    interestLabel: 'interest',
    redraw: true,
    commitmentFeeRate: new Dec(facility.commitmentFeeRate),
    decide: keepAtBuffer(`draw while an invoice is more than ${facility.trigger.daysLateOver} days overdue`, (context) => triggered[context.index] === true),
  };
}
