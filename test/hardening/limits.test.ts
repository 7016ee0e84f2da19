/**
 * Bounded work: one past each documented limit is a clear error naming the field; a scenario at
 * the maxima finishes (forecast + gaps; time printed, not asserted); sizing time at 1, 5, 10 and
 * 20 years is printed so a quadratic slowdown shows.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CATALOGUE_LIMITS, DISTRIBUTION_LIMITS, MAX_HORIZON_MONTHS, MAX_PRODUCTS_PER_INVESTOR, SCENARIO_LIMITS, parseCatalogue, parseProduct, parseScenario, safeParseCatalogue, safeParseScenario } from '../../src/model/index.js';
import { findGaps, forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { sizeProduct } from '../../src/sizing/index.js';
import { MAX_PATHS, simulateDelays } from '../../src/stress/index.js';
import { runCli } from '../../src/cli/run.js';
import { MAX_INPUT_BYTES } from '../../src/cli/io.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { compactScenarioInput, parsedProducts, productInputs, smallCatalogueInput } from './fixtures.js';

const log: string[] = [];
afterAll(() => console.log(`limits timings:\n  ${log.join('\n  ')}`));

type Input = ReturnType<typeof compactScenarioInput>;

function paths(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BridgefitInputError);
    return (error as BridgefitInputError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

function scenarioProblems(input: unknown): string[] {
  const result = safeParseScenario(input);
  return result.success ? [] : result.error.problems.map((p) => `${p.path}: ${p.message}`);
}

const contract = (i: number) => ({ ...compactScenarioInput().contracts[3]!, id: `c${i}`, commissionerId: 'la' });
const line = (i: number) => ({ ...compactScenarioInput().cashLines[1]!, id: `l${i}` });
const commissioner = (i: number) => ({ id: `k${i}`, name: `K${i}`, kind: 'other' });

describe('one past each limit is a clear error naming the field (and the limit itself is accepted)', () => {
  it(`horizon: at most ${MAX_HORIZON_MONTHS} months (20 years) after the start`, () => {
    const at = { ...compactScenarioInput(), horizon: { start: '2026-01-01', end: '2046-01-01' } };
    expect(scenarioProblems(at)).toEqual([]);
    const past = { ...at, horizon: { start: '2026-01-01', end: '2046-01-02' } };
    expect(scenarioProblems(past)).toEqual([expect.stringMatching(/^horizon\.end: must be at most 20 years/)]);
  });

  it.each([
    ['contracts', SCENARIO_LIMITS.contracts, (i: number) => contract(i)],
    ['cashLines', SCENARIO_LIMITS.cashLines, (i: number) => line(i)],
    ['commissioners', SCENARIO_LIMITS.commissioners, (i: number) => (i === 0 ? compactScenarioInput().commissioners[0]! : commissioner(i))],
  ] as const)('%s: at most %i', (field, max, make) => {
    const base = compactScenarioInput() as Input & Record<string, unknown>;
    const at = { ...base, [field]: Array.from({ length: max }, (_, i) => make(i)) };
    if (field === 'commissioners') at.contracts = [contract(0)];
    expect(scenarioProblems(at).filter((p) => p.startsWith(`${field}:`))).toEqual([]);
    const past = { ...at, [field]: Array.from({ length: max + 1 }, (_, i) => make(i)) };
    expect(scenarioProblems(past)).toContain(`${field}: must list at most ${max} ${field === 'cashLines' ? 'cash lines' : field}`);
  });

  it.each([
    ['billing.milestones', 500],
    ['mobilisationCosts', 100],
    ['deliveryCosts', 20],
  ] as const)('contracts[i].%s: at most %i', (field, max) => {
    const input = compactScenarioInput();
    const c = input.contracts[2] as Record<string, any>;
    const item = field === 'billing.milestones' ? { date: '2026-06-30', amount: '1.00' } : field === 'mobilisationCosts' ? { date: '2026-02-01', amount: '1.00' } : { amount: '1.00', frequency: 'monthly', payDay: 1 };
    const list = Array.from({ length: max + 1 }, () => ({ ...item }));
    if (field === 'billing.milestones') c.billing.milestones = list;
    else c[field] = list;
    expect(scenarioProblems(input).some((p) => p.startsWith(`contracts[2].${field}: must list at most ${max}`))).toBe(true);
  });

  it(`invoice-history rows: at most ${DISTRIBUTION_LIMITS.maxInvoices.toLocaleString('en-GB')}`, () => {
    const row = { issued: '2025-04-01', paid: '2025-05-14' };
    const input = compactScenarioInput();
    const at = Array.from({ length: DISTRIBUTION_LIMITS.maxInvoices }, () => row);
    (input.commissioners[3]!.paymentBehaviour as { invoices: unknown[] }).invoices = at;
    const t0 = performance.now();
    expect(scenarioProblems(input)).toEqual([]);
    log.push(`parse a scenario with ${at.length} invoice-history rows: ${Math.round(performance.now() - t0)} ms`);
    (input.commissioners[3]!.paymentBehaviour as { invoices: unknown[] }).invoices = [...at, row];
    expect(scenarioProblems(input)).toContain(`commissioners[3].paymentBehaviour.invoices: must list at most ${DISTRIBUTION_LIMITS.maxInvoices} invoices`);
  });

  it(`days-table rows: at most ${DISTRIBUTION_LIMITS.maxDaysToPay + 1}`, () => {
    const input = compactScenarioInput();
    (input.commissioners[4]!.paymentBehaviour as { table: unknown[] }).table = Array.from({ length: DISTRIBUTION_LIMITS.maxDaysToPay + 2 }, (_, d) => ({ days: d, probability: 0 }));
    expect(scenarioProblems(input).some((p) => p.startsWith('commissioners[4].paymentBehaviour.table: must have at most 731 rows'))).toBe(true);
  });

  it(`Monte Carlo paths: at most ${MAX_PATHS.toLocaleString('en-GB')}`, () => {
    const scenario = parseScenario(compactScenarioInput());
    expect(paths(() => simulateDelays(scenario, { paths: MAX_PATHS + 1, seed: 1 }))).toEqual([expect.stringMatching(/^paths: must be a whole number from 1 to 200000/)]);
  });

  it(`catalogue: at most ${CATALOGUE_LIMITS.investors} investors, ${CATALOGUE_LIMITS.products} products in all, ${MAX_PRODUCTS_PER_INVESTOR} per investor`, () => {
    const catalogue = smallCatalogueInput() as { investors: { id: string; products: { id: string; investorId: string }[] }[] };
    const investor = catalogue.investors[0]!;
    const investors = Array.from({ length: CATALOGUE_LIMITS.investors + 1 }, (_, i) => ({ ...investor, id: `i${i}`, products: [] }));
    expect(safeParseCatalogue({ investors: investors.slice(0, -1) }).success).toBe(true);
    expect(paths(() => parseCatalogue({ investors }))).toContain(`investors: must list at most ${CATALOGUE_LIMITS.investors} investors`);
    const product = investor.products[0]!;
    const many = (n: number, id: string) => Array.from({ length: n }, (_, j) => ({ ...product, id: `${id}-${j}`, investorId: id }));
    const t0 = performance.now();
    expect(safeParseCatalogue({ investors: [{ ...investor, id: 'a', products: many(CATALOGUE_LIMITS.products, 'a') }] }).success).toBe(true);
    log.push(`parse a catalogue of ${CATALOGUE_LIMITS.products} products: ${Math.round(performance.now() - t0)} ms`);
    const split = [
      { ...investor, id: 'a', products: many(1000, 'a') },
      { ...investor, id: 'b', products: many(1001, 'b') },
    ];
    expect(paths(() => parseCatalogue({ investors: split }))).toContain(`investors: must list at most ${CATALOGUE_LIMITS.products} products in all (got 2001)`);
    expect(paths(() => parseCatalogue({ investors: [{ ...investor, id: 'a', products: many(MAX_PRODUCTS_PER_INVESTOR + 1, 'a') }] })).some((p) => p.startsWith('investors[0].products: must list at most'))).toBe(true);
  });

  it('product pricing.otherFees: at most 50', () => {
    const product = JSON.parse(JSON.stringify(productInputs()['bridging-loan'])) as { pricing: Record<string, unknown> };
    product.pricing.otherFees = Array.from({ length: 50 }, () => ({ description: 'fee', amount: '1.00', when: 'at-start' }));
    expect(paths(() => parseProduct(product))).toEqual([]);
    product.pricing.otherFees = Array.from({ length: 51 }, () => ({ description: 'fee', amount: '1.00', when: 'at-start' }));
    expect(paths(() => parseProduct(product))).toEqual(['pricing.otherFees: must list at most 50 fees']);
  });

  it(`CLI input file: at most ${MAX_INPUT_BYTES / 1024 / 1024} MB`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgefit-limits-'));
    try {
      const file = join(dir, 'big.json');
      writeFileSync(file, ' '.repeat(MAX_INPUT_BYTES + 1));
      const err: string[] = [];
      const code = await runCli(['gaps', file], { stdout: () => {}, stderr: (t) => err.push(t), stderrIsTty: false });
      expect(code).toBe(1);
      expect(err.join('\n')).toContain(`${file}: is larger than ${MAX_INPUT_BYTES} bytes`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** A scenario of `years` with `contracts` monthly contracts and `lines` cash lines. */
