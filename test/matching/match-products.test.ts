import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Minor } from '../../src/money/index.js';
import { parseCatalogue, parseScenario, type Catalogue, type InvestmentProduct, type InvestorInput } from '../../src/model/index.js';
import { forecastCash } from '../../src/forecast/index.js';
import type { SizedPlan } from '../../src/sizing/index.js';
import {
  checkEligibility,
  enterpriseFacts,
  isEligibleFast,
  matchNeed,
  matchProducts,
  prepareCatalogue,
  DEFAULT_MATCH_WEIGHTS,
  type MatchInput,
  type MatchOptions,
  type SizeFn,
} from '../../src/matching/index.js';
import { buildScenario } from '../helpers/scenario-builder.js';
import { enterprise, loanInput, need } from './fixtures.js';

/** Figures a stub sizer returns for a product: what sizing "found", stated by the test. */
interface Stub {
  covered: boolean;
  limit: Minor;
  residual: Minor;
  total: Minor;
  rate: string;
}

function stubSizer(stubs: Record<string, Stub>): SizeFn {
  return (_forecast, product) => {
    const s = stubs[product.id];
    if (!s) throw new Error(`no stub for ${product.id}`);
    return sized(product, s);
  };
}

function sized(product: InvestmentProduct, s: Stub): SizedPlan {
  return {
    productId: product.id,
    productKind: product.kind,
    covered: s.covered,
    needed: true,
    limit: s.limit,
    minimumLimit: s.covered ? s.limit : null,
    termMonths: 12,
    plan: null,
    cost: { interest: s.total, fees: 0, total: s.total, peakDrawn: s.limit, averageDrawn: s.limit, effectiveAnnualRate: s.rate },
    residualShortfall: s.residual,
    shortDates: null,
    explanation: 'stub',
  };
}

/** A stub sizer for generated products: covers when the maximum reaches the need; cost = lend × rate ÷ 2 (half a year). */
const formulaSizer: SizeFn = (_forecast, product) => {
  const max = Math.round(Number(product.maxAmount) * 100);
  const min = Math.round(Number(product.minAmount) * 100);
  const n = 10_000_000;
  const limit = Math.min(Math.max(n, min), max);
  const bp = Math.round(Number(product.pricing.annualRate) * 10_000);
  return sized(product, { covered: max >= n, limit, residual: Math.max(0, n - max), total: Math.floor((limit * bp) / 20_000), rate: product.pricing.annualRate });
};

function catalogueOf(products: readonly Record<string, unknown>[]): Catalogue {
  const investor: InvestorInput = { id: 'inv', name: 'Investor', kind: 'social-lender', products: products.map((p) => loanInput(p)) };
  return parseCatalogue({ investors: [investor] });
}

/** Need £100,000 as of 2026-01-01, first short 2026-02-15 (45 days later). The forecast is not read by stub sizers. */
function input(overrides: Partial<Parameters<typeof enterprise>[0]> = {}): MatchInput {
  const scenario = buildScenario();
  return { enterprise: enterprise({ securityAvailable: ['debenture'], ...overrides }), need: need(), forecast: forecastCash(scenario) };
}

/*
 * The hand-built three-product case. Need £100,000; funds needed within 45 days.
 *   A: revolving facility, covers, total £6,000, effective 10%, 21 days, no security.
 *   B: bridging loan, covers, total £4,000, effective 8%, 30 days, debenture.
 *   C: bridging loan, max £60,000 so covers 60%, total £2,000, effective 5%, 14 days, no security.
 * Normalised across the three (lowest best): total cost A 0, B 0.5, C 1; rate A 0, B (0.10−0.08)/(0.10−0.05) = 0.4, C 1.
 * Time to funds: all within 45 days → 1. Flexibility: revolving 1, loans 0.25. Security: none 1, debenture 1 − 0.6 = 0.4.
 * Default weights (coverage .3, total cost .2, rate .1, time .2, flexibility .1, security .1; sum 1):
 *   A = .3·1 + .2·0   + .1·0  + .2·1 + .1·1   + .1·1   = 0.700
 *   B = .3·1 + .2·0.5 + .1·0.4 + .2·1 + .1·.25 + .1·0.4 = 0.705
 *   C = .3·.6 + .2·1  + .1·1  + .2·1 + .1·.25 + .1·1   = 0.805
 * With the coverage gate (default), A and B (which cover) come before C whatever C scores: B, A, C —
 * B's lower cost outweighs A's flexibility and lighter security by 0.005. Without the gate: C, B, A.
 */
