/**
 * Fuzzing of every parse function that takes outside data: arbitrary JSON, arbitrary JS values,
 * and mutations of valid inputs (a field removed, a type swapped, a number made huge / negative /
 * NaN-like, a date made invalid, an id duplicated, an array lengthened, odd keys added).
 * The only failure allowed is BridgefitInputError, every problem naming a path.
 *
 * Reproduce: fast-check prints `seed` and `path`; rerun with HARDENING_SEED=<seed>.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCatalogue, parseProduct, parseScenario, safeParseCatalogue, safeParseProduct, safeParseScenario } from '../../src/model/index.js';
import { findGaps, forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { latePaymentClaim, parsePaymentHistory, parseReferenceRateTable } from '../../src/commissioning/index.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { expectInputError, expectPrototypesClean, garbageAnything, garbageJson, mutatedArb, okOrInputError, params, RUNS, BAD_DATES, BAD_NUMBERS, TYPE_SWAPS } from './fuzz-helpers.js';
import { compactScenarioInput, exampleScenarioInput, paymentHistoryInput, productInputs, referenceRatesInput, smallCatalogueInput } from './fixtures.js';

afterEach(() => expectPrototypesClean());

const timings: string[] = [];
function timed(name: string, body: () => void): void {
  const t0 = performance.now();
  body();
  timings.push(`${name}: ${Math.round(performance.now() - t0)} ms`);
}
afterAll(() => console.log(`fuzz-parsers timings (runs per property ${RUNS}):\n  ${timings.join('\n  ')}`));

/**
 * A parse function and its safe twin, if any, with how many cases each kind of fuzzing gets.
 * Each entry point gets at least 10,000 cases in all (e.g. parseScenario: 2,500 arbitrary JSON +
 * 2,500 arbitrary values + 2,500 mutations of each of its two valid inputs).
 */
interface Parser {
  readonly name: string;
  readonly parse: (input: unknown) => unknown;
  readonly safeParse?: (input: unknown) => { success: boolean; error?: unknown };
  readonly valid: () => unknown;
  readonly runs: { readonly json: number; readonly anything: number; readonly mutations: number };
}

const products = productInputs();
const PARSERS: Parser[] = [
  { name: 'parseScenario (children-services example)', parse: parseScenario, safeParse: safeParseScenario, valid: exampleScenarioInput, runs: { json: 2500, anything: 2500, mutations: 2500 } },
  { name: 'parseScenario (compact, every branch)', parse: parseScenario, safeParse: safeParseScenario, valid: compactScenarioInput, runs: { json: 0, anything: 0, mutations: 2500 } },
  ...Object.entries(products).map(([kind, product], i) => ({
    name: `parseProduct (${kind})`,
    parse: parseProduct,
    safeParse: safeParseProduct,
    valid: () => product,
    runs: { json: i === 0 ? 2000 : 0, anything: i === 0 ? 2000 : 0, mutations: 1500 },
  })),
  { name: 'parseCatalogue (small)', parse: parseCatalogue, safeParse: safeParseCatalogue, valid: smallCatalogueInput, runs: { json: 3000, anything: 3000, mutations: 4000 } },
  { name: 'parseReferenceRateTable', parse: parseReferenceRateTable, valid: referenceRatesInput, runs: { json: 3000, anything: 3000, mutations: 4000 } },
  { name: 'parsePaymentHistory', parse: parsePaymentHistory, valid: paymentHistoryInput, runs: { json: 3000, anything: 3000, mutations: 4000 } },
];

/** Parses; on failure checks the error. */
function check(parser: Parser, input: unknown): unknown {
  return okOrInputError(() => parser.parse(input));
}

