/**
 * A commissioning tool: what a council's contract-management system would show its commissioning
 * officer about one provider.
 *
 *   1. the statutory late-payment interest and compensation the provider could claim if the county
 *      council pays the forecast invoices as late as it does today (latePaymentClaim, invoice by
 *      invoice, under the Late Payment of Commercial Debts (Interest) Act 1998);
 *   2. what its choice of payment terms costs the provider: the peak cash need and the finance
 *      cost under monthly in advance, monthly or quarterly in arrears, payment by results and the
 *      terms as they are (comparePaymentTerms).
 *
 * Run it:   npx tsx examples/commissioning-tool.ts [scenario.json] [contractId]
 */
import { readFileSync } from 'node:fs';
import {
  comparePaymentTerms,
  forecastCash,
  formatAmount,
  formatMoney,
  formatTable,
  latePaymentClaim,
  parseScenario,
  sumMinor,
} from '../src/index.js';

const [file = 'examples/children-services.json', contractId = 'family-hubs'] = process.argv.slice(2);
const scenario = parseScenario(JSON.parse(readFileSync(file, 'utf8')));
const contract = scenario.contracts.find((c) => c.id === contractId);
if (!contract) throw new Error(`no contract "${contractId}" in ${file}`);
const commissioner = scenario.commissioners.find((c) => c.id === contract.commissionerId)!;
const forecast = forecastCash(scenario);

// 1. Late payment, invoice by invoice, on the receipts the forecast expects for this contract.
const receipts = forecast.receipts.filter((r) => r.contractId === contract.id);
const claims = receipts.map((r) => ({
  receipt: r,
  claim: latePaymentClaim({ amount: formatAmount(r.amount), dueDate: r.dueDate, issueDate: r.issueDate }, r.date),
}));
const late = claims.filter((c) => c.claim.daysLate > 0);
console.log(`# ${contract.title}`);
console.log(`Commissioner: ${commissioner.name}. Provider: ${scenario.enterprise.name}.\n`);
console.log(`## Late payment: ${late.length} of ${claims.length} forecast invoices paid after their due date`);
console.log(
  formatTable(
    ['Invoice', 'Amount', 'Due', 'Paid', 'Days late', 'Interest', 'Compensation', 'Claim'],
    late.slice(0, 6).map(({ receipt, claim }) => [receipt.invoiceId, formatMoney(receipt.amount), claim.dueDate, claim.paidOn, String(claim.daysLate), formatMoney(claim.interest), formatMoney(claim.compensation), formatMoney(claim.total)]),
    ['left', 'right', 'left', 'left', 'right', 'right', 'right', 'right'],
  ),
);
if (late.length > 6) console.log(`… and ${late.length - 6} more.`);
const interest = sumMinor(late.map((c) => c.claim.interest));
const compensation = sumMinor(late.map((c) => c.claim.compensation));
console.log(`\nOver the contract: interest ${formatMoney(interest)} + compensation ${formatMoney(compensation)} = ${formatMoney(interest + compensation)} claimable.`);
const warnings = [...new Set(late.flatMap((c) => c.claim.warnings))];
if (warnings.length > 0) console.log(`Note: ${warnings[0]}`);

// 2. The payment-terms comparison (finance cost at the default 8% reference rate).
const comparison = comparePaymentTerms(scenario, contract.id);
console.log(`\n## What the payment terms cost ${scenario.enterprise.name}`);
console.log(
  formatTable(
    ['Terms', 'Peak need', 'Days short', 'Finance cost', 'Per contract year', '% of value'],
    comparison.outcomes.map((o) => [
      o.label,
      formatMoney(o.peakNeed),
      String(o.daysShort),
      o.financeCost === null ? 'not covered' : formatMoney(o.financeCost),
      o.costPerContractYear === null ? '-' : formatMoney(o.costPerContractYear),
      o.costPercentOfContractValue === null ? '-' : `${o.costPercentOfContractValue}%`,
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  ),
);
console.log(`\n${comparison.sentence}`);
