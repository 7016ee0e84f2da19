import type { Minor } from '../money/amount.js';
import { parseDay } from '../calendar/day.js';
import { monthKey } from '../calendar/months.js';
import type { DailyLedger } from '../forecast/types.js';

/** One month of a daily ledger, summarised. */
export interface MonthlyCashRow {
  /** `YYYY-MM` */
  readonly month: string;
  /** All amounts in minor units. */
  readonly opening: Minor;
  readonly inflows: Minor;
  readonly outflows: Minor;
  readonly closing: Minor;
  /** The lowest closing balance in the month. */
  readonly lowest: Minor;
  /** Days in the month that closed below the buffer. */
  readonly daysShort: number;
}


/**
 * Rolls a daily ledger up into calendar months. Each row reconciles:
 * opening + inflows − outflows = closing.
 *
 * @example
 * ```ts
 * monthlyCash(forecastCash(scenario))[0];
 * // { month: '2026-03', opening: 18000000, inflows: 2000000, outflows: 9300000, closing: 10700000, … }
 * ```
 */
export function monthlyCash(ledger: Omit<DailyLedger, 'end'>): MonthlyCashRow[] {
  const start = parseDay(ledger.start);
  const rows: { -readonly [K in keyof MonthlyCashRow]: MonthlyCashRow[K] }[] = [];
  let opening = ledger.openingBalance;
  ledger.closing.forEach((closing, i) => {
    const month = monthKey(start + i);
    let row = rows[rows.length - 1];
    if (!row || row.month !== month) {
      row = { month, opening, inflows: 0, outflows: 0, closing, lowest: closing, daysShort: 0 };
      rows.push(row);
    }
    row.inflows += ledger.inflows[i]!;
    row.outflows += ledger.outflows[i]!;
    row.closing = closing;
    row.lowest = Math.min(row.lowest, closing);
    if (closing < ledger.buffer) row.daysShort += 1;
    opening = closing;
  });
  return rows;
}
