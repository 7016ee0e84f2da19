import Decimal from 'decimal.js';
import { inputError } from './errors.js';
import type { Minor } from './amount.js';

/**
 * bridgefit's private decimal.js constructor: 40 significant digits, half-up by default.
 * A clone, so a host application's `Decimal.set()` neither changes our results nor is changed by us.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** A decimal value made by {@link Dec}. */
export type Dec = Decimal;

/** How a posting rounds a fractional penny. */
export type RoundingMode = 'half-up' | 'half-even' | 'up' | 'down';

const MODES: Readonly<Record<RoundingMode, Decimal.Rounding>> = {
  'half-up': Decimal.ROUND_HALF_UP,
  'half-even': Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

const RATE_PATTERN = /^-?\d{1,6}(\.\d{1,12})?$/;

/**
 * Parses a rate given as a decimal fraction ("0.08" is 8%), exactly.
 *
 * @param input - decimal string or number; numbers are read through their shortest decimal form
 * @param path - the field name used in the error
 * @throws BridgefitInputError when the input is not a plain decimal
 * @example
 * ```ts
 * parseRate('0.08').toString(); // "0.08"
 * ```
 */
export function parseRate(input: string | number, path = 'rate'): Dec {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (!RATE_PATTERN.test(text)) {
    return inputError(path, `must be a rate as a decimal fraction such as "0.08" for 8% (got ${JSON.stringify(input)})`);
  }
  return new Dec(text);
}

/**
 * Rounds a decimal number of minor units to a whole number with the given rounding mode.
 *
 * @example
 * ```ts
 * roundMinor(new Dec('2.5'), 'half-even'); // 2
 * roundMinor(new Dec('2.5'));              // 3
 * ```
 */
export function roundMinor(value: Dec, mode: RoundingMode = 'half-up'): Minor {
  const n = value.toDecimalPlaces(0, MODES[mode]).toNumber();
  if (!Number.isSafeInteger(n)) inputError('amount', `is too large to hold in minor units (got ${value.toString()})`);
  return n === 0 ? 0 : n; // never -0 (e.g. −0.1p rounds to 0, not −0), like parseAmount
}

/**
 * Multiplies an amount by a rate and rounds the result once, to a whole number of minor units.
 *
 * @param amount - minor units
 * @param rate - the multiplier (a fraction: 0.08 for 8%)
 * @param mode - rounding mode at this posting; half-up by default
 * @example
 * ```ts
 * applyRate(10000000, new Dec('0.015')); // 150000 (1.5% of £100,000 = £1,500.00)
 * applyRate(5, new Dec('0.5'), 'half-even'); // 2 (2.5p rounds to even)
 * ```
 */
export function applyRate(amount: Minor, rate: Decimal.Value, mode: RoundingMode = 'half-up'): Minor {
  return roundMinor(new Dec(amount).times(rate), mode);
}
