/**
 * Small hand-built inputs for the chart tests: built by hand, not by the forecast or finance
 * engines, so chart tests do not move when those engines change.
 */
import type { CashForecast } from '../../src/forecast/types.js';
import type { FinancePlan } from '../../src/finance/types.js';

/**
 * Eight days from 2026-03-28 (the UK clocks change on 29 March, and Kiritimati is UTC+14, so a
 * chart that read dates in local time would shift them). Opening £1,000, buffer £500. In pence:
 *
 * | day | date       | in     | out    | closing                 | below buffer by |
 * |-----|------------|--------|--------|-------------------------|-----------------|
 * | 0   | 2026-03-28 | 0      | 30000  | 100000 − 30000 = 70000  | —               |
 * | 1   | 2026-03-29 | 0      | 40000  | 70000 − 40000 = 30000   | 20000           |
 * | 2   | 2026-03-30 | 0      | 0      | 30000                   | 20000           |
 * | 3   | 2026-03-31 | 10000  | 0      | 40000                   | 10000           |
 * | 4   | 2026-04-01 | 60000  | 0      | 100000                  | —               |
 * | 5   | 2026-04-02 | 0      | 0      | 100000                  | —               |
 * | 6   | 2026-04-03 | 0      | 60000  | 40000                   | 10000           |
 * | 7   | 2026-04-04 | 20000  | 0      | 60000                   | —               |
 *
 * So two gaps: 2026-03-29…2026-03-31 (3 days, peak £200 on 29 March) and 2026-04-03 (1 day, £100).
 */
export const FORECAST: CashForecast = {
  currency: 'GBP',
  start: '2026-03-28',
  end: '2026-04-04',
  openingBalance: 100000,
  buffer: 50000,
  inflows: [0, 0, 0, 10000, 60000, 0, 0, 20000],
  outflows: [30000, 40000, 0, 0, 0, 0, 60000, 0],
  closing: [70000, 30000, 30000, 40000, 100000, 100000, 40000, 60000],
  events: [],
  outsideHorizon: [],
  invoices: [],
  receipts: [],
};

/**
 * A £300 facility that draws exactly the shortfall and repays it when cash returns, no interest:
 * drawn = max(0, buffer − closing) each day, so cash after = closing + drawn =
 * [70000, 50000, 50000, 50000, 100000, 100000, 50000, 60000].
 */
export const PLAN: FinancePlan = {
  productId: 'rcf',
  productKind: 'revolving-facility',
  limit: 30000,
  currency: 'GBP',
  start: '2026-03-28',
  termEnd: '2026-04-04',
  buffer: 50000,
  flows: [],
  drawn: [0, 20000, 20000, 10000, 0, 0, 10000, 0],
  ledger: {
    start: '2026-03-28',
    end: '2026-04-04',
    openingBalance: 100000,
    buffer: 50000,
    inflows: [0, 20000, 0, 0, 50000, 0, 10000, 10000],
    outflows: [30000, 40000, 0, 0, 0, 0, 60000, 0],
    closing: [70000, 50000, 50000, 50000, 100000, 100000, 50000, 60000],
    financeEvents: [],
  },
  outstandingAtEnd: 0,
  repaidAtTermEnd: 0,
  notes: [],
};

/** Five days of Monte Carlo bands, pence. */
export const BANDS = {
  dates: ['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01'],
  p5: [50000, -150000, -250000, -200000, -100000],
  p50: [70000, 10000, -20000, 0, 40000],
  p95: [90000, 60000, 50000, 80000, 120000],
  label: 'Closing cash',
};

/** Three payment-terms alternatives, pence. */
export const TERMS = [
  { label: 'In advance', peakNeed: 0, financeCost: 0 },
  { label: 'Monthly in arrears, 30 days', peakNeed: 21200000, financeCost: 1165050 },
  { label: 'Quarterly in arrears, 30 days', peakNeed: 45000000, financeCost: 2890001 },
];
