/**
 * Sizing benchmark: a 5-year daily forecast with 1,000 contracts (generated deterministically
 * from a seed), sized with a revolving facility by `sizeProduct`; and, in the same process, the
 * same ledger, daily interest and sizing search with decimal.js objects for every balance and
 * accrual (`decimal-baseline.ts`). Prints both times, the ratio, and whether the two agree to the
 * penny on every closing balance and on interest and fees.
 */
import { parseScenario, type ScenarioInput } from '../src/model/scenario.js';
import { parseProduct } from '../src/model/product.js';
import { forecastCash } from '../src/forecast/ledger.js';
import { applyProduct } from '../src/finance/apply-product.js';
import { costOf } from '../src/finance/cost.js';
import type { FinancePlan } from '../src/finance/types.js';
import { sizeProductWith, type ApplyFn } from '../src/sizing/size-product.js';
import { createRandom } from '../src/stress/random.js';
import { formatMoney } from '../src/money/amount.js';
import { addMonths } from '../src/calendar/months.js';
import { formatDay, parseDay } from '../src/calendar/day.js';
import { decimalApplyRevolving } from './decimal-baseline.js';
import { time, timing, type BenchReport } from './types.js';

const CONTRACTS = 1000;
const COMMISSIONERS = 20;
const START = '2026-01-01';
const END = '2030-12-31';

/** 1,000 contracts over 2026–2030, from seed 20260101: the same scenario on every run and machine. */
export function benchScenarioInput(): ScenarioInput {
  const random = createRandom(20260101);
  const int = (lo: number, hi: number) => lo + Math.floor(random.nextFloat() * (hi - lo + 1));
  const commissioners = Array.from({ length: COMMISSIONERS }, (_, k) => ({
    id: `commissioner-${k + 1}`,
    name: `Commissioner ${k + 1}`,
    kind: 'local-authority' as const,
    paymentBehaviour: { kind: 'terms-plus-late' as const, typicalDaysLate: int(0, 45) },
  }));
  const first = parseDay(START);
  const last = parseDay(END);
  const contracts = Array.from({ length: CONTRACTS }, (_, k) => {
    const start = addMonths(first, int(0, 36));
    const end = Math.min(addMonths(start, int(6, 36)) - 1, last);
    const monthly = int(2, 20) * 1000;
    const margin = int(88, 97); // delivery cost as % of value
    return {
      id: `contract-${String(k + 1).padStart(4, '0')}`,
      commissionerId: `commissioner-${int(1, COMMISSIONERS)}`,
      title: `Contract ${k + 1}`,
      start: formatDay(start),
      end: formatDay(end),
      value: { kind: 'periodic' as const, amount: `${monthly}.00`, per: 'month' as const },
      billing: { frequency: random.nextFloat() < 0.7 ? ('monthly' as const) : ('quarterly' as const), timing: 'in-arrears' as const, invoiceLagDays: int(0, 10), paymentTermsDays: 30 },
      deliveryCosts: [{ description: 'Delivery', amount: `${(monthly * margin) / 100}.00`, frequency: 'monthly' as const, payDay: int(20, 28) }],
    };
  });
  return {
    enterprise: { id: 'se', name: 'Bench CIC', legalForm: 'cic', openingCash: '250000.00', openingCashDate: START, minimumCashBuffer: '100000.00', currency: 'GBP' },
    commissioners,
    contracts,
    cashLines: [],
    horizon: { end: END },
  };
}

const FACILITY = parseProduct({
  kind: 'revolving-facility',
  id: 'bench-rcf',
  investorId: 'bench-fund',
  name: 'Bench revolving facility',
  minAmount: '50000.00',
  maxAmount: '50000000.00',
  minTermMonths: 12,
  maxTermMonths: 60,
  pricing: { annualRate: '0.085', dayCount: 'ACT/365F', arrangementFeeRate: '0.01', exitFeeRate: '0.005' },
  daysToFunds: 30,
  commitmentFeeRate: '0.005',
  renewal: 'none',
});

function totals(plan: FinancePlan): { interest: number; fees: number } {
  let interest = 0;
  let fees = 0;
  for (const f of plan.flows) {
    if (f.kind === 'interest') interest += f.amount;
    else if (f.kind === 'fee') fees += f.amount;
  }
  return { interest, fees };
}

