import type { Minor } from '../money/amount.js';

/** An invoice a contract raises. Dates are ISO strings; `amount` is in minor units. */
export interface Invoice {
  /** `${contractId}#${n}`, n counting from 1 in date order. */
  readonly id: string;
  readonly contractId: string;
  readonly commissionerId: string;
  /** First day of the service billed (the milestone date for milestones). */
  readonly periodStart: string;
  /** Last day of the service billed. */
  readonly periodEnd: string;
  readonly issueDate: string;
  /** Issue date plus the contract's payment terms. */
  readonly dueDate: string;
  /** Minor units. */
  readonly amount: Minor;
}

/** When an invoice turns into cash. */
export interface Receipt {
  readonly invoiceId: string;
  readonly contractId: string;
  readonly commissionerId: string;
  readonly issueDate: string;
  readonly dueDate: string;
  /** The day the cash arrives. */
  readonly date: string;
  /** Days from issue to cash. */
  readonly daysToPay: number;
  /** Days after the due date (0 when on time or early). */
  readonly daysLate: number;
  /** Minor units. */
  readonly amount: Minor;
}

/** What moved cash on a day. */
export type CashEventKind = 'receipt' | 'delivery-cost' | 'mobilisation-cost' | 'cash-line' | 'finance';

/** One movement of cash, with where it came from, so a user can ask "why is cash low on 3 March?". */
export interface CashEvent {
  readonly date: string;
  /** Signed minor units: + money in, − money out. */
  readonly amount: Minor;
  readonly kind: CashEventKind;
  /** The contract, cash line or product the movement belongs to. */
  readonly sourceId: string;
  /** The invoice id for receipts; otherwise the cost or line description. */
  readonly reference: string;
  readonly description: string;
}

/**
 * A daily cash ledger: day `i` of the arrays is `start` + i days, and for every day
 * opening + inflows − outflows = closing, where opening is the previous day's closing (or
 * `openingBalance` on day 0). A forecast is one; so is the ledger after finance.
 */
export interface DailyLedger {
  /** First day (ISO), the opening-cash date. */
  readonly start: string;
  /** Last day (ISO, inclusive). */
  readonly end: string;
  /** Minor units held at the start of `start`. */
  readonly openingBalance: Minor;
  /** The buffer the enterprise wants to keep, minor units. */
  readonly buffer: Minor;
  /** Money in per day, minor units. */
  readonly inflows: readonly Minor[];
  /** Money out per day, minor units (positive numbers). */
  readonly outflows: readonly Minor[];
  /** Cash at the end of each day, minor units. */
  readonly closing: readonly Minor[];
}

/**
 * The daily cash ledger over a horizon. Day `i` of the arrays is `start` + i days.
 * For every day: opening + inflows − outflows = closing, where opening is the previous day's
 * closing (or `openingBalance` on day 0).
 */
export interface CashForecast extends DailyLedger {
  readonly currency: string;
  /** Every movement inside the horizon, by date. */
  readonly events: readonly CashEvent[];
  /** Movements the scenario implies that fall before `start` or after `end`: reported, not counted. */
  readonly outsideHorizon: readonly CashEvent[];
  readonly invoices: readonly Invoice[];
  readonly receipts: readonly Receipt[];
}

/** An episode of consecutive days with cash below the buffer. */
export interface Gap {
  /** First day short (ISO). */
  readonly start: string;
  /** Last day short (ISO). */
  readonly end: string;
  /** Number of days short. */
  readonly days: number;
  /** Largest shortfall below the buffer, minor units. */
  readonly peakShortfall: Minor;
  /** First day the peak shortfall is reached. */
  readonly peakDate: string;
  /** Sum of the daily shortfalls (minor units × days): the area an investor finances. */
  readonly shortfallDays: number;
}