const threeProducts = catalogueOf([
  { id: 'a', kind: 'revolving-facility', commitmentFeeRate: '0.01', renewal: 'none', drawdown: undefined, interestPayment: undefined, repayment: undefined },
  { id: 'b', securityRequired: ['debenture'], daysToFunds: 30 },
  { id: 'c', maxAmount: '60000.00', daysToFunds: 14 },
]);
const threeStubs = stubSizer({
  a: { covered: true, limit: 10_000_000, residual: 0, total: 600_000, rate: '0.100000' },
  b: { covered: true, limit: 10_000_000, residual: 0, total: 400_000, rate: '0.080000' },
  c: { covered: false, limit: 6_000_000, residual: 4_000_000, total: 200_000, rate: '0.050000' },
});

describe('matchNeed: ranking', () => {
  it('ranks the hand-built three-product case B, A, C with the scores worked in the comment', () => {
    const result = matchNeed(input(), prepareCatalogue(threeProducts), { sizer: threeStubs });
    expect(result.matches.map((m) => [m.productId, m.score])).toEqual([
      ['b', 0.705],
      ['a', 0.7],
      ['c', 0.805],
    ]);
    const c = result.matches[2]!;
    expect(c.shareCovered).toBe(0.6);
    expect(c.components.coverage).toEqual({ value: 0.6, weight: 0.3, contribution: 0.18 });
    expect(result.matches.map((m) => m.rank)).toEqual([1, 2, 3]);
    // No stress need was given, so its component carries no weight.
    expect(result.weights).toEqual({ ...DEFAULT_MATCH_WEIGHTS, stressCoverage: 0 });
  });

  it('with a stress need, scores how much of it each limit could carry', () => {
    /*
     * Stress need £125,000 (say the P90 of simulateDelays). Limits: A £100,000, B £100,000, C £60,000.
     * Stress coverage = min(1, limit ÷ 125,000): A 0.8, B 0.8, C 0.48. Weights now sum to 1.1, and
     * each contribution (value × weight ÷ 1.1) is rounded to 4 places before summing:
     *   A = .2727 (cov) + 0 + 0 + .1818 (time) + .0909 (flex) + .0909 (sec) + .0727 (stress .08/1.1) = 0.7090
     *   B = .2727 + .0909 (cost .1/1.1) + .0364 (rate .04/1.1) + .1818 + .0227 (flex .025/1.1) + .0364 (sec) + .0727 = 0.7136
     *   C = .1636 (cov .18/1.1) + .1818 + .0909 + .1818 + .0227 + .0909 + .0436 (stress .048/1.1) = 0.7753
     * Order with the gate: B, A, C.
     */
    const result = matchNeed(input(), prepareCatalogue(threeProducts), { sizer: threeStubs, stressNeed: 12_500_000 });
    expect(result.matches.map((m) => [m.productId, m.components.stressCoverage.value])).toEqual([
      ['b', 0.8],
      ['a', 0.8],
      ['c', 0.48],
    ]);
    expect(result.matches.map((m) => m.score)).toEqual([0.7136, 0.709, 0.7753]);
    expect(result.weights.stressCoverage).toBe(0.1);
  });

  it('rejects a stress need that is not whole minor units ≥ 0, naming the option', () => {
    expect(() => matchNeed(input(), prepareCatalogue(threeProducts), { sizer: threeStubs, stressNeed: -1 })).toThrow(/options\.stressNeed: must be a whole number of minor units ≥ 0/);
  });

  it('a cheaper product that does not cover never outranks one that does, unless the caller says so', () => {
    const prepared = prepareCatalogue(threeProducts);
    // Weights alone (gate on): even with coverage weighted 0, C stays below A and B.
    const weightsOnly = matchNeed(input(), prepared, { sizer: threeStubs, weights: { coverage: 0 } });
    expect(weightsOnly.matches.map((m) => m.productId)).toEqual(['b', 'a', 'c']);
    // Gate off: by score alone C (0.805) leads.
    const noGate = matchNeed(input(), prepared, { sizer: threeStubs, coverageGate: false });
    expect(noGate.matches.map((m) => m.productId)).toEqual(['c', 'b', 'a']);
    expect(noGate.matches[0]!.explanation).toMatch(/^Ranked 1 of 3 \(score 0\.805\): covers 60% of the £100,000\.00 need/);
    expect(weightsOnly.matches[2]!.explanation).toContain('below a, which covers the whole need (coverage comes first)');
  });

  it('marks the Pareto set on (total cost, coverage): A is dominated by B (cheaper, same coverage)', () => {
    const result = matchNeed(input(), prepareCatalogue(threeProducts), { sizer: threeStubs });
    expect(Object.fromEntries(result.matches.map((m) => [m.productId, m.paretoEfficient]))).toEqual({ a: false, b: true, c: true });
  });

  it('breaks ties by product id', () => {
    const twins = catalogueOf([{ id: 'z' }, { id: 'm' }]);
    const stubs = stubSizer({
      z: { covered: true, limit: 10_000_000, residual: 0, total: 100, rate: '0.08' },
      m: { covered: true, limit: 10_000_000, residual: 0, total: 100, rate: '0.08' },
    });
    const result = matchNeed(input(), prepareCatalogue(twins), { sizer: stubs });
    expect(result.matches.map((m) => m.productId)).toEqual(['m', 'z']);
    expect(result.matches[1]!.explanation).toContain('tied with m; ordered by product id');
  });

  it('explains every excluded product with its failed criteria first', () => {
    const catalogue = catalogueOf([{ id: 'ok' }, { id: 'charity-only', eligibility: { legalForms: ['charity'], regions: ['Wales'] } }]);
    const result = matchNeed(input({ region: 'Wales' }), prepareCatalogue(catalogue), { sizer: formulaSizer });
    expect(result.excluded).toHaveLength(1);
    expect(result.excluded[0]!.productId).toBe('charity-only');
    expect(result.excluded[0]!.explanation).toBe('Excluded: legal-form: legal form cic; product lends only to charity.');
    expect(result.excluded[0]!.reasons.map((r) => r.outcome)).toEqual(['failed', 'passed', 'passed', 'passed', 'passed']);
    const quiet = matchNeed(input({ region: 'Wales' }), prepareCatalogue(catalogue), { sizer: formulaSizer, explainExcluded: false });
    expect(quiet.excluded).toEqual([]);
    expect(quiet.excludedCount).toBe(1);
  });

  it('sizes only the top products by pre-score when sizeTop is set', () => {
    // Rates 4%, 6%, 8%, 10%: all cover, so the pre-score ranks the cheapest first.
    const catalogue = catalogueOf(['0.04', '0.06', '0.08', '0.10'].map((r, i) => ({ id: `p${i}`, pricing: { annualRate: r } })));
    let calls = 0;
    const counting: SizeFn = (f, p, o) => (calls++, formulaSizer(f, p, o));
    const result = matchNeed(input(), prepareCatalogue(catalogue), { sizer: counting, sizeTop: 2 });
    expect(calls).toBe(2);
    expect(result.matches.map((m) => m.productId)).toEqual(['p0', 'p1']);
    expect(result.notSized).toEqual(['p2', 'p3']);
  });

  it('rejects bad options with the path', () => {
    const prepared = prepareCatalogue(threeProducts);
    expect(() => matchNeed(input(), prepared, { sizer: threeStubs, weights: { coverage: -1 } })).toThrow(/options\.weights\.coverage: must be a finite number ≥ 0/);
    expect(() => matchNeed(input(), prepared, { sizer: threeStubs, sizeTop: 1.5 })).toThrow(/options\.sizeTop/);
    const zero = Object.fromEntries(Object.keys(DEFAULT_MATCH_WEIGHTS).map((k) => [k, 0]));
    expect(() => matchNeed(input(), prepared, { sizer: threeStubs, weights: zero })).toThrow(/options\.weights: must have at least one weight > 0/);
  });
});

