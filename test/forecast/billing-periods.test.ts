import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import { billingPeriods, MONTH_UNITS } from '../../src/forecast/index.js';

const periods = (start: string, end: string, months: 1 | 3) =>
  billingPeriods(parseDay(start), parseDay(end), months).map((p) => [formatDay(p.start), formatDay(p.end), p.weight]);

describe('billingPeriods', () => {
  it('MONTH_UNITS divides exactly by every month length', () => {
    // 377,580 = 2² × 3 × 5 × 7 × 29 × 31 = lcm(28, 29, 30, 31)
    for (const dim of [28, 29, 30, 31]) expect(MONTH_UNITS % dim).toBe(0);
  });

  it('splits a contract from 15 April into a partial April and whole months', () => {
    // 15–30 April is 16 of April's 30 days → 16/30 of a month
    expect(periods('2026-04-15', '2026-06-30', 1)).toEqual([
      ['2026-04-15', '2026-04-30', (16 * MONTH_UNITS) / 30],
      ['2026-05-01', '2026-05-31', MONTH_UNITS],
      ['2026-06-01', '2026-06-30', MONTH_UNITS],
    ]);
  });

  it('pro-rates a partial last month', () => {
    // 1–10 June is 10 of 30 days
    expect(periods('2026-05-01', '2026-06-10', 1)).toEqual([
      ['2026-05-01', '2026-05-31', MONTH_UNITS],
      ['2026-06-01', '2026-06-10', (10 * MONTH_UNITS) / 30],
    ]);
  });

  it('aligns quarters to January, April, July and October', () => {
    // 10 May – 20 Feb: Q2 from 10 May (22/31 of May + June), Q3, Q4 whole, Q1 2027 to 20 Feb (January + 20/28 of February)
    expect(periods('2026-05-10', '2027-02-20', 3)).toEqual([
      ['2026-05-10', '2026-06-30', (22 * MONTH_UNITS) / 31 + MONTH_UNITS],
      ['2026-07-01', '2026-09-30', 3 * MONTH_UNITS],
      ['2026-10-01', '2026-12-31', 3 * MONTH_UNITS],
      ['2027-01-01', '2027-02-20', MONTH_UNITS + (20 * MONTH_UNITS) / 28],
    ]);
  });

  it('gives a one-day contract one period', () => {
    expect(periods('2026-02-28', '2026-02-28', 1)).toEqual([['2026-02-28', '2026-02-28', MONTH_UNITS / 28]]);
    expect(periods('2026-02-28', '2026-02-28', 3)).toEqual([['2026-02-28', '2026-02-28', MONTH_UNITS / 28]]);
  });
});
