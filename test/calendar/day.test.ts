import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  civilFromDay,
  dayFromCivil,
  daysInMonth,
  formatDay,
  isIsoDate,
  isLeapYear,
  MAX_DAY,
  MIN_DAY,
  parseDay,
  tryParseDay,
} from '../../src/calendar/index.js';
import { BridgefitInputError } from '../../src/money/index.js';

describe('day numbers against references counted by hand', () => {
  it.each([
    // 1970-01-01 is day 0 by definition (the Unix epoch).
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    // 2000-03-01: 30 years 1970–1999 × 365 = 10,950, plus leap days 1972, 76, 80, 84, 88, 92, 96 = 7
    // → 2000-01-01 is day 10,957; + 31 (Jan) + 29 (Feb 2000 is a leap year) = 11,017.
    ['2000-03-01', 11_017],
    // 2026-04-01: 56 years 1970–2025 × 365 = 20,440, plus leap days 1972…2024 = (2024−1972)/4 + 1 = 14
    // → 2026-01-01 is day 20,454; + 31 + 28 + 31 (Jan–Mar) = 20,544.
    ['2026-04-01', 20_544],
    // 1900-01-01: 70 years 1900–1969 × 365 = 25,550, plus leap days 1904…1968 = 17 (1900 is not leap) → −25,567.
    ['1900-01-01', -25_567],
    // 2200-01-01: 230 years × 365 = 83,950 + leap days 1972…2196 = 57 − 1 (2100 is not leap) = 56 → 84,006; the day before is 84,005.
    ['2199-12-31', 84_005],
  ])('%s is day %i', (iso, n) => {
    expect(parseDay(iso)).toBe(n);
    expect(formatDay(n)).toBe(iso);
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    expect(dayFromCivil(y, m, d)).toBe(n);
    expect(civilFromDay(n)).toEqual({ year: y, month: m, day: d });
  });

  it('publishes the accepted range as MIN_DAY and MAX_DAY', () => {
    expect(MIN_DAY).toBe(-25_567); // 1900-01-01, counted above
    expect(MAX_DAY).toBe(84_005); // 2199-12-31, counted above
  });

  it('agrees with Date.UTC, an independent reference, over 1900–2199 (property)', () => {
    // Date.UTC is pure arithmetic on UTC (no time zone); ms / 86,400,000 is the day number.
    const civil = fc
      .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
      .filter(({ year, month, day }) => day <= daysInMonth(year, month));
    fc.assert(
      fc.property(civil, ({ year, month, day }) => {
        expect(dayFromCivil(year, month, day)).toBe(Date.UTC(year, month - 1, day) / 86_400_000);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});

describe('round trips over 1900–2199', () => {
  const days = fc.integer({ min: MIN_DAY, max: MAX_DAY });

  it('day → ISO → day and day → civil → day are identities (property)', () => {
    fc.assert(
      fc.property(days, (n) => {
        expect(parseDay(formatDay(n))).toBe(n);
        const c = civilFromDay(n);
        expect(dayFromCivil(c.year, c.month, c.day)).toBe(n);
        expect(isIsoDate(formatDay(n))).toBe(true);
      }),
      { seed: 42, numRuns: 1000 },
    );
  });

  it('the next day number is the next calendar date (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_DAY, max: MAX_DAY - 1 }), (n) => {
        const a = civilFromDay(n);
        const b = civilFromDay(n + 1);
        if (a.day < daysInMonth(a.year, a.month)) {
          expect(b).toEqual({ year: a.year, month: a.month, day: a.day + 1 });
        } else if (a.month < 12) {
          expect(b).toEqual({ year: a.year, month: a.month + 1, day: 1 });
        } else {
          expect(b).toEqual({ year: a.year + 1, month: 1, day: 1 });
        }
      }),
      { seed: 42, numRuns: 1000 },
    );
  });
});

describe('invalid and valid dates', () => {
  it.each([
    ['2026-02-30', 'February has 28 days in 2026'],
    ['2026-02-29', '2026 is not a leap year'],
    ['2100-02-29', '2100 is divisible by 100 but not 400: not a leap year'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-04-00', 'there is no day 0'],
  ])('%s is not a real date (%s)', (iso, _why) => {
    expect(() => parseDay(iso)).toThrow(/is not a real date/);
    expect(isIsoDate(iso)).toBe(false);
    expect(tryParseDay(iso)).toBeUndefined();
  });

  it.each(['26-04-01', '2026-4-1', '2026/04/01', '2026-04-01T00:00:00Z', ' 2026-04-01', '', '20260401'])('%j is not in YYYY-MM-DD form', (iso) => {
    expect(() => parseDay(iso)).toThrow(/must be a date as YYYY-MM-DD/);
    expect(isIsoDate(iso)).toBe(false);
    expect(tryParseDay(iso)).toBeUndefined();
  });

  it.each(['1899-12-31', '2200-01-01'])('%s is outside 1900–2199', (iso) => {
    expect(() => parseDay(iso)).toThrow(/between 1900-01-01 and 2199-12-31/);
    expect(isIsoDate(iso)).toBe(false);
    expect(tryParseDay(iso)).toBeUndefined();
  });

  it.each([
    // 2000 is divisible by 400, so a leap year: the day before 2000-03-01 (11,017) is 2000-02-29 = 11,016.
    ['2000-02-29', 11_016],
    // 2028-01-01 = 20,454 (2026-01-01, counted above) + 365 (2026) + 365 (2027) = 21,184;
    // 29 February is the 60th day of the year → 21,184 + 59 = 21,243.
    ['2028-02-29', 21_243],
  ])('%s is a real date, day %i', (iso, n) => {
    expect(isIsoDate(iso)).toBe(true);
    expect(parseDay(iso)).toBe(n);
    expect(tryParseDay(iso)).toBe(n);
  });

  it('names the field path in its error', () => {
    expect(() => parseDay('2026-02-30', 'contracts[0].start')).toThrow(BridgefitInputError);
    expect(() => parseDay('2026-02-30', 'contracts[0].start')).toThrow(/contracts\[0\]\.start: 2026-02-30 is not a real date/);
    expect(() => parseDay(20260401 as never, 'horizon.end')).toThrow(/horizon\.end: must be a date/);
  });
});

describe('leap years and month lengths', () => {
  it.each([
    [1900, false], // divisible by 100, not 400
    [2000, true], // divisible by 400
    [2024, true],
    [2026, false],
    [2028, true],
    [2100, false],
  ])('%i leap: %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });

  it('knows the 30- and 31-day months', () => {
    // "Thirty days hath September, April, June and November"
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});
