import { inputError } from './errors.js';

/** An amount of money in integer minor units (pence for GBP). Always a safe integer. */
export type Minor = number;

const AMOUNT_PATTERN = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/**
 * Checks that `value` is a safe integer number of minor units and returns it.
 *
 * @param value - the candidate amount in minor units
 * @param path - the field name used in the error
 * @throws BridgefitInputError when `value` is not a safe integer
 * @example
 * ```ts
 * assertMinor(1250000, 'openingCash'); // 1250000
 * assertMinor(0.5, 'openingCash');     // throws "openingCash: must be a whole number of pence"
 * ```
 */
export function assertMinor(value: number, path = 'amount'): Minor {
  if (!Number.isSafeInteger(value)) {
    inputError(path, `must be a whole number of minor units within ±${Number.MAX_SAFE_INTEGER} (got ${value})`);
  }
  return value;
}

/**
 * Parses an amount in major units into integer minor units, exactly.
 * Strings must be plain decimals with at most 2 decimal places ("12500", "12500.5", "-3.25");
 * numbers are accepted only when they are exact at 2 decimal places (12500.25 yes, 0.001 no).
 *
 * @param input - amount in major units (pounds), as a decimal string or a number
 * @param path - the field name used in the error
 * @returns the amount in minor units (pence)
 * @throws BridgefitInputError when the input is not an exact amount
 * @example
 * ```ts
 * parseAmount('12500.00'); // 1250000
 * parseAmount(19.99);      // 1999
 * parseAmount('1.005');    // throws: more than 2 decimal places
 * ```
 */
export function parseAmount(input: string | number, path = 'amount'): Minor {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) inputError(path, `must be a finite amount (got ${input})`);
    text = String(input);
    if (/e/i.test(text)) inputError(path, `must be an amount with at most 2 decimal places (got ${text})`);
  } else if (typeof input === 'string') {
    text = input.trim();
  } else {
    return inputError(path, 'must be an amount as a decimal string such as "12500.00"');
  }
  const match = AMOUNT_PATTERN.exec(text);
  if (!match) {
    return inputError(path, `must be an amount with at most 2 decimal places, such as "12500.00" (got ${JSON.stringify(input)})`);
  }
  const [, sign, whole = '0', fraction = ''] = match;
  const minor = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(minor)) inputError(path, `is too large (got ${text})`);
  return sign && minor !== 0 ? -minor : minor;
}

/**
 * Formats minor units as an exact decimal string in major units, with two decimals.
 *
 * @param minor - amount in minor units
 * @returns e.g. "12500.00", "-0.05"
 * @example
 * ```ts
 * formatAmount(1250000); // "12500.00"
 * formatAmount(-5);      // "-0.05"
 * ```
 */
export function formatAmount(minor: Minor): string {
  assertMinor(minor);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const pence = abs % 100;
  return `${sign}${(abs - pence) / 100}.${pence < 10 ? '0' : ''}${pence}`;
}

/**
 * Formats minor units for people: thousands separators and a currency symbol.
 *
 * @param minor - amount in minor units
 * @param currency - ISO 4217 code; GBP shows "£"
 * @example
 * ```ts
 * formatMoney(21200000); // "£212,000.00"
 * formatMoney(-150, 'EUR'); // "-€1.50"
 * ```
 */
export function formatMoney(minor: Minor, currency = 'GBP'): string {
  const [whole = '0', pence = '00'] = formatAmount(Math.abs(minor)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = CURRENCY_SYMBOLS[currency] ?? `${currency} `;
  return `${minor < 0 ? '-' : ''}${symbol}${grouped}.${pence}`;
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = Object.freeze({ GBP: '£', EUR: '€', USD: '$' });

/**
 * Adds amounts of minor units, checking the result stays a safe integer.
 *
 * @example
 * ```ts
 * sumMinor([100, 250, -50]); // 300
 * ```
 */
export function sumMinor(amounts: readonly Minor[]): Minor {
  let total = 0;
  for (const a of amounts) total += a;
  return assertMinor(total, 'total');
}

/**
 * Parses an amount like {@link parseAmount}, or returns `undefined` when it is not exact.
 *
 * @example
 * ```ts
 * tryParseAmount('12.50'); // 1250
 * tryParseAmount('1.005'); // undefined
 * ```
 */
export function tryParseAmount(input: unknown): Minor | undefined {
  if (typeof input !== 'string' && typeof input !== 'number') return undefined;
  try {
    return parseAmount(input);
  } catch {
    return undefined;
  }
}
