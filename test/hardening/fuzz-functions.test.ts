/**
 * The top-level functions handed outside data.
 *
 * Contract (decided from the owners' code, written down in docs/reliability.md):
 * - 3,000 garbage cases per data argument (1,000 for matchProducts' catalogue, which forecasts the
 *   scenario before it looks at the catalogue); the parse functions get the 10,000-case budget.
 * - Their *data* argument (scenario, forecast, product, plan, catalogue) must be the output of a
 *   parse function (or of another bridgefit function). Handed unparsed garbage they may throw a
 *   TypeError or a BridgefitInputError; they must never hang, never touch a prototype, and never
 *   throw anything else (RangeError, out of memory).
 * - Their *scalar options* (limit, paths, seed, step, buffer, termMonths, headroom, start,
 *   extraDaysToPay, contractId, stress cases, payment-terms alternatives) are what a form or a
 *   caller's config passes straight in: anything wrong there is a BridgefitInputError naming the option.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { catalogueProducts, parseCatalogue, parseScenario } from '../../src/model/index.js';
import { findGaps, forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { sizeProduct } from '../../src/sizing/index.js';
import { matchProducts } from '../../src/matching/index.js';
import { simulateDelays } from '../../src/stress/index.js';
import { delayScenarios } from '../../src/stress/delay-scenarios.js';
import { comparePaymentTerms } from '../../src/commissioning/payment-terms.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { BAD_NUMBERS, TYPE_SWAPS, expectInputError, expectPrototypesClean, garbageAnything, garbageJson, params } from './fuzz-helpers.js';
import { compactScenarioInput, parsedProducts, smallCatalogueInput } from './fixtures.js';

afterEach(() => expectPrototypesClean());
const timings: string[] = [];
afterAll(() => console.log(`fuzz-functions timings:\n  ${timings.join('\n  ')}`));

const scenario = parseScenario(compactScenarioInput());
const forecast = forecastCash(scenario);
const products = parsedProducts();
const revolving = products.find((p) => p.kind === 'revolving-facility')!;
const catalogue = parseCatalogue(smallCatalogueInput());
const plan = applyProduct(forecast, revolving, 10_000_000);

/** Either a result, a BridgefitInputError naming a path, or (for unparsed data only) a TypeError. */
function unparsedOutcome(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    if (error instanceof TypeError) return;
    expectInputError(error);
  }
}

const DATA_FUNCTIONS: { name: string; call: (x: unknown) => unknown; runs: number }[] = [
  { name: 'forecastCash(scenario)', call: (x) => forecastCash(x as never), runs: 3000 },
  { name: 'findGaps(forecast)', call: (x) => findGaps(x as never), runs: 3000 },
  { name: 'fundingNeed(forecast)', call: (x) => fundingNeed(x as never), runs: 3000 },
  { name: 'applyProduct(forecast)', call: (x) => applyProduct(x as never, revolving, 1_000_000), runs: 3000 },
  { name: 'applyProduct(product)', call: (x) => applyProduct(forecast, x as never, 1_000_000), runs: 3000 },
  { name: 'costOf(plan)', call: (x) => costOf(x as never), runs: 3000 },
  { name: 'sizeProduct(forecast)', call: (x) => sizeProduct(x as never, revolving), runs: 3000 },
  { name: 'sizeProduct(product)', call: (x) => sizeProduct(forecast, x as never), runs: 3000 },
  { name: 'matchProducts(scenario)', call: (x) => matchProducts(x as never, catalogue), runs: 3000 },
  { name: 'matchProducts(catalogue)', call: (x) => matchProducts(scenario, x as never), runs: 1000 },
  { name: 'simulateDelays(scenario)', call: (x) => simulateDelays(x as never, { paths: 10, seed: 1 }), runs: 3000 },
  { name: 'delayScenarios(scenario)', call: (x) => delayScenarios(x as never), runs: 3000 },
  { name: 'comparePaymentTerms(scenario)', call: (x) => comparePaymentTerms(x as never, 'monthly'), runs: 3000 },
];

describe.each(DATA_FUNCTIONS)('$name with unparsed data', ({ name, call, runs }) => {
  it('returns, or throws TypeError / BridgefitInputError; never hangs or pollutes', () => {
    const t0 = performance.now();
    fc.assert(fc.property(fc.oneof(garbageJson, garbageAnything), (x) => unparsedOutcome(() => call(x))), params(runs));
    timings.push(`${name} garbage ×${runs}: ${Math.round(performance.now() - t0)} ms`);
  });
});

