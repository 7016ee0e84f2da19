import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Scenario } from '../../model/scenario.js';
import { parseCatalogue, catalogueProducts } from '../../model/catalogue.js';
import { PRODUCT_KINDS, type InvestmentProduct } from '../../model/product.js';
import { forecastCash } from '../../forecast/ledger.js';
import { fundingNeed } from '../../forecast/gaps.js';
import type { CashForecast } from '../../forecast/types.js';
import { sizeProduct } from '../../sizing/size-product.js';
import { matchNeed } from '../../matching/match-products.js';
import { needFrom } from '../../matching/need.js';
import { prepareCatalogue } from '../../matching/prepare.js';
import { delayScenarios } from '../../stress/delay-scenarios.js';
import { simulateDelays } from '../../stress/simulate-delays.js';
import { comparePaymentTerms } from '../../commissioning/payment-terms.js';
import { latePaymentOnReceipts } from '../../commissioning/receipt-claims.js';
import { htmlReport, type HtmlReportInput } from '../../report/html-report.js';
import { BridgefitInputError } from '../../money/errors.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';
import { DEFAULT_CATALOGUE_FILE } from './match.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

/** Where the report goes when `--out` is not given (in the current directory). */
export const DEFAULT_REPORT_FILE = 'bridgefit-report.html';

/** The report's Monte Carlo: modest, seeded, with daily bands for the fan chart. */
const REPORT_MONTE_CARLO = { paths: 2_000, seed: 42, bands: true } as const;
/** Added when every commissioner pays on fixed days (otherwise every path would be the forecast). */
const SLOW_QUARTER = { probability: 0.25, extraDays: 30 } as const;

/** The contract with the largest invoiced value in the horizon (ties: first listed). */
function largestContract(scenario: Scenario, forecast: CashForecast): Scenario['contracts'][number] | undefined {
  let best: { contract: Scenario['contracts'][number]; value: number } | undefined;
  for (const contract of scenario.contracts) {
    const value = forecast.invoices.filter((i) => i.contractId === contract.id).reduce((s, i) => s + i.amount, 0);
    if (!best || value > best.value) best = { contract, value };
  }
  return best?.contract;
}

/**
 * Computes everything the HTML report can show for a scenario: one product of each kind sized
 * from the catalogue (when there is one), the matches, the +30/+60/+90-day stress table (with the
 * catalogue's revolving facility sized per case), a 2,000-path Monte Carlo from seed 42 with
 * daily bands, and the payment-terms comparison and late-payment claim for the largest contract.
 *
 * @param scenario - parsed scenario
 * @param catalogueFile - a catalogue JSON file, or undefined for none
 * @param notes - lines shown under the report's title
 * @example
 * ```ts
 * writeFileSync('r.html', htmlReport(reportInput(parseScenario(json), 'examples/catalogue.json')));
 * ```
 */
export function reportInput(scenario: Scenario, catalogueFile: string | undefined, notes: readonly string[] = []): HtmlReportInput {
  const forecast = forecastCash(scenario);
  const catalogue = catalogueFile ? parseCatalogue(readJsonFile(catalogueFile)) : undefined;
  const products = catalogue ? catalogueProducts(catalogue).filter((p) => p.currency === forecast.currency) : [];
  const oneOfEach = PRODUCT_KINDS.map((kind) => products.find((p) => p.kind === kind)).filter((p): p is InvestmentProduct => p !== undefined);
  const sized = oneOfEach.map((p) => ({ ...sizeProduct(forecast, p), productName: p.name }));
  const match = catalogue ? matchNeed({ enterprise: scenario.enterprise, need: needFrom(scenario, forecast, fundingNeed(forecast)), forecast }, prepareCatalogue(catalogue)) : undefined;
  const facility = products.find((p) => p.kind === 'revolving-facility');
  const rows = delayScenarios(scenario, undefined, facility ? { product: facility } : {});
  const fixed = scenario.commissioners.every((c) => c.paymentBehaviour.kind === 'fixed-days' || c.paymentBehaviour.kind === 'terms-plus-late');
  const simulation = simulateDelays(scenario, { ...REPORT_MONTE_CARLO, ...(fixed ? { slowQuarter: SLOW_QUARTER } : {}) });
  const note = fixed
    ? `The commissioners pay on fixed days, so the simulation adds commissioner-wide slow quarters: each quarter ${SLOW_QUARTER.probability * 100}% likely to pay ${SLOW_QUARTER.extraDays} days later.`
    : 'Each invoice’s days to pay are drawn from its commissioner’s distribution.';
  const contract = largestContract(scenario, forecast);
  const commissioner = contract ? scenario.commissioners.find((c) => c.id === contract.commissionerId) : undefined;
  const receipts = contract ? forecast.receipts.filter((r) => r.contractId === contract.id) : [];
  return {
    scenario,
    forecast,
    notes,
    ...(catalogue ? { sized, match } : {}),
    stress: { rows, simulation, note },
    ...(contract ? { terms: comparePaymentTerms(scenario, contract.id) } : {}),
    ...(contract && receipts.length > 0 ? { latePayment: { ...latePaymentOnReceipts(receipts), commissionerName: commissioner?.name ?? contract.commissionerId, contractTitle: contract.title } } : {}),
  };
}

/** The catalogue to use and the note saying which: `--catalogue`, else the illustrative example when present, else none. */
function catalogueChoice(value: unknown): { file: string | undefined; notes: string[] } {
  if (typeof value === 'string') return { file: value, notes: [`Catalogue: ${value}.`] };
  if (existsSync(DEFAULT_CATALOGUE_FILE)) return { file: DEFAULT_CATALOGUE_FILE, notes: [`Catalogue: ${DEFAULT_CATALOGUE_FILE} (illustrative: names are fictional, no real offer is implied).`] };
  return { file: undefined, notes: ['No catalogue given (--catalogue): sized facilities and matches are left out.'] };
}

/**
 * Builds the report for a scenario and writes it; returns the absolute path written.
 *
 * @param scenario - parsed scenario
 * @param values - `catalogue` and `out` option values
 * @example
 * ```ts
 * const path = writeHtmlReport(scenario, { out: 'report.html' });
 * ```
 */
export function writeHtmlReport(scenario: Scenario, values: Readonly<Record<string, string | boolean | undefined>>): string {
  const { file, notes } = catalogueChoice(values.catalogue);
  const out = resolve(typeof values.out === 'string' ? values.out : DEFAULT_REPORT_FILE);
  const html = htmlReport(reportInput(scenario, file, notes));
  try {
    writeFileSync(out, html, 'utf8');
  } catch (error) {
    throw new BridgefitInputError([{ path: out, message: `cannot be written (${(error as NodeJS.ErrnoException).code ?? String(error)})` }], 'Cannot write the report');
  }
  return out;
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write a self-contained HTML report (charts as inline SVG, no network needed): gaps, sized plans, matches, stress, commissioner view',
  usage:
    'bridgefit report <scenario.json> [--catalogue catalogue.json] [--out report.html]\n' +
    `  --catalogue FILE  products to size and match (default: ${DEFAULT_CATALOGUE_FILE} when it exists, illustrative)\n` +
    `  --out FILE        where to write the page (default: ${DEFAULT_REPORT_FILE} in the current directory)\n` +
    SCENARIO_CSV_USAGE,
  options: { catalogue: { type: 'string' }, out: { type: 'string' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('report needs a scenario file');
    const path = writeHtmlReport(scenarioFromArgs(file, values), values);
    io.stdout(`HTML report written to ${path}`);
    return 0;
  },
};
