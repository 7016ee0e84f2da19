import { formatDuration } from 'date-fns';
import { parseDay } from '../calendar/day.js';
import { addMonths } from '../calendar/months.js';

/**
 * The length of a stretch of days in words, in whole calendar months then days
 * ("3 months 12 days"), from `from` to the day after `to`. Uses date-fns's `formatDuration`,
 * which only formats numbers and does no time-zone arithmetic.
 *
 * @param from - first day (ISO)
 * @param to - last day (ISO, inclusive)
 * @example
 * ```ts
 * describeSpan('2026-04-25', '2026-07-24'); // "3 months"
 * describeSpan('2026-04-25', '2026-04-25'); // "1 day"
 * ```
 */
export function describeSpan(from: string, to: string): string {
  const start = parseDay(from);
  const stop = parseDay(to) + 1;
  let months = Math.max(0, Math.floor((stop - start) / 31) - 1);
  while (addMonths(start, months + 1) <= stop) months++;
  const days = stop - addMonths(start, months);
  const text = formatDuration({ years: Math.floor(months / 12), months: months % 12, days }, { format: ['years', 'months', 'days'] });
  return text || '0 days';
}
