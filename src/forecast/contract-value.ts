import { parseAmount, type Minor } from '../money/amount.js';
import { Dec, roundMinor } from '../money/rate.js';
import type { Contract } from '../model/contract.js';
import { MONTH_UNITS } from './billing-periods.js';

const MONTHS_PER: Readonly<Record<'month' | 'quarter' | 'year', number>> = { month: 1, quarter: 3, year: 12 };

/**
 * The total value of a contract in minor units. A periodic fee is pro-rated by the months of
 * service (partial months by days), rounded half-up once.
 *
 * @param value - the contract's value
 * @param serviceWeight - months of service in {@link MONTH_UNITS} (ignored for a total)
 * @example
 * ```ts
 * contractTotal({ kind: 'periodic', amount: '1800000.00', per: 'year' }, 36 * MONTH_UNITS); // 540000000
 * ```
 */
export function contractTotal(value: Contract['value'], serviceWeight: number): Minor {
  const amount = parseAmount(value.amount);
  if (value.kind === 'total') return amount;
  return roundMinor(new Dec(amount).times(serviceWeight).div(MONTH_UNITS * MONTHS_PER[value.per]));
}
