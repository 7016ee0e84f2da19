import { civilFromDay, dayFromCivil, daysInMonth, type Day } from '../calendar/day.js';

/**
 * Weight of a whole calendar month. Each month's share of a period is
 * `coveredDays × MONTH_UNITS / daysInMonth`, an integer because MONTH_UNITS is divisible by
 * 28, 29, 30 and 31 (it is their least common multiple).
 */
export const MONTH_UNITS = 377_580;

/** A calendar-aligned billing period, clipped to the contract's dates. */
export interface BillingPeriod {
  readonly start: Day;
  readonly end: Day;
  /** Months of service in the period, in {@link MONTH_UNITS}: a full month is MONTH_UNITS. */
  readonly weight: number;
}

/**
 * Splits `[start, end]` into calendar months or calendar quarters (Jan/Apr/Jul/Oct), clipped to
 * the dates given, each weighted by the months of service it holds (partial months pro rata by days).
 *
 * @param start - first day of service
 * @param end - last day of service (inclusive)
 * @param monthsPerPeriod - 1 for monthly, 3 for quarterly
 * @example
 * ```ts
 * billingPeriods(parseDay('2026-04-15'), parseDay('2026-06-30'), 1).map((p) => p.weight / MONTH_UNITS);
 * // [0.5333…, 1, 1]: 16 of April's 30 days, then May and June whole
 * ```
 */
export function billingPeriods(start: Day, end: Day, monthsPerPeriod: 1 | 3): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  const first = civilFromDay(start);
  let index = first.year * 12 + first.month - 1;
  index -= index % monthsPerPeriod;
  for (;;) {
    let periodStart: Day | undefined;
    let periodEnd: Day = start;
    let weight = 0;
    for (let k = 0; k < monthsPerPeriod; k++, index++) {
      const year = Math.floor(index / 12);
      const month = (index % 12) + 1;
      const dim = daysInMonth(year, month);
      const monthStart = dayFromCivil(year, month, 1);
      const from = Math.max(start, monthStart);
      const to = Math.min(end, monthStart + dim - 1);
      if (to < from) continue;
      periodStart ??= from;
      periodEnd = to;
      weight += ((to - from + 1) * MONTH_UNITS) / dim;
    }
    if (periodStart === undefined) break;
    periods.push({ start: periodStart, end: periodEnd, weight });
    if (periodEnd >= end) break;
  }
  return periods;
}
