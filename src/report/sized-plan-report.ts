import { formatMoney, type Minor } from '../money/amount.js';
import { monthKey } from '../calendar/months.js';
import { parseDay } from '../calendar/day.js';
import type { SizedPlan } from '../sizing/size-product.js';
import type { FinancePlan } from '../finance/types.js';
import { formatTable } from './table.js';
import { formatPercent } from '../money/percent.js';
import { compareText } from '../model/compare-text.js';

/** A facility's movements in one calendar month, minor units. */
export interface MonthlyFinanceRow {
  /** `YYYY-MM` */
  readonly month: string;
  readonly drawn: Minor;
  readonly repaid: Minor;
  readonly interest: Minor;
  readonly fees: Minor;
  /** Principal outstanding at the month's last day in the horizon. */
  readonly balance: Minor;
}

/**
 * Rolls a plan's flows up into calendar months: draws, repayments, interest, fees and the
 * balance at each month's end. Months without movement are left out unless a balance is owed.
 *
 * @example
 * ```ts
 * monthlyFinance(sized.plan!)[0]; // { month: '2026-04', drawn: 5850000, repaid: 0, interest: 0, fees: 150000, balance: 5850000 }
 * ```
 */
export function monthlyFinance(plan: FinancePlan): MonthlyFinanceRow[] {
  const rows = new Map<string, { month: string; drawn: number; repaid: number; interest: number; fees: number; balance: number }>();
  const start = parseDay(plan.ledger.start);
  plan.drawn.forEach((balance, i) => {
    const month = monthKey(start + i);
    const row = rows.get(month) ?? { month, drawn: 0, repaid: 0, interest: 0, fees: 0, balance: 0 };
    row.balance = balance;
    rows.set(month, row);
  });
  for (const flow of plan.flows) {
    const month = flow.date.slice(0, 7);
    const row = rows.get(month) ?? { month, drawn: 0, repaid: 0, interest: 0, fees: 0, balance: 0 };
    if (flow.kind === 'draw') row.drawn += flow.amount;
    else if (flow.kind === 'repayment') row.repaid += flow.amount;
    else if (flow.kind === 'interest') row.interest += flow.amount;
    else row.fees += flow.amount;
    rows.set(month, row);
  }
  return [...rows.values()]
    .filter((r) => r.drawn || r.repaid || r.interest || r.fees || r.balance)
    .sort((a, b) => compareText(a.month, b.month));
}

/**
 * A sized facility in words and a month-by-month table: limit, term, total cost, effective
 * annual rate, then draws, repayments, interest, fees and balance by month.
 *
 * @param sized - from {@link sizeProduct}
 * @param name - the product's name, for the heading
 * @param currency - ISO code for money
 * @example
 * ```ts
 * console.log(sizedPlanReport(sizeProduct(forecast, product), product.name));
 * ```
 */
export function sizedPlanReport(sized: SizedPlan, name: string, currency = 'GBP'): string {
  const money = (m: number) => formatMoney(m, currency);
  const head = `${name} (${sized.productKind})`;
  if (!sized.needed || !sized.plan || !sized.cost) return `${head}: ${sized.explanation}`;
  const cost = sized.cost;
  const lines = [
    `${head}: limit ${money(sized.limit)}, term ${sized.termMonths} months, ${sized.covered ? 'covers the need' : `does NOT cover the need (still short by up to ${money(sized.residualShortfall)})`}.`,
    `  Cost: interest ${money(cost.interest)} + fees ${money(cost.fees)} = ${money(cost.total)}; effective annual rate ${formatPercent(cost.effectiveAnnualRate)}; peak drawn ${money(cost.peakDrawn)}, average ${money(cost.averageDrawn)}.`,
    '',
    formatTable(
      ['Month', 'Drawn', 'Repaid', 'Interest', 'Fees', 'Balance'],
      monthlyFinance(sized.plan).map((r) => [r.month, money(r.drawn), money(r.repaid), money(r.interest), money(r.fees), money(r.balance)]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  ];
  return lines.join('\n');
}
