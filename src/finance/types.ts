import type { Minor } from '../money/amount.js';
import type { CashEvent, DailyLedger } from '../forecast/types.js';

/** What a movement between the enterprise and the lender is. */
export type FinanceFlowKind = 'draw' | 'repayment' | 'interest' | 'fee';

/**
 * One dated movement between lender and enterprise. `amount` is positive minor units; the
 * direction follows from `kind`: a draw is money to the enterprise, everything else money to the lender.
 */
export interface FinanceFlow {
  readonly date: string;
  readonly kind: FinanceFlowKind;
  readonly amount: Minor;
  /** e.g. "arrangement fee", "interest for May 2026", "sweep from family-hubs#3". */
  readonly description: string;
}

/** The enterprise's ledger after finance: same shape and invariants as a forecast's ledger. */
export interface LedgerAfterFinance extends DailyLedger {
  /** The finance movements as ledger events (kind 'finance'), merged with nothing else. */
  readonly financeEvents: readonly CashEvent[];
}

/**
 * A product applied to a forecast with a given limit: every draw, repayment, interest posting
 * and fee, the facility's balance each day, and the enterprise's ledger after finance.
 */
export interface FinancePlan {
  readonly productId: string;
  readonly productKind: string;
  /** The facility limit (or loan amount), minor units. */
  readonly limit: Minor;
  readonly currency: string;
  /** The facility's first day (ISO). */
  readonly start: string;
  /**
   * The term's last day (ISO): principal still drawn is repaid that day. May fall after the
   * ledger's end, when `outstandingAtEnd` says what is still owed.
   */
  readonly termEnd: string;
  /** The buffer the policy kept cash at, minor units. */
  readonly buffer: Minor;
  /** Lender's view, by date. */
  readonly flows: readonly FinanceFlow[];
  /** Principal drawn and outstanding at the end of each day of the horizon, minor units. */
  readonly drawn: readonly Minor[];
  readonly ledger: LedgerAfterFinance;
  /**
   * Principal plus interest (and commitment/utilisation fees) accrued but not yet paid at the end
   * of the horizon, minor units: 0 unless the term runs past the ledger's end.
   */
  readonly outstandingAtEnd: Minor;
  /** Principal still drawn on the term's last day and repaid then from cash, minor units (0 if none). */
  readonly repaidAtTermEnd: Minor;
  /** Plain-language remarks: repayment forced at term end, a term running past the horizon, a limit outside the product's range. */
  readonly notes: readonly string[];
}
