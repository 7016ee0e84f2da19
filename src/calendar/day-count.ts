import { Dec, type Dec as Decimal } from '../money/rate.js';
import { civilFromDay, dayFromCivil, type Day } from './day.js';

/** Day-count conventions for accruing interest. */
export const DAY_COUNTS = ['ACT/365F', 'ACT/360', '30/360', 'ACT/ACT'] as const;
/** A day-count convention: ACT/365 Fixed, ACT/360, 30/360 (US bond basis) or ACT/ACT (ISDA). */
export type DayCount = (typeof DAY_COUNTS)[number];

/**
 * Days between two dates under 30/360 US (bond basis, as in ISDA 2006 4.16(f)):
 * D1 = 31 → 30; D2 = 31 and D1 ≥ 30 → 30.
 *
 * @example
 * ```ts
 * days30360(parseDay('2026-01-31'), parseDay('2026-03-31')); // 60
 * ```
 */
export function days30360(from: Day, to: Day): number {
  const a = civilFromDay(from);
  const b = civilFromDay(to);
  const d1 = a.day === 31 ? 30 : a.day;
  const d2 = b.day === 31 && d1 >= 30 ? 30 : b.day;
  return 360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1);
}

/**
 * The fraction of a year between two dates under a day-count convention, as an exact decimal.
 * ACT/ACT is the ISDA method: days in each calendar year over that year's length.
 *
 * @param from - start day (inclusive)
 * @param to - end day (exclusive)
 * @example
 * ```ts
 * yearFraction(parseDay('2026-01-01'), parseDay('2026-04-01'), 'ACT/365F').toString();
 * // "0.2465753424657534246575342465753424657534" (90/365)
 * ```
 */
export function yearFraction(from: Day, to: Day, dayCount: DayCount): Decimal {
  switch (dayCount) {
    case 'ACT/365F':
      return new Dec(to - from).div(365);
    case 'ACT/360':
      return new Dec(to - from).div(360);
    case '30/360':
      return new Dec(days30360(from, to)).div(360);
    case 'ACT/ACT':
      return actAct(from, to);
  }
}

function actAct(from: Day, to: Day): Decimal {
  if (to < from) return actAct(to, from).neg();
  let total = new Dec(0);
  let cursor = from;
  while (cursor < to) {
    const { year } = civilFromDay(cursor);
    const nextYear = dayFromYearStart(year + 1);
    const end = Math.min(nextYear, to);
    total = total.plus(new Dec(end - cursor).div(nextYear - dayFromYearStart(year)));
    cursor = end;
  }
  return total;
}

function dayFromYearStart(year: number): Day {
  return dayFromCivil(year, 1, 1);
}

/**
 * The denominator of a day's interest under a convention: the interest for one day on a
 * balance is `balance × rate × dayWeight(day) / basis(day)`. Used by the daily accrual loop.
 *
 * @example
 * ```ts
 * dayBasis('ACT/360', parseDay('2026-05-01')); // 360
 * dayBasis('ACT/ACT', parseDay('2028-05-01')); // 366
 * ```
 */
export function dayBasis(dayCount: DayCount, day: Day): number {
  switch (dayCount) {
    case 'ACT/365F':
      return 365;
    case 'ACT/360':
    case '30/360':
      return 360;
    case 'ACT/ACT': {
      const { year } = civilFromDay(day);
      return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
    }
  }
}

/**
 * How many days of interest a calendar day carries under a convention: 1 for ACT conventions;
 * for 30/360, the 30/360 day count from `day` to the next day (0 on the 30th of a 31-day
 * month, 2 or 3 on the last day of February), so a whole month always accrues 30 days.
 *
 * @example
 * ```ts
 * dayWeight('30/360', parseDay('2026-01-30')); // 0
 * dayWeight('30/360', parseDay('2026-02-28')); // 3
 * ```
 */
export function dayWeight(dayCount: DayCount, day: Day): number {
  return dayCount === '30/360' ? days30360(day, day + 1) : 1;
}
