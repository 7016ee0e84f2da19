import { formatAmount, formatMoney } from '../../money/amount.js';
import { formatTable } from '../../report/table.js';
import { latePaymentClaim, type LatePaymentClaim } from '../../commissioning/late-payment.js';
import { flagLatePayments, summariseByCommissioner, type PaymentRecord, type PromptPaymentRule } from '../../commissioning/prompt-payment.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';

const ACT = 'Late Payment of Commercial Debts (Interest) Act 1998: simple interest at 8% over the Bank of England reference rate from the day after the due date, plus fixed compensation of £40 / £70 / £100.';

function claimText(claim: LatePaymentClaim): string {
  if (claim.daysLate === 0) return `Paid on ${claim.paidOn}, on or before the due date ${claim.dueDate}: nothing is owed.`;
  const periods = formatTable(
    ['From', 'To', 'Days', 'Reference rate (fixed on)', 'Annual rate', 'Interest'],
    claim.periods.map((p) => [p.from, p.to, String(p.days), `${p.referenceRate} (${p.fixedOn})`, p.annualRate, formatMoney(p.interest)]),
    ['left', 'left', 'right', 'left', 'right', 'right'],
  );
  return [
    `Debt ${formatMoney(claim.debt)}, due ${claim.dueDate}, paid ${claim.paidOn}: ${claim.daysLate} days late.`,
    periods,
    `Interest      ${formatMoney(claim.interest)}`,
    `Compensation  ${formatMoney(claim.compensation)}`,
    `Total claim   ${formatMoney(claim.total)}`,
    ...claim.warnings.map((w) => `Note: ${w}`),
    '',
    ACT,
  ].join('\n');
}

function historyText(history: readonly PaymentRecord[], rule: PromptPaymentRule): { text: string; data: unknown } {
  const flags = flagLatePayments(history, { rule });
  const summaries = summariseByCommissioner(history, { rule });
  // A claim on each late invoice that states its amount, taking the 30-day deadline as the due date.
  const claims = flags.map((f) => (f.late && f.amount !== null ? latePaymentClaim({ amount: formatAmount(f.amount), dueDate: f.deadline }, f.paidDate) : null));
  const warnings = [...new Set(claims.flatMap((c) => c?.warnings ?? []))];
  const text = [
    formatTable(
      ['Invoice', 'Commissioner', 'Issued', 'Paid', 'Days to pay', 'Deadline', 'Late by', 'Claim'],
      flags.map((f, i) => [f.invoiceId, f.commissionerId, f.issueDate, f.paidDate, String(f.daysToPay), f.deadline, f.late ? `${f.daysLate} days` : 'on time', claims[i] ? formatMoney(claims[i]!.total) : '-']),
      ['left', 'left', 'left', 'left', 'right', 'left', 'right', 'right'],
    ),
    '',
    formatTable(
      ['Commissioner', 'Invoices', 'On time', 'Late', 'Paid within 30 days', 'Average days', 'Slowest'],
      summaries.map((s) => [s.commissionerId, String(s.invoices), String(s.paidOnTime), String(s.paidLate), s.percentOnTime, s.averageDaysToPay, `${s.worst.invoiceId} (${s.worst.daysToPay} days)`]),
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
    `Deadlines: ${rule === 'pcr-2015' ? 'Public Contracts Regulations 2015 reg. 113 (paid within 30 days of the invoice)' : 'Procurement Act 2023 s.68 (paid within 30 days beginning with the invoice day)'}; the issue date is taken as the day the invoice was received.`,
    `Claims (where the history gives an amount) take the deadline as the due date. ${ACT}`,
    ...warnings.map((w) => `Note: ${w}`),
  ].join('\n');
  return { text, data: { rule, invoices: flags.map((f, i) => ({ ...f, claim: claims[i] })), commissioners: summaries } };
}

export const latePaymentCommand: Command = {
  name: 'late-payment',
  summary: 'Late payment: statutory interest and compensation on an invoice, or who paid late in a payment history',
  usage:
    'bridgefit late-payment <invoice.json> --paid-on YYYY-MM-DD [--json]\n' +
    'bridgefit late-payment <history.json> [--rule pcr-2015|procurement-act-2023] [--json]\n' +
    '  invoice.json  { "amount": "12500.00", "dueDate": "2026-01-31" }: the claim if paid on --paid-on\n' +
    '  history.json  [{ "invoiceId", "commissionerId", "issueDate", "paidDate", "amount"? }, …]: each invoice flagged\n' +
    '                against the 30-day public payment term, and a summary per commissioner\n' +
    '  --json        print the result as JSON',
  options: { json: { type: 'boolean' }, 'paid-on': { type: 'string' }, rule: { type: 'string' } },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('late-payment needs an invoice or a payment-history file');
    const input = readJsonFile(file);
    const paidOn = values['paid-on'];
    if (Array.isArray(input)) {
      if (paidOn !== undefined) throw new UsageError('--paid-on is for a single invoice; a history gives each paidDate');
      const rule = (values.rule ?? 'pcr-2015') as PromptPaymentRule;
      const { text, data } = historyText(input as PaymentRecord[], rule);
      io.stdout(values.json ? JSON.stringify(data, null, 2) : text);
      return 0;
    }
    if (typeof paidOn !== 'string') throw new UsageError('a single invoice needs --paid-on YYYY-MM-DD (the day it was, or will be, paid)');
    if (values.rule !== undefined) throw new UsageError('--rule is for a payment history');
    const claim = latePaymentClaim(input as never, paidOn);
    io.stdout(values.json ? JSON.stringify(claim, null, 2) : claimText(claim));
    return 0;
  },
};
