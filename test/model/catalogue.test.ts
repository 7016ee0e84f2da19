import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BridgefitInputError } from '../../src/money/index.js';
import { CATALOGUE_LIMITS, catalogueProducts, parseCatalogue, safeParseCatalogue } from '../../src/model/index.js';
import { loanInput } from '../matching/fixtures.js';

function problemsOf(input: unknown) {
  const result = safeParseCatalogue(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.problems;
}

describe('CatalogueSchema', () => {
  it('parses the illustrative example: 6 investors, 12 products, unique ids', () => {
    const catalogue = parseCatalogue(JSON.parse(readFileSync('examples/catalogue.json', 'utf8')));
    expect(catalogue.investors).toHaveLength(6);
    const products = catalogueProducts(catalogue);
    expect(products).toHaveLength(12);
    expect(new Set(products.map((p) => p.id)).size).toBe(12);
  });

  it('flattens products investor by investor, in the order listed', () => {
    const catalogue = parseCatalogue({
      investors: [
        { id: 'a', name: 'A', kind: 'cdfi', products: [loanInput({ id: 'a1', investorId: 'a' }), loanInput({ id: 'a2', investorId: 'a' })] },
        { id: 'b', name: 'B', kind: 'foundation', products: [loanInput({ id: 'b1', investorId: 'b' })] },
      ],
    });
    expect(catalogueProducts(catalogue).map((p) => p.id)).toEqual(['a1', 'a2', 'b1']);
  });

  it('a product whose investorId differs from its investor: the path and both ids', () => {
    const problems = problemsOf({ investors: [{ id: 'a', name: 'A', kind: 'cdfi', products: [loanInput({ id: 'p', investorId: 'b' })] }] });
    expect(problems).toEqual([
      { path: 'investors[0].products[0].investorId', message: 'product "p" names investor "b" but is listed under investor "a"; they must be equal' },
    ]);
  });

  it('duplicate product ids across investors: the path and where the first is', () => {
    const problems = problemsOf({
      investors: [
        { id: 'a', name: 'A', kind: 'cdfi', products: [loanInput({ id: 'p', investorId: 'a' })] },
        { id: 'b', name: 'B', kind: 'cdfi', products: [loanInput({ id: 'q', investorId: 'b' }), loanInput({ id: 'p', investorId: 'b' })] },
      ],
    });
    expect(problems).toEqual([
      { path: 'investors[1].products[1].id', message: 'duplicates the product id "p" of investors[0].products[0]; product ids must be unique across the catalogue' },
    ]);
  });

  it('duplicate investor ids', () => {
    const problems = problemsOf({
      investors: [
        { id: 'a', name: 'A', kind: 'cdfi', products: [] },
        { id: 'a', name: 'A again', kind: 'other', products: [] },
      ],
    });
    expect(problems).toEqual([{ path: 'investors[1].id', message: 'duplicates the id "a" of investors[0]; investor ids must be unique' }]);
  });

  it('a bad product field is reported under its investor', () => {
    const problems = problemsOf({ investors: [{ id: 'a', name: 'A', kind: 'cdfi', products: [loanInput({ investorId: 'a', pricing: { annualRate: '8' } })] }] });
    expect(problems.map((p) => p.path)).toEqual(['investors[0].products[0].pricing.annualRate']);
  });

  it('unknown investor kind and unknown keys are rejected (strict)', () => {
    expect(problemsOf({ investors: [{ id: 'a', name: 'A', kind: 'bank', products: [] }] })[0]?.path).toBe('investors[0].kind');
    expect(problemsOf({ investors: [], _notice: 'x' })[0]?.path).toBe('');
  });

  it(`at most ${CATALOGUE_LIMITS.investors} investors and ${CATALOGUE_LIMITS.products} products`, () => {
    const investors = Array.from({ length: CATALOGUE_LIMITS.investors + 1 }, (_, i) => ({ id: `i${i}`, name: 'I', kind: 'other', products: [] }));
    expect(problemsOf({ investors })[0]?.path).toBe('investors');
    // 11 investors × 200 products = 2,200 > 2,000.
    const many = Array.from({ length: 11 }, (_, i) => ({
      id: `i${i}`,
      name: 'I',
      kind: 'other',
      products: Array.from({ length: 200 }, (_, j) => loanInput({ id: `p${i}-${j}`, investorId: `i${i}` })),
    }));
    expect(problemsOf({ investors: many })).toEqual([{ path: 'investors', message: 'must list at most 2000 products in all (got 2200)' }]);
  });

  it('parseCatalogue throws a BridgefitInputError naming the path', () => {
    expect(() => parseCatalogue({ investors: [{ id: 'a', name: 'A', kind: 'cdfi', products: [loanInput({ investorId: 'z' })] }] })).toThrow(
      /investors\[0\]\.products\[0\]\.investorId: product "loan" names investor "z"/,
    );
    expect(() => parseCatalogue(null)).toThrow(BridgefitInputError);
  });
});