/** The safe twin never throws and agrees with the throwing parser. */
function checkSafeTwin(parser: Parser, input: unknown): void {
  if (!parser.safeParse) return;
  const result = check(parser, input);
  let safe: { success: boolean; error?: unknown };
  try {
    safe = parser.safeParse(input);
  } catch (error) {
    throw new Error(`${parser.name}: the safe twin threw ${String(error)}`);
  }
  expect(safe.success).toBe(result !== undefined);
  if (!safe.success) expectInputError(safe.error);
}

describe.each(PARSERS)('$name', (parser) => {
  // Parsers without a run budget or a safe twin simply have fewer tests (not skipped ones).
  if (parser.runs.json > 0) {
    it('arbitrary JSON: parses or throws BridgefitInputError naming paths', () => {
      timed(`${parser.name} / jsonValue ×${parser.runs.json}`, () => fc.assert(fc.property(garbageJson, (input) => void check(parser, input)), params(parser.runs.json)));
    });
  }

  if (parser.runs.anything > 0) {
    it('arbitrary JS values (Maps, typed arrays, null prototypes, BigInt, Dates): same', () => {
      timed(`${parser.name} / anything ×${parser.runs.anything}`, () => fc.assert(fc.property(garbageAnything, (input) => void check(parser, input)), params(parser.runs.anything)));
    });
  }

  it('mutations of a valid input: same', () => {
    expect(parser.parse(parser.valid())).toBeDefined();
    timed(`${parser.name} / mutations ×${parser.runs.mutations}`, () =>
      fc.assert(fc.property(mutatedArb(parser.valid()), ({ value }) => void check(parser, value)), params(parser.runs.mutations)),
    );
  });

  if (parser.safeParse !== undefined) {
    it('the safe twin never throws and agrees with the throwing parser', () => {
      fc.assert(fc.property(fc.oneof(garbageAnything, mutatedArb(parser.valid()).map((m) => m.value)), (input) => checkSafeTwin(parser, input)), params(500));
    });
  }

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(mutatedArb(parser.valid()), ({ value }) => {
        const before = JSON.stringify(value);
        okOrInputError(() => parser.parse(value));
        expect(JSON.stringify(value)).toBe(before);
      }),
      params(200),
    );
  });
});

describe('a mutated scenario that parses also forecasts', () => {
  it('forecastCash, findGaps and fundingNeed on every mutated compact scenario that parses: only BridgefitInputError', () => {
    let parsed = 0;
    let runs = 0;
    timed('compact scenario mutations → forecast + gaps ×2000', () =>
      fc.assert(
        fc.property(mutatedArb(compactScenarioInput(), 1), ({ value }) => {
          runs++;
          const scenario = okOrInputError(() => parseScenario(value));
          if (!scenario) return;
          parsed++;
          const forecast = okOrInputError(() => forecastCash(scenario));
          if (!forecast) return;
          findGaps(forecast);
          const need = fundingNeed(forecast);
          expect(Number.isSafeInteger(need.peak)).toBe(true);
          for (const c of forecast.closing) if (!Number.isSafeInteger(c)) throw new Error(`closing balance ${c} is not a safe integer`);
        }),
        params(2000),
      ),
    );
    // The mutations must leave enough valid scenarios for this to mean something.
    console.log(`mutated compact scenarios that parsed and were forecast: ${parsed}`);
    expect(parsed).toBeGreaterThan(runs * 0.05);
  });
});

