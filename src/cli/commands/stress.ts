import { existsSync } from 'node:fs';
import type { Scenario } from '../../model/scenario.js';
import { parseProduct, type InvestmentProduct } from '../../model/product.js';
import { parseCatalogue, catalogueProducts } from '../../model/catalogue.js';
import { formatMoney } from '../../money/amount.js';
import { delayScenarios, type StressRow } from '../../stress/delay-scenarios.js';
import { simulateDelays, type DelaySimulation, type SlowQuarterShock } from '../../stress/simulate-delays.js';
import { sizeForPercentile, type PercentileSizing } from '../../stress/size-for-percentile.js';
import { stressTable } from '../../report/stress-table.js';
import { readJsonFile, UsageError, type CliIo } from '../io.js';
import type { Command } from '../command.js';
import type { StartContext } from './start.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

/** The main job's Monte Carlo: 10,000 paths from seed 42. */
const MAIN_JOB = { paths: 10_000, seed: 42, slowQuarter: { probability: 0.25, extraDays: 30 } } as const;

/** The example catalogue the main job takes a revolving facility from. */
const EXAMPLE_CATALOGUE = 'examples/catalogue.json';

/** A plain revolving facility, used when no catalogue is at hand. Illustrative terms. */
const FALLBACK_FACILITY = {
  kind: 'revolving-facility',
  id: 'illustrative-revolving',
  investorId: 'illustrative',
  name: 'Illustrative revolving facility',
  currency: 'GBP',
  minAmount: '25000.00',
  maxAmount: '1500000.00',
  minTermMonths: 6,
  maxTermMonths: 60,
  pricing: { annualRate: '0.085', arrangementFeeRate: '0.01' },
  commitmentFeeRate: '0.01',
  renewal: 'none',
  daysToFunds: 30,
};

interface StressRun {
  readonly rows: StressRow[];
  readonly simulation: DelaySimulation;
  readonly sizing: PercentileSizing | null;
  readonly product: InvestmentProduct | null;
  readonly slowQuarter: SlowQuarterShock | undefined;
}

function progressBar(io: CliIo): ((done: number, total: number) => void) | undefined {
  if (!io.stderrIsTty) return undefined;
  return (done, total) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    io.stderr(`\rMonte Carlo [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} paths${done === total ? '\n' : ''}`);
  };
}

