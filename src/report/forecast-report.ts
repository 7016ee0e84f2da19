import { formatMoney } from '../money/amount.js';
import type { Scenario } from '../model/scenario.js';
import type { CashForecast } from '../forecast/types.js';
import { fundingNeed } from '../forecast/gaps.js';
import { formatTable } from './table.js';
import { monthlyCash } from './monthly-cash.js';
import { describeSpan } from './duration.js';

/**
 * A readable report of a forecast: the enterprise, its contracts, a month-by-month cash table
 * and the gaps below the buffer.
 *
 * @param scenario - the parsed scenario
 * @param forecast - its forecast from {@link forecastCash}
 * @returns plain text, ready to print
 * @example
 * ```ts
 * console.log(forecastReport(scenario, forecastCash(scenario)));
 * ```
 */
export function forecastReport(scenario: Scenario, forecast: CashForecast): string {
  const money = (m: number) => formatMoney(m, forecast.currency);
  const e = scenario.enterprise;
  const commissioners = new Map(scenario.commissioners.map((c) => [c.id, c.name]));
  const need = fundingNeed(forecast);
  const out: string[] = [];
  out.push(`${e.name} (${e.legalForm.toUpperCase()}${e.region ? `, ${e.region}` : ''})`);
  out.push(`Opening cash ${money(forecast.openingBalance)} on ${forecast.start}; buffer ${money(forecast.buffer)}; horizon to ${forecast.end}.`);
  out.push('');
  out.push('Contracts');
  out.push(
    formatTable(
      ['Contract', 'Commissioner', 'From', 'To', 'Invoiced', 'Billing'],
      scenario.contracts.map((c) => {
        const invoiced = forecast.invoices.filter((i) => i.contractId === c.id).reduce((s, i) => s + i.amount, 0);
        const billing = c.billing.frequency === 'milestones' ? 'milestones' : `${c.billing.frequency} ${c.billing.timing}, ${c.billing.paymentTermsDays}-day terms`;
        return [c.title, commissioners.get(c.commissionerId) ?? c.commissionerId, c.start, c.end, money(invoiced), billing];
      }),
      ['left', 'left', 'left', 'left', 'right', 'left'],
    ),
  );
  out.push('');
  out.push('Cash month by month');
  out.push(
    formatTable(
      ['Month', 'Opening', 'In', 'Out', 'Closing', 'Lowest', 'Days short'],
      monthlyCash(forecast).map((r) => [r.month, money(r.opening), money(r.inflows), money(r.outflows), money(r.closing), money(r.lowest), r.daysShort ? String(r.daysShort) : '']),
      ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  out.push('');
  if (need.gaps.length === 0) {
    out.push(`No gaps: cash stays at or above the ${money(forecast.buffer)} buffer throughout.`);
  } else {
    out.push(`Gaps below the ${money(forecast.buffer)} buffer: ${need.gaps.length}, ${need.daysShort} days short in all; peak need ${money(need.peak)} on ${need.peakDate}.`);
    out.push(
      formatTable(
        ['First day short', 'Last day short', 'Length', 'Peak shortfall', 'Peak on'],
        need.gaps.map((g) => [g.start, g.end, describeSpan(g.start, g.end), money(g.peakShortfall), g.peakDate]),
        ['left', 'left', 'left', 'right', 'left'],
      ),
    );
  }
  if (forecast.outsideHorizon.length > 0) {
    const net = forecast.outsideHorizon.reduce((s, ev) => s + ev.amount, 0);
    out.push('');
    out.push(`${forecast.outsideHorizon.length} movements fall outside the horizon (net ${money(net)}); extend the horizon to count them.`);
  }
  return out.join('\n');
}
