import { formatDay, parseDay, type Day } from '../calendar/day.js';
import type { PaymentBehaviour } from '../model/payment-behaviour.js';
import type { Invoice, Receipt } from './types.js';
import { expectedDaysToPay } from './payment-days.js';

/** Options for turning invoices into receipts. */
export interface ReceiptOptions {
  /** Extra days every invoice takes to pay, on top of the behaviour (a stress shift). Default 0. */
  readonly extraDays?: number;
}

/**
 * The day an invoice is paid under a payment behaviour, as a day number: issue + the
 * behaviour's expected days to pay (see {@link expectedDaysToPay}).
 *
 * @example
 * ```ts
 * receiptDay(parseDay('2026-05-05'), parseDay('2026-06-04'), { kind: 'terms-plus-late', typicalDaysLate: 45 });
 * // day of 2026-07-19
 * ```
 */
export function receiptDay(issue: Day, due: Day, behaviour: PaymentBehaviour): Day {
  return issue + expectedDaysToPay(behaviour, due - issue);
}

/**
 * When each invoice turns into cash under a commissioner's payment behaviour.
 *
 * @param invoices - invoices from {@link invoicesFor}
 * @param behaviour - how the commissioner pays
 * @param options - e.g. `{ extraDays: 30 }` to stress every payment 30 days later
 * @example
 * ```ts
 * receiptsFor(invoicesFor(contract), { kind: 'fixed-days', daysToPay: 75 });
 * ```
 */
export function receiptsFor(invoices: readonly Invoice[], behaviour: PaymentBehaviour, options: ReceiptOptions = {}): Receipt[] {
  const extra = options.extraDays ?? 0;
  const daysByTerms = new Map<number, number>();
  return invoices.map((invoice) => {
    const issue = parseDay(invoice.issueDate);
    const due = parseDay(invoice.dueDate);
    let days = daysByTerms.get(due - issue);
    if (days === undefined) {
      days = expectedDaysToPay(behaviour, due - issue);
      daysByTerms.set(due - issue, days);
    }
    const paid = Math.max(issue, issue + days + extra);
    return {
      invoiceId: invoice.id,
      contractId: invoice.contractId,
      commissionerId: invoice.commissionerId,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      date: formatDay(paid),
      daysToPay: paid - issue,
      daysLate: Math.max(0, paid - due),
      amount: invoice.amount,
    };
  });
}
