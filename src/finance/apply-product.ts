import type { Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import type { CashForecast } from '../forecast/types.js';
import type { InvestmentProduct } from '../model/product.js';
import { bridgingLoanPolicy } from './bridging-loan.js';
import { resolveTerm, runEngine, type ApplyProductOptions, type KindPolicy } from './engine.js';
import { invoiceFinancePolicy } from './invoice-finance.js';
import { revolvingFacilityPolicy } from './revolving-facility.js';
import { standbyFacilityPolicy } from './standby-facility.js';
import type { FinancePlan } from './types.js';

/**
 * Applies a product with a given limit to a forecast: every draw, repayment, interest posting and
 * fee by date, the drawn balance each day, and the enterprise's ledger after finance (finance
 * costs paid from its cash). Principal still drawn at term end is repaid then, from cash, even if
 * that takes cash below zero; the plan's `notes` say so.
 *
 * @param forecast - the enterprise's forecast before finance ({@link forecastCash})
 * @param product - a parsed product ({@link parseProduct}) in the forecast's currency
 * @param limit - the facility limit (loan amount), minor units ≥ 0; not checked against the
 *   product's min/max (a note is added when outside)
 * @param options - `start` (ISO, default the forecast's start), `termMonths` (default the product's
 *   maximum, capped at the forecast's end), `buffer` (minor units, default the forecast's)
 * @returns the finance plan; for every day opening + inflows − outflows = closing
 * @throws BridgefitInputError when the currencies differ, the limit is not a whole number ≥ 0, or an option is out of range
 * @example
 * ```ts
 * const plan = applyProduct(forecastCash(scenario), parseProduct(json), parseAmount('250000.00'));
 * plan.flows.filter((f) => f.kind === 'interest'); // monthly interest postings
 * ```
 */
export function applyProduct(forecast: CashForecast, product: InvestmentProduct, limit: Minor, options: ApplyProductOptions = {}): FinancePlan {
  if (product.currency !== forecast.currency) {
    inputError('product.currency', `must match the forecast's currency ${forecast.currency} (got ${product.currency})`);
  }
  const term = resolveTerm(forecast, product, options);
  const buffer = options.buffer ?? forecast.buffer;
  let policy: KindPolicy;
  switch (product.kind) {
    case 'bridging-loan':
      policy = bridgingLoanPolicy(product, term);
      break;
    case 'revolving-facility':
      policy = revolvingFacilityPolicy(product);
      break;
    case 'invoice-finance':
      policy = invoiceFinancePolicy(product, forecast);
      break;
    case 'standby-facility':
      policy = standbyFacilityPolicy(product, forecast);
      break;
  }
  return runEngine(forecast, product, limit, term, buffer, policy, options.flows !== false);
}
