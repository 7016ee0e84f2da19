import { inputError } from '../money/errors.js';

/** A calendar date as a whole number of days since 1970-01-01 (day 0). Never a `Date`. */
export type Day = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest date bridgefit accepts: 1900-01-01. */
export const MIN_DAY: Day = -25567;
/** Latest date bridgefit accepts: 2199-12-31. */
export const MAX_DAY: Day = 84005;

/**
 * Day number of a proleptic Gregorian civil date (Howard Hinnant's `days_from_civil`):
 * pure integer arithmetic, so the answer never depends on the process's time zone.
 *
 * @param year - e.g. 2026
 * @param month - 1–12
 * @param day - 1–31
 * @example
 * ```ts
 * dayFromCivil(1970, 1, 1); // 0
 * dayFromCivil(2026, 4, 1); // 20544
 * ```
 */
export function dayFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** A civil date split into its parts. */
export interface Civil {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/**
 * The civil date of a day number (Howard Hinnant's `civil_from_days`).
 *
 * @example
 * ```ts
 * civilFromDay(0); // { year: 1970, month: 1, day: 1 }
 * ```
 */
export function civilFromDay(dayNumber: Day): Civil {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Whether `year` is a Gregorian leap year.
 *
 * @example
 * ```ts
 * isLeapYear(2028); // true
 * isLeapYear(2100); // false
 * ```
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Number of days in a month.
 *
 * @example
 * ```ts
 * daysInMonth(2028, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Parses an ISO `YYYY-MM-DD` date into a day number, rejecting dates that do not exist
 * (2026-02-30) and dates outside 1900–2199.
 *
 * @param iso - the date string
 * @param path - the field name used in the error
 * @throws BridgefitInputError naming `path` when the date is malformed or does not exist
 * @example
 * ```ts
 * parseDay('2026-04-01'); // 20544
 * parseDay('2026-02-30'); // throws "date: 2026-02-30 is not a real date"
 * ```
 */
export function parseDay(iso: string, path = 'date'): Day {
  const match = typeof iso === 'string' ? ISO_DATE.exec(iso) : null;
  if (!match) return inputError(path, `must be a date as YYYY-MM-DD (got ${JSON.stringify(iso)})`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    inputError(path, `${iso} is not a real date`);
  }
  const n = dayFromCivil(year, month, day);
  if (n < MIN_DAY || n > MAX_DAY) inputError(path, `must be between 1900-01-01 and 2199-12-31 (got ${iso})`);
  return n;
}

/**
 * Whether a string is a real ISO `YYYY-MM-DD` date bridgefit accepts.
 *
 * @example
 * ```ts
 * isIsoDate('2028-02-29'); // true
 * isIsoDate('2026-02-29'); // false
 * ```
 */
export function isIsoDate(iso: string): boolean {
  const match = ISO_DATE.exec(iso);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  const n = dayFromCivil(year, month, day);
  return n >= MIN_DAY && n <= MAX_DAY;
}

/**
 * Formats a day number as ISO `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * formatDay(20544); // "2026-04-01"
 * ```
 */
export function formatDay(dayNumber: Day): string {
  const { year, month, day } = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * Parses an ISO date to a day number, or returns `undefined` when it is not a real date in range.
 *
 * @example
 * ```ts
 * tryParseDay('2026-04-01'); // 20544
 * tryParseDay('2026-02-30'); // undefined
 * ```
 */
export function tryParseDay(iso: string): Day | undefined {
  return isIsoDate(iso) ? parseDay(iso) : undefined;
}
