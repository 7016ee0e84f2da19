import { formatMoney } from '../money/amount.js';
import type { StressRow } from '../stress/delay-scenarios.js';
import { formatTable } from './table.js';

/**
 * Prints stress rows ({@link delayScenarios}) as a plain-text table: case, peak need, change from
 * the base, first and last day short, days short and, when a product was sized, the facility's
 * limit, whether it covers and its total cost.
 *
 * @param rows - rows from `delayScenarios`
 * @param currency - ISO currency of the amounts (default GBP)
 * @example
 * ```ts
 * console.log(stressTable(delayScenarios(scenario)));
 * // Case                           Peak need     Change  First short  …
 * // Base                         £212,000.00      £0.00  2026-04-25   …
 * ```
 */
export function stressTable(rows: readonly StressRow[], currency = 'GBP'): string {
  const money = (m: number) => formatMoney(m, currency);
  const withFacility = rows.some((r) => r.facility !== null);
  const headers = ['Case', 'Peak need', 'Change', 'First short', 'Last short', 'Days short'];
  const align: ('left' | 'right')[] = ['left', 'right', 'right', 'left', 'left', 'right'];
  if (withFacility) {
    headers.push('Facility', 'Covered', 'Total cost');
    align.push('right', 'left', 'right');
  }
  const body = rows.map((r) => {
    const cells = [r.label, money(r.peakNeed), (r.change > 0 ? '+' : '') + money(r.change), r.firstDayShort ?? '-', r.lastDayShort ?? '-', String(r.daysShort)];
    if (withFacility) {
      const f = r.facility;
      cells.push(f ? money(f.limit) : '-', f ? (!f.needed ? 'not needed' : f.covered ? 'yes' : 'NO') : '-', f ? money(f.totalCost) : '-');
    }
    return cells;
  });
  return formatTable(headers, body, align);
}
