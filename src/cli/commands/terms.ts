import { formatPercent } from '../../money/percent.js';
import { parseProduct } from '../../model/product.js';
import { formatMoney } from '../../money/amount.js';
import { formatTable } from '../../report/table.js';
import { comparePaymentTerms, type TermsComparison } from '../../commissioning/payment-terms.js';
import { latePaymentOnReceipts } from '../../commissioning/receipt-claims.js';
import type { Scenario } from '../../model/scenario.js';
import type { CashForecast } from '../../forecast/types.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

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
      : `Finance cost: the daily shortfall carried at a reference rate of ${formatPercent(comparison.costBasis.rate)} a year (Σ daily shortfall × rate ÷ 365).`;
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
    '  --json     print the full comparison as JSON\n' +
    SCENARIO_CSV_USAGE,
  options: { json: { type: 'boolean' }, rate: { type: 'string' }, product: { type: 'string' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [file, contractId] = positionals;
    if (!file || !contractId) throw new UsageError('terms needs a scenario file and a contract id');
    if (values.rate !== undefined && values.product !== undefined) throw new UsageError('give --rate or --product, not both');
    const scenario = scenarioFromArgs(file, values);
    const product = typeof values.product === 'string' ? parseProduct(readJsonFile(values.product)) : undefined;
    const comparison = comparePaymentTerms(scenario, contractId, undefined, {
      ...(product ? { product } : {}),
      ...(typeof values.rate === 'string' ? { referenceRate: values.rate } : {}),
    });
    io.stdout(values.json ? JSON.stringify(comparison, null, 2) : termsReport(comparison));
    return 0;
  },
};

/** The contract whose receipts are latest on average (ties: the first listed); undefined without receipts. */
function latestPaidContract(scenario: Scenario, forecast: CashForecast): string | undefined {
  let best: { id: string; late: number } | undefined;
  for (const c of scenario.contracts) {
    const receipts = forecast.receipts.filter((r) => r.contractId === c.id);
    if (receipts.length === 0) continue;
    const late = receipts.reduce((s, r) => s + r.daysLate, 0) / receipts.length;
    if (!best || late > best.late) best = { id: c.id, late };
  }
  return best?.id;
}

/**
 * The main job's commissioner view: the payment-terms comparison for the contract paid latest
 * (for the example, "family-hubs" from "county-council"), and the statutory late-payment interest
 * and compensation the enterprise could claim on that contract's forecast receipts.
 *
 * @example
 * ```ts
 * console.log(commissionerSection({ scenario, forecast }));
 * ```
 */
export function commissionerSection({ scenario, forecast }: { scenario: Scenario; forecast: CashForecast }): string {
  const contractId = latestPaidContract(scenario, forecast);
  const contract = scenario.contracts.find((c) => c.id === contractId);
  if (!contract) return 'No contract has receipts in this scenario: nothing to compare.';
  const commissioner = scenario.commissioners.find((c) => c.id === contract.commissionerId);
  const who = commissioner?.name ?? contract.commissionerId;
  const comparison = comparePaymentTerms(scenario, contract.id);
  const receipts = forecast.receipts.filter((r) => r.contractId === contract.id);
  const owed = latePaymentOnReceipts(receipts);
  const averageLate = Math.round(receipts.reduce((s, r) => s + r.daysLate, 0) / Math.max(1, receipts.length));
  const late =
    owed.lateInvoices === 0
      ? `${who} is forecast to pay every invoice for this contract on time: no late-payment interest is due.`
      : [
          `If ${who} pays as forecast (${owed.lateInvoices} of ${owed.invoices} invoices late, on average ${averageLate} days after the due date), ${scenario.enterprise.name} could claim:`,
          `  statutory interest   ${formatMoney(owed.interest)}`,
          `  fixed compensation   ${formatMoney(owed.compensation)}  (${owed.lateInvoices} × £40 / £70 / £100 by invoice size)`,
          `  total                ${formatMoney(owed.total)}`,
          'Under the Late Payment of Commercial Debts (Interest) Act 1998 (as amended by SI 2002/1674 and SI 2013/395): simple interest at 8% over the Bank of England reference rate (Bank Rate on the 31 December or 30 June before interest starts to run) from the day after the due date, plus fixed compensation (s.5A). Public contracts also require payment within 30 days (Public Contracts Regulations 2015 reg. 113; Procurement Act 2023 s.68).',
          ...(owed.warnings.length ? ['Note: Bank Rate is assumed unchanged after the last change in bridgefit\'s table; pass your own table for later reference dates.'] : []),
        ].join('\n');
  return [`Payment terms for "${contract.title}" (${who})`, '', termsReport(comparison), '', `Late payment owed by ${who}`, '', late].join('\n');
}
