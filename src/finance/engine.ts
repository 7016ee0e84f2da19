import { assertMinor, formatMoney, parseAmount, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { Dec, applyRate, type Dec as Decimal } from '../money/rate.js';
import { civilFromDay, formatDay, parseDay, type Day } from '../calendar/day.js';
import { addMonths, endOfMonth } from '../calendar/months.js';
import { dayBasis, dayWeight } from '../calendar/day-count.js';
import type { CashEvent, CashForecast } from '../forecast/types.js';
import type { InvestmentProduct } from '../model/product.js';
import { Accrual } from './accrual.js';
import type { FinanceFlow, FinanceFlowKind, FinancePlan } from './types.js';

/** Options for {@link applyProduct} and the engine. */
export interface ApplyProductOptions {
  /** The facility's first day (ISO); default the forecast's start. Must lie inside the forecast. */
  readonly start?: string;
  /**
   * The term in whole months (1–360). Default: the product's `maxTermMonths`, capped at the
   * forecast's last day (a revolving facility that renews annually runs to the last day). When
   * given, the term may run past the forecast's end: what is then still owed is `outstandingAtEnd`.
   */
  readonly termMonths?: number;
  /** Cash the enterprise keeps before drawing, minor units; default the forecast's buffer. */
  readonly buffer?: Minor;
  /**
   * Record every flow and finance event (default true). `false` leaves `flows` and
   * `ledger.financeEvents` empty — the ledger, drawn balances and `outstandingAtEnd` are the
   * same — for searches such as sizing that only need the ledger and run the engine many times.
   */
  readonly flows?: boolean;
}

/** A movement a policy asks for: an amount (minor units, > 0) and what it is, in words. */
export interface PolicyMove {
  readonly amount: Minor;
  readonly description: string;
}

/** What a policy does on a day. Amounts are minor units. */
export interface PolicyDecision {
  readonly draws?: readonly PolicyMove[];
  readonly repayments?: readonly PolicyMove[];
  readonly fees?: readonly PolicyMove[];
}

/** What the engine tells a policy about a day of the term (before the term's last day). */
export interface PolicyDayContext {
  /** Index into the forecast's arrays. */
  readonly index: number;
  readonly day: Day;
  /** First day of the facility. */
  readonly start: Day;
  /** The term's last day, when everything outstanding is repaid (may be after the forecast). */
  readonly termEnd: Day;
  /** Enterprise cash today after its own flows and today's scheduled fees, before draws and repayments; minor units. */
  readonly cash: Minor;
  /** Principal drawn at the start of the day, minor units. */
  readonly balance: Minor;
  /** Principal drawn so far over the term, minor units. */
  readonly drawnToDate: Minor;
  /** How much more may be drawn today, minor units. */
  readonly headroom: Minor;
  readonly limit: Minor;
  readonly buffer: Minor;
  /**
   * Interest and periodic fees the engine will post at the end of today if the day closes with
   * `closingBalance` drawn (0 on days that are not posting days), minor units.
   */
  chargesAt(closingBalance: Minor): Minor;
}

/** How a product kind behaves: plugged into the one daily engine. */
export interface KindPolicy {
  /** `monthly`: interest posted on the last day of each month and at term end; `at-end`: at term end only. */
  readonly interestPosting: 'monthly' | 'at-end';
  /** What the interest is called in flow descriptions ("interest", "discount charge"). */
  readonly interestLabel: string;
  /** Whether repaid principal may be drawn again. */
  readonly redraw: boolean;
  /** Per year on the undrawn limit, posted monthly. */
  readonly commitmentFeeRate?: Decimal;
  /** Per year on the drawn balance, posted monthly (a fee, not interest). */
  readonly utilisationFeeRate?: Decimal;
  /** Charge the arrangement fee again every 12 months of the term (a renewal fee). */
  readonly renewsAnnually?: boolean;
  /** The day's draws, repayments and kind-specific fees. The context is only valid during the call (the engine reuses it), and the engine reads the decision before the next call (so a policy may reuse its objects). */
  decide(context: PolicyDayContext): PolicyDecision;
}

/** The facility's first and last days. */
export interface FacilityTerm {
  readonly start: Day;
  readonly end: Day;
}

/**
 * Resolves the facility's first day and term end from the options.
 *
 * @throws BridgefitInputError when `options.start` is outside the forecast or `options.termMonths` is not 1–360
 * @example
 * ```ts
 * resolveTerm(forecast, product, { termMonths: 3 }); // { start: <forecast start>, end: start + 3 months }
 * ```
 */
export function resolveTerm(forecast: CashForecast, product: InvestmentProduct, options: ApplyProductOptions): FacilityTerm {
  const first = parseDay(forecast.start, 'forecast.start');
  const last = parseDay(forecast.end, 'forecast.end');
  const start = options.start === undefined ? first : parseDay(options.start, 'options.start');
  if (start < first || start > last) inputError('options.start', `must lie within the forecast, ${forecast.start} to ${forecast.end} (got ${options.start})`);
  if (options.termMonths !== undefined) {
    if (!Number.isInteger(options.termMonths) || options.termMonths < 1 || options.termMonths > 360) {
      inputError('options.termMonths', `must be a whole number of months from 1 to 360 (got ${options.termMonths})`);
    }
    return { start, end: addMonths(start, options.termMonths) };
  }
  const renews = product.kind === 'revolving-facility' && product.renewal === 'annual';
  return { start, end: renews ? last : Math.min(addMonths(start, product.maxTermMonths), last) };
}

/** Shared empty list, so days without movements allocate nothing. */
const NO_MOVES: readonly PolicyMove[] = Object.freeze([]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The month of a day in words, for flow descriptions.
 *
 * @example
 * ```ts
 * monthLabel(parseDay('2026-05-31')); // "May 2026"
 * ```
 */
export function monthLabel(day: Day): string {
  const c = civilFromDay(day);
  return `${MONTHS[c.month - 1]} ${c.year}`;
}

function scheduledFees(product: InvestmentProduct, limit: Minor, term: FacilityTerm, policy: KindPolicy): Map<Day, PolicyMove[]> {
  const out = new Map<Day, PolicyMove[]>();
  const at = (day: Day, move: PolicyMove): void => {
    if (move.amount <= 0) return;
    const list = out.get(day);
    if (list) list.push(move);
    else out.set(day, [move]);
  };
  const pricing = product.pricing;
  const arrangement = limit > 0 ? Math.max(applyRate(limit, pricing.arrangementFeeRate), pricing.arrangementFeeMinimum ? parseAmount(pricing.arrangementFeeMinimum) : 0) : 0;
  at(term.start, { amount: arrangement, description: 'arrangement fee' });
  if (policy.renewsAnnually) {
    for (let k = 1; addMonths(term.start, 12 * k) < term.end; k++) {
      at(addMonths(term.start, 12 * k), { amount: arrangement, description: `renewal fee (arrangement fee for year ${k + 1})` });
    }
  }
  for (const fee of pricing.otherFees) {
    const amount = parseAmount(fee.amount);
    if (fee.when === 'at-start') at(term.start, { amount, description: fee.description });
    else if (fee.when === 'at-end') at(term.end, { amount, description: fee.description });
    else {
      const step = fee.when === 'monthly' ? 1 : 12;
      for (let k = 0; addMonths(term.start, step * k) < term.end || k === 0; k++) {
        at(addMonths(term.start, step * k), { amount, description: `${fee.description} (${fee.when === 'monthly' ? 'month' : 'year'} ${k + 1})` });
      }
    }
  }
  at(term.end, { amount: applyRate(limit, pricing.exitFeeRate), description: 'exit fee' });
  return out;
}

/**
 * The one daily engine every product kind plugs into. It walks the forecast day by day; on each
 * day of the term it posts the fees that fall due, asks the kind's `policy` what to draw or
 * repay given the enterprise's cash, accrues interest (and commitment and utilisation fees)
 * exactly on the day's closing balance, and posts them (rounded half-up) on the last day of each
 * month or at term end. Everything the enterprise pays comes out of its cash, so finance costs
 * can deepen a gap. On the term's last day whatever principal is still drawn is repaid from cash
 * (which may go below zero: that is what sizing detects).
 *
 * Interest accrues for each day from the day of a draw up to, but not including, the day of
 * repayment (the balance at the close of each day, the term's last day excluded).
 *
 * @param forecast - the enterprise's forecast before finance
 * @param product - a parsed product
 * @param limit - facility limit (loan amount), minor units ≥ 0
 * @param term - first day and term end ({@link resolveTerm})
 * @param buffer - cash to keep, minor units
 * @param policy - the kind's behaviour
 * @param recordFlows - false to skip recording flows and events (see {@link ApplyProductOptions.flows})
 * @returns the plan: flows, daily drawn balance and the ledger after finance
 * @example
 * ```ts
 * const plan = runEngine(forecast, loan, 10_000_000, resolveTerm(forecast, loan, {}), forecast.buffer, bridgingLoanPolicy(loan, forecast));
 * ```
 */
export function runEngine(forecast: CashForecast, product: InvestmentProduct, limit: Minor, term: FacilityTerm, buffer: Minor, policy: KindPolicy, recordFlows = true): FinancePlan {
  assertMinor(limit, 'limit');
  if (limit < 0) inputError('limit', `must be ≥ 0 (got ${limit})`);
  assertMinor(buffer, 'options.buffer');
  const first = parseDay(forecast.start, 'forecast.start');
  const days = forecast.closing.length;
  const last = first + days - 1;
  const dayCount = product.pricing.dayCount;
  const interest = new Accrual(new Dec(product.pricing.annualRate));
  const commitment = policy.commitmentFeeRate ? new Accrual(policy.commitmentFeeRate) : undefined;
  const utilisation = policy.utilisationFeeRate ? new Accrual(policy.utilisationFeeRate) : undefined;
  const fees = scheduledFees(product, limit, term, policy);

  const flows: FinanceFlow[] = [];
  const events: CashEvent[] = [];
  const inflows = new Array<number>(days);
  const outflows = new Array<number>(days);
  const closing = new Array<number>(days);
  const drawn = new Array<number>(days);
  let cash = forecast.openingBalance;
  let balance = 0;
  let drawnToDate = 0;
  let repaidAtTermEnd = 0;
  let periodStart = term.start;

  let day = first;
  let dayIn = 0;
  let dayOut = 0;
  const record = (kind: FinanceFlowKind, move: PolicyMove): void => {
    if (!Number.isSafeInteger(move.amount)) assertMinor(move.amount, `${kind} on ${formatDay(day)}`);
    const amount = move.amount;
    if (amount <= 0) return;
    if (recordFlows) {
      const date = formatDay(day);
      flows.push({ date, kind, amount, description: move.description });
      const signed = kind === 'draw' ? amount : -amount;
      events.push({ date, amount: signed, kind: 'finance', sourceId: product.id, reference: kind, description: `${move.description} (${product.name})` });
    }
    if (kind === 'draw') {
      dayIn += amount;
      cash += amount;
    } else {
      dayOut += amount;
      cash -= amount;
    }
  };

  // One context object and one chargesAt for the whole run, updated each day (policies must not
  // keep the context beyond their call): no per-day allocation in the hot loop.
  let weight = 1;
  let basis = 365;
  let postsToday = false;
  const context: { -readonly [K in keyof PolicyDayContext]: PolicyDayContext[K] } = {
    index: 0,
    day: first,
    start: term.start,
    termEnd: term.end,
    cash: 0,
    balance: 0,
    drawnToDate: 0,
    headroom: 0,
    limit,
    buffer,
    chargesAt: (closingBalance) => {
      if (!postsToday) return 0;
      let total = policy.interestPosting === 'monthly' ? interest.value({ amount: closingBalance, weight, basis }) : 0;
      if (commitment) total += commitment.value({ amount: Math.max(0, limit - closingBalance), weight, basis });
      if (utilisation) total += utilisation.value({ amount: closingBalance, weight, basis });
      return total;
    },
  };
  let monthEnd = endOfMonth(first);

  for (let i = 0; i < days; i++) {
    day = first + i;
    if (day > monthEnd) monthEnd = endOfMonth(day);
    dayIn = forecast.inflows[i]!;
    dayOut = forecast.outflows[i]!;
    cash += dayIn - dayOut;

    if (day >= term.start && day <= term.end) {
      for (const fee of fees.get(day) ?? NO_MOVES) record('fee', fee);
      weight = dayWeight(dayCount, day);
      basis = dayBasis(dayCount, day);
      postsToday = day === term.end || day === monthEnd;
      if (day < term.end) {
        context.index = i;
        context.day = day;
        context.cash = cash;
        context.balance = balance;
        context.drawnToDate = drawnToDate;
        context.headroom = Math.max(0, policy.redraw ? limit - balance : limit - drawnToDate);
        const decision = policy.decide(context);
        for (const move of decision.repayments ?? NO_MOVES) {
          const amount = Math.min(move.amount, balance);
          balance -= amount;
          record('repayment', { amount, description: move.description });
        }
        let room = Math.max(0, policy.redraw ? limit - balance : limit - drawnToDate);
        for (const move of decision.draws ?? NO_MOVES) {
          const amount = Math.min(move.amount, room);
          room -= amount;
          balance += amount;
          drawnToDate += amount;
          record('draw', { amount, description: move.description });
        }
        for (const move of decision.fees ?? NO_MOVES) record('fee', move);
        interest.add(balance, weight, basis);
        commitment?.add(Math.max(0, limit - balance), weight, basis);
        utilisation?.add(balance, weight, basis);
      } else if (balance > 0) {
        repaidAtTermEnd = balance;
        record('repayment', { amount: balance, description: 'principal outstanding at term end, repaid' });
        balance = 0;
      }
      if (postsToday) {
        const label = day === term.end ? periodLabel(periodStart, day) : `for ${monthLabel(day)}`;
        if (policy.interestPosting === 'monthly' || day === term.end) {
          const what = policy.interestPosting === 'at-end' ? `rolled-up ${policy.interestLabel}` : policy.interestLabel;
          record('interest', { amount: interest.post(), description: `${what} ${policy.interestPosting === 'at-end' ? periodLabel(term.start, day) : label}` });
        }
        if (commitment) record('fee', { amount: commitment.post(), description: `commitment fee ${label}` });
        if (utilisation) record('fee', { amount: utilisation.post(), description: `utilisation fee ${label}` });
        periodStart = day + 1;
      }
    }
    if (!Number.isSafeInteger(cash)) assertMinor(Number.NaN, `ledger on ${formatDay(day)}`);
    inflows[i] = dayIn;
    outflows[i] = dayOut;
    closing[i] = cash;
    drawn[i] = balance;
  }

  let outstandingAtEnd = 0;
  const notes: string[] = [];
  const currency = product.currency;
  if (term.end > last) {
    outstandingAtEnd = balance + interest.value() + (commitment?.value() ?? 0) + (utilisation?.value() ?? 0);
    notes.push(`The term runs to ${formatDay(term.end)}, after the forecast ends (${forecast.end}): ${formatMoney(outstandingAtEnd, currency)} (principal and charges accrued) is still owed on the last day.`);
  } else if (repaidAtTermEnd > 0) {
    const after = closing[term.end - first]!;
    notes.push(
      `${formatMoney(repaidAtTermEnd, currency)} was still drawn at the end of the term and is repaid from cash on ${formatDay(term.end)}` +
        (after < buffer ? `, leaving ${formatMoney(after, currency)}, below the buffer of ${formatMoney(buffer, currency)}.` : '.'),
    );
  }
  if (limit > parseAmount(product.maxAmount)) notes.push(`The limit ${formatMoney(limit, currency)} is above the product's maximum (${formatMoney(parseAmount(product.maxAmount), currency)}).`);
  if (limit < parseAmount(product.minAmount)) notes.push(`The limit ${formatMoney(limit, currency)} is below the product's minimum (${formatMoney(parseAmount(product.minAmount), currency)}).`);

  return {
    productId: product.id,
    productKind: product.kind,
    limit,
    currency,
    start: formatDay(term.start),
    termEnd: formatDay(term.end),
    buffer,
    flows,
    drawn,
    ledger: {
      start: forecast.start,
      end: forecast.end,
      openingBalance: forecast.openingBalance,
      buffer,
      inflows,
      outflows,
      closing,
      financeEvents: events,
    },
    outstandingAtEnd,
    repaidAtTermEnd,
    notes,
  };
}

function periodLabel(from: Day, to: Day): string {
  return `from ${formatDay(from)} to ${formatDay(to)}`;
}

/**
 * Draws just enough (within `headroom`) that cash after today's charges is at least the buffer.
 *
 * @returns minor units to draw (0 when cash is already at or above the buffer)
 * @example
 * ```ts
 * drawToBuffer(context); // e.g. 1250000 when cash would close £12,500 below the buffer
 * ```
 */
export function drawToBuffer(context: PolicyDayContext): Minor {
  let draw = 0;
  for (let step = 0; step < 32 && draw < context.headroom; step++) {
    const need = context.buffer - (context.cash + draw - context.chargesAt(context.balance + draw));
    if (need <= 0) break;
    draw = Math.min(context.headroom, draw + need);
  }
  return draw;
}

/**
 * Repays as much as cash above the buffer allows (after today's charges), up to the balance.
 *
 * @returns minor units to repay
 * @example
 * ```ts
 * repayAboveBuffer(context); // e.g. 500000 when cash is £5,000 above the buffer
 * ```
 */
export function repayAboveBuffer(context: PolicyDayContext): Minor {
  if (context.balance <= 0) return 0;
  let repay = Math.min(context.balance, Math.max(0, context.cash - context.chargesAt(context.balance) - context.buffer));
  for (let step = 0; step < 32 && repay > 0; step++) {
    const surplus = context.cash - repay - context.chargesAt(context.balance - repay) - context.buffer;
    if (surplus >= 0) break;
    repay = Math.max(0, repay + surplus);
  }
  return repay;
}

/**
 * The decision rule of facilities that follow the cash day by day (revolving, standby): draw just
 * enough to keep cash at the buffer when drawing is allowed, otherwise repay from cash above it.
 * The returned function reuses its decision objects (the engine reads each decision before the
 * next day), so the daily loop allocates nothing.
 *
 * @param drawDescription - what a draw is called in the plan's flows
 * @param canDraw - whether drawing is allowed on a day (default: always)
 * @example
 * ```ts
 * const decide = keepAtBuffer('draw to keep cash at the buffer');
 * decide(context); // { draws: [{ amount: 1250000, … }] } when cash would close £12,500 short
 * ```
 */
export function keepAtBuffer(drawDescription: string, canDraw: (context: PolicyDayContext) => boolean = () => true): (context: PolicyDayContext) => PolicyDecision {
  const draw = { amount: 0, description: drawDescription };
  const repay = { amount: 0, description: 'repayment from cash above the buffer' };
  const draws: PolicyDecision = { draws: [draw] };
  const repayments: PolicyDecision = { repayments: [repay] };
  const nothing: PolicyDecision = {};
  return (context) => {
    if (canDraw(context)) {
      draw.amount = drawToBuffer(context);
      if (draw.amount > 0) return draws;
    }
    repay.amount = repayAboveBuffer(context);
    return repay.amount > 0 ? repayments : nothing;
  };
}
