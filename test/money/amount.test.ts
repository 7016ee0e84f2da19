import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assertMinor, BridgefitInputError, formatAmount, formatMoney, parseAmount, sumMinor, tryParseAmount } from '../../src/money/index.js';

describe('parseAmount', () => {
  it.each([
    // input, expected pence (hand: pounds × 100, exactly)
    ['12500', 1_250_000], // 12500 × 100
    ['12500.5', 1_250_050], // 12500 × 100 + 50
    ['12500.05', 1_250_005], // 12500 × 100 + 5
    ['-3.25', -325], // −(3 × 100 + 25)
    ['0.01', 1],
    ['0', 0],
    ['-0.00', 0], // minus zero is zero, never -0
    [' 7.10 ', 710], // surrounding spaces are trimmed
    [19.99, 1_999], // String(19.99) === "19.99": exact at 2 dp
    [12500.25, 1_250_025],
    [-3.25, -325],
    [0, 0],
  ] as const)('reads %j as %i pence', (input, pence) => {
    expect(Object.is(parseAmount(input), pence)).toBe(true);
  });

  it.each([
    ['1.005', 'three decimal places'],
    [0.001, 'a number with three decimal places'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    ['1e3', 'exponent notation'],
    [1e21, 'a number that prints in exponent notation'],
    ['', 'the empty string'],
    [' ', 'only a space'],
    ['12,500', 'a thousands separator'],
    ['£5', 'a currency symbol'],
    ['+5', 'a plus sign'],
    ['.5', 'no whole part'],
    ['5.', 'a trailing point'],
    ['0x10', 'hex'],
    [0.1 + 0.2, 'a float that is not exact at 2 dp (0.30000000000000004)'],
  ] as const)('rejects %j (%s) with BridgefitInputError', (input, _why) => {
    expect(() => parseAmount(input)).toThrow(BridgefitInputError);
    expect(tryParseAmount(input)).toBeUndefined();
  });

  it('rejects values that are not strings or numbers', () => {
    expect(() => parseAmount(null as never)).toThrow(BridgefitInputError);
    expect(tryParseAmount({})).toBeUndefined();
    expect(tryParseAmount(null)).toBeUndefined();
  });

  it('names the field path in its error', () => {
    expect(() => parseAmount('1.005', 'contracts[0].value.amount')).toThrow(/contracts\[0\]\.value\.amount: .*2 decimal places/);
  });

  it('rejects amounts too large to hold as safe-integer pence', () => {
    // 999,999,999,999,999 pounds = 99,999,999,999,999,900 pence > 2^53 − 1 ≈ 9.007e15
    expect(() => parseAmount('999999999999999')).toThrow(/too large/);
    // 90,071,992,547,409.91 pounds = 2^53 − 1 pence: the largest accepted
    expect(parseAmount('90071992547409.91')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('round-trips with formatAmount for any whole number of pence (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (pence) => {
        expect(parseAmount(formatAmount(pence))).toBe(pence);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('reads a number of pounds exact at 2 dp (pence / 100, up to 14 significant digits) back to the same pence (property)', () => {
    // Doubles hold 15 significant decimal digits, so pence/100 with ≤ 14 digits prints as exactly "x.yz" (or shorter).
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999_999, max: 99_999_999_999_999 }), (pence) => {
        expect(parseAmount(pence / 100)).toBe(pence);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('formatAmount', () => {
  it.each([
    [1_250_000, '12500.00'],
    [1_250_050, '12500.50'],
    [0, '0.00'],
    [7, '0.07'], // under £1: the leading zero and the padded pence
    [99, '0.99'],
    [100, '1.00'],
    [-5, '-0.05'], // negative under £1 keeps its sign
    [-99, '-0.99'],
    [-150, '-1.50'],
    [-1_250_001, '-12500.01'],
  ])('formats %i pence as %s', (pence, text) => {
    expect(formatAmount(pence)).toBe(text);
  });

  it('refuses fractional pence', () => {
    expect(() => formatAmount(0.5)).toThrow(BridgefitInputError);
  });
});

describe('formatMoney', () => {
  it.each([
    [21_200_000, 'GBP', '£212,000.00'],
    [123_456_789, 'GBP', '£1,234,567.89'],
    [5, 'GBP', '£0.05'],
    [-5, 'GBP', '-£0.05'],
    [-150, 'EUR', '-€1.50'],
    [100_000, 'USD', '$1,000.00'],
    [100, 'CHF', 'CHF 1.00'],
  ] as const)('formats %i in %s as %s', (pence, currency, text) => {
    expect(formatMoney(pence, currency)).toBe(text);
  });

  it('defaults to pounds', () => {
    expect(formatMoney(99_999)).toBe('£999.99');
  });
});

describe('assertMinor and sumMinor', () => {
  it('accepts safe integers and rejects anything else, naming the path', () => {
    expect(assertMinor(1_250_000, 'openingCash')).toBe(1_250_000);
    expect(() => assertMinor(0.5, 'openingCash')).toThrow(/openingCash/);
    expect(() => assertMinor(Number.NaN)).toThrow(BridgefitInputError);
    expect(() => assertMinor(Number.MAX_SAFE_INTEGER + 1)).toThrow(BridgefitInputError);
  });

  it('adds exactly and refuses to overflow', () => {
    expect(sumMinor([100, 250, -50])).toBe(300); // 100 + 250 − 50
    expect(sumMinor([])).toBe(0);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(BridgefitInputError);
  });
});