/** Scalar and option inputs, each with the path its error must name. */
const OPTIONS: { name: string; path: RegExp; call: (x: unknown) => unknown }[] = [
  { name: 'forecastCash extraDaysToPay', path: /^options\.extraDaysToPay$/, call: (x) => forecastCash(scenario, { extraDaysToPay: x as number }) },
  { name: 'findGaps buffer', path: /^buffer$/, call: (x) => findGaps(forecast, { buffer: x as number }) },
  { name: 'fundingNeed buffer', path: /^buffer$/, call: (x) => fundingNeed(forecast, { buffer: x as number }) },
  { name: 'applyProduct limit', path: /limit/, call: (x) => applyProduct(forecast, revolving, x as number) },
  { name: 'sizeProduct step', path: /step/, call: (x) => sizeProduct(forecast, revolving, { step: x as number }) },
  { name: 'sizeProduct termMonths', path: /termMonths/, call: (x) => sizeProduct(forecast, revolving, { termMonths: x as number }) },
  { name: 'sizeProduct buffer', path: /buffer/, call: (x) => sizeProduct(forecast, revolving, { buffer: x as number }) },
  { name: 'sizeProduct start', path: /start/, call: (x) => sizeProduct(forecast, revolving, { start: x as string }) },
  { name: 'simulateDelays paths', path: /^(options\.)?paths$/, call: (x) => simulateDelays(scenario, { paths: x as number, seed: 1 }) },
  { name: 'simulateDelays seed', path: /seed/, call: (x) => simulateDelays(scenario, { paths: 5, seed: x as number }) },
  { name: 'comparePaymentTerms contractId', path: /contractId/, call: (x) => comparePaymentTerms(scenario, x as string) },
  { name: 'comparePaymentTerms alternatives', path: /^alternatives/, call: (x) => comparePaymentTerms(scenario, 'monthly', x as never) },
  { name: 'delayScenarios cases', path: /^cases/, call: (x) => delayScenarios(scenario, x as never) },
];

const scalarArb = fc.oneof(fc.constantFrom(...BAD_NUMBERS, ...TYPE_SWAPS, Number.NaN, Infinity, -Infinity, undefined), fc.double(), fc.integer(), fc.string({ maxLength: 12 }), garbageJson);

describe.each(OPTIONS)('$name from outside', ({ name, path, call }) => {
  it('is accepted or rejected with a BridgefitInputError naming the option', () => {
    const t0 = performance.now();
    let rejected = 0;
    fc.assert(
      fc.property(scalarArb, (x) => {
        try {
          call(x);
        } catch (error) {
          expectInputError(error);
          rejected++;
          expect(error.problems.some((p) => path.test(p.path)), `${JSON.stringify(x)}: ${error.message}`).toBe(true);
        }
      }),
      params(300),
    );
    expect(rejected).toBeGreaterThan(0);
    timings.push(`${name} ×300: ${Math.round(performance.now() - t0)} ms`);
  });
});

it('an options object that is null or not an object: an input error, defaults, or a TypeError (documented: options must be objects)', () => {
  for (const bad of [null, 5, 'x']) {
    unparsedOutcome(() => simulateDelays(scenario, bad as never));
    unparsedOutcome(() => sizeProduct(forecast, revolving, bad as never));
    unparsedOutcome(() => forecastCash(scenario, bad as never));
  }
});

it('forecastCash extraDaysToPay: NaN, 1.5, -Infinity, true and "5" name the option (they used to be reported as a bad receipt date, or accepted)', () => {
  for (const bad of [Number.NaN, 1.5, -Infinity, Infinity, true, '5', 1e308, 3651]) {
    try {
      forecastCash(scenario, { extraDaysToPay: bad as number });
      throw new Error(`accepted ${String(bad)}`);
    } catch (error) {
      expect(error).toBeInstanceOf(BridgefitInputError);
      expect((error as BridgefitInputError).problems[0]!.path).toBe('options.extraDaysToPay');
    }
  }
  expect(forecastCash(scenario, { extraDaysToPay: -30 }).closing).toHaveLength(forecast.closing.length);
});

it('costOf of a real plan is finite', () => {
  const cost = costOf(plan);
  expect(Number.isSafeInteger(cost.total)).toBe(true);
});

it('every product kind applies and sizes on the compact forecast without error', () => {
  for (const product of catalogueProducts(catalogue)) {
    const sized = sizeProduct(forecast, product);
    expect(typeof sized.covered).toBe('boolean');
  }
});
