/**
 * Prototype pollution (`__proto__`, `constructor`, `prototype` as own keys, as JSON.parse makes
 * them, at every level of every input) and JSON round trips of every result type.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCatalogue, parseProduct, parseScenario, safeParseScenario } from '../../src/model/index.js';
import { findGaps, forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { sizeProduct } from '../../src/sizing/index.js';
import { matchProducts } from '../../src/matching/index.js';
import { simulateDelays } from '../../src/stress/index.js';
import { delayScenarios } from '../../src/stress/delay-scenarios.js';
import { comparePaymentTerms } from '../../src/commissioning/payment-terms.js';
import { latePaymentClaim, parsePaymentHistory, parseReferenceRateTable } from '../../src/commissioning/index.js';
import { expectInputError, expectPrototypesClean, jsonPaths } from './fuzz-helpers.js';
import { compactScenarioInput, exampleScenarioInput, paymentHistoryInput, parsedProducts, productInputs, referenceRatesInput, smallCatalogueInput } from './fixtures.js';

afterEach(() => expectPrototypesClean());

const POISON_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const POISON = '{"polluted":true,"isAdmin":true,"buffer":"1.00","prototype":{"polluted":true},"__proto__":{"polluted":true}}';

/** JSON text of `value` with `"<key>": POISON` added to the object at `path`, parsed back (own property). */
function poisoned(value: unknown, path: readonly (string | number)[], key: string): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const k of path) node = node[k] as Record<string | number, unknown>;
  node.__poison_marker__ = 1;
  const text = JSON.stringify(copy).replace('"__poison_marker__":1', `${JSON.stringify(key)}:${POISON}`);
  return JSON.parse(text) as unknown;
}

function objectPaths(value: unknown): (string | number)[][] {
  return jsonPaths(value as never).filter((p) => {
    let node = value as Record<string | number, unknown>;
    for (const k of p) node = node[k] as Record<string | number, unknown>;
    return node !== null && typeof node === 'object' && !Array.isArray(node);
  });
}

const INPUTS: { name: string; valid: () => unknown; parse: (x: unknown) => unknown }[] = [
  { name: 'scenario', valid: compactScenarioInput, parse: parseScenario },
  { name: 'product', valid: () => productInputs()['invoice-finance'], parse: parseProduct },
  { name: 'catalogue', valid: smallCatalogueInput, parse: parseCatalogue },
  { name: 'payment history', valid: paymentHistoryInput, parse: parsePaymentHistory },
  { name: 'reference rates', valid: referenceRatesInput, parse: parseReferenceRateTable },
  {
    name: 'late-payment invoice',
    valid: () => ({ amount: '10000.00', dueDate: '2024-01-31', issueDate: '2024-01-01' }),
    parse: (x) => latePaymentClaim(x as never, '2024-03-01'),
  },
];

describe.each(INPUTS)('$name: __proto__ / constructor / prototype keys at every level', ({ valid, parse }) => {
  it('give a clear input error or the clean result, and touch no prototype', () => {
    const clean = JSON.stringify(parse(valid()));
    let cases = 0;
    for (const path of objectPaths(valid())) {
      for (const key of POISON_KEYS) {
        const input = poisoned(valid(), path, key);
        expect(Object.prototype.hasOwnProperty.call(path.reduce<any>((n, k) => n[k], input), key)).toBe(true);
        cases++;
        let result: unknown;
        try {
          result = parse(input);
        } catch (error) {
          expectInputError(error);
          continue;
        }
        // Accepted (a non-strict schema strips unknown keys): the result equals the clean one.
        expect(JSON.stringify(result)).toBe(clean);
        expect(Object.getPrototypeOf(result)).toBe(Array.isArray(result) ? Array.prototype : Object.prototype);
      }
      expectPrototypesClean();
    }
    expect(cases).toBeGreaterThan(2);
  });
});

it('a poisoned key in a parsed scenario handed straight to the pipeline changes nothing outside the result', () => {
  const scenario = parseScenario(compactScenarioInput());
  const evil = JSON.parse(JSON.stringify(scenario).replace('{"id":"se"', `{"__proto__":${POISON},"constructor":${POISON},"id":"se"`)) as typeof scenario;
  const forecast = forecastCash(evil);
  expect(forecast.closing).toEqual(forecastCash(scenario).closing);
  sizeProduct(forecast, parsedProducts()[0]!);
  expectPrototypesClean();
});

