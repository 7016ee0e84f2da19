import { formatDay, parseDay, type Day } from '../calendar/day.js';
import { buildLedger, compareDated, type DatedEvent } from '../forecast/ledger.js';
import type { CashEvent, CashForecast, Receipt } from '../forecast/types.js';
import { inputError } from '../money/errors.js';
import type { DelayModel } from './delay-model.js';
import { drawReceiptOffsets, type SimulateOptions } from './simulate-delays.js';
import { compareText } from '../model/compare-text.js';

/**
 * The same forecast with its receipts moved: each invoice's receipt is paid on the day
 * `receiptDay(receipt)` returns, or never (within or beyond the horizon) when it returns `null`.
 * Every other movement stays as it was. The ledger is rebuilt by the forecast's own
 * `buildLedger` and event order (`compareDated`), so a receipt moved outside the horizon lands
 * in `outsideHorizon`, exactly as `forecastCash` would place it.
 *
 * @param forecast - a forecast from `forecastCash` (not changed)
 * @param receiptDay - the new day number of a receipt, or null to withhold it
 * @returns a new forecast; `receipts` re-dated (daysToPay and daysLate recomputed, withheld ones removed)
 * @example
 * ```ts
 * // every payment 10 days later
 * redateReceipts(forecast, (r) => parseDay(r.date) + 10);
 * ```
 */
export function redateReceipts(forecast: CashForecast, receiptDay: (receipt: Receipt) => Day | null): CashForecast {
  const start = parseDay(forecast.start);
  const end = parseDay(forecast.end);
  const moved = new Map<string, Day | null>();
  const receipts: Receipt[] = [];
  for (const r of forecast.receipts) {
    const day = receiptDay(r);
    if (day !== null && !Number.isSafeInteger(day)) inputError('receiptDay', `must return a whole day number or null (got ${day} for ${r.invoiceId})`);
    moved.set(r.invoiceId, day);
    if (day === null) continue;
    const issue = parseDay(r.issueDate);
    const due = parseDay(r.dueDate);
    receipts.push({ ...r, date: formatDay(day), daysToPay: day - issue, daysLate: Math.max(0, day - due) });
  }
  const dated: DatedEvent[] = [];
  const add = (e: CashEvent): void => {
    const { date, ...event } = e;
    let day = parseDay(date);
    if (e.kind === 'receipt' && moved.has(e.reference)) {
      const to = moved.get(e.reference)!;
      if (to === null) return;
      day = to;
    }
    dated.push({ day, event });
  };
  forecast.events.forEach(add);
  forecast.outsideHorizon.forEach(add);
  dated.sort(compareDated);
  const ledger = buildLedger(start, end, forecast.openingBalance, dated);
  receipts.sort((a, b) => compareText(a.date, b.date) || compareText(a.invoiceId, b.invoiceId));
  return { ...forecast, ...ledger, receipts };
}

/**
 * The full forecast of one Monte Carlo path: the model's forecast with every receipt re-dated
 * to the days that path drew. Its peak need, days short and first day short are the ones the
 * simulation recorded for the path, so a path can be inspected, charted or sized on.
 *
 * @param model - the compiled model the simulation ran on ({@link compileDelayModel})
 * @param options - the simulation's seed and slow-quarter shock
 * @param path - path number, 0 … paths − 1
 * @throws BridgefitInputError for a bad seed or path number
 * @example
 * ```ts
 * const model = compileDelayModel(scenario);
 * const worst = pathForecast(model, { seed: 42 }, 1234);
 * fundingNeed(worst).peak; // sim.pathPeakNeeds[1234]
 * ```
 */
export function pathForecast(model: DelayModel, options: Pick<SimulateOptions, 'seed' | 'slowQuarter'>, path: number): CashForecast {
  const offsets = new Int32Array(model.amount.length);
  drawReceiptOffsets(model, options, path, new Uint8Array(options.slowQuarter ? model.commissionerIds.length * model.quarters : 0), offsets);
  const index = new Map(model.forecast.invoices.map((inv, k) => [inv.id, k]));
  return redateReceipts(model.forecast, (r) => model.start + offsets[index.get(r.invoiceId)!]!);
}
