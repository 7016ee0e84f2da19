import { z } from 'zod';
import { CurrencySchema, IdSchema, IsoDateSchema, NameSchema, NonNegativeAmountSchema, AmountSchema } from './primitives.js';

/** Legal forms of UK social enterprises. */
export const LEGAL_FORMS = [
  'cic',
  'charity',
  'cio',
  'community-benefit-society',
  'co-operative',
  'company-limited-by-guarantee',
  'company-limited-by-shares',
  'other',
] as const;
/** A legal form, one of {@link LEGAL_FORMS}. */
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Security a lender may take, or an enterprise may be able to offer. */
export const SECURITY_KINDS = ['none', 'debenture', 'assignment-of-receivables', 'charge-on-property'] as const;
/** A kind of security, one of {@link SECURITY_KINDS}. */
export type SecurityKind = (typeof SECURITY_KINDS)[number];

/**
 * The social enterprise: who it is (for eligibility) and its cash position at the start.
 * Optional descriptive fields left out are treated as *unknown* by eligibility checks, never as
 * a pass.
 */
export const EnterpriseSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  legalForm: z.enum(LEGAL_FORMS),
  /** Region, e.g. "South East" or "Wales". */
  region: NameSchema.optional(),
  /** Sectors it works in, e.g. ["children-services"]. */
  sectors: z.array(NameSchema).max(50, 'must list at most 50 sectors').optional(),
  /** Date it started trading (ISO). */
  tradingSince: IsoDateSchema.optional(),
  /** Annual turnover in major units. */
  annualTurnover: NonNegativeAmountSchema.optional(),
  /** Cash at the start of `openingCashDate` (may be negative: an overdrawn account). */
  openingCash: AmountSchema,
  /** The day the ledger starts from. */
  openingCashDate: IsoDateSchema,
  /** The least cash the enterprise wants to hold; falling below it is a gap. */
  minimumCashBuffer: NonNegativeAmountSchema.default('0.00'),
  currency: CurrencySchema,
  /** Security it could offer a lender. */
  securityAvailable: z.array(z.enum(SECURITY_KINDS)).max(10).optional(),
  /** Impact themes of its work, e.g. ["children-and-young-people"]. */
  impactThemes: z.array(NameSchema).max(50, 'must list at most 50 impact themes').optional(),
});
/** A parsed enterprise. */
export type Enterprise = z.output<typeof EnterpriseSchema>;
/** An enterprise as written in JSON. */
export type EnterpriseInput = z.input<typeof EnterpriseSchema>;