function bigScenario(years: number, contracts: number, lines: number, commissioners = 1) {
  const base = compactScenarioInput();
  const end = `${2026 + years - 1}-12-31`;
  return {
    ...base,
    commissioners: [...base.commissioners, ...Array.from({ length: commissioners - base.commissioners.length }, (_, i) => commissioner(i))].slice(0, Math.max(commissioners, base.commissioners.length)),
    contracts: Array.from({ length: contracts }, (_, i) => ({
      id: `c${i}`,
      commissionerId: base.commissioners[i % base.commissioners.length]!.id,
      title: `Contract ${i}`,
      start: '2026-01-01',
      end,
      value: { kind: 'periodic', amount: '1000.00', per: 'month' },
      billing: { frequency: i % 2 ? 'monthly' : 'quarterly', invoiceLagDays: 5, paymentTermsDays: 30 },
      deliveryCosts: [{ description: 'Pay', amount: '990.00', frequency: 'monthly', payDay: 25 }],
    })),
    cashLines: Array.from({ length: lines }, (_, i) => ({ id: `l${i}`, description: `L${i}`, direction: i % 2 ? 'inflow' : 'outflow', amount: '10.00', schedule: { kind: 'recurring', frequency: 'monthly', start: '2026-01-15' } })),
    horizon: { start: '2026-01-01', end },
  };
}

