import type { Minor } from '../money/amount.js';
import { parseAmount } from '../money/amount.js';
import type { Enterprise } from '../model/enterprise.js';
import type { EligibilityCriteria } from '../model/eligibility-criteria.js';
import type { InvestmentProduct } from '../model/product.js';
import type { EligibilityNeed } from './need.js';
import { DEFAULT_ELIGIBILITY_RULES } from './rules.js';

/** How one criterion came out: met, not met, or not known because the enterprise did not say. */
export type Outcome = 'passed' | 'failed' | 'unknown';

/** One criterion's outcome, in plain words with both values ("trading 14 months; product needs 24"). */
export interface Reason {
  /** A short stable name, e.g. `"months-trading"`. */
  readonly criterion: string;
  readonly outcome: Outcome;
  readonly message: string;
}

/** Everything a rule may look at. */
export interface EligibilityContext {
  readonly enterprise: Enterprise;
  readonly need: EligibilityNeed;
  readonly product: InvestmentProduct;
  /** `product.eligibility`, or `{}` when the product states none. */
  readonly criteria: EligibilityCriteria;
  /**
   * The amount this product would lend against the need, minor units: the need raised to the
   * product's minimum and capped at its maximum (0 when there is no need), unless the caller
   * passed `options.amount` (e.g. a sized limit).
   */
  readonly amount: Minor;
}

/**
 * One eligibility rule: a {@link Reason}, or null when the product does not state the
 * criterion. Add your own by passing `rules: [...DEFAULT_ELIGIBILITY_RULES, myRule]`.
 */
export type EligibilityRule = (ctx: EligibilityContext) => Reason | null;

/** The outcome of every criterion a product states; eligible when none failed. */
export interface EligibilityResult {
  readonly productId: string;
  /** True when no reason failed (unknowns do not exclude; they are reported). */
  readonly eligible: boolean;
  readonly reasons: readonly Reason[];
}

/** Options for {@link checkEligibility}. */
export interface EligibilityOptions {
  /** The rules to apply, in order. Default {@link DEFAULT_ELIGIBILITY_RULES}. */
  readonly rules?: readonly EligibilityRule[];
  /** The amount to judge the share-of-turnover and share-of-contract-value caps on, minor units. Default {@link lendAmount}. */
  readonly amount?: Minor;
}

/**
 * The amount a product would lend against a need: 0 when there is no need; otherwise the need
 * raised to the product's minimum and capped at its maximum (partial cover).
 *
 * @param need - the peak need, minor units
 * @param product - the product
 * @returns minor units
 * @example
 * ```ts
 * lendAmount(21_200_000, loan); // 21200000 when loan's range is £25,000–£1,500,000
 * ```
 */
export function lendAmount(need: Minor, product: Pick<InvestmentProduct, 'minAmount' | 'maxAmount'>): Minor {
  if (need <= 0) return 0;
  return Math.min(Math.max(need, parseAmount(product.minAmount)), parseAmount(product.maxAmount));
}

/**
 * Checks a product's eligibility criteria against an enterprise and its need, giving a reason
 * for every criterion the product states. A criterion the enterprise has no data for is
 * `unknown`, never a pass; only `failed` reasons make the product ineligible.
 *
 * @param enterprise - the parsed enterprise
 * @param need - from {@link needFrom}: the peak need (minor units), days short, contracts
 * @param product - the parsed product
 * @param options - `rules` to replace the defaults; `amount` to judge share caps on
 * @example
 * ```ts
 * const result = checkEligibility(scenario.enterprise, needFrom(scenario, forecast), product);
 * result.reasons.find((r) => r.criterion === 'months-trading')?.message;
 * // "trading 81 months (since 2019-06-01); product needs 24"
 * ```
 */
export function checkEligibility(enterprise: Enterprise, need: EligibilityNeed, product: InvestmentProduct, options: EligibilityOptions = {}): EligibilityResult {
  const ctx: EligibilityContext = {
    enterprise,
    need,
    product,
    criteria: product.eligibility ?? {},
    amount: options.amount ?? lendAmount(need.amount, product),
  };
  const reasons: Reason[] = [];
  for (const rule of options.rules ?? DEFAULT_ELIGIBILITY_RULES) {
    const reason = rule(ctx);
    if (reason) reasons.push(reason);
  }
  return { productId: product.id, eligible: reasons.every((r) => r.outcome !== 'failed'), reasons };
}