/** Generated product overrides: a loan with a random range, rate, speed, security and criteria. */
const productArb = fc.record({
  maxK: fc.integer({ min: 30, max: 300 }),
  rateBp: fc.integer({ min: 100, max: 1500 }),
  daysToFunds: fc.integer({ min: 0, max: 120 }),
  security: fc.constantFrom(['none'], ['debenture'], ['assignment-of-receivables'], ['charge-on-property']),
  minMonths: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  shareBp: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
  regions: fc.option(fc.subarray(['Wales', 'South East', 'North West'], { minLength: 1 }), { nil: undefined }),
  minTurnoverK: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined }),
  publicContract: fc.option(fc.boolean(), { nil: undefined }),
  minContractMonths: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
type ProductSpec = typeof productArb extends fc.Arbitrary<infer T> ? T : never;

function productFrom(spec: ProductSpec, id: string): Record<string, unknown> {
  const eligibility: Record<string, unknown> = {};
  if (spec.minMonths !== undefined) eligibility.minMonthsTrading = spec.minMonths;
  if (spec.shareBp !== undefined) eligibility.maxShareOfTurnover = String(spec.shareBp / 10_000);
  if (spec.regions !== undefined) eligibility.regions = spec.regions;
  if (spec.minTurnoverK !== undefined) eligibility.minTurnover = `${spec.minTurnoverK * 1000}.00`;
  if (spec.publicContract !== undefined) eligibility.requiresPublicContract = spec.publicContract;
  if (spec.minContractMonths !== undefined) eligibility.minContractMonthsRemaining = spec.minContractMonths;
  return {
    id,
    maxAmount: `${spec.maxK * 1000}.00`,
    pricing: { annualRate: String(spec.rateBp / 10_000) },
    daysToFunds: spec.daysToFunds,
    securityRequired: spec.security,
    ...(Object.keys(eligibility).length > 0 ? { eligibility } : {}),
  };
}

