import { Dec } from './rate.js';

/**
 * Formats a rate given as a decimal fraction as a percentage for people: rounded half-up to at
 * most `places` decimal places, without trailing zeros ("0.084512" → "8.45%", "0.169" → "16.9%").
 * null prints as "–".
 *
 * @param rate - decimal fraction (string, number or Decimal), or null
 * @param places - most decimal places of the percentage (default 2)
 * @example
 * ```ts
 * formatPercent('0.084512'); // "8.45%"
 * formatPercent('0.08');     // "8%"
 * formatPercent(null);       // "–"
 * ```
 */
export function formatPercent(rate: string | number | Dec | null, places = 2): string {
  return rate === null ? '–' : `${new Dec(rate).times(100).toDecimalPlaces(places, Dec.ROUND_HALF_UP).toFixed()}%`;
}
