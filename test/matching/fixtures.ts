/**
 * Small builders for matching tests: a product input with only the fields a test cares about,
 * an enterprise, and a hand-written need.
 */
import { EnterpriseSchema, parseProduct, type Enterprise, type EnterpriseInput, type InvestmentProduct, type InvestmentProductInput } from '../../src/model/index.js';
import type { EligibilityNeed } from '../../src/matching/index.js';
import { enterpriseInput } from '../helpers/scenario-builder.js';

/** A bridging loan input: £25,000–£500,000, 3–36 months, 8%, no security, 21 days to funds. */
export function loanInput(overrides: Record<string, unknown> = {}): InvestmentProductInput {
  const base = {
    kind: 'bridging-loan',
    id: 'loan',
    investorId: 'inv',
    name: 'Test loan',
    minAmount: '25000.00',
    maxAmount: '500000.00',
    minTermMonths: 3,
    maxTermMonths: 36,
    pricing: { annualRate: '0.08' },
    daysToFunds: 21,
    drawdown: 'single',
    interestPayment: 'monthly',
    repayment: 'bullet',
    ...overrides,
  } as Record<string, unknown>;
  // A key overridden with undefined is dropped (e.g. a loan's `drawdown` when building a facility).
  return Object.fromEntries(Object.entries(base).filter(([, v]) => v !== undefined)) as InvestmentProductInput;
}

/** A parsed bridging loan; see {@link loanInput}. */
export function loan(overrides: Record<string, unknown> = {}): InvestmentProduct {
  return parseProduct(loanInput(overrides));
}

/** A parsed enterprise: the builder's default (a CIC, GBP) with overrides. */
export function enterprise(overrides: Partial<EnterpriseInput> = {}): Enterprise {
  return EnterpriseSchema.parse(enterpriseInput(overrides));
}

/**
 * A need of £100,000 as of 2026-01-01, first short 2026-02-15, last short 2026-06-30, with one
 * local-authority contract worth £400,000 and 12 months left.
 */
export function need(overrides: Partial<EligibilityNeed> = {}): EligibilityNeed {
  return {
    amount: 10_000_000,
    firstDayShort: '2026-02-15',
    lastDayShort: '2026-06-30',
    asOf: '2026-01-01',
    contracts: [{ id: 'c1', value: 40_000_000, monthsRemaining: 12, commissionerKind: 'local-authority' }],
    ...overrides,
  };
}
