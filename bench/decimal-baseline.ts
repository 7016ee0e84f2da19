/**
 * The baseline the benchmarks compare against: a revolving facility applied to a forecast,
 * written plainly with decimal.js — a `Decimal` for every balance, every day's cash and every
 * day's interest and commitment-fee accrual — following the same rules as the library's
 * integer engine (`src/finance/engine.ts` with the revolving policy):
 *
 * - each day, the forecast's inflows and outflows move cash;
 * - on the facility's first day the arrangement fee is paid; on the term's last day the exit fee;
 * - before the term's last day, the facility draws just enough that cash, after any charges
 *   posted today, is at least the buffer (up to the limit), or repays from cash above the buffer;
 * - interest accrues each day on the closing drawn balance at rate × weight / basis, and the
 *   commitment fee on the undrawn limit; both are rounded half-up to the penny and paid on the
 *   last day of each month and on the term's last day;
 * - on the term's last day whatever is still drawn is repaid from cash.
 *
 * It returns a `FinancePlan`, so the same sizing search and `costOf` can run on it. Only what the
 * benchmark needs is supported: a revolving facility without "other" fees, utilisation fee or
 * annual renewal.
 */
import Decimal from 'decimal.js';
import type { CashForecast } from '../src/forecast/types.js';
import type { InvestmentProduct } from '../src/model/product.js';
import type { FinanceFlow, FinanceFlowKind, FinancePlan } from '../src/finance/types.js';
import { formatDay, parseDay } from '../src/calendar/day.js';
import { addMonths, endOfMonth } from '../src/calendar/months.js';
import { dayBasis, dayWeight } from '../src/calendar/day-count.js';

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
type D = Decimal;

const ZERO = new D(0);

function roundPenny(x: D): D {
  return x.toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
}

function min(a: D, b: D): D {
  return a.lessThan(b) ? a : b;
}

function max(a: D, b: D): D {
  return a.greaterThan(b) ? a : b;
}

/**
 * Applies a revolving facility to a forecast with decimal.js arithmetic throughout.
 *
 * @param forecast - the forecast before finance
 * @param product - a parsed revolving facility (no other fees, no utilisation fee, no renewal)
 * @param limit - minor units
 * @param options - `start` (ISO), `termMonths`, `buffer` (minor units), as for `applyProduct`
 */
