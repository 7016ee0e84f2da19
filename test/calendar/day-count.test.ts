import { describe, expect, it } from 'vitest';
import { days30360, yearFraction, dayBasis, dayWeight } from '../../src/calendar/day-count.js';
import { parseDay } from '../../src/calendar/day.js';
import { Dec } from '../../src/money/rate.js';

const d = parseDay;

describe('yearFraction', () => {
  it('ACT/365F counts actual days over 365', () => {
    // Hand: 2026-01-01 → 2026-04-01 = 31 + 28 + 31 = 90 days → 90/365
    expect(yearFraction(d('2026-01-01'), d('2026-04-01'), 'ACT/365F').equals(new Dec(90).div(365))).toBe(true);
    // Hand: a leap year still has denominator 365: 2028-01-01 → 2029-01-01 = 366 days → 366/365
    expect(yearFraction(d('2028-01-01'), d('2029-01-01'), 'ACT/365F').equals(new Dec(366).div(365))).toBe(true);
    expect(yearFraction(d('2026-04-01'), d('2026-04-01'), 'ACT/365F').isZero()).toBe(true);
  });

  it('ACT/360 counts actual days over 360', () => {
    // Hand: 2026-01-01 → 2026-07-01 = 31 + 28 + 31 + 30 + 31 + 30 = 181 days → 181/360
    expect(yearFraction(d('2026-01-01'), d('2026-07-01'), 'ACT/360').equals(new Dec(181).div(360))).toBe(true);
    // Hand: a 365-day year is 365/360 = 1.013888…
    expect(yearFraction(d('2026-01-01'), d('2027-01-01'), 'ACT/360').toNumber()).toBeCloseTo(365 / 360, 15);
  });

  it('30/360 (US bond basis) treats every month as 30 days', () => {
    // Hand: 2026-01-31 → 2026-03-31: D1 = 31 → 30; D2 = 31 with D1 ≥ 30 → 30;
    // 360·0 + 30·(3 − 1) + (30 − 30) = 60 → 60/360
    expect(days30360(d('2026-01-31'), d('2026-03-31'))).toBe(60);
    expect(yearFraction(d('2026-01-31'), d('2026-03-31'), '30/360').equals(new Dec(60).div(360))).toBe(true);
    // Hand: 2026-02-28 → 2026-03-31: D1 = 28 < 30, so D2 stays 31: 30·1 + (31 − 28) = 33
    expect(days30360(d('2026-02-28'), d('2026-03-31'))).toBe(33);
    // Hand: 2026-01-15 → 2027-01-15: 360·1 = 360 → exactly 1
    expect(yearFraction(d('2026-01-15'), d('2027-01-15'), '30/360').equals(1)).toBe(true);
    // Hand: 2026-03-30 → 2026-04-30: 30·1 + 0 = 30 → 1/12
    expect(yearFraction(d('2026-03-30'), d('2026-04-30'), '30/360').equals(new Dec(30).div(360))).toBe(true);
  });

  it('ACT/ACT (ISDA) splits a period at year ends, each part over its own year length', () => {
    // Hand: 2027-07-01 → 2028-07-01: in 2027, Jul–Dec = 31+31+30+31+30+31 = 184 days of 365;
    // in 2028 (leap), Jan–Jun = 31+29+31+30+31+30 = 182 days of 366 → 184/365 + 182/366
    const expected = new Dec(184).div(365).plus(new Dec(182).div(366));
    expect(yearFraction(d('2027-07-01'), d('2028-07-01'), 'ACT/ACT').minus(expected).abs().lt('1e-35')).toBe(true);
    expect(yearFraction(d('2027-07-01'), d('2028-07-01'), 'ACT/ACT').toNumber()).toBeCloseTo(1.0013773486, 10);
    // ISDA, "EMU and market conventions" (1998), ACT/ACT ISDA example: 2003-11-01 → 2004-05-01
    // = 61/365 + 121/366 = 0.49772438056740776…
    expect(yearFraction(d('2003-11-01'), d('2004-05-01'), 'ACT/ACT').toNumber()).toBeCloseTo(0.4977243806, 10);
    // Hand: the whole leap year 2028 is exactly 1
    expect(yearFraction(d('2028-01-01'), d('2029-01-01'), 'ACT/ACT').equals(1)).toBe(true);
    // Hand: 2027-12-31 → 2028-01-02 = 1/365 + 1/366
    expect(yearFraction(d('2027-12-31'), d('2028-01-02'), 'ACT/ACT').minus(new Dec(1).div(365).plus(new Dec(1).div(366))).abs().lt('1e-35')).toBe(true);
    // Reversed dates give the negative fraction
    expect(yearFraction(d('2028-07-01'), d('2027-07-01'), 'ACT/ACT').plus(expected).abs().lt('1e-35')).toBe(true);
  });

  it('daily accrual parts add up to the period fraction', () => {
    // Σ dayWeight/dayBasis over each day of 2027-07-01 … 2028-06-30 = 184/365 + 182/366 (ACT/ACT)
    // and for 30/360 over 2026-01-31 … 2026-03-30 = 60/360.
    let actAct = new Dec(0);
    for (let day = d('2027-07-01'); day < d('2028-07-01'); day++) actAct = actAct.plus(new Dec(dayWeight('ACT/ACT', day)).div(dayBasis('ACT/ACT', day)));
    expect(actAct.minus(new Dec(184).div(365).plus(new Dec(182).div(366))).abs().lt('1e-30')).toBe(true);
    let thirty = 0;
    for (let day = d('2026-01-31'); day < d('2026-03-31'); day++) thirty += dayWeight('30/360', day);
    expect(thirty).toBe(60);
  });
});
