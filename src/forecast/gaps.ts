import { assertMinor, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { formatDay, parseDay } from '../calendar/day.js';
import { monthKey } from '../calendar/months.js';
import type { DailyLedger, Gap } from './types.js';

/** Options for {@link findGaps} and {@link fundingNeed}. */
export interface GapOptions {
  /** Cash below this is short, minor units. Defaults to the forecast's buffer. */
  readonly buffer?: Minor;
}

/** The closing balances and start of a ledger: all that gap-finding needs. */
export type LedgerLike = Pick<DailyLedger, 'start' | 'closing' | 'buffer'>;

/**
 * Finds each episode of consecutive days when closing cash is below the buffer.
 *
 * @param forecast - a forecast (or any ledger after finance)
 * @param options - `buffer` in minor units; defaults to the forecast's
 * @returns gaps in date order: first and last day short, days, peak shortfall and its date, and
 *   the shortfall-days (sum of daily shortfalls)
 * @example
 * ```ts
 * findGaps(forecastCash(scenario)).map((g) => [g.start, g.end, formatAmount(g.peakShortfall)]);
 * // [['2026-04-25', '2026-09-18', '212000.00']]
 * ```
 */
export function findGaps(forecast: LedgerLike, options: GapOptions = {}): Gap[] {
  const buffer = assertMinor(options.buffer ?? forecast.buffer, 'buffer');
  const start = parseDay(forecast.start);
  const gaps: Gap[] = [];
  const closing = forecast.closing;
  // A balance that is not a safe integer (NaN, a string) is neither >= nor < the buffer: without
  // this check the loop below would never advance and fill memory with empty gaps.
  for (let j = 0; j < closing.length; j++) if (!Number.isSafeInteger(closing[j])) inputError(`closing[${j}]`, `must be a whole number of minor units (got ${String(closing[j])})`);
  let i = 0;
  while (i < closing.length) {
    if (closing[i]! >= buffer) {
      i++;
      continue;
    }
    const first = i;
    let peak = 0;
    let peakAt = i;
    let area = 0;
    for (; i < closing.length && closing[i]! < buffer; i++) {
      const shortfall = buffer - closing[i]!;
      area += shortfall;
      if (shortfall > peak) {
        peak = shortfall;
        peakAt = i;
      }
    }
    gaps.push({
      start: formatDay(start + first),
      end: formatDay(start + i - 1),
      days: i - first,
      peakShortfall: peak,
      peakDate: formatDay(start + peakAt),
      shortfallDays: area,
    });
  }
  return gaps;
}

/** The funding an enterprise needs over a horizon. */
export interface FundingNeed {
  /** The largest shortfall below the buffer on any day, minor units (0 when never short). */
  readonly peak: Minor;
  /** First day of the peak, or null. */
  readonly peakDate: string | null;
  readonly firstDayShort: string | null;
  readonly lastDayShort: string | null;
  /** Days below the buffer, across all gaps. */
  readonly daysShort: number;
  readonly gaps: readonly Gap[];
  /** The largest shortfall in each month of the horizon (0 when not short), minor units. */
  readonly monthlyPeaks: readonly { readonly month: string; readonly peakShortfall: Minor }[];
}

/**
 * The peak need and its profile: what a facility would have to cover.
 *
 * @example
 * ```ts
 * const need = fundingNeed(forecastCash(scenario));
 * formatMoney(need.peak); // "£212,000.00"
 * ```
 */
export function fundingNeed(forecast: LedgerLike, options: GapOptions = {}): FundingNeed {
  const buffer = options.buffer ?? forecast.buffer;
  const gaps = findGaps(forecast, { buffer });
  const start = parseDay(forecast.start);
  const monthlyPeaks: { month: string; peakShortfall: Minor }[] = [];
  forecast.closing.forEach((balance, i) => {
    const month = monthKey(start + i);
    const shortfall = Math.max(0, buffer - balance);
    const last = monthlyPeaks[monthlyPeaks.length - 1];
    if (last && last.month === month) last.peakShortfall = Math.max(last.peakShortfall, shortfall);
    else monthlyPeaks.push({ month, peakShortfall: shortfall });
  });
  let peakGap = gaps[0];
  for (const g of gaps) if (g.peakShortfall > (peakGap?.peakShortfall ?? 0)) peakGap = g;
  return {
    peak: peakGap?.peakShortfall ?? 0,
    peakDate: peakGap?.peakDate ?? null,
    firstDayShort: gaps[0]?.start ?? null,
    lastDayShort: gaps[gaps.length - 1]?.end ?? null,
    daysShort: gaps.reduce((s, g) => s + g.days, 0),
    gaps,
    monthlyPeaks,
  };
}
