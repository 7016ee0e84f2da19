import type { Minor } from '../money/amount.js';
import { civilFromDay, parseDay, type Day } from '../calendar/day.js';
import type { Scenario } from '../model/scenario.js';
import type { PaymentBehaviour } from '../model/payment-behaviour.js';
import { forecastCash } from '../forecast/ledger.js';
import type { CashForecast } from '../forecast/types.js';
import { behaviourDistribution } from '../forecast/payment-days.js';
import type { DelayDistribution } from '../forecast/delay-distribution.js';

/**
 * A scenario compiled for fast re-runs with random days to pay: the daily net of every movement
 * except receipts, and each invoice with its days-to-pay distribution. Built once, then each
 * Monte Carlo path only places receipts and sums a typed array.
 */
export interface DelayModel {
  readonly forecast: CashForecast;
  readonly start: Day;
  readonly days: number;
  readonly opening: Minor;
  readonly buffer: Minor;
  /** Net cash of all movements but receipts, per day, minor units. */
  readonly baseNet: Float64Array;
  /** Per invoice (same order as `forecast.invoices`): issue day offset from `start` (may be negative). */
  readonly issueOffset: Int32Array;
  readonly amount: Float64Array;
  /** Index into `commissionerIds` of each invoice's commissioner. */
  readonly commissionerIndex: Int32Array;
  /** Calendar quarter of each invoice's issue date, counted from the horizon's first quarter. */
  readonly quarterIndex: Int32Array;
  readonly distributions: readonly DelayDistribution[];
  readonly commissionerIds: readonly string[];
  readonly quarters: number;
}

function quarterOf(day: Day): number {
  const c = civilFromDay(day);
  return c.year * 4 + Math.floor((c.month - 1) / 3);
}

/**
 * Compiles a scenario for Monte Carlo: one deterministic forecast, then its receipts replaced by
 * per-invoice distributions of days to pay (a point mass for `fixed-days` and `terms-plus-late`).
 *
 * @param scenario - a parsed scenario
 * @example
 * ```ts
 * const model = compileDelayModel(scenario);
 * model.distributions.length === model.forecast.invoices.length; // true
 * ```
 */
export function compileDelayModel(scenario: Scenario): DelayModel {
  const forecast = forecastCash(scenario);
  const start = parseDay(forecast.start);
  const days = forecast.closing.length;
  const baseNet = new Float64Array(days);
  for (let i = 0; i < days; i++) baseNet[i] = forecast.inflows[i]! - forecast.outflows[i]!;
  for (const event of forecast.events) if (event.kind === 'receipt') baseNet[parseDay(event.date) - start]! -= event.amount;

  const behaviours = new Map<string, PaymentBehaviour>(scenario.commissioners.map((c) => [c.id, c.paymentBehaviour]));
  const contractBehaviour = new Map<string, PaymentBehaviour>();
  for (const c of scenario.contracts) contractBehaviour.set(c.id, c.paymentBehaviour ?? behaviours.get(c.commissionerId)!);
  const commissionerIds = scenario.commissioners.map((c) => c.id).sort();
  const commissionerPosition = new Map(commissionerIds.map((id, i) => [id, i]));
  const invoices = forecast.invoices;
  const n = invoices.length;
  const issueOffset = new Int32Array(n);
  const amount = new Float64Array(n);
  const commissionerIndex = new Int32Array(n);
  const quarterIndex = new Int32Array(n);
  // A loop, not Math.min(...spread): a large portfolio's invoices would overflow the argument limit.
  let firstQuarter = quarterOf(start);
  for (const inv of invoices) firstQuarter = Math.min(firstQuarter, quarterOf(parseDay(inv.issueDate)));
  let lastQuarter = firstQuarter;
  const cache = new Map<string, DelayDistribution>();
  const distributions = invoices.map((inv, k) => {
    const issue = parseDay(inv.issueDate);
    issueOffset[k] = issue - start;
    amount[k] = inv.amount;
    commissionerIndex[k] = commissionerPosition.get(inv.commissionerId)!;
    quarterIndex[k] = quarterOf(issue) - firstQuarter;
    lastQuarter = Math.max(lastQuarter, quarterOf(issue));
    const terms = parseDay(inv.dueDate) - issue;
    const key = `${inv.contractId}:${terms}`;
    let dist = cache.get(key);
    if (!dist) {
      dist = behaviourDistribution(contractBehaviour.get(inv.contractId)!, terms);
      cache.set(key, dist);
    }
    return dist;
  });
  return {
    forecast,
    start,
    days,
    opening: forecast.openingBalance,
    buffer: forecast.buffer,
    baseNet,
    issueOffset,
    amount,
    commissionerIndex,
    quarterIndex,
    distributions,
    commissionerIds,
    quarters: lastQuarter - firstQuarter + 1,
  };
}
