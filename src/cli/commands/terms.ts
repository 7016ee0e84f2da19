import { parseScenario } from '../../model/scenario.js';
import { parseProduct } from '../../model/product.js';
import { formatMoney } from '../../money/amount.js';
import { Dec } from '../../money/rate.js';
import { formatTable } from '../../report/table.js';
import { comparePaymentTerms, type TermsComparison } from '../../commissioning/payment-terms.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';

const money = (minor: number | null): string => (minor === null ? 'not covered' : formatMoney(minor));

/**
 * The payment-terms comparison as text: one row per alternative, then the cost basis, the
 * sentence and any warnings.
 *
 * @example
 * ```ts
 * console.log(termsReport(comparePaymentTerms(scenario, 'family-hubs')));
 * ```
 */
export function termsReport(comparison: TermsComparison): string {
  const rows = comparison.outcomes.map((o) => [
    o.label,
    formatMoney(o.peakNeed),
    String(o.daysShort),
    o.firstDayShort ?? '-',
    o.lastDayShort ?? '-',
    money(o.financeCost),
    money(o.costPerContractYear),
    o.costPercentOfContractValue === null ? '-' : `${o.costPercentOfContractValue}%`,
  ]);
  const basis =
    comparison.costBasis.kind === 'product'
      ? `Finance cost: interest and fees of the smallest covering facility of product "${comparison.costBasis.productId}".`
      : `Finance cost: the daily shortfall carried at a reference rate of ${new Dec(comparison.costBasis.rate).times(100).toFixed()}% a year (Σ daily shortfall × rate ÷ 365).`;
  const warnings = comparison.outcomes.flatMap((o) => o.warnings.map((w) => `Note (${o.label}): ${w}`));
  return [
    `Contract "${comparison.contractId}" (${comparison.commissionerId}), worth ${formatMoney(comparison.contractValue)} over ${comparison.contractDays} days. Peak need and days short are the whole enterprise's; every alternative but the actual terms is paid on time.`,
    formatTable(
      ['Terms', 'Peak need', 'Days short', 'First day short', 'Last day short', 'Finance cost', 'Per contract year', '% of value'],
      rows,
      ['left', 'right', 'right', 'left', 'left', 'right', 'right', 'right'],
    ),
    basis,
    '',
    comparison.sentence,
    ...(warnings.length ? ['', ...warnings] : []),
  ].join('\n');
}

export const termsCommand: Command = {
  name: 'terms',
  summary: 'What payment terms cost the provider: peak need and finance cost under each alternative',
  usage:
    'bridgefit terms <scenario.json> <contractId> [--rate 0.08 | --product product.json] [--json]\n' +
    '  --rate     annual reference rate for the finance cost, a decimal fraction (default 0.08)\n' +
    '  --product  cost the need with this product\'s smallest covering facility instead\n' +
    '  --json     print the full comparison as JSON',
  options: { json: { type: 'boolean' }, rate: { type: 'string' }, product: { type: 'string' } },
  run({ positionals, values }, io) {
    const [file, contractId] = positionals;
    if (!file || !contractId) throw new UsageError('terms needs a scenario file and a contract id');
    if (values.rate !== undefined && values.product !== undefined) throw new UsageError('give --rate or --product, not both');
    const scenario = parseScenario(readJsonFile(file));
    const product = typeof values.product === 'string' ? parseProduct(readJsonFile(values.product)) : undefined;
    const comparison = comparePaymentTerms(scenario, contractId, undefined, {
      ...(product ? { product } : {}),
      ...(typeof values.rate === 'string' ? { referenceRate: values.rate } : {}),
    });
    io.stdout(values.json ? JSON.stringify(comparison, null, 2) : termsReport(comparison));
    return 0;
  },
};