describe('work at the maxima finishes (times printed, not asserted)', () => {
  it(`a 20-year scenario with ${SCENARIO_LIMITS.contracts} contracts, ${SCENARIO_LIMITS.cashLines} cash lines and ${SCENARIO_LIMITS.commissioners} commissioners: parse + forecast + gaps`, () => {
    const input = bigScenario(20, SCENARIO_LIMITS.contracts, SCENARIO_LIMITS.cashLines, SCENARIO_LIMITS.commissioners);
    let t0 = performance.now();
    const scenario = parseScenario(input);
    const parseMs = performance.now() - t0;
    t0 = performance.now();
    const forecast = forecastCash(scenario);
    const forecastMs = performance.now() - t0;
    t0 = performance.now();
    findGaps(forecast);
    fundingNeed(forecast);
    const gapsMs = performance.now() - t0;
    expect(forecast.closing.length).toBe(7305);
    log.push(`at the maxima (20 y, 2000 contracts, 2000 lines, 500 commissioners; ${forecast.invoices.length} invoices): parse ${Math.round(parseMs)} ms, forecast ${Math.round(forecastMs)} ms, gaps+need ${Math.round(gapsMs)} ms`);
  }, 120_000);

  it('sizing time at 1, 5, 10 and 20 years (20 contracts): printed so a quadratic slowdown shows', () => {
    const product = parsedProducts().find((p) => p.kind === 'revolving-facility')!;
    const rows: string[] = [];
    for (const years of [1, 5, 10, 20]) {
      const forecast = forecastCash(parseScenario(bigScenario(years, 20, 5)));
      sizeProduct(forecast, product); // warm up
      const t0 = performance.now();
      const reps = 3;
      for (let r = 0; r < reps; r++) sizeProduct(forecast, product);
      const ms = (performance.now() - t0) / reps;
      rows.push(`${years} y (${forecast.closing.length} days): ${ms.toFixed(1)} ms, ${((ms / forecast.closing.length) * 1000).toFixed(2)} µs/day`);
    }
    log.push(`sizeProduct (revolving) by horizon:\n    ${rows.join('\n    ')}`);
  }, 120_000);
});
