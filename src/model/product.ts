import { z } from 'zod';
import { DAY_COUNTS } from '../calendar/day-count.js';
import { parseAmount } from '../money/amount.js';
import { SECURITY_KINDS } from './enterprise.js';
import { EligibilityCriteriaSchema } from './eligibility-criteria.js';
import { CurrencySchema, FractionSchema, IdSchema, NameSchema, NonNegativeAmountSchema, PositiveAmountSchema } from './primitives.js';
import { parseWith, safeParseWith, type SafeParseResult } from './parse.js';

/** The kinds of social-investment product bridgefit models. */
export const PRODUCT_KINDS = ['bridging-loan', 'revolving-facility', 'invoice-finance', 'standby-facility'] as const;
/** A product kind. */
export type ProductKind = (typeof PRODUCT_KINDS)[number];

/** When an "other" fee is charged. */
export const FEE_TIMINGS = ['at-start', 'monthly', 'annually', 'at-end'] as const;
/** When an "other" fee is charged. */
export type FeeTiming = (typeof FEE_TIMINGS)[number];


const MonthsSchema = z
  .number({ error: 'must be a whole number of months' })
  .int('must be a whole number of months')
  .min(1, 'must be ≥ 1 month')
  .max(360, 'must be ≤ 360 months');

/** A fee other than the arrangement and exit fees: a fixed amount charged at stated times. */
export const OtherFeeSchema = z.strictObject({
  description: NameSchema,
  /** Major units, ≥ 0. */
  amount: NonNegativeAmountSchema,
  /**
   * `at-start`: on the facility's first day; `monthly` / `annually`: at the start of each month /
   * year of the term (the first on the first day); `at-end`: on the term's last day.
   */
  when: z.enum(FEE_TIMINGS),
});

/** What a product costs. All rates are decimal fractions between 0 and 1. */
export const PricingSchema = z.strictObject({
  /** Interest (or, for invoice finance, the discount charge) per year on funds drawn. */
  annualRate: FractionSchema,
  /** How interest accrues day by day. */
  dayCount: z.enum(DAY_COUNTS).default('ACT/365F'),
  /** Fraction of the limit charged on the first day. */
  arrangementFeeRate: FractionSchema.default('0'),
  /** Smallest arrangement fee, major units. */
  arrangementFeeMinimum: NonNegativeAmountSchema.optional(),
  /** Fraction of the limit charged at the end of the term. */
  exitFeeRate: FractionSchema.default('0'),
  otherFees: z.array(OtherFeeSchema).max(50, 'must list at most 50 fees').default([]),
});

const common = {
  id: IdSchema,
  investorId: IdSchema,
  name: NameSchema,
  currency: CurrencySchema,
  /** Smallest limit offered, major units. */
  minAmount: NonNegativeAmountSchema,
  /** Largest limit offered, major units; ≥ minAmount. */
  maxAmount: PositiveAmountSchema,
  minTermMonths: MonthsSchema,
  /** ≥ minTermMonths. */
  maxTermMonths: MonthsSchema,
  pricing: PricingSchema,
  securityRequired: z.array(z.enum(SECURITY_KINDS)).min(1).max(10).default(['none']),
  /** Typical days from application to money. */
  daysToFunds: z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be ≥ 0 days').max(3650, 'must be ≤ 3650 days'),
  eligibility: EligibilityCriteriaSchema.optional(),
};

/** A loan for a fixed term: drawn once or in stages, repaid at the end, by sweep, or monthly. */
export const BridgingLoanSchema = z.strictObject({
  kind: z.literal('bridging-loan'),
  ...common,
  /** `single`: the whole limit on the first day; `staged`: drawn as the need arises, no redraw. */
  drawdown: z.enum(['single', 'staged']),
  /** `monthly`: paid on the last day of each month; `rolled-up`: paid at the end with the principal. */
  interestPayment: z.enum(['monthly', 'rolled-up']),
  /** `bullet`: at the end; `cash-sweep`: cash above the buffer repays; `amortising`: equal monthly principal. */
  repayment: z.enum(['bullet', 'cash-sweep', 'amortising']),
});

/** A committed facility drawn and repaid as cash requires. */
export const RevolvingFacilitySchema = z.strictObject({
  kind: z.literal('revolving-facility'),
  ...common,
  /** Per year, on the undrawn limit. */
  commitmentFeeRate: FractionSchema,
  /** `annual`: the facility renews every 12 months (the arrangement fee is charged again). */
  renewal: z.enum(['none', 'annual']),
  /** Per year, on the drawn balance, on top of interest. */
  utilisationFeeRate: FractionSchema.optional(),
});

