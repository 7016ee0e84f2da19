/**
 * Hand-made forecasts and products for the finance tests, so each test states its cash flows
 * directly (no billing or payment behaviour in between).
 */
import { formatDay, parseDay } from '../../src/calendar/index.js';
import type { CashForecast, Invoice, Receipt } from '../../src/forecast/index.js';
import { parseAmount } from '../../src/money/index.js';
import { parseProduct, type InvestmentProduct } from '../../src/model/index.js';

/** A movement on a date: signed major-unit amount ("-25000.00" is money out). */
export interface Flow {
  readonly date: string;
  readonly amount: string;
}

/** An invoice and when it is paid (null: never within the data). */
export interface InvoiceSpec {
  readonly id: string;
  readonly commissionerId?: string;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly amount: string;
  readonly paidOn: string | null;
}

/**
 * A forecast from `start` to `end` with the given opening cash and buffer, and the given flows
 * plus each invoice's payment on its `paidOn` date.
 */
export function forecastOf(spec: {
  start: string;
  end: string;
  opening?: string;
  buffer?: string;
  flows?: readonly Flow[];
  invoices?: readonly InvoiceSpec[];
  currency?: string;
}): CashForecast {
  const first = parseDay(spec.start);
  const days = parseDay(spec.end) - first + 1;
  const inflows = new Array<number>(days).fill(0);
  const outflows = new Array<number>(days).fill(0);
  const invoices: Invoice[] = [];
  const receipts: Receipt[] = [];
  const add = (date: string, amount: number): void => {
    const i = parseDay(date) - first;
    if (i < 0 || i >= days) return;
    if (amount >= 0) inflows[i]! += amount;
    else outflows[i]! -= amount;
  };
  for (const f of spec.flows ?? []) add(f.date, parseAmount(f.amount));
  for (const inv of spec.invoices ?? []) {
    const amount = parseAmount(inv.amount);
    const commissionerId = inv.commissionerId ?? 'council';
    invoices.push({ id: inv.id, contractId: inv.id.split('#')[0]!, commissionerId, periodStart: inv.issueDate, periodEnd: inv.issueDate, issueDate: inv.issueDate, dueDate: inv.dueDate, amount });
    if (inv.paidOn !== null) {
      const daysToPay = parseDay(inv.paidOn) - parseDay(inv.issueDate);
      receipts.push({ invoiceId: inv.id, contractId: inv.id.split('#')[0]!, commissionerId, issueDate: inv.issueDate, dueDate: inv.dueDate, date: inv.paidOn, daysToPay, daysLate: Math.max(0, parseDay(inv.paidOn) - parseDay(inv.dueDate)), amount });
      add(inv.paidOn, amount);
    }
  }
  const opening = parseAmount(spec.opening ?? '0');
  const closing: number[] = [];
  let cash = opening;
  for (let i = 0; i < days; i++) {
    cash += inflows[i]! - outflows[i]!;
    closing.push(cash);
  }
  return {
    currency: spec.currency ?? 'GBP',
    start: spec.start,
    end: formatDay(first + days - 1),
    openingBalance: opening,
    buffer: parseAmount(spec.buffer ?? '0'),
    inflows,
    outflows,
    closing,
    events: [],
    outsideHorizon: [],
    invoices,
    receipts,
  };
}

const common = {
  id: 'p1',
  investorId: 'fund',
  name: 'Test product',
  minAmount: '0.00',
  maxAmount: '1000000.00',
  minTermMonths: 1,
  maxTermMonths: 24,
  daysToFunds: 14,
};

/** A parsed product of `kind` with the common fields above, `pricing` and kind fields as given. */
export function productOf(kind: InvestmentProduct['kind'], pricing: Record<string, unknown>, fields: Record<string, unknown> = {}): InvestmentProduct {
  const defaults: Record<InvestmentProduct['kind'], Record<string, unknown>> = {
    'bridging-loan': { drawdown: 'single', interestPayment: 'rolled-up', repayment: 'bullet' },
    'revolving-facility': { commitmentFeeRate: '0', renewal: 'none' },
    'invoice-finance': { advanceRate: '0.8', serviceFeeRate: '0' },
    'standby-facility': { trigger: { daysLateOver: 30 }, commitmentFeeRate: '0' },
  };
  return parseProduct({ kind, ...common, pricing, ...defaults[kind], ...fields });
}
