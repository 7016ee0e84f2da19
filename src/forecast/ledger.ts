import { assertMinor, parseAmount, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { formatDay, parseDay, type Day } from '../calendar/day.js';
import type { Scenario } from '../model/scenario.js';
import type { PaymentBehaviour } from '../model/payment-behaviour.js';
import { invoicesFor } from './invoices.js';
import { receiptsFor } from './receipts.js';
import { cashLineOccurrences, deliveryCostPayments } from './schedules.js';
import type { CashEvent, CashForecast, Invoice, Receipt } from './types.js';
import { compareText } from '../model/compare-text.js';

/** Largest stress shift {@link ForecastOptions.extraDaysToPay} accepts, either way, in days (10 years). */
const MAX_EXTRA_DAYS = 3650;

/** Options for {@link forecastCash}. */
export interface ForecastOptions {
  /** Extra days every invoice takes to pay (a stress shift). Default 0. */
  readonly extraDaysToPay?: number;
  /** Apply `extraDaysToPay` only to this commissioner's invoices. */
  readonly commissionerId?: string;
}

/** A movement on a day number, before it is placed in a ledger. Internal to the library. */
export interface DatedEvent {
  readonly day: Day;
  readonly event: Omit<CashEvent, 'date'>;
}

/**
 * Forecasts an enterprise's daily cash over the scenario's horizon: every contract's invoices
 * and their receipts under the commissioner's payment behaviour, delivery and mobilisation
 * costs, and other cash lines. Movements the scenario implies outside the horizon are returned
 * in `outsideHorizon`, never silently dropped.
 *
 * @param scenario - a parsed scenario ({@link parseScenario})
 * @param options - stress options; see {@link ForecastOptions}
 * @returns the daily ledger; for every day opening + inflows − outflows = closing
 * @throws BridgefitInputError if balances would exceed the safe-integer range
 * @example
 * ```ts
 * const forecast = forecastCash(parseScenario(json));
 * forecast.closing.at(-1); // cash at the end of the horizon, in pence
 * ```
 */
export function forecastCash(scenario: Scenario, options: ForecastOptions = {}): CashForecast {
  const extraDays = options.extraDaysToPay ?? 0;
  // Checked here, so NaN / 1.5 / -Infinity / true are reported against the option, not as a bad receipt date.
  if (typeof extraDays !== 'number' || !Number.isSafeInteger(extraDays) || Math.abs(extraDays) > MAX_EXTRA_DAYS) {
    inputError('options.extraDaysToPay', `must be a whole number of days from -${MAX_EXTRA_DAYS} to ${MAX_EXTRA_DAYS} (got ${String(extraDays)})`);
  }
  const start = parseDay(scenario.horizon.start ?? scenario.enterprise.openingCashDate);
  const end = parseDay(scenario.horizon.end);
  const behaviours = new Map<string, PaymentBehaviour>(scenario.commissioners.map((c) => [c.id, c.paymentBehaviour]));
  const dated: DatedEvent[] = [];
  const invoices: Invoice[] = [];
  const receipts: Receipt[] = [];

  for (const contract of scenario.contracts) {
    const behaviour = contract.paymentBehaviour ?? behaviours.get(contract.commissionerId);
    if (!behaviour) return inputError(`contracts.${contract.id}.commissionerId`, `names unknown commissioner "${contract.commissionerId}"`);
    const contractInvoices = invoicesFor(contract);
    const shifted = options.commissionerId === undefined || options.commissionerId === contract.commissionerId;
    const contractReceipts = receiptsFor(contractInvoices, behaviour, { extraDays: shifted ? extraDays : 0 });
    invoices.push(...contractInvoices);
    receipts.push(...contractReceipts);
    for (const r of contractReceipts) {
      dated.push({ day: parseDay(r.date), event: { amount: r.amount, kind: 'receipt', sourceId: contract.id, reference: r.invoiceId, description: `Payment of ${r.invoiceId} (${contract.title})` } });
    }
    for (const m of contract.mobilisationCosts) {
      dated.push({ day: parseDay(m.date), event: { amount: -parseAmount(m.amount), kind: 'mobilisation-cost', sourceId: contract.id, reference: m.description, description: `${m.description} (${contract.title})` } });
    }
    for (const cost of contract.deliveryCosts) {
      for (const p of deliveryCostPayments(cost, contract)) {
        dated.push({ day: p.day, event: { amount: -p.amount, kind: 'delivery-cost', sourceId: contract.id, reference: cost.description, description: `${cost.description} (${contract.title})` } });
      }
    }
  }
  for (const line of scenario.cashLines) {
    const sign = line.direction === 'inflow' ? 1 : -1;
    // A line with its own end after the horizon: occurrences past the horizon are summed into
    // one event in outsideHorizon (reported, not counted, and not one event per week to 2199).
    const lineEnd = line.schedule.kind === 'recurring' && line.schedule.end ? parseDay(line.schedule.end) : end;
    const occurrences = cashLineOccurrences(line, Math.max(end, lineEnd));
    let afterCount = 0;
    let afterTotal = 0;
    let afterFirst = end;
    let afterLast = end;
    for (const o of occurrences) {
      if (o.day > end) {
        if (afterCount === 0) afterFirst = o.day;
        afterCount += 1;
        afterTotal += o.amount;
        afterLast = o.day;
        continue;
      }
      dated.push({ day: o.day, event: { amount: sign * o.amount, kind: 'cash-line', sourceId: line.id, reference: line.description, description: line.description } });
    }
    if (afterCount > 0) {
      const description = afterCount === 1 ? line.description : `${line.description}: ${afterCount} occurrences after the horizon, to ${formatDay(afterLast)}`;
      dated.push({ day: afterFirst, event: { amount: sign * afterTotal, kind: 'cash-line', sourceId: line.id, reference: line.description, description } });
    }
  }

  dated.sort(compareDated);
  const opening = parseAmount(scenario.enterprise.openingCash);
  const buffer = parseAmount(scenario.buffer ?? scenario.enterprise.minimumCashBuffer);
  const ledger = buildLedger(start, end, opening, dated);
  return {
    currency: scenario.enterprise.currency,
    start: formatDay(start),
    end: formatDay(end),
    openingBalance: opening,
    buffer,
    ...ledger,
    invoices: invoices.sort((a, b) => compareText(a.issueDate, b.issueDate) || compareText(a.id, b.id)),
    receipts: receipts.sort((a, b) => compareText(a.date, b.date) || compareText(a.invoiceId, b.invoiceId)),
  };
}

/**
 * Orders dated movements by day, then kind, source and reference, so ledgers do not depend on input order.
 *
 * @example
 * ```ts
 * dated.sort(compareDated);
 * ```
 */
export function compareDated(a: DatedEvent, b: DatedEvent): number {
  return a.day - b.day || compareText(a.event.kind, b.event.kind) || compareText(a.event.sourceId, b.event.sourceId) || compareText(a.event.reference, b.event.reference) || a.event.amount - b.event.amount;
}

/**
 * Places dated movements (sorted by day) into a daily ledger from `start` to `end`: per-day
 * inflows and outflows, closing balances, and the movements outside the horizon. Internal:
 * shared by {@link forecastCash} and the stress tests' per-path ledgers.
 *
 * @example
 * ```ts
 * buildLedger(start, end, 1000000, [{ day: start, event: { amount: -5000, kind: 'cash-line', … } }]);
 * ```
 */
export function buildLedger(start: Day, end: Day, opening: Minor, dated: readonly DatedEvent[]) {
  const days = end - start + 1;
  const inflows = new Array<number>(days).fill(0);
  const outflows = new Array<number>(days).fill(0);
  const closing = new Array<number>(days);
  const events: CashEvent[] = [];
  const outsideHorizon: CashEvent[] = [];
  for (const { day, event } of dated) {
    const full: CashEvent = { date: formatDay(day), ...event };
    if (day < start || day > end) {
      outsideHorizon.push(full);
      continue;
    }
    events.push(full);
    if (event.amount >= 0) inflows[day - start]! += event.amount;
    else outflows[day - start]! -= event.amount;
  }
  let balance = opening;
  for (let i = 0; i < days; i++) {
    balance += inflows[i]! - outflows[i]!;
    closing[i] = balance;
  }
  for (let i = 0; i < days; i++) {
    if (!Number.isSafeInteger(closing[i]!) || !Number.isSafeInteger(inflows[i]!) || !Number.isSafeInteger(outflows[i]!)) {
      assertMinor(Number.NaN, `ledger on ${formatDay(start + i)} (amounts too large to add up exactly)`);
    }
  }
  return { inflows, outflows, closing, events, outsideHorizon };
}
