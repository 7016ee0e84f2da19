import { civilFromDay, dayFromCivil, daysInMonth, type Day } from './day.js';

/**
 * Adds whole calendar months, clamping to the month's last day when the day does not exist:
 * 31 Jan + 1 month = 28 Feb (29 Feb in a leap year). Negative `months` go back.
 *
 * @example
 * ```ts
 * formatDay(addMonths(parseDay('2026-01-31'), 1)); // "2026-02-28"
 * formatDay(addMonths(parseDay('2028-01-31'), 1)); // "2028-02-29"
 * ```
 */
export function addMonths(day: Day, months: number): Day {
  const c = civilFromDay(day);
  const index = c.year * 12 + (c.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return dayFromCivil(year, month, Math.min(c.day, daysInMonth(year, month)));
}

/**
 * The first day of the month containing `day`.
 *
 * @example
 * ```ts
 * formatDay(startOfMonth(parseDay('2026-03-17'))); // "2026-03-01"
 * ```
 */
export function startOfMonth(day: Day): Day {
  const c = civilFromDay(day);
  return dayFromCivil(c.year, c.month, 1);
}

/**
 * The last day of the month containing `day`.
 *
 * @example
 * ```ts
 * formatDay(endOfMonth(parseDay('2028-02-10'))); // "2028-02-29"
 * ```
 */
export function endOfMonth(day: Day): Day {
  const c = civilFromDay(day);
  return dayFromCivil(c.year, c.month, daysInMonth(c.year, c.month));
}

/**
 * Day of the week, 1 = Monday … 7 = Sunday (ISO 8601).
 *
 * @example
 * ```ts
 * isoWeekday(parseDay('2026-04-01')); // 3 (a Wednesday)
 * ```
 */
export function isoWeekday(day: Day): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/**
 * The month key `YYYY-MM` of a day, for grouping a daily ledger into months.
 *
 * @example
 * ```ts
 * monthKey(parseDay('2026-04-15')); // "2026-04"
 * ```
 */
export function monthKey(day: Day): string {
  const c = civilFromDay(day);
  return `${c.year}-${c.month < 10 ? '0' : ''}${c.month}`;
}
