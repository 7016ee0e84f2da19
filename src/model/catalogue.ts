import { z } from 'zod';
import { InvestorSchema } from './investor.js';
import type { InvestmentProduct } from './product.js';
import { parseWith, safeParseWith, type SafeParseResult } from './parse.js';

/** Limits on a catalogue's size, so untrusted input cannot make matching unbounded. */
export const CATALOGUE_LIMITS = Object.freeze({ investors: 200, products: 2000 });

/**
 * The investors and their products that matching chooses from. Products live under their
 * investor. Cross-checks: investor ids unique; product ids unique across the whole catalogue;
 * each product's `investorId` equals its investor's `id`; at most
 * {@link CATALOGUE_LIMITS} investors and products.
 */
export const CatalogueSchema = z
  .strictObject({
    investors: z.array(InvestorSchema).max(CATALOGUE_LIMITS.investors, `must list at most ${CATALOGUE_LIMITS.investors} investors`),
  })
  .superRefine((catalogue, ctx) => {
    const investorAt = new Map<string, number>();
    const productAt = new Map<string, string>();
    let products = 0;
    catalogue.investors.forEach((investor, i) => {
      const first = investorAt.get(investor.id);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['investors', i, 'id'],
          message: `duplicates the id "${investor.id}" of investors[${first}]; investor ids must be unique`,
        });
      } else {
        investorAt.set(investor.id, i);
      }
      investor.products.forEach((product, j) => {
        products++;
        if (product.investorId !== investor.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['investors', i, 'products', j, 'investorId'],
            message: `product "${product.id}" names investor "${product.investorId}" but is listed under investor "${investor.id}"; they must be equal`,
          });
        }
        const where = `investors[${i}].products[${j}]`;
        const seen = productAt.get(product.id);
        if (seen !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['investors', i, 'products', j, 'id'],
            message: `duplicates the product id "${product.id}" of ${seen}; product ids must be unique across the catalogue`,
          });
        } else {
          productAt.set(product.id, where);
        }
      });
    });
    if (products > CATALOGUE_LIMITS.products) {
      ctx.addIssue({ code: 'custom', path: ['investors'], message: `must list at most ${CATALOGUE_LIMITS.products} products in all (got ${products})` });
    }
  });

/** A parsed, cross-checked catalogue. */
export type Catalogue = z.output<typeof CatalogueSchema>;
/** A catalogue as written in JSON. */
export type CatalogueInput = z.input<typeof CatalogueSchema>;

/**
 * Parses and cross-checks a catalogue of investors and their products.
 *
 * @param input - untrusted data (e.g. from `JSON.parse`)
 * @returns the parsed catalogue, defaults filled in, amounts normalised to two decimals
 * @throws BridgefitInputError listing every problem as `path: rule`, e.g.
 *   `investors[1].products[0].investorId: product "bridge" names investor "x" but is listed under investor "y"; …`
 * @example
 * ```ts
 * const catalogue = parseCatalogue(JSON.parse(readFileSync('examples/catalogue.json', 'utf8')));
 * catalogueProducts(catalogue).length; // 12
 * ```
 */
export function parseCatalogue(input: unknown): Catalogue {
  return parseWith(CatalogueSchema, input, 'catalogue');
}

/**
 * Like {@link parseCatalogue}, but returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeParseCatalogue(json);
 * if (!result.success) console.error(result.error.problems);
 * ```
 */
export function safeParseCatalogue(input: unknown): SafeParseResult<Catalogue> {
  return safeParseWith(CatalogueSchema, input, 'catalogue');
}

/**
 * Every product in a catalogue, investor by investor, in the order listed.
 *
 * @example
 * ```ts
 * catalogueProducts({ investors: [{ id: 'a', name: 'A', kind: 'cdfi', products: [p1, p2] }] }); // [p1, p2]
 * ```
 */
export function catalogueProducts(catalogue: Pick<Catalogue, 'investors'>): InvestmentProduct[] {
  const out: InvestmentProduct[] = [];
  for (const investor of catalogue.investors) for (const product of investor.products) out.push(product);
  return out;
}
