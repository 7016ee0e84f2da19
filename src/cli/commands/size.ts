import { parseCatalogue, catalogueProducts } from '../../model/catalogue.js';
import { PRODUCT_KINDS, type InvestmentProduct } from '../../model/product.js';
import { forecastCash } from '../../forecast/ledger.js';
import type { CashForecast } from '../../forecast/types.js';
import { sizeProduct } from '../../sizing/size-product.js';
import { sizedPlanReport } from '../../report/sized-plan-report.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';
import type { StartContext } from './start.js';
import { DEFAULT_CATALOGUE_FILE } from './match.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

/** The first product of each kind in catalogue order: one of each for the main job. */
function oneOfEachKind(products: readonly InvestmentProduct[]): InvestmentProduct[] {
  return PRODUCT_KINDS.map((kind) => products.find((p) => p.kind === kind)).filter((p): p is InvestmentProduct => p !== undefined);
}

function sizedText(forecast: CashForecast, products: readonly InvestmentProduct[]): string {
  return products.map((p) => sizedPlanReport(sizeProduct(forecast, p), p.name, forecast.currency)).join('\n\n');
}

/**
 * The main job's finance section: one product of each kind from the catalogue, sized to the
 * example's need, with its month-by-month draws and repayments.
 *
 * @example
 * ```ts
 * io.stdout(sizeSection({ scenario, forecast, args }));
 * ```
 */
export function sizeSection({ forecast, args }: StartContext): string {
  const file = typeof args.values.catalogue === 'string' ? args.values.catalogue : DEFAULT_CATALOGUE_FILE;
  const products = oneOfEachKind(catalogueProducts(parseCatalogue(readJsonFile(file))));
  return sizedText(forecast, products);
}

export const sizeCommand: Command = {
  name: 'size',
  summary: 'Size products to cover the gaps: the smallest limit with the facility’s own costs, cost and monthly plan',
  usage: 'bridgefit size <scenario.json> <catalogue.json> [--product ID] [--json]\n  --product ID  size only this product (default: every product)\n  --json        machine-readable sized plans\n' + SCENARIO_CSV_USAGE,
  options: { product: { type: 'string' }, json: { type: 'boolean' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [scenarioFile, catalogueFile] = positionals;
    if (!scenarioFile || !catalogueFile) throw new UsageError('size needs a scenario file and a catalogue file');
    const forecast = forecastCash(scenarioFromArgs(scenarioFile, values));
    let products = catalogueProducts(parseCatalogue(readJsonFile(catalogueFile)));
    if (typeof values.product === 'string') {
      products = products.filter((p) => p.id === values.product);
      if (products.length === 0) throw new UsageError(`no product "${values.product}" in ${catalogueFile}`);
    }
    if (values.json) io.stdout(JSON.stringify(products.map((p) => sizeProduct(forecast, p)), null, 2));
    else io.stdout(sizedText(forecast, products));
    return 0;
  },
};