/** Advances against invoices as they are issued, repaid when the commissioner pays. */
export const InvoiceFinanceSchema = z.strictObject({
  kind: z.literal('invoice-finance'),
  ...common,
  /** Share of each invoice advanced, e.g. "0.85". */
  advanceRate: FractionSchema,
  /** Fraction of each financed invoice's value. */
  serviceFeeRate: FractionSchema,
  /** Largest share of the limit in use against one commissioner. */
  concentrationLimit: FractionSchema.default('1'),
});

/** A facility that can be drawn only while an invoice is more than N days overdue. */
export const StandbyFacilitySchema = z.strictObject({
  kind: z.literal('standby-facility'),
  ...common,
  trigger: z.strictObject({
    /** Drawable from the day an invoice is more than this many days past its due date, while it is unpaid. */
    daysLateOver: z.number({ error: 'must be a whole number of days' }).int('must be a whole number of days').min(0, 'must be ≥ 0 days').max(3650, 'must be ≤ 3650 days'),
  }),
  /** Per year, on the undrawn limit. */
  commitmentFeeRate: FractionSchema,
});

/** An investor's product: one of {@link PRODUCT_KINDS}, told apart by `kind`. */
export const InvestmentProductSchema = z
  .discriminatedUnion('kind', [BridgingLoanSchema, RevolvingFacilitySchema, InvoiceFinanceSchema, StandbyFacilitySchema])
  .superRefine((p, ctx) => {
    if (parseAmount(p.maxAmount) < parseAmount(p.minAmount)) {
      ctx.addIssue({ code: 'custom', path: ['maxAmount'], message: `must be ≥ minAmount (${p.minAmount}); got ${p.maxAmount}` });
    }
    if (p.maxTermMonths < p.minTermMonths) {
      ctx.addIssue({ code: 'custom', path: ['maxTermMonths'], message: `must be ≥ minTermMonths (${p.minTermMonths}); got ${p.maxTermMonths}` });
    }
  });

/** A parsed investment product. */
export type InvestmentProduct = z.output<typeof InvestmentProductSchema>;
/** An investment product as written in JSON. */
export type InvestmentProductInput = z.input<typeof InvestmentProductSchema>;
/** A parsed bridging loan. */
export type BridgingLoan = z.output<typeof BridgingLoanSchema>;
/** A parsed revolving facility. */
export type RevolvingFacility = z.output<typeof RevolvingFacilitySchema>;
/** A parsed invoice-finance product. */
export type InvoiceFinance = z.output<typeof InvoiceFinanceSchema>;
/** A parsed standby facility. */
export type StandbyFacility = z.output<typeof StandbyFacilitySchema>;
/** A product's parsed pricing. */
export type Pricing = z.output<typeof PricingSchema>;
/** A parsed "other" fee. */
export type OtherFee = z.output<typeof OtherFeeSchema>;

/**
 * Parses an investment product, throwing a {@link BridgefitInputError} that names each bad field.
 *
 * @param input - untrusted data (e.g. from `JSON.parse`)
 * @throws BridgefitInputError e.g. `pricing.annualRate: must be at most 1 (100%) …`
 * @example
 * ```ts
 * const loan = parseProduct({
 *   kind: 'bridging-loan', id: 'bridge', investorId: 'si-fund', name: 'Contract bridge',
 *   minAmount: '25000.00', maxAmount: '250000.00', minTermMonths: 3, maxTermMonths: 24,
 *   pricing: { annualRate: '0.08', arrangementFeeRate: '0.015' }, daysToFunds: 21,
 *   drawdown: 'single', interestPayment: 'rolled-up', repayment: 'bullet',
 * });
 * loan.pricing.dayCount; // "ACT/365F"
 * ```
 */
export function parseProduct(input: unknown): InvestmentProduct {
  return parseWith(InvestmentProductSchema, input, 'investment product');
}

/**
 * Parses an investment product without throwing.
 *
 * @example
 * ```ts
 * const result = safeParseProduct(json);
 * if (!result.success) console.error(result.error.problems);
 * ```
 */
export function safeParseProduct(input: unknown): SafeParseResult<InvestmentProduct> {
  return safeParseWith(InvestmentProductSchema, input, 'investment product');
}
