import { z } from 'zod';
import { IdSchema, NameSchema } from './primitives.js';
import { InvestmentProductSchema } from './product.js';

/** Kinds of social investor. */
export const INVESTOR_KINDS = ['social-lender', 'charity-bank', 'cdfi', 'foundation', 'other'] as const;
/** A kind of social investor. */
export type InvestorKind = (typeof INVESTOR_KINDS)[number];

/** Most products one investor may list (the whole catalogue is also capped; see `CATALOGUE_LIMITS`). */
export const MAX_PRODUCTS_PER_INVESTOR = 2000;

/**
 * A social investor and the products it offers. Each product's `investorId` must equal this
 * investor's `id`; the catalogue checks that (it needs to see both).
 */
export const InvestorSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  kind: z.enum(INVESTOR_KINDS),
  products: z.array(InvestmentProductSchema).max(MAX_PRODUCTS_PER_INVESTOR, `must list at most ${MAX_PRODUCTS_PER_INVESTOR} products`),
});

/** A parsed investor. */
export type Investor = z.output<typeof InvestorSchema>;
/** An investor as written in JSON. */
export type InvestorInput = z.input<typeof InvestorSchema>;