function runStress(scenario: Scenario, options: { paths: number; seed: number; slowQuarter?: SlowQuarterShock; product: InvestmentProduct | null; percentile: number; onProgress?: (done: number, total: number) => void }): StressRun {
  const { product, slowQuarter } = options;
  const rows = delayScenarios(scenario, undefined, product ? { product } : {});
  const mc = { paths: options.paths, seed: options.seed, ...(slowQuarter ? { slowQuarter } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  if (product) {
    const sizing = sizeForPercentile(scenario, product, { ...mc, percentile: options.percentile });
    return { rows, simulation: sizing.simulation, sizing, product, slowQuarter };
  }
  return { rows, simulation: simulateDelays(scenario, mc), sizing: null, product: null, slowQuarter };
}

function percentText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function stressText(run: StressRun, currency: string): string {
  const money = (m: number) => formatMoney(m, currency);
  const sim = run.simulation;
  const shock = run.slowQuarter ? `, slow quarters: each commissioner's quarter ${percentText(run.slowQuarter.probability)} likely to pay ${run.slowQuarter.extraDays} days later still` : '';
  const out = [
    'Deterministic stress: every commissioner paying 30, 60 and 90 days later than expected.',
    '',
    stressTable(run.rows, currency),
    '',
    `Monte Carlo of payment delays: ${sim.paths.toLocaleString('en-GB')} paths, seed ${sim.seed}${shock}.`,
    `  Peak need  P50 ${money(sim.peakNeed.p50)}   P90 ${money(sim.peakNeed.p90)}   P95 ${money(sim.peakNeed.p95)}   P99 ${money(sim.peakNeed.p99)}   mean ${money(sim.peakNeed.mean)}`,
    `  Days short P50 ${sim.daysShort.p50}   P90 ${sim.daysShort.p90}   P95 ${sim.daysShort.p95}; short on ${percentText(sim.probabilityShort)} of paths${sim.firstDayShort.p50 ? `, first day short P50 ${sim.firstDayShort.p50}` : ''}.`,
  ];
  if (run.sizing && run.product) {
    const s = run.sizing;
    const q = `P${Math.round(s.percentile * 100)}`;
    const cost = s.sized.cost ? `, total cost ${money(s.sized.cost.total)}` : '';
    out.push(
      '',
      `${run.product.name} sized to the ${q} path (path ${s.path}, peak need ${money(s.peakNeed)}): limit ${money(s.sized.limit)}` +
        `${s.sized.termMonths ? ` for ${s.sized.termMonths} months` : ''}, ${s.sized.covered ? 'covers that path' : 'does NOT cover that path'}${cost}.`,
      `  Probability it is not enough ≈ ${percentText(s.probabilityInsufficient)} (share of paths with a higher peak need; an estimate, not a re-run of the facility on every path).`,
    );
  }
  return out.join('\n');
}

function numberOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number (got ${JSON.stringify(value)})`);
  return n;
}

function productFrom(values: Readonly<Record<string, string | boolean | undefined>>): InvestmentProduct | null {
  const id = typeof values['product-id'] === 'string' ? values['product-id'] : undefined;
  if (typeof values.catalogue === 'string') {
    if (!id) throw new UsageError('--catalogue needs --product-id to say which product to size');
    const product = catalogueProducts(parseCatalogue(readJsonFile(values.catalogue))).find((p) => p.id === id);
    if (!product) throw new UsageError(`no product "${id}" in ${values.catalogue}`);
    return product;
  }
  if (typeof values.product === 'string') {
    const json = readJsonFile(values.product);
    if (!Array.isArray(json)) return parseProduct(json);
    const products = json.map((p) => parseProduct(p));
    const chosen = id ? products.find((p) => p.id === id) : products.length === 1 ? products[0] : undefined;
    if (!chosen) throw new UsageError(id ? `no product "${id}" in ${values.product}` : `${values.product} lists ${products.length} products: say which with --product-id`);
    return chosen;
  }
  return null;
}

/** Whether every invoice is paid on a fixed day (no distribution anywhere, contract overrides included). */
function paysOnFixedDays(scenario: Scenario): boolean {
  const fixed = (b: Scenario['commissioners'][number]['paymentBehaviour']) => b.kind === 'fixed-days' || b.kind === 'terms-plus-late';
  return scenario.commissioners.every((c) => fixed(c.paymentBehaviour)) && scenario.contracts.every((c) => !c.paymentBehaviour || fixed(c.paymentBehaviour));
}

/**
 * The main job's stress section: the +30/+60/+90 table and the Monte Carlo P50/P90/P95 need
 * (10,000 paths, seed 42, with slow quarters), with a revolving facility sized to P90.
 *
 * @example
 * ```ts
 * io.stdout(stressSection({ scenario, forecast, args }));
 * ```
 */
export function stressSection({ scenario, forecast, args }: StartContext): string {
  const file = typeof args.values.catalogue === 'string' ? args.values.catalogue : EXAMPLE_CATALOGUE;
  let product: InvestmentProduct | undefined;
  let source: string;
  if (existsSync(file)) {
    product = catalogueProducts(parseCatalogue(readJsonFile(file))).find((p) => p.kind === 'revolving-facility' && p.currency === forecast.currency);
    source = `${product?.name ?? ''} (${product?.id ?? ''}, from ${file})`;
  } else source = '';
  if (!product) {
    product = parseProduct({ ...FALLBACK_FACILITY, currency: forecast.currency });
    source = `${product.name} (defined in the report: ${file} has no revolving facility)`;
  }
  const run = runStress(scenario, { ...MAIN_JOB, product, percentile: 0.9 });
  const note = paysOnFixedDays(scenario)
    ? 'This scenario\'s commissioners pay on fixed days, so without a shock every path is the deterministic forecast; the Monte Carlo adds ' +
      `commissioner-wide slow quarters (each quarter ${percentText(MAIN_JOB.slowQuarter.probability)} likely, ${MAIN_JOB.slowQuarter.extraDays} days later).`
    : 'Each invoice\'s days to pay are drawn from its commissioner\'s distribution, with commissioner-wide slow quarters on top.';
  return `Facility: ${source}.\n${note}\n\n${stressText(run, forecast.currency)}`;
}

export const stressCommand: Command = {
  name: 'stress',
  summary: 'Stress the forecast: payments 30/60/90 days later, and a seeded Monte Carlo of payment delays (P50/P90/P95 need)',
  usage:
    'bridgefit stress <scenario.json> [--paths N] [--seed S] [--slow-quarter P:DAYS] [--product product.json | --catalogue catalogue.json --product-id ID] [--percentile Q] [--json]\n' +
    '  --paths N             Monte Carlo paths (default 10000)\n' +
    '  --seed S              seed 0…4294967295 (default 42): the same seed, the same answer\n' +
    '  --slow-quarter P:DAYS each commissioner\'s quarter is slow with probability P, paying DAYS later (e.g. 0.25:30)\n' +
    '  --product FILE        a product (or a list of products, with --product-id) to size for each case and to the percentile\n' +
    '  --catalogue FILE      a catalogue; --product-id names the product to size\n' +
    '  --percentile Q        size to this percentile of the simulated need (default 0.9)\n' +
    '  --json                machine-readable results\n' +
    SCENARIO_CSV_USAGE,
  options: {
    paths: { type: 'string' },
    seed: { type: 'string' },
    'slow-quarter': { type: 'string' },
    product: { type: 'string' },
    catalogue: { type: 'string' },
    'product-id': { type: 'string' },
    percentile: { type: 'string' },
    json: { type: 'boolean' },
    ...SCENARIO_CSV_OPTIONS,
  },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('stress needs a scenario file');
    let slowQuarter: SlowQuarterShock | undefined;
    if (typeof values['slow-quarter'] === 'string') {
      const [p, d] = values['slow-quarter'].split(':');
      slowQuarter = { probability: numberOption(p, 'slow-quarter probability', 0), extraDays: numberOption(d, 'slow-quarter days', 0) };
    }
    const scenario = scenarioFromArgs(file, values);
    const product = productFrom(values);
    const onProgress = progressBar(io);
    const run = runStress(scenario, {
      paths: numberOption(values.paths, 'paths', 10_000),
      seed: numberOption(values.seed, 'seed', 42),
      percentile: numberOption(values.percentile, 'percentile', 0.9),
      product,
      ...(slowQuarter ? { slowQuarter } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
    if (values.json) {
      const { pathPeakNeeds: _omitted, ...simulation } = run.simulation;
      const sizing = run.sizing ? { percentile: run.sizing.percentile, path: run.sizing.path, peakNeed: run.sizing.peakNeed, probabilityInsufficient: run.sizing.probabilityInsufficient, sized: run.sizing.sized } : null;
      io.stdout(JSON.stringify({ stress: run.rows, monteCarlo: simulation, sizedToPercentile: sizing }, null, 2));
      return 0;
    }
    if (paysOnFixedDays(scenario) && !slowQuarter) {
      io.stdout('Every commissioner pays on fixed days, so every Monte Carlo path is the deterministic forecast; add --slow-quarter P:DAYS (or distribution-shaped payment behaviours) to see a spread.\n');
    }
    io.stdout(stressText(run, scenario.enterprise.currency));
    return 0;
  },
};
