import { parseDay } from '../calendar/day.js';
import { inputError } from '../money/errors.js';

/**
 * One dated cash flow for {@link xnpv} and {@link xirr}: a date and a signed amount in any unit
 * (pounds, pence: the rate does not depend on the unit). Negative is money out, positive money in.
 */
export interface DatedFlow {
  /** ISO `YYYY-MM-DD`. */
  readonly date: string;
  /** Signed amount, any unit; must be finite. */
  readonly amount: number;
}

/** Options for {@link xirr}. */
export interface XirrOptions {
  /** Where Newton's method starts, as an annual rate (0.1 is 10%). Default 0.1, as in Excel. */
  readonly guess?: number;
}

/**
 * Tolerance of {@link xirr}: the returned rate is within `XIRR_TOLERANCE` (absolute, in rate
 * units: 1e-10 = 0.00000001 percentage points) of an exact root of {@link xnpv}. Excel's XIRR
 * stops at 0.000001%, i.e. 1e-8.
 */
export const XIRR_TOLERANCE = 1e-10;

const MAX_NEWTON_STEPS = 100;
const MAX_BISECTION_STEPS = 200;
/** The solver looks for a root between −99.9999…% and this annual rate (1e9 = 100,000,000,000%). */
const MAX_RATE = 1e9;

interface Prepared {
  /** Years from the first flow's date (ACT/365), per flow. */
  readonly years: Float64Array;
  readonly amounts: Float64Array;
}

function prepare(flows: readonly DatedFlow[], path: string): Prepared {
  if (!Array.isArray(flows)) return inputError(path, 'must be an array of { date, amount }');
  if (flows.length === 0) return inputError(path, 'must contain at least one flow');
  const years = new Float64Array(flows.length);
  const amounts = new Float64Array(flows.length);
  let first = 0;
  flows.forEach((flow, i) => {
    const day = parseDay(flow?.date, `${path}[${i}].date`);
    const amount = flow?.amount;
    if (typeof amount !== 'number' || !Number.isFinite(amount)) {
      inputError(`${path}[${i}].amount`, `must be a finite number (got ${String(amount)})`);
    }
    if (i === 0) first = day;
    years[i] = (day - first) / 365;
    amounts[i] = amount;
  });
  return { years, amounts };
}

/** Σ aᵢ·(1+r)^(−tᵢ), computed as aᵢ·exp(−tᵢ·ln(1+r)) so it holds for any r > −1. */
function npvAt(p: Prepared, rate: number): number {
  const log = Math.log1p(rate);
  let sum = 0;
  for (let i = 0; i < p.amounts.length; i++) {
    const a = p.amounts[i]!;
    if (a !== 0) sum += a * Math.exp(-p.years[i]! * log);
  }
  return sum;
}

/** d/dr of {@link npvAt}: Σ −tᵢ·aᵢ·(1+r)^(−tᵢ−1). */
function npvDerivative(p: Prepared, rate: number): number {
  const log = Math.log1p(rate);
  let sum = 0;
  for (let i = 0; i < p.amounts.length; i++) {
    const a = p.amounts[i]!;
    const t = p.years[i]!;
    if (a !== 0 && t !== 0) sum -= t * a * Math.exp((-t - 1) * log);
  }
  return sum;
}

/**
 * Net present value of dated flows at an annual rate, Excel's XNPV convention: each amount is
 * discounted by (1 + rate)^(days / 365), days counted (ACT/365) from the **first flow's** date,
 * so the first flow is not discounted. Flows need not be in date order; a flow dated before the
 * first flow's date is compounded forward (Excel rejects such flows with #NUM!).
 *
 * @param rate - annual rate as a fraction (0.09 is 9%); must be > −1
 * @param flows - dated signed amounts in any unit; the result is in the same unit
 * @returns the net present value at the first flow's date, same unit as the amounts (a float)
 * @throws BridgefitInputError when `rate` is not a finite number > −1, `flows` is empty, a date
 *   is not a real ISO date or an amount is not a finite number
 * @example
 * ```ts
 * // Microsoft's XNPV example (support.microsoft.com, "XNPV function"): 2086.65
 * xnpv(0.09, [
 *   { date: '2008-01-01', amount: -10000 },
 *   { date: '2008-03-01', amount: 2750 },
 *   { date: '2008-10-30', amount: 4250 },
 *   { date: '2009-02-15', amount: 3250 },
 *   { date: '2009-04-01', amount: 2750 },
 * ]); // 2086.647602…
 * ```
 */
export function xnpv(rate: number, flows: readonly DatedFlow[]): number {
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= -1) {
    inputError('rate', `must be a finite annual rate greater than −1 (got ${String(rate)})`);
  }
  return npvAt(prepare(flows, 'flows'), rate);
}

