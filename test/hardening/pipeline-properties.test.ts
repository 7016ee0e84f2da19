/**
 * End-to-end invariants on generated realistic scenarios, through parse → forecast → gaps →
 * finance → sizing → stress (the stage-level properties live in test/forecast, test/finance and
 * test/sizing; these chain the stages from JSON input). Seeded; see fuzz-helpers for reproduction.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseScenario } from '../../src/model/index.js';
import { forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { applyProduct } from '../../src/finance/index.js';
import { sizeProduct } from '../../src/sizing/index.js';
import { simulateDelays } from '../../src/stress/index.js';
import { formatAmount } from '../../src/money/index.js';
import { params } from './fuzz-helpers.js';
import { compactScenarioInput, parsedProducts } from './fixtures.js';

const products = parsedProducts();

/** Realistic scenario inputs: the compact scenario with generated amounts, lateness, terms and a subset of contracts. */
const scenarioArb = fc
  .record({
    opening: fc.integer({ min: -2_000_000, max: 8_000_000 }),
    late: fc.integer({ min: 0, max: 120 }),
    fixed: fc.integer({ min: 0, max: 150 }),
    terms: fc.integer({ min: 0, max: 90 }),
    monthly: fc.integer({ min: 100_000, max: 4_000_000 }),
    payroll: fc.integer({ min: 0, max: 3_000_000 }),
    keep: fc.subarray([0, 1, 2, 3, 4, 5], { minLength: 1 }),
  })
  .map((r) => {
    const input = compactScenarioInput();
    input.enterprise.openingCash = formatAmount(r.opening);
    input.commissioners[0]!.paymentBehaviour = { kind: 'terms-plus-late', typicalDaysLate: r.late };
    input.commissioners[1]!.paymentBehaviour = { kind: 'fixed-days', daysToPay: r.fixed };
    const c0 = input.contracts[0] as { value: { amount: string }; billing: { paymentTermsDays: number }; deliveryCosts: { amount: string }[] };
    c0.value.amount = formatAmount(r.monthly);
    c0.billing.paymentTermsDays = r.terms;
    c0.deliveryCosts[0]!.amount = formatAmount(r.payroll);
    input.contracts = r.keep.map((i) => input.contracts[i]!);
    return input;
  });

function dailyConserved(ledger: { openingBalance: number; inflows: readonly number[]; outflows: readonly number[]; closing: readonly number[] }): void {
  let balance = ledger.openingBalance;
  for (let d = 0; d < ledger.closing.length; d++) {
    balance += ledger.inflows[d]! - ledger.outflows[d]!;
    if (balance !== ledger.closing[d]) throw new Error(`day ${d}: opening + in − out = ${balance} ≠ closing ${ledger.closing[d]}`);
  }
}

describe('pipeline invariants from JSON input', () => {
  it('money is conserved daily before and after finance; draws less repayments and costs explain the difference', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...products), fc.integer({ min: 0, max: 100 }), (input, product, limitK) => {
        const forecast = forecastCash(parseScenario(input));
        dailyConserved(forecast);
        const plan = applyProduct(forecast, product, Math.max(limitK * 1_000_000, 1));
        dailyConserved(plan.ledger);
        // After finance, the difference on the last day is the net finance flow within the horizon.
        const net = plan.ledger.financeEvents.reduce((s, e) => s + e.amount, 0);
        expect(plan.ledger.closing.at(-1)! - forecast.closing.at(-1)!).toBe(net);
      }),
      params(120),
    );
  });

  it('a covering sized facility keeps cash at the buffer, and one step less does not', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...products), (input, product) => {
        const forecast = forecastCash(parseScenario(input));
        const sized = sizeProduct(forecast, product);
        if (!sized.covered || !sized.needed || sized.plan === null || sized.minimumLimit === null) return;
        expect(Math.min(...sized.plan.ledger.closing)).toBeGreaterThanOrEqual(sized.plan.buffer);
        const less = sized.minimumLimit - 100_000;
        if (less < 0 || less < Number(product.minAmount.replace('.', ''))) return;
        const plan = applyProduct(forecast, product, less, sized.termMonths === null ? {} : { termMonths: sized.termMonths });
        expect(Math.min(...plan.ledger.closing)).toBeLessThan(plan.buffer);
      }),
      params(60),
    );
  });

  it('paying later never lowers the peak need (extraDaysToPay, and a later commissioner)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 60 }), (input, a, more) => {
        const scenario = parseScenario(input);
        const earlier = fundingNeed(forecastCash(scenario, { extraDaysToPay: a })).peak;
        const later = fundingNeed(forecastCash(scenario, { extraDaysToPay: a + more })).peak;
        expect(later).toBeGreaterThanOrEqual(earlier);
      }),
      params(100),
    );
  });

  it('Monte Carlo percentiles are ordered and reproducible from the seed', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (input, seed) => {
        const scenario = parseScenario(input);
        const sim = simulateDelays(scenario, { paths: 64, seed });
        const p = sim.peakNeed as unknown as Record<string, number>;
        const keys = Object.keys(p).filter((k) => /^p\d+$/.test(k)).sort((x, y) => Number(x.slice(1)) - Number(y.slice(1)));
        for (let i = 1; i < keys.length; i++) expect(p[keys[i]!]!).toBeGreaterThanOrEqual(p[keys[i - 1]!]!);
        expect(simulateDelays(scenario, { paths: 64, seed })).toStrictEqual(sim);
      }),
      params(40),
    );
  });

  it('results do not depend on the order of contracts, cash lines, commissioners or JSON keys', () => {
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...products), (input, product) => {
        const base = forecastCash(parseScenario(input));
        const shuffled = { ...input, contracts: [...input.contracts].reverse(), cashLines: [...input.cashLines].reverse(), commissioners: [...input.commissioners].reverse() };
        const other = forecastCash(parseScenario(reverseKeys(shuffled)));
        expect(other.closing).toEqual(base.closing);
        expect(fundingNeed(other)).toStrictEqual(fundingNeed(base));
        const a = sizeProduct(base, product);
        const b = sizeProduct(other, product);
        expect([b.limit, b.covered, b.cost]).toStrictEqual([a.limit, a.covered, a.cost]);
      }),
      params(60),
    );
  });
});
