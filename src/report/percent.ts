import { Dec } from '../money/rate.js';

/**
 * Formats a rate given as a decimal fraction as a percentage for people ("0.084512" → "8.45%").
 * Rounds half-up to `places` decimal places; null prints as "–".
 *
 * @param rate - decimal fraction string, or null
 * @param places - decimal places of the percentage (default 2)
 * @example
 * ```ts
 * formatPercent('0.084512'); // "8.45%"
 * formatPercent(null);       // "–"
 * ```
 */
export function formatPercent(rate: string | null, places = 2): string {
  return rate === null ? '–' : `${new Dec(rate).times(100).toFixed(places)}%`;
}
