/**
 * Axes for the SVG charts: money ticks at round amounts (computed in integer minor units, so a
 * tick label is exact) and date ticks at month or day boundaries (computed on day numbers, so
 * they never depend on the time zone).
 *
 * @module
 */
import { formatMoney, type Minor } from '../../money/amount.js';
import { civilFromDay, dayFromCivil, type Day } from '../../calendar/day.js';

/** A money axis: its domain and tick values, all in minor units. */
export interface MoneyAxis {
  /** Lowest value on the axis, minor units (a tick). */
  readonly min: Minor;
  /** Highest value on the axis, minor units (a tick). */
  readonly max: Minor;
  /** Tick values from `min` to `max`, ascending, minor units. */
  readonly ticks: readonly Minor[];
}

/** Steps between money ticks: 1, 2, 2.5 and 5 × 10ⁿ pounds (or other major units). */
const STEP_MANTISSAS = [1, 2, 2.5, 5] as const;

/**
 * A round step in minor units for about `count` intervals over `span` minor units: 1, 2, 2.5 or
 * 5 × 10ⁿ major units, at least one major unit (100 minor units).
 */
function niceStep(span: number, count: number): number {
  const raw = Math.max(span / Math.max(1, count), 100);
  let power = 100;
  while (power * 10 <= raw) power *= 10;
  for (const m of STEP_MANTISSAS) if (m * power >= raw) return m * power;
  return 10 * power;
}

/**
 * A money axis covering `values` (and zero when `includeZero`), with ticks at round amounts:
 * about `count` intervals of 1, 2, 2.5 or 5 × 10ⁿ major units.
 *
 * @param values - amounts to cover, minor units (safe integers)
 * @param count - about how many intervals (default 5)
 * @param includeZero - whether 0 must be on the axis (default true)
 * @example
 * ```ts
 * moneyAxis([-2_000_000, 18_000_000]); // { min: -5_000_000, max: 20_000_000, ticks: [-5_000_000, 0, 5_000_000, …, 20_000_000] }
 * ```
 */
export function moneyAxis(values: Iterable<Minor>, count = 5, includeZero = true): MoneyAxis {
  let lo = includeZero ? 0 : Infinity;
  let hi = includeZero ? 0 : -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) {
    lo = 0;
    hi = 0;
  }
  if (lo === hi) hi = lo + niceStep(Math.max(Math.abs(lo), 10_000), count);
  const step = niceStep(hi - lo, count);
  const min = Math.floor(lo / step) * step;
  const max = Math.ceil(hi / step) * step;
  const ticks: Minor[] = [];
  for (let t = min; t <= max; t += step) ticks.push(t);
  return { min, max, ticks };
}

/**
 * A tick label for an amount: the currency symbol, thousands separators and no ".00" when the
 * amount is whole ("£150,000", "-£2,500", "£2.50").
 *
 * @param minor - amount, minor units
 * @param currency - ISO 4217 code (default GBP)
 * @example
 * ```ts
 * moneyLabel(15_000_000); // "£150,000"
 * ```
 */
export function moneyLabel(minor: Minor, currency = 'GBP'): string {
  return formatMoney(minor, currency).replace(/\.00$/, '');
}

/** A date tick: its day number and label. */
export interface DateTick {
  readonly day: Day;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120] as const;
const DAY_STEPS = [1, 2, 7, 14] as const;

/**
 * Date ticks for days `from` … `to` (inclusive): the first of every month (or every 2, 3, 6, 12 …
 * months, quarters starting in January, April, July, October) labelled "Apr 2026", or for spans
 * under about two months every day (or 2, 7, 14 days) labelled "28 Mar"; at most `maxTicks`.
 *
 * @param from - first day number
 * @param to - last day number (inclusive)
 * @param maxTicks - the most ticks wanted (at least 2)
 * @example
 * ```ts
 * dateTicks(parseDay('2026-03-01'), parseDay('2026-06-30'), 8).map((t) => t.label); // ["Mar 2026", "Apr 2026", "May 2026", "Jun 2026"]
 * ```
 */
export function dateTicks(from: Day, to: Day, maxTicks: number): DateTick[] {
  const limit = Math.max(2, Math.floor(maxTicks));
  const span = to - from + 1;
  if (span <= 62) {
    const step = DAY_STEPS.find((s) => Math.ceil(span / s) <= limit) ?? Math.ceil(span / limit);
    const ticks: DateTick[] = [];
    for (let d = from; d <= to; d += step) {
      const c = civilFromDay(d);
      ticks.push({ day: d, label: `${c.day} ${MONTHS[c.month - 1]}` });
    }
    return ticks;
  }
  const first = civilFromDay(from);
  const last = civilFromDay(to);
  const months = (last.year - first.year) * 12 + (last.month - first.month) + 1;
  const step = MONTH_STEPS.find((s) => Math.ceil(months / s) <= limit) ?? Math.ceil(months / limit / 12) * 12;
  const ticks: DateTick[] = [];
  // Month index since year 0, aligned to the step (so quarters start in January, April, …).
  let index = first.year * 12 + (first.month - 1);
  index = Math.ceil(index / step) * step;
  for (; ; index += step) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const day = dayFromCivil(year, month, 1);
    if (day < from) continue;
    if (day > to) break;
    ticks.push({ day, label: step >= 12 ? String(year) : `${MONTHS[month - 1]} ${year}` });
  }
  return ticks;
}

/**
 * "28 Mar 2026" for a day number: for chart text.
 *
 * @param day - day number
 * @example
 * ```ts
 * dateLabel(parseDay('2026-03-28')); // "28 Mar 2026"
 * ```
 */
export function dateLabel(day: Day): string {
  const c = civilFromDay(day);
  return `${c.day} ${MONTHS[c.month - 1]} ${c.year}`;
}