export function decimalApplyRevolving(
  forecast: CashForecast,
  product: InvestmentProduct,
  limit: number,
  options: { start?: string; termMonths?: number; buffer?: number } = {},
): FinancePlan {
  if (product.kind !== 'revolving-facility' || product.renewal !== 'none' || product.utilisationFeeRate !== undefined || product.pricing.otherFees.length > 0) {
    throw new Error('decimal baseline: only a plain revolving facility is supported');
  }
  const first = parseDay(forecast.start);
  const days = forecast.closing.length;
  const last = first + days - 1;
  const start = options.start === undefined ? first : parseDay(options.start);
  const termEnd = options.termMonths === undefined ? Math.min(addMonths(start, product.maxTermMonths), last) : addMonths(start, options.termMonths);
  const buffer = new D(options.buffer ?? forecast.buffer);
  const lim = new D(limit);
  const rate = new D(product.pricing.annualRate);
  const commitmentRate = new D(product.commitmentFeeRate);
  const dayCount = product.pricing.dayCount;

  let arrangement = roundPenny(lim.times(product.pricing.arrangementFeeRate));
  if (product.pricing.arrangementFeeMinimum !== undefined) arrangement = max(arrangement, new D(product.pricing.arrangementFeeMinimum).times(100));
  if (limit === 0) arrangement = ZERO;
  const exitFee = roundPenny(lim.times(product.pricing.exitFeeRate));

  const flows: FinanceFlow[] = [];
  const inflows: number[] = new Array(days);
  const outflows: number[] = new Array(days);
  const closing: D[] = new Array(days);
  const drawn: number[] = new Array(days);
  let cash = new D(forecast.openingBalance);
  let balance = ZERO;
  let interestAccrued = ZERO;
  let commitmentAccrued = ZERO;
  let repaidAtTermEnd = ZERO;

  for (let i = 0; i < days; i++) {
    const day = first + i;
    let dayIn = new D(forecast.inflows[i]!);
    let dayOut = new D(forecast.outflows[i]!);
    cash = cash.plus(dayIn).minus(dayOut);
    const record = (kind: FinanceFlowKind, amount: D, description: string): void => {
      if (!amount.greaterThan(0)) return;
      flows.push({ date: formatDay(day), kind, amount: amount.toNumber(), description });
      if (kind === 'draw') {
        dayIn = dayIn.plus(amount);
        cash = cash.plus(amount);
      } else {
        dayOut = dayOut.plus(amount);
        cash = cash.minus(amount);
      }
    };

    if (day >= start && day <= termEnd) {
      if (day === start) record('fee', arrangement, 'arrangement fee');
      if (day === termEnd) record('fee', exitFee, 'exit fee');
      const weight = dayWeight(dayCount, day);
      const basis = dayBasis(dayCount, day);
      const postsToday = day === termEnd || day === endOfMonth(day);
      if (day < termEnd) {
        // Interest and commitment fee posted today if the day closes with `closingBalance` drawn.
        const chargesAt = (closingBalance: D): D => {
          if (!postsToday) return ZERO;
          const interest = roundPenny(interestAccrued.plus(closingBalance.times(rate).times(weight).div(basis)));
          const undrawn = max(ZERO, lim.minus(closingBalance));
          const commitment = roundPenny(commitmentAccrued.plus(undrawn.times(commitmentRate).times(weight).div(basis)));
          return interest.plus(commitment);
        };
        const headroom = max(ZERO, lim.minus(balance));
        // Draw just enough that cash after today's charges is at least the buffer.
        let draw = ZERO;
        for (let step = 0; step < 32 && draw.lessThan(headroom); step++) {
          const need = buffer.minus(cash.plus(draw).minus(chargesAt(balance.plus(draw))));
          if (!need.greaterThan(0)) break;
          draw = min(headroom, draw.plus(need));
        }
        if (draw.greaterThan(0)) {
          balance = balance.plus(draw);
          record('draw', draw, 'draw to keep cash at the buffer');
        } else if (balance.greaterThan(0)) {
          // Repay from cash above the buffer (after today's charges).
          let repay = min(balance, max(ZERO, cash.minus(chargesAt(balance)).minus(buffer)));
          for (let step = 0; step < 32 && repay.greaterThan(0); step++) {
            const surplus = cash.minus(repay).minus(chargesAt(balance.minus(repay))).minus(buffer);
            if (!surplus.lessThan(0)) break;
            repay = max(ZERO, repay.plus(surplus));
          }
          if (repay.greaterThan(0)) {
            balance = balance.minus(repay);
            record('repayment', repay, 'repayment from cash above the buffer');
          }
        }
        interestAccrued = interestAccrued.plus(balance.times(rate).times(weight).div(basis));
        commitmentAccrued = commitmentAccrued.plus(max(ZERO, lim.minus(balance)).times(commitmentRate).times(weight).div(basis));
      } else if (balance.greaterThan(0)) {
        repaidAtTermEnd = balance;
        record('repayment', balance, 'principal outstanding at term end, repaid');
        balance = ZERO;
      }
      if (postsToday) {
        record('interest', roundPenny(interestAccrued), 'interest');
        interestAccrued = ZERO;
        record('fee', roundPenny(commitmentAccrued), 'commitment fee');
        commitmentAccrued = ZERO;
      }
    }
    inflows[i] = dayIn.toNumber();
    outflows[i] = dayOut.toNumber();
    closing[i] = cash;
    drawn[i] = balance.toNumber();
  }

  const outstandingAtEnd = termEnd > last ? balance.plus(roundPenny(interestAccrued)).plus(roundPenny(commitmentAccrued)).toNumber() : 0;
  const bufferMinor = buffer.toNumber();
  return {
    productId: product.id,
    productKind: product.kind,
    limit,
    currency: product.currency,
    start: formatDay(start),
    termEnd: formatDay(termEnd),
    buffer: bufferMinor,
    flows,
    drawn,
    ledger: {
      start: forecast.start,
      end: forecast.end,
      openingBalance: forecast.openingBalance,
      buffer: bufferMinor,
      inflows,
      outflows,
      closing: closing.map((c) => c.toNumber()),
      financeEvents: [],
    },
    outstandingAtEnd,
    repaidAtTermEnd: repaidAtTermEnd.toNumber(),
    notes: [],
  };
}
