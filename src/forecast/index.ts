export type { Invoice, Receipt, CashEvent, CashEventKind, CashForecast, DailyLedger, Gap } from './types.js';
export { billingPeriods, MONTH_UNITS, type BillingPeriod } from './billing-periods.js';
export { contractTotal } from './contract-value.js';
export { invoicesFor } from './invoices.js';
export { receiptsFor, receiptDay, type ReceiptOptions } from './receipts.js';
export { deliveryCostPayments, cashLineOccurrences, type Occurrence } from './schedules.js';
export { forecastCash, type ForecastOptions } from './ledger.js';
export { findGaps, fundingNeed, type GapOptions, type FundingNeed, type LedgerLike } from './gaps.js';
export { cashOn, type CashDay } from './explain.js';
export {
  compileDelayDistribution,
  sampleDays,
  quantileDays,
  meanDays,
  expectedDays,
  shiftDistribution,
  distributionTable,
  type DelayDistribution,
  type CompileDelayOptions,
  type UniformSource,
} from './delay-distribution.js';
export { behaviourDistribution, expectedDaysToPay } from './payment-days.js';
