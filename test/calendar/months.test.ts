import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, civilFromDay, daysInMonth, endOfMonth, formatDay, isoWeekday, monthKey, parseDay, startOfMonth } from '../../src/calendar/index.js';

const add = (iso: string, months: number) => formatDay(addMonths(parseDay(iso), months));

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'], // 31 Feb does not exist: clamp to the last day (2026 not leap)
    ['2028-01-31', 1, '2028-02-29'], // 2028 is a leap year
    ['2026-03-31', -1, '2026-02-28'], // going back clamps too
    ['2026-01-31', 2, '2026-03-31'], // from the start date, not chained through 28 Feb
    ['2026-05-31', 1, '2026-06-30'],
    ['2026-12-15', 1, '2027-01-15'], // over the year end
    ['2026-01-15', -1, '2025-12-15'], // back over the year start
    ['2028-02-29', 12, '2029-02-28'], // a year on from a leap day
    ['2028-02-29', 48, '2032-02-29'], // four years on: a leap year again
    ['2026-04-01', 0, '2026-04-01'],
    ['2026-04-30', -13, '2025-03-30'],
    ['2026-04-01', 240, '2046-04-01'], // 20 years: the longest horizon
  ])('%s %+i months is %s', (iso, months, expected) => {
    expect(add(iso, months)).toBe(expected);
  });

  it('moves by exactly n calendar months and clamps the day (property)', () => {
    const civil = fc
      .record({ year: fc.integer({ min: 1910, max: 2189 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month));
    fc.assert(
      fc.property(civil, fc.integer({ min: -120, max: 120 }), ({ year, month, day }, n) => {
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        const r = civilFromDay(addMonths(parseDay(iso), n));
        expect(r.year * 12 + r.month - (year * 12 + month)).toBe(n);
        expect(r.day).toBe(Math.min(day, daysInMonth(r.year, r.month)));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('startOfMonth, endOfMonth and monthKey', () => {
  it.each([
    ['2026-03-17', '2026-03-01', '2026-03-31', '2026-03'],
    ['2026-02-10', '2026-02-01', '2026-02-28', '2026-02'],
    ['2028-02-10', '2028-02-01', '2028-02-29', '2028-02'],
    ['2026-12-05', '2026-12-01', '2026-12-31', '2026-12'],
    ['2026-04-01', '2026-04-01', '2026-04-30', '2026-04'],
    ['2026-11-30', '2026-11-01', '2026-11-30', '2026-11'],
  ])('%s lies in %s … %s (%s)', (iso, first, last, key) => {
    const day = parseDay(iso);
    expect(formatDay(startOfMonth(day))).toBe(first);
    expect(formatDay(endOfMonth(day))).toBe(last);
    expect(monthKey(day)).toBe(key);
  });
});

/** Zeller's congruence for the Gregorian calendar, turned into ISO weekday (1 = Monday … 7 = Sunday): an independent reference. */
function zellerIsoWeekday(year: number, month: number, day: number): number {
  const m = month < 3 ? month + 12 : month;
  const y = month < 3 ? year - 1 : year;
  const k = y % 100;
  const j = Math.floor(y / 100);
  const h = (day + Math.floor((13 * (m + 1)) / 5) + k + Math.floor(k / 4) + Math.floor(j / 4) + 5 * j) % 7; // 0 = Saturday
  return ((h + 5) % 7) + 1;
}

describe('isoWeekday', () => {
  it.each([
    ['1970-01-01', 4], // the Unix epoch was a Thursday
    ['1900-01-01', 1], // a Monday (the 1900 calendar starts on Monday)
    ['2000-01-01', 6], // a Saturday
    ['2024-02-29', 4], // a Thursday
    ['2026-01-01', 4], // a Thursday
    ['2026-04-01', 3], // 2026-01-01 (Thu) + 90 days = 12 weeks + 6 days → Wednesday
    ['2026-01-04', 7], // Sunday
    ['2026-01-05', 1], // Monday
  ])('%s is ISO weekday %i', (iso, weekday) => {
    expect(isoWeekday(parseDay(iso))).toBe(weekday);
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(zellerIsoWeekday(y, m, d)).toBe(weekday); // the reference agrees with the hand figure
  });

  it("agrees with Zeller's congruence over 1900–2199 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDay('1900-01-01'), max: parseDay('2199-12-31') }), (n) => {
        const { year, month, day } = civilFromDay(n);
        expect(isoWeekday(n)).toBe(zellerIsoWeekday(year, month, day));
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
