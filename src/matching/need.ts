import type { Minor } from '../money/amount.js';
import { civilFromDay, parseDay, type Day } from '../calendar/day.js';
import { addMonths } from '../calendar/months.js';
import type { CommissionerKind } from '../model/commissioner.js';
import type { Scenario } from '../model/scenario.js';
import type { CashForecast } from '../forecast/types.js';
import { fundingNeed, type FundingNeed } from '../forecast/gaps.js';

/** One of the enterprise's contracts, as eligibility sees it. */
export interface NeedContract {
  readonly id: string;
  /** The contract's total value over its life (the sum of its invoices), minor units. */
  readonly value: Minor;
  /** Whole calendar months from `asOf` to the day after the contract's last day (0 when ended). */
  readonly monthsRemaining: number;
  readonly commissionerKind: CommissionerKind;
}

/** The need eligibility checks a product against. Plain JSON. */
export interface EligibilityNeed {
  /** The peak shortfall below the buffer, minor units (0 when never short). */
  readonly amount: Minor;
  /** First day short (ISO), or null when never short. */
  readonly firstDayShort: string | null;
  /** Last day short (ISO), or null when never short. */
  readonly lastDayShort: string | null;
  /** The day criteria are judged on (ISO), usually the forecast's first day. */
  readonly asOf: string;
  readonly contracts: readonly NeedContract[];
}

/**
 * Whole calendar months from `from` to `to`: the largest m ≥ 0 with `addMonths(from, m) ≤ to`
 * (0 when `to` is before `from`). Month ends clamp as in {@link addMonths}.
 *
 * @param from - day number
 * @param to - day number
 * @example
 * ```ts
 * wholeMonths(parseDay('2019-06-01'), parseDay('2026-03-01')); // 81
 * wholeMonths(parseDay('2026-01-31'), parseDay('2026-02-28')); // 1
 * ```
 */
export function wholeMonths(from: Day, to: Day): number {
  if (to < from) return 0;
  const a = civilFromDay(from);
  const b = civilFromDay(to);
  let m = (b.year - a.year) * 12 + (b.month - a.month);
  while (m > 0 && addMonths(from, m) > to) m--;
  while (addMonths(from, m + 1) <= to) m++;
  return m;
}

/**
 * Builds the need eligibility and matching work from: the peak shortfall and first/last day
 * short of the forecast, judged as of the forecast's first day, and each contract's value (the
 * sum of its invoices) and months remaining.
 *
 * @param scenario - the parsed scenario
 * @param forecast - `forecastCash(scenario)`
 * @param need - `fundingNeed(forecast)` when already computed
 * @example
 * ```ts
 * const forecast = forecastCash(scenario);
 * const need = needFrom(scenario, forecast);
 * formatMoney(need.amount); // the peak need, e.g. "£212,000.00"
 * ```
 */
export function needFrom(scenario: Scenario, forecast: CashForecast, need: FundingNeed = fundingNeed(forecast)): EligibilityNeed {
  const asOfDay = parseDay(forecast.start);
  const kinds = new Map(scenario.commissioners.map((c) => [c.id, c.kind] as const));
  const values = new Map<string, Minor>();
  for (const invoice of forecast.invoices) values.set(invoice.contractId, (values.get(invoice.contractId) ?? 0) + invoice.amount);
  const contracts = scenario.contracts.map((c) => ({
    id: c.id,
    value: values.get(c.id) ?? 0,
    monthsRemaining: wholeMonths(asOfDay, parseDay(c.end) + 1),
    commissionerKind: kinds.get(c.commissionerId) ?? 'other',
  }));
  return { amount: need.peak, firstDayShort: need.firstDayShort, lastDayShort: need.lastDayShort, asOf: forecast.start, contracts };
}