/**
 * The internal rate of return of dated flows, Excel's XIRR convention: the annual rate `r` at
 * which {@link xnpv}(r, flows) = 0 (ACT/365 from the first flow's date). Floats are fine here:
 * a rate is not money.
 *
 * Method: Newton's method from `guess`; if it does not converge (or leaves the domain r > −1),
 * a scan for a sign change of the NPV between −99.9999% and 1e9 (starting near the guess and
 * moving outward), then bisection on that bracket. The result is within {@link XIRR_TOLERANCE}
 * (1e-10) of a root. When the flows have several roots (unconventional flows that change sign
 * more than once), the one Newton reaches from `guess`, or else the bracketed root nearest the
 * guess, is returned.
 *
 * @param flows - dated signed amounts, any unit; at least one negative and one positive
 * @param options - `guess`: starting annual rate (default 0.1)
 * @returns the annual rate as a fraction (0.3734 is 37.34%), or `null` when the amounts do not
 *   change sign (all in or all out) or no rate in (−1, 1e9] makes the NPV zero
 * @throws BridgefitInputError when `flows` is empty, a date is not a real ISO date, an amount
 *   is not finite, or `guess` is not a finite number > −1
 * @example
 * ```ts
 * // Microsoft's XIRR example (support.microsoft.com, "XIRR function"): 0.373362535 (37.34%)
 * xirr([
 *   { date: '2008-01-01', amount: -10000 },
 *   { date: '2008-03-01', amount: 2750 },
 *   { date: '2008-10-30', amount: 4250 },
 *   { date: '2009-02-15', amount: 3250 },
 *   { date: '2009-04-01', amount: 2750 },
 * ]); // 0.3733625335…
 * xirr([{ date: '2026-01-01', amount: 100 }, { date: '2027-01-01', amount: 5 }]); // null (no sign change)
 * ```
 */
export function xirr(flows: readonly DatedFlow[], options: XirrOptions = {}): number | null {
  const guess = options.guess ?? 0.1;
  if (typeof guess !== 'number' || !Number.isFinite(guess) || guess <= -1) {
    inputError('options.guess', `must be a finite annual rate greater than −1 (got ${String(guess)})`);
  }
  const p = prepare(flows, 'flows');
  let positive = false;
  let negative = false;
  for (const a of p.amounts) {
    if (a > 0) positive = true;
    else if (a < 0) negative = true;
  }
  if (!positive || !negative) return null;

  const newton = solveNewton(p, guess);
  if (newton !== null && isRoot(p, newton)) return newton;
  const bracket = findBracket(p, guess);
  return bracket === null ? null : bisect(p, bracket[0], bracket[1]);
}

/** Whether the NPV is zero at `rate` or changes sign within the tolerance around it. */
function isRoot(p: Prepared, rate: number): boolean {
  if (npvAt(p, rate) === 0) return true;
  const width = XIRR_TOLERANCE * Math.max(1, Math.abs(rate));
  const below = npvAt(p, Math.max(rate - width, (rate - 1) / 2));
  const above = npvAt(p, rate + width);
  return Number.isFinite(below) && Number.isFinite(above) && (below <= 0) !== (above <= 0);
}

function solveNewton(p: Prepared, guess: number): number | null {
  let rate = guess;
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const f = npvAt(p, rate);
    if (f === 0) return rate;
    const d = npvDerivative(p, rate);
    if (!Number.isFinite(f) || !Number.isFinite(d) || d === 0) return null;
    const next = rate - f / d;
    if (!Number.isFinite(next) || next <= -1 || next > MAX_RATE) return null;
    if (Math.abs(next - rate) <= XIRR_TOLERANCE * Math.max(1, Math.abs(next)) * 1e-2) return next;
    rate = next;
  }
  return null;
}

/** Rates at which the scan looks for a sign change, sorted; the guess is inserted among them. */
const SCAN_RATES: readonly number[] = (() => {
  const rates: number[] = [];
  for (let k = 12; k >= 1; k--) rates.push(-1 + 10 ** -k); // −0.999999999999 … −0.9
  for (let r = -0.8; r < 1; r += 0.1) rates.push(Math.round(r * 10) / 10);
  for (let r = 1; r <= MAX_RATE; r *= 2) rates.push(r);
  rates.push(MAX_RATE);
  return rates;
})();

function findBracket(p: Prepared, guess: number): [number, number] | null {
  const rates = [...SCAN_RATES, guess].sort((a, b) => a - b);
  const values = rates.map((r) => npvAt(p, r));
  const at = rates.indexOf(guess);
  // Look outward from the guess so the bracket nearest it wins.
  for (let offset = 0; offset < rates.length; offset++) {
    for (const i of [at + offset, at - offset - 1]) {
      if (i < 0 || i + 1 >= rates.length) continue;
      const fa = values[i]!;
      const fb = values[i + 1]!;
      if (!Number.isFinite(fa) || !Number.isFinite(fb)) continue;
      if (fa === 0) return [rates[i]!, rates[i]!];
      if (fb === 0) return [rates[i + 1]!, rates[i + 1]!];
      if (fa < 0 !== fb < 0) return [rates[i]!, rates[i + 1]!];
    }
  }
  return null;
}

function bisect(p: Prepared, low: number, high: number): number {
  if (low === high) return low;
  let fLow = npvAt(p, low);
  let a = low;
  let b = high;
  for (let step = 0; step < MAX_BISECTION_STEPS && b - a > XIRR_TOLERANCE * 1e-2 * Math.max(1, Math.abs(a)); step++) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) break;
    const fMid = npvAt(p, mid);
    if (fMid === 0) return mid;
    if (fMid < 0 === fLow < 0) {
      a = mid;
      fLow = fMid;
    } else {
      b = mid;
    }
  }
  return a + (b - a) / 2;
}