const ranking = (result: ReturnType<typeof matchNeed>) => result.matches.map((m) => [m.productId, m.score, m.rank]);

describe('matchNeed: properties (seeded)', () => {
  const base = input({ tradingSince: '2020-01-01', annualTurnover: '600000.00', region: 'South East' });
  const options: MatchOptions = { sizer: formulaSizer };

  it('adding an ineligible product never changes the others’ ranking', () => {
    fc.assert(
      fc.property(fc.array(productArb, { minLength: 1, maxLength: 8 }), productArb, fc.nat(), (specs, extra, at) => {
        const products = specs.map((s, i) => productFrom(s, `p${i}`));
        const before = matchNeed(base, prepareCatalogue(catalogueOf(products)), options);
        const ineligible = { ...productFrom(extra, 'x-ineligible'), eligibility: { legalForms: ['charity'] } };
        const withExtra = [...products];
        withExtra.splice(at % (products.length + 1), 0, ineligible);
        const after = matchNeed(base, prepareCatalogue(catalogueOf(withExtra)), options);
        expect(ranking(after)).toEqual(ranking(before));
        expect(after.excluded.map((e) => e.productId)).toContain('x-ineligible');
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  it('is deterministic and does not depend on catalogue order', () => {
    fc.assert(
      fc.property(fc.array(productArb, { minLength: 1, maxLength: 8 }), fc.integer(), (specs, seed) => {
        const products = specs.map((s, i) => productFrom(s, `p${i}`));
        const shuffled = [...products].sort((a, b) => ((String(a.id).length * seed) % 7) - ((String(b.id).length * seed) % 7) || (seed % 2 ? 1 : -1) * String(a.id).localeCompare(String(b.id)));
        const one = matchNeed(base, prepareCatalogue(catalogueOf(products)), options);
        const two = matchNeed(base, prepareCatalogue(catalogueOf(products)), options);
        const three = matchNeed(base, prepareCatalogue(catalogueOf(shuffled)), options);
        expect(JSON.stringify(two)).toBe(JSON.stringify(one));
        expect(ranking(three)).toEqual(ranking(one));
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('the fast path decides exactly what checkEligibility decides', () => {
    const enterpriseArb = fc.record({
      tradingSince: fc.option(fc.constantFrom('2010-05-31', '2020-01-01', '2025-12-31'), { nil: undefined }),
      annualTurnover: fc.option(fc.integer({ min: 0, max: 3_000_000 }).map((n) => `${n}.00`), { nil: undefined }),
      region: fc.option(fc.constantFrom('Wales', 'south east', 'London'), { nil: undefined }),
      securityAvailable: fc.option(fc.subarray(['debenture', 'assignment-of-receivables', 'charge-on-property'] as const), { nil: undefined }),
    });
    const needArb = fc.record({
      amount: fc.integer({ min: 0, max: 60_000_000 }),
      months: fc.integer({ min: 0, max: 40 }),
      kind: fc.constantFrom('local-authority', 'housing-association', 'other') as fc.Arbitrary<'local-authority' | 'housing-association' | 'other'>,
    });
    fc.assert(
      fc.property(enterpriseArb, needArb, fc.array(productArb, { minLength: 1, maxLength: 6 }), (e, n, specs) => {
        const ent = enterprise(Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)));
        const nd = need({ amount: n.amount, contracts: [{ id: 'c', value: 50_000_000, monthsRemaining: n.months, commissionerKind: n.kind }] });
        const prepared = prepareCatalogue(catalogueOf(specs.map((s, i) => productFrom(s, `p${i}`))));
        const facts = enterpriseFacts(ent, nd);
        for (const p of prepared.products) expect(isEligibleFast(p, facts)).toBe(checkEligibility(ent, nd, p.product).eligible);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('matchProducts on the illustrative example (real sizing)', () => {
  const scenario = parseScenario(JSON.parse(readFileSync('examples/children-services.json', 'utf8')));
  const catalogue = parseCatalogue(JSON.parse(readFileSync('examples/catalogue.json', 'utf8')));
  const result = matchProducts(scenario, catalogue);

  it('excludes the products whose criteria the enterprise fails, each with its reason', () => {
    expect(Object.fromEntries(result.excluded.map((e) => [e.productId, e.reasons.filter((r) => r.outcome === 'failed').map((r) => r.criterion)]))).toEqual({
      'northgate-mobilisation': ['region'],
      'commonweal-growth-loan': ['months-trading', 'turnover'],
      'meridian-charity-bridge': ['legal-form'],
      'tidewater-property-backed': ['security'],
      'lantern-small-provider-bridge': ['turnover'],
    });
    // Brightpath started trading 2019-06-01; the forecast starts 2026-03-01: 81 whole months.
    expect(result.excluded[1]!.explanation).toContain('trading 81 months');
  });

  it('ranks every product that covers the need above every one that does not', () => {
    expect(result.matches).toHaveLength(7);
    const covers = result.matches.map((m) => m.coversNeed);
    expect(covers.indexOf(false)).toBeGreaterThan(0);
    expect(covers.slice(covers.indexOf(false)).every((c) => !c)).toBe(true);
    // The foundation's 4% loan is the cheapest in money but tops out at £150,000 of a £360,500 need.
    const meridian = result.matches.find((m) => m.productId === 'meridian-programme-loan')!;
    expect(meridian.coversNeed).toBe(false);
    expect(Math.min(...result.matches.map((m) => m.totalCost))).toBe(meridian.totalCost);
    expect(meridian.rank).toBeGreaterThan(covers.lastIndexOf(true) + 1);
  });

  it('uses the need from the forecast: £360,500 peak, first short 2026-04-25', () => {
    expect(result.need.amount).toBe(36_050_000);
    expect(result.need.firstDayShort).toBe('2026-04-25');
  });
});