it('unknown keys are reported by path, not silently dropped, for strict schemas', () => {
  const result = safeParseScenario(poisoned(compactScenarioInput(), ['contracts', 0, 'billing'], '__proto__'));
  expect(result.success).toBe(false);
  if (!result.success) expect(result.error.problems.map((p) => p.path)).toContain('contracts[0].billing');
});

// ─── Round trips ──────────────────────────────────────────────────────────────────────────────

/** Keys whose numbers are money in minor units (checked to be safe integers). */
const MONEY_KEY = /^(amount|peak|peakShortfall|shortfallDays|limit|minimumLimit|interest|fees|total|totalCost|residualShortfall|openingBalance|buffer|closing|inflows|outflows|drawn|peakDrawn|averageDrawn|outstandingAtEnd|repaidAtTermEnd|compensation|debt|peakNeed|change|p\d+|mean|min|max|pathPeakNeeds)$/;

/** Fails on anything JSON cannot carry exactly: undefined, NaN, ±Infinity, -0, typed arrays, Maps, Sets, Dates, class instances, BigInt, functions. */
function expectPlainJson(value: unknown, path = 'result', moneyKey = false): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    expect(Object.is(value, -0), `${path} is -0`).toBe(false);
    if (moneyKey) expect(Number.isSafeInteger(value), `${path} = ${value} (money must be integer minor units)`).toBe(true);
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      expect(i in value, `${path}[${i}] is a hole`).toBe(true);
      expectPlainJson(value[i], `${path}[${i}]`, moneyKey);
    }
    return;
  }
  expect(typeof value, `${path} is a ${typeof value}`).toBe('object');
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === null, `${path} is a ${(value as object).constructor?.name}`).toBe(true);
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    expect(v, `${path}.${k} is undefined`).not.toBeUndefined();
    expectPlainJson(v, `${path}.${k}`, MONEY_KEY.test(k) && typeof v !== 'string' && !/weights|score|components/i.test(path));
  }
}

function roundTrip(name: string, value: unknown): void {
  expectPlainJson(value, name);
  expect(JSON.parse(JSON.stringify(value)), name).toStrictEqual(value);
}

describe('every result type survives JSON.stringify → JSON.parse with deep equality; money stays integer minor units', () => {
  for (const [label, input] of [
    ['compact', compactScenarioInput()],
    ['children-services', exampleScenarioInput()],
  ] as const) {
    it(`${label}: forecast, gaps, need, plan, cost, sized plan, matches, simulation, stress rows, terms comparison, claim`, () => {
      const scenario = parseScenario(input);
      roundTrip('scenario (parsed)', scenario);
      const forecast = forecastCash(scenario);
      roundTrip('forecast', forecast);
      roundTrip('gaps', findGaps(forecast));
      roundTrip('need', fundingNeed(forecast));
      for (const product of parsedProducts()) {
        const sized = sizeProduct(forecast, product);
        roundTrip(`sized ${product.kind}`, sized);
        const plan = applyProduct(forecast, product, Math.max(sized.limit, 100_000));
        roundTrip(`plan ${product.kind}`, plan);
        roundTrip(`cost ${product.kind}`, costOf(plan));
      }
      roundTrip('matches', matchProducts(scenario, parseCatalogue(smallCatalogueInput())));
      roundTrip('simulation', simulateDelays(scenario, { paths: 200, seed: 7 }));
      roundTrip('simulation with bands', simulateDelays(scenario, { paths: 50, seed: 7, bands: true }));
      roundTrip('stress rows', delayScenarios(scenario, undefined, { product: parsedProducts()[1]! }));
      roundTrip('terms comparison', comparePaymentTerms(scenario, scenario.contracts[0]!.id));
    });
  }

  it('late-payment claims (fixed and half-yearly reset) and parsed tables', () => {
    roundTrip('claim', latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, '2025-03-01'));
    roundTrip('claim half-yearly', latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, '2025-03-01', undefined, { referenceRateReset: 'half-yearly' }));
    roundTrip('claim not late', latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, '2024-01-01'));
    roundTrip('history', parsePaymentHistory(paymentHistoryInput()));
    roundTrip('rates', parseReferenceRateTable(referenceRatesInput()));
  });

  it('parsed inputs keep amounts as exact two-decimal strings', () => {
    const scenario = parseScenario(compactScenarioInput());
    expect(scenario.enterprise.openingCash).toBe('40000.00');
    expect(scenario.contracts[0]!.value.amount).toBe('20000.00');
    // A number input is normalised to the exact string too.
    expect(parseScenario({ ...compactScenarioInput(), buffer: 12500.5 }).buffer).toBe('12500.50');
  });
});