export default function run(): BenchReport {
  const lines: string[] = [];
  const scenario = parseScenario(benchScenarioInput());
  const forecast = time(3, () => forecastCash(scenario));
  const f = forecast.result;

  const counting = (apply: ApplyFn) => {
    const counter = { n: 0 };
    const fn: ApplyFn = (...args) => {
      counter.n++;
      return apply(...args);
    };
    return { fn, counter };
  };

  const intApply = counting(applyProduct);
  const sized = time(5, () => {
    intApply.counter.n = 0;
    return sizeProductWith(intApply.fn, f, FACILITY);
  });
  const s = sized.result;
  if (!s.needed || s.plan === null) throw new Error('bench scenario has no gap to size');
  const opts = { termMonths: s.termMonths!, buffer: f.buffer };
  const intLedger = time(20, () => applyProduct(f, FACILITY, s.limit, opts));
  const decLedger = time(3, () => decimalApplyRevolving(f, FACILITY, s.limit, opts));

  const decApply = counting(decimalApplyRevolving);
  const decSized = time(3, () => {
    decApply.counter.n = 0;
    return sizeProductWith(decApply.fn, f, FACILITY);
  });

  // Exactness: every closing balance, drawn balance, interest and fees to the penny.
  const a = intLedger.result;
  const b = decLedger.result;
  let closingDiffs = 0;
  let drawnDiffs = 0;
  for (let i = 0; i < a.ledger.closing.length; i++) {
    if (a.ledger.closing[i] !== b.ledger.closing[i]) closingDiffs++;
    if (a.drawn[i] !== b.drawn[i]) drawnDiffs++;
  }
  const ta = totals(a);
  const tb = totals(b);
  const costA = costOf(a);
  const costB = costOf(b);
  const exact =
    closingDiffs === 0 && drawnDiffs === 0 && ta.interest === tb.interest && ta.fees === tb.fees && a.outstandingAtEnd === b.outstandingAtEnd && decSized.result.limit === s.limit && decSized.result.covered === s.covered;

  // Ratios on the fastest runs: the least disturbed by other work on the machine.
  const ledgerRatio = decLedger.minMs / intLedger.minMs;
  const sizingRatio = decSized.minMs / sized.minMs;
  lines.push(
    `scenario: ${CONTRACTS} contracts, ${f.closing.length} days (${f.start} … ${f.end}), ${f.invoices.length} invoices; peak shortfall before finance ${formatMoney(Math.max(...f.closing.map((c) => f.buffer - c)))}`,
    `sized: ${s.covered ? 'covered' : 'NOT covered'}, limit ${formatMoney(s.limit)}, term ${s.termMonths} months, interest ${formatMoney(costA.interest)}, fees ${formatMoney(costA.fees)}, effective annual rate ${costA.effectiveAnnualRate ?? 'n/a'}`,
    `decimal.js sizing: limit ${formatMoney(decSized.result.limit)} after ${decApply.counter.n} ledgers; integer sizing after ${intApply.counter.n} ledgers`,
    `ratio (decimal.js ÷ integer minor units, fastest runs): one ledger ${ledgerRatio.toFixed(1)}×, whole sizing ${sizingRatio.toFixed(1)}× (target ≥ 50×)`,
    `exact: ${exact ? 'yes' : 'no'} (closing balances differing: ${closingDiffs} of ${a.ledger.closing.length}; drawn differing: ${drawnDiffs}; interest ${formatMoney(ta.interest)} vs ${formatMoney(tb.interest)}; fees ${formatMoney(ta.fees)} vs ${formatMoney(tb.fees)}; effective rate ${costA.effectiveAnnualRate} vs ${costB.effectiveAnnualRate})`,
  );
  return {
    name: 'sizing (5 years daily, 1,000 contracts, revolving facility)',
    rows: [
      { label: 'forecastCash', ...timing(forecast), detail: `${f.closing.length} days, ${f.invoices.length} invoices` },
      { label: 'sizeProduct (integer minor units)', ...timing(sized), detail: `${intApply.counter.n} ledgers` },
      { label: 'applyProduct at the sized limit', ...timing(intLedger), detail: 'one ledger' },
      { label: 'decimal.js baseline ledger', ...timing(decLedger), detail: `one ledger, ${ledgerRatio.toFixed(1)}× slower` },
      { label: 'sizing with the decimal.js ledger', ...timing(decSized), detail: `${decApply.counter.n} ledgers, ${sizingRatio.toFixed(1)}× slower` },
    ],
    lines,
    ok: exact,
  };
}
