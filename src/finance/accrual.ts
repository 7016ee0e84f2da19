import type { Minor } from '../money/amount.js';
import { Dec, type Dec as Decimal } from '../money/rate.js';
import { inputError } from '../money/errors.js';

/**
 * An exact running accrual of `Σ amount × rate × weight / basis`, kept as integer numerators per
 * day-count basis (BigInt), so nothing is rounded until the accrual is posted.
 * Posting rounds half-up to a whole minor unit and starts the next period from zero.
 *
 * @example
 * ```ts
 * const interest = new Accrual(new Dec('0.08'));
 * for (let d = 0; d < 90; d++) interest.add(10_000_000, 1, 365); // £100,000 for 90 days
 * interest.post(); // 197260 (100,000 × 0.08 × 90/365 = £1,972.6027… → £1,972.60)
 * ```
 */
export class Accrual {
  readonly #rateNumerator: bigint;
  readonly #rateScale: bigint;
  /** basis → Σ amount × weight (minor units × days). */
  #sums = new Map<number, bigint>();
  /** A run of days on one basis, summed as a safe integer before it joins `#sums`. */
  #pending = 0;
  #pendingBasis = 0;

  /**
   * @param rate - annual rate as a decimal fraction, at most 12 decimal places ("0.08" is 8%)
   * @throws BridgefitInputError when the rate is negative or has more than 12 decimal places
   */
  constructor(rate: Decimal) {
    if (rate.isNegative() || rate.decimalPlaces() > 12) inputError('rate', `must be ≥ 0 with at most 12 decimal places (got ${rate.toString()})`);
    const places = rate.decimalPlaces();
    this.#rateScale = 10n ** BigInt(places);
    this.#rateNumerator = BigInt(rate.times(new Dec(10).pow(places)).toFixed(0));
  }

  /** Whether the rate is zero (nothing ever accrues). */
  get isZero(): boolean {
    return this.#rateNumerator === 0n;
  }

  /**
   * Accrues one day (or `weight` days) on `amount`.
   *
   * @param amount - minor units ≥ 0 (the balance the rate applies to)
   * @param weight - days of interest the day carries ({@link dayWeight})
   * @param basis - the day-count denominator ({@link dayBasis})
   */
  add(amount: Minor, weight: number, basis: number): void {
    if (amount === 0 || weight === 0 || this.#rateNumerator === 0n) return;
    // Hot path: most days share one basis, so sum in a plain number while it stays a safe
    // integer, and move it into the exact BigInt sums only when the basis changes or the
    // running sum would leave the safe range. The result is identical, and it is exact.
    const product = amount * weight;
    if (basis !== this.#pendingBasis || !Number.isSafeInteger(this.#pending + product)) {
      this.#flush();
      this.#pendingBasis = basis;
      if (!Number.isSafeInteger(product)) {
        this.#sums.set(basis, (this.#sums.get(basis) ?? 0n) + BigInt(amount) * BigInt(weight));
        return;
      }
    }
    this.#pending += product;
  }

  #flush(): void {
    if (this.#pending !== 0) this.#sums.set(this.#pendingBasis, (this.#sums.get(this.#pendingBasis) ?? 0n) + BigInt(this.#pending));
    this.#pending = 0;
  }

  /**
   * The accrual so far, plus an optional extra day not yet added, rounded half-up to minor units.
   *
   * @param extra - a day to include without adding it: amount (minor units), weight, basis
   */
  value(extra?: { readonly amount: Minor; readonly weight: number; readonly basis: number }): Minor {
    if (this.#rateNumerator === 0n) return 0;
    this.#flush();
    // Σ sum/basis as one fraction numerator/denominator, then × rate.
    let numerator = 0n;
    let denominator = 1n;
    for (const [basis, sum] of this.#sums) {
      const b = BigInt(basis);
      numerator = numerator * b + sum * denominator;
      denominator *= b;
    }
    if (extra && extra.amount !== 0 && extra.weight !== 0) {
      const b = BigInt(extra.basis);
      numerator = numerator * b + BigInt(extra.amount) * BigInt(extra.weight) * denominator;
      denominator *= b;
    }
    const num = numerator * this.#rateNumerator;
    const den = denominator * this.#rateScale;
    if (num === 0n) return 0;
    return Number((2n * num + den) / (2n * den));
  }

  /** Returns the accrual rounded half-up to minor units and resets it to zero. */
  post(): Minor {
    const amount = this.value();
    this.#sums = new Map();
    this.#pending = 0;
    return amount;
  }
}
