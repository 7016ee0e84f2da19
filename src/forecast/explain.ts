import type { Minor } from '../money/amount.js';
import { parseDay } from '../calendar/day.js';
import { inputError } from '../money/errors.js';
import type { CashEvent, CashForecast } from './types.js';

/** One day of the ledger, with the movements that made it. */
export interface CashDay {
  readonly date: string;
  readonly opening: Minor;
  readonly inflows: Minor;
  readonly outflows: Minor;
  readonly closing: Minor;
  readonly events: readonly CashEvent[];
}

/**
 * Explains one day: opening and closing cash and every movement on it.
 *
 * @param forecast - the forecast
 * @param date - an ISO date inside the horizon
 * @throws BridgefitInputError when the date is outside the horizon
 * @example
 * ```ts
 * cashOn(forecast, '2027-03-03').events; // the payroll and receipts of 3 March
 * ```
 */
export function cashOn(forecast: CashForecast, date: string): CashDay {
  const i = parseDay(date, 'date') - parseDay(forecast.start);
  if (i < 0 || i >= forecast.closing.length) inputError('date', `must be within the horizon ${forecast.start}…${forecast.end} (got ${date})`);
  return {
    date,
    opening: i === 0 ? forecast.openingBalance : forecast.closing[i - 1]!,
    inflows: forecast.inflows[i]!,
    outflows: forecast.outflows[i]!,
    closing: forecast.closing[i]!,
    events: forecast.events.filter((e) => e.date === date),
  };
}
