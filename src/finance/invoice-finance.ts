import { formatMoney, type Minor } from '../money/amount.js';
import { applyRate } from '../money/rate.js';
import { parseDay, type Day } from '../calendar/day.js';
import type { CashForecast, Invoice } from '../forecast/types.js';
import type { InvoiceFinance } from '../model/product.js';
import type { PolicyDayContext, PolicyDecision, KindPolicy, PolicyMove } from './engine.js';

interface Advance {
  readonly invoice: Invoice;
  readonly amount: Minor;
}

/**
 * How invoice finance behaves in the daily engine. On each invoice's issue date (within the term)
 * the lender advances `advanceRate` × the invoice (rounded half-up), as far as the limit and the
 * concentration limit (`concentrationLimit` × limit per commissioner, rounded down) allow, and
 * charges `serviceFeeRate` × the invoice's value. When the commissioner pays, the advance is
 * repaid out of the payment and the rest is the enterprise's. The discount charge
 * (`pricing.annualRate`) accrues daily on funds in use and is paid monthly. Advances whose
 * invoices are still unpaid at term end are repaid then from cash.
 *
 * @param product - a parsed invoice-finance product
 * @param forecast - the forecast whose invoices and receipts drive it
 * @example
 * ```ts
 * runEngine(forecast, product, limit, term, buffer, invoiceFinancePolicy(product, forecast));
 * ```
 */
export function invoiceFinancePolicy(product: InvoiceFinance, forecast: CashForecast): KindPolicy {
  const issuedOn = new Map<Day, Invoice[]>();
  for (const invoice of forecast.invoices) {
    const day = parseDay(invoice.issueDate);
    const list = issuedOn.get(day);
    if (list) list.push(invoice);
    else issuedOn.set(day, [invoice]);
  }
  const paidOn = new Map(forecast.receipts.map((r) => [r.invoiceId, parseDay(r.date)]));
  const repayOn = new Map<Day, Advance[]>();
  const byCommissioner = new Map<string, Minor>();
  return {
    interestPosting: 'monthly',
    interestLabel: 'discount charge',
    redraw: true,
    decide(context: PolicyDayContext): PolicyDecision {
      const repayments: PolicyMove[] = [];
      const draws: PolicyMove[] = [];
      const fees: PolicyMove[] = [];
      let balance = context.balance;
      for (const advance of repayOn.get(context.day) ?? []) {
        repayments.push({ amount: advance.amount, description: `advance on ${advance.invoice.id} repaid from the commissioner's payment` });
        balance -= advance.amount;
        byCommissioner.set(advance.invoice.commissionerId, (byCommissioner.get(advance.invoice.commissionerId) ?? 0) - advance.amount);
      }
      repayOn.delete(context.day);
      const perCommissioner = applyRate(context.limit, product.concentrationLimit, 'down');
      for (const invoice of issuedOn.get(context.day) ?? []) {
        const paid = paidOn.get(invoice.id);
        if (paid !== undefined && paid <= context.day) continue; // paid on issue: nothing to finance
        const used = byCommissioner.get(invoice.commissionerId) ?? 0;
        const amount = Math.max(0, Math.min(applyRate(invoice.amount, product.advanceRate), context.limit - balance, perCommissioner - used));
        if (amount <= 0) continue;
        balance += amount;
        byCommissioner.set(invoice.commissionerId, used + amount);
        draws.push({ amount, description: `advance against ${invoice.id} (${formatMoney(invoice.amount, product.currency)} invoice)` });
        fees.push({ amount: applyRate(invoice.amount, product.serviceFeeRate), description: `service fee on ${invoice.id}` });
        if (paid !== undefined && paid < context.termEnd) {
          const list = repayOn.get(paid);
          const advance = { invoice, amount };
          if (list) list.push(advance);
          else repayOn.set(paid, [advance]);
        }
      }
      return { draws, repayments, fees };
    },
  };
}
