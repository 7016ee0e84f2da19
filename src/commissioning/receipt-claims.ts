import { formatAmount, sumMinor, type Minor } from '../money/amount.js';
import type { Receipt } from '../forecast/types.js';
import { latePaymentClaim, type LatePaymentClaim, type LatePaymentOptions } from './late-payment.js';
import { DEFAULT_REFERENCE_RATES, type ReferenceRateTable } from './reference-rates.js';

/** One receipt's statutory claim. */
export interface ReceiptClaim extends LatePaymentClaim {
  readonly invoiceId: string;
}

/** Statutory late-payment claims over a set of receipts, with totals. Amounts in minor units. */
export interface ReceiptClaimsSummary {
  /** Receipts considered. */
  readonly invoices: number;
  /** Receipts paid after their due date. */
  readonly lateInvoices: number;
  /** Σ statutory interest, minor units. */
  readonly interest: Minor;
  /** Σ fixed compensation, minor units. */
  readonly compensation: Minor;
  /** interest + compensation, minor units. */
  readonly total: Minor;
  /** One claim per late receipt, in the receipts' order. */
  readonly claims: readonly ReceiptClaim[];
  /** The claims' warnings, each once. */
  readonly warnings: readonly string[];
}

/**
 * Sums the statutory claims (Late Payment of Commercial Debts (Interest) Act 1998: interest at 8%
 * over the reference rate, plus fixed compensation) over forecast receipts: each receipt is a
 * debt of its amount, due on its `dueDate`, paid on its `date`. Receipts paid on or before their
 * due date add nothing.
 *
 * @param receipts - receipts from a forecast (`forecast.receipts`), e.g. filtered to one contract
 * @param referenceRates - Bank Rate changes; {@link DEFAULT_REFERENCE_RATES} by default
 * @param options - as for {@link latePaymentClaim}
 * @returns counts, totals in minor units, the claims and their warnings
 * @throws BridgefitInputError as {@link latePaymentClaim} (e.g. a reference date before the table)
 * @example
 * ```ts
 * const receipts = forecastCash(scenario).receipts.filter((r) => r.contractId === 'family-hubs');
 * const owed = latePaymentOnReceipts(receipts);
 * formatMoney(owed.total); // interest + £100 per late invoice of £10,000 or more
 * ```
 */
export function latePaymentOnReceipts(
  receipts: readonly Receipt[],
  referenceRates: ReferenceRateTable = DEFAULT_REFERENCE_RATES,
  options: LatePaymentOptions = {},
): ReceiptClaimsSummary {
  const claims: ReceiptClaim[] = [];
  const warnings = new Set<string>();
  for (const r of receipts) {
    if (r.date <= r.dueDate) continue;
    const claim = latePaymentClaim({ amount: formatAmount(r.amount), dueDate: r.dueDate, issueDate: r.issueDate }, r.date, referenceRates, options);
    claims.push({ invoiceId: r.invoiceId, ...claim });
    for (const w of claim.warnings) warnings.add(w);
  }
  const interest = sumMinor(claims.map((c) => c.interest));
  const compensation = sumMinor(claims.map((c) => c.compensation));
  return {
    invoices: receipts.length,
    lateInvoices: claims.length,
    interest,
    compensation,
    total: sumMinor([interest, compensation]),
    claims,
    warnings: [...warnings],
  };
}
