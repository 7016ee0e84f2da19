import { z } from 'zod';
import { LEGAL_FORMS } from './enterprise.js';
import { FractionSchema, NameSchema, NonNegativeAmountSchema } from './primitives.js';

/**
 * What an investor's product requires of an enterprise. Every field is optional: a criterion the
 * product does not state is not checked.
 */
export const EligibilityCriteriaSchema = z.strictObject({
  /** Legal forms the product lends to. */
  legalForms: z.array(z.enum(LEGAL_FORMS)).min(1).optional(),
  /** Whole months of trading required. */
  minMonthsTrading: z.number().int('must be a whole number of months').min(0, 'must be ≥ 0').max(1200).optional(),
  /** Smallest annual turnover accepted, major units. */
  minTurnover: NonNegativeAmountSchema.optional(),
  /** Largest annual turnover accepted, major units. */
  maxTurnover: NonNegativeAmountSchema.optional(),
  /** The enterprise must work in at least one of these sectors. */
  sectors: z.array(NameSchema).min(1).max(100).optional(),
  /** The enterprise must be based in one of these regions. */
  regions: z.array(NameSchema).min(1).max(100).optional(),
  /** The enterprise must hold at least one public-sector contract. */
  requiresPublicContract: z.boolean().optional(),
  /** Months left to run on its longest contract, at least. */
  minContractMonthsRemaining: z.number().int('must be a whole number of months').min(0, 'must be ≥ 0').max(600).optional(),
  /** Largest loan as a share of annual turnover. */
  maxShareOfTurnover: FractionSchema.optional(),
  /** Largest loan as a share of the total value of its public contracts. */
  maxShareOfContractValue: FractionSchema.optional(),
  /** The investor funds work in at least one of these impact themes. */
  impactThemes: z.array(NameSchema).min(1).max(100).optional(),
});
/** Parsed eligibility criteria. */
export type EligibilityCriteria = z.output<typeof EligibilityCriteriaSchema>;
