import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { applyRate, BridgefitInputError, Dec, parseRate, roundMinor } from '../../src/money/index.js';
import { invoicesFor } from '../../src/forecast/index.js';
import { parseScenario } from '../../src/model/index.js';
import { contractInput, scenarioInput } from '../helpers/scenario-builder.js';

describe('applyRate', () => {
  it('takes 1.5% of £100,000.00 exactly', () => {
    // 10,000,000p × 0.015 = 150,000p = £1,500.00
    expect(applyRate(10_000_000, new Dec('0.015'))).toBe(150_000);
  });

  it('rounds an exact 2.5p tie half-up to 3p and half-even to 2p', () => {
    // 5p × 0.5 = 2.5p exactly
    expect(applyRate(5, '0.5')).toBe(3);
    expect(applyRate(5, '0.5', 'half-up')).toBe(3);
    expect(applyRate(5, '0.5', 'half-even')).toBe(2);
    // 15p × 0.5 = 7.5p: half-even goes to 8 (the even neighbour), as does half-up
    expect(applyRate(15, '0.5', 'half-even')).toBe(8);
    expect(applyRate(15, '0.5', 'half-up')).toBe(8);
  });

  it('rounds a value just below the tie down in both modes', () => {
    // 2,499,999p × 0.000001 = 2.499999p → 2
    expect(applyRate(2_499_999, '0.000001', 'half-up')).toBe(2);
    expect(applyRate(2_499_999, '0.000001', 'half-even')).toBe(2);
  });

  it('rounds negatives symmetrically: half-up is half away from zero, down is towards zero', () => {
    // −5p × 0.5 = −2.5p
    expect(applyRate(-5, '0.5', 'half-up')).toBe(-3);
    expect(applyRate(-5, '0.5', 'half-even')).toBe(-2);
    expect(applyRate(-5, '0.5', 'down')).toBe(-2);
    expect(applyRate(-5, '0.5', 'up')).toBe(-3);
    // −7p × 0.3 = −2.1p
    expect(applyRate(-7, '0.3', 'half-up')).toBe(-2);
    expect(applyRate(-7, '0.3', 'up')).toBe(-3);
    expect(applyRate(-7, '0.3', 'down')).toBe(-2);
  });

  it('never returns minus zero', () => {
    // −1p × 0.1 = −0.1p → 0 (not −0, which would print oddly and fail Object.is checks)
    expect(Object.is(applyRate(-1, '0.1', 'half-up'), -0)).toBe(false);
    expect(Object.is(roundMinor(new Dec('-0.4')), -0)).toBe(false);
    expect(applyRate(-1, '0.1', 'half-even')).toEqual(0);
  });
});

describe('roundMinor', () => {
  it.each([
    ['2.5', 'half-up', 3],
    ['2.5', 'half-even', 2],
    ['3.5', 'half-even', 4],
    ['2.4', 'up', 3],
    ['2.6', 'down', 2],
    ['-2.5', 'half-up', -3],
    ['-2.5', 'half-even', -2],
  ] as const)('rounds %s %s to %i', (value, mode, expected) => {
    expect(roundMinor(new Dec(value), mode)).toBe(expected);
  });

  it('refuses results outside the safe-integer range', () => {
    expect(() => roundMinor(new Dec('1e20'))).toThrow(BridgefitInputError);
  });
});

describe('parseRate', () => {
  it('reads decimal fractions exactly', () => {
    expect(parseRate('0.08').toString()).toBe('0.08');
    expect(parseRate(0.08).toString()).toBe('0.08');
    expect(parseRate('-0.0125').toString()).toBe('-0.0125');
  });

  it.each(['8%', '1e-2', '', '0.1234567890123', 'abc'])('rejects %j naming the path', (text) => {
    expect(() => parseRate(text, 'product.rate')).toThrow(/product\.rate/);
  });
});

describe('a host application changing the global decimal.js settings', () => {
  let saved: { precision: number; rounding: Decimal.Rounding };
  beforeEach(() => {
    saved = { precision: Decimal.precision, rounding: Decimal.rounding };
    Decimal.set({ rounding: Decimal.ROUND_DOWN, precision: 5 });
  });
  afterEach(() => {
    Decimal.set(saved);
  });

  it('does not change our rounding or precision', () => {
    expect(Decimal.precision).toBe(5); // the host's setting is in force
    // 123,456,789p × 0.0123456789: 123456789² = 15,241,578,750,190,521, × 10⁻¹⁰ = 1,524,157.8750190521p
    // → half-up 1,524,158p. With the host's 5 digits and ROUND_DOWN it would be 1,524,100.
    expect(applyRate(123_456_789, '0.0123456789')).toBe(1_524_158);
    // 5p × 0.5 = 2.5p → half-up 3 (ROUND_DOWN would give 2)
    expect(applyRate(5, '0.5')).toBe(3);
    // A rate made with the host's Decimal is still multiplied with our precision.
    expect(applyRate(123_456_789, new Decimal('0.0123456789'))).toBe(1_524_158);
    expect(new Dec(2).div(3).toString()).toBe('0.6666666666666666666666666666666666666667'); // 40 digits, half-up
  });

  it('does not change pro-rated invoices', () => {
    // £1,000.01 a month from 15 April: April = 100,001p × 16/30 = 53,333.866…p → 53,334p half-up
    // (ROUND_DOWN would give 53,333p).
    const scenario = parseScenario(
      scenarioInput({ contracts: [contractInput({ start: '2026-04-15', end: '2026-06-30', value: { kind: 'periodic', amount: '1000.01', per: 'month' } })] }),
    );
    expect(invoicesFor(scenario.contracts[0]!).map((i) => i.amount)).toEqual([53_334, 100_001, 100_001]);
  });

  it('is itself left untouched by bridgefit', () => {
    applyRate(5, '0.5');
    expect(Decimal.precision).toBe(5);
    expect(Decimal.rounding).toBe(Decimal.ROUND_DOWN);
  });
});
