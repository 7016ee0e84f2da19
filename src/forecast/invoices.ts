import { allocate } from '../money/allocate.js';
import { parseAmount } from '../money/amount.js';
import { formatDay, parseDay, type Day } from '../calendar/day.js';
import type { Contract } from '../model/contract.js';
import { billingPeriods } from './billing-periods.js';
import { contractTotal } from './contract-value.js';
import type { Invoice } from './types.js';
import { compareText } from '../model/compare-text.js';

/**
 * The invoices a contract raises, in date order.
 *
 * Monthly and quarterly billing follow calendar months and quarters (Jan/Apr/Jul/Oct), the
 * first and last periods pro-rated by days. The contract's total is split across periods by
 * {@link allocate}, so the invoices always add up to the contract's value to the penny. In arrears,
 * an invoice is raised `invoiceLagDays` after its period ends; in advance, `invoiceLagDays` before
 * it starts; a milestone `invoiceLagDays` after its date. Each is due `paymentTermsDays` later.
 *
 * @param contract - a parsed contract
 * @example
 * ```ts
 * invoicesFor(contract)[0];
 * // { id: 'kcc-family#1', periodStart: '2026-04-01', periodEnd: '2026-04-30',
 * //   issueDate: '2026-05-05', dueDate: '2026-06-04', amount: 15000000, … }
 * ```
 */
export function invoicesFor(contract: Contract): Invoice[] {
  const { billing } = contract;
  const lag = billing.invoiceLagDays;
  const make = (n: number, periodStart: Day, periodEnd: Day, issue: Day, amount: number): Invoice => ({
    id: `${contract.id}#${n}`,
    contractId: contract.id,
    commissionerId: contract.commissionerId,
    periodStart: formatDay(periodStart),
    periodEnd: formatDay(periodEnd),
    issueDate: formatDay(issue),
    dueDate: formatDay(issue + billing.paymentTermsDays),
    amount,
  });

  if (billing.frequency === 'milestones') {
    const milestones = [...(billing.milestones ?? [])].sort((a, b) => compareText(a.date, b.date));
    return milestones.map((m, i) => {
      const day = parseDay(m.date);
      return make(i + 1, day, day, day + lag, parseAmount(m.amount));
    });
  }

  const periods = billingPeriods(parseDay(contract.start), parseDay(contract.end), billing.frequency === 'monthly' ? 1 : 3);
  const total = contractTotal(contract.value, periods.reduce((s, p) => s + p.weight, 0));
  const amounts = allocate(total, periods.map((p) => p.weight));
  return periods.map((p, i) => {
    const issue = billing.timing === 'in-arrears' ? p.end + lag : p.start - lag;
    return make(i + 1, p.start, p.end, issue, amounts[i]!);
  });
}