describe('targeted field mutations name the field', () => {
  const contractPaths = ['contracts[0].start', 'contracts[0].end', 'contracts[0].mobilisationCosts[0].date', 'cashLines[1].schedule.date', 'horizon.end', 'enterprise.openingCashDate'];
  it.each(contractPaths)('an invalid date at %s is reported at that path', (path) => {
    for (const bad of BAD_DATES) {
      const input = compactScenarioInput() as unknown as Record<string, unknown>;
      setPath(input, path, bad);
      const result = safeParseScenario(input);
      expect(result.success, `${path} = ${JSON.stringify(bad)}`).toBe(false);
      if (!result.success) expect(result.error.problems.map((p) => p.path)).toContain(path);
    }
  });

  const amountPaths = ['enterprise.openingCash', 'contracts[0].value.amount', 'contracts[0].deliveryCosts[0].amount', 'cashLines[0].amount', 'buffer'];
  it.each(amountPaths)('a NaN-like, huge, inexact or mistyped amount at %s is reported at that path', (path) => {
    for (const bad of [...BAD_NUMBERS, ...TYPE_SWAPS]) {
      const input = compactScenarioInput() as unknown as Record<string, unknown>;
      setPath(input, path, bad);
      const result = safeParseScenario(input);
      if (result.success) {
        // Accepted values must be exact amounts: check the parsed figure is a normalised string.
        expect(getPath(result.data as unknown as Record<string, unknown>, path), `${path} = ${JSON.stringify(bad)}`).toMatch(/^-?\d+\.\d{2}$/);
        continue;
      }
      expect(result.error.problems.map((p) => p.path), `${path} = ${JSON.stringify(bad)}`).toContain(path);
    }
  });

  it('a duplicated contract, commissioner or cash-line id is reported at the second copy', () => {
    for (const list of ['contracts', 'commissioners', 'cashLines'] as const) {
      const input = compactScenarioInput();
      const items = input[list] as unknown[];
      items.push(JSON.parse(JSON.stringify(items[0])));
      const result = safeParseScenario(input);
      expect(result.success).toBe(false);
      if (!result.success) expect(result.error.problems.map((p) => p.path)).toContain(`${list}[${items.length - 1}].id`);
    }
  });
});

describe('latePaymentClaim with outside data', () => {
  const invoice = { amount: '10000.00', dueDate: '2024-01-31', issueDate: '2024-01-01' };
  it('arbitrary invoice, paidOn, table and options: a claim or BridgefitInputError', () => {
    timed('latePaymentClaim / anything ×5000', () =>
      fc.assert(
        fc.property(garbageJson, garbageAnything, fc.integer({ min: 0, max: 3 }), (junk, other, slot) => {
          const args: [unknown, unknown, unknown, unknown] = [invoice, '2024-03-01', referenceRatesInput(), {}];
          args[slot] = slot === 3 ? other : junk;
          const claim = okOrInputError(() => latePaymentClaim(...(args as Parameters<typeof latePaymentClaim>)));
          if (claim) expect(Number.isSafeInteger(claim.total)).toBe(true);
        }),
        params(5000),
      ),
    );
  });

  it('mutations of a valid invoice and table: a claim or BridgefitInputError', () => {
    timed('latePaymentClaim / mutations ×5000', () =>
      fc.assert(
        fc.property(mutatedArb({ invoice, paidOn: '2025-03-01', rates: referenceRatesInput(), options: { referenceRateReset: 'half-yearly' } }), ({ value }) => {
          const v = (value ?? {}) as { invoice?: unknown; paidOn?: unknown; rates?: unknown; options?: unknown };
          const claim = okOrInputError(() => latePaymentClaim(v.invoice as never, v.paidOn as never, v.rates as never, (v.options ?? {}) as never));
          if (claim) {
            expect(Number.isSafeInteger(claim.interest) && claim.interest >= 0).toBe(true);
            expect(claim.total).toBe(claim.interest + claim.compensation);
          }
        }),
        params(5000),
      ),
    );
  });
});

it('BridgefitInputError is what safeParse returns for a non-object root', () => {
  for (const input of [undefined, null, 0, 'scenario', [], () => 1, Symbol('x'), 10n]) {
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toBeInstanceOf(BridgefitInputError);
  }
});

function splitPath(path: string): (string | number)[] {
  return path.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
}
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = splitPath(path);
  let node = root as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys[keys.length - 1]!] = value;
}
function getPath(root: Record<string, unknown>, path: string): unknown {
  let node: unknown = root;
  for (const key of splitPath(path)) node = (node as Record<string | number, unknown>)[key];
  return node;
}
