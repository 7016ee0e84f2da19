import { describe, expect, it } from 'vitest';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { forecastOf, productOf } from './fixtures.js';

// A quiet enterprise: no cash of its own, no flows, 2026-01-01 to 2026-04-01 (91 days).
// A three-month term from 2026-01-01 ends on 2026-04-01: 31 + 28 + 31 = 90 days of interest.
const quiet = forecastOf({ start: '2026-01-01', end: '2026-04-01' });
const LIMIT = 10_000_000; // £100,000.00

describe('bridging loan: single drawdown, 8% ACT/365F, 90 days', () => {
  it('rolled-up, bullet: interest £1,972.60 and arrangement fee £1,500.00', () => {
    const loan = productOf('bridging-loan', { annualRate: '0.08', arrangementFeeRate: '0.015' });
    const plan = applyProduct(quiet, loan, LIMIT, { termMonths: 3 });
    // interest = 100,000 × 0.08 × 90/365 = 1,972.6027… → £1,972.60 (half-up, posted once at the end)
    // arrangement fee = 0.015 × 100,000 = £1,500.00 on day one
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-01', 'fee', 150_000],
      ['2026-01-01', 'draw', 10_000_000],
      ['2026-04-01', 'repayment', 10_000_000],
      ['2026-04-01', 'interest', 197_260],
    ]);
    expect(plan.start).toBe('2026-01-01');
    expect(plan.termEnd).toBe('2026-04-01');
    expect(plan.repaidAtTermEnd).toBe(10_000_000);
    expect(plan.outstandingAtEnd).toBe(0);
    // cash: +100,000 − 1,500 = 98,500.00 after day one; at the end −1,500 − 1,972.60 = −3,472.60
    expect(plan.ledger.closing[0]).toBe(9_850_000);
    expect(plan.ledger.closing.at(-1)).toBe(-347_260);
    expect(plan.drawn[0]).toBe(LIMIT);
    expect(plan.drawn[89]).toBe(LIMIT); // 2026-03-31
    expect(plan.drawn[90]).toBe(0); // 2026-04-01, repaid
    expect(plan.notes.join(' ')).toMatch(/still drawn at the end of the term and is repaid from cash on 2026-04-01/);

    const cost = costOf(plan);
    expect(cost.interest).toBe(197_260);
    expect(cost.fees).toBe(150_000);
    expect(cost.total).toBe(347_260); // 1,972.60 + 1,500.00
    expect(cost.peakDrawn).toBe(LIMIT);
    expect(cost.averageDrawn).toBe(LIMIT); // drawn £100,000 on each of the 90 days
    // Lender: −100,000 + 1,500 = −98,500 on 2026-01-01; +101,972.60 on 2026-04-01 (90 days).
    // XIRR (ACT/365): (101,972.60 / 98,500)^(365/90) − 1 = 0.1508666566… (computed by hand in Python)
    expect(cost.effectiveAnnualRate).toBe('0.150867');
  });

  it('interest paid monthly: £679.45 (Jan, 31 days), £613.70 (Feb, 28), £679.45 (Mar, 31)', () => {
    const loan = productOf('bridging-loan', { annualRate: '0.08' }, { interestPayment: 'monthly' });
    const plan = applyProduct(quiet, loan, LIMIT, { termMonths: 3 });
    // Jan: 100,000 × 0.08 × 31/365 = 679.4520… → 679.45
    // Feb: 100,000 × 0.08 × 28/365 = 613.6986… → 613.70
    // Mar: 100,000 × 0.08 × 31/365 = 679.4520… → 679.45; total 1,972.60 as when rolled up
    const interest = plan.flows.filter((f) => f.kind === 'interest');
    expect(interest.map((f) => [f.date, f.amount, f.description])).toEqual([
      ['2026-01-31', 67_945, 'interest for Jan 2026'],
      ['2026-02-28', 61_370, 'interest for Feb 2026'],
      ['2026-03-31', 67_945, 'interest for Mar 2026'],
    ]);
    expect(costOf(plan).interest).toBe(197_260);
  });

  it('ACT/360: 100,000 × 0.08 × 90/360 = £2,000.00; monthly £688.89 + £622.22 + £688.89', () => {
    const rolled = applyProduct(quiet, productOf('bridging-loan', { annualRate: '0.08', dayCount: 'ACT/360' }), LIMIT, { termMonths: 3 });
    expect(costOf(rolled).interest).toBe(200_000);
    const monthly = applyProduct(quiet, productOf('bridging-loan', { annualRate: '0.08', dayCount: 'ACT/360' }, { interestPayment: 'monthly' }), LIMIT, { termMonths: 3 });
    // Jan 31 days: 688.888… → 688.89; Feb 28: 622.222… → 622.22; Mar 31: 688.89
    expect(monthly.flows.filter((f) => f.kind === 'interest').map((f) => f.amount)).toEqual([68_889, 62_222, 68_889]);
  });

  it('30/360: every month is 30 days; rounding once per posting gives 666.67 × 3 = 2,000.01', () => {
    const rolled = applyProduct(quiet, productOf('bridging-loan', { annualRate: '0.08', dayCount: '30/360' }), LIMIT, { termMonths: 3 });
    // 30/360 from 2026-01-01 to 2026-04-01 = 90 days: 100,000 × 0.08 × 90/360 = 2,000.00
    expect(costOf(rolled).interest).toBe(200_000);
    const monthly = applyProduct(quiet, productOf('bridging-loan', { annualRate: '0.08', dayCount: '30/360' }, { interestPayment: 'monthly' }), LIMIT, { termMonths: 3 });
    // each month: 100,000 × 0.08 × 30/360 = 666.666… → 666.67
    expect(monthly.flows.filter((f) => f.kind === 'interest').map((f) => f.amount)).toEqual([66_667, 66_667, 66_667]);
  });

  it('arrangement fee minimum and exit fee', () => {
    const loan = productOf('bridging-loan', { annualRate: '0', arrangementFeeRate: '0.01', arrangementFeeMinimum: '2500.00', exitFeeRate: '0.02' });
    const plan = applyProduct(quiet, loan, LIMIT, { termMonths: 3 });
    // arrangement: max(0.01 × 100,000 = 1,000, minimum 2,500) = 2,500.00; exit: 0.02 × 100,000 = 2,000.00 on 2026-04-01
    expect(plan.flows.filter((f) => f.kind === 'fee').map((f) => [f.date, f.amount, f.description])).toEqual([
      ['2026-01-01', 250_000, 'arrangement fee'],
      ['2026-04-01', 200_000, 'exit fee'],
    ]);
  });

  it('other fees: at start, monthly (start of each month of the term), at end', () => {
    const loan = productOf('bridging-loan', {
      annualRate: '0',
      otherFees: [
        { description: 'legal fee', amount: '750.00', when: 'at-start' },
        { description: 'monitoring fee', amount: '50.00', when: 'monthly' },
        { description: 'annual review fee', amount: '300.00', when: 'annually' },
        { description: 'release fee', amount: '100.00', when: 'at-end' },
      ],
    });
    const plan = applyProduct(quiet, loan, LIMIT, { termMonths: 3 });
    expect(plan.flows.filter((f) => f.kind === 'fee').map((f) => [f.date, f.amount])).toEqual([
      ['2026-01-01', 75_000],
      ['2026-01-01', 5_000],
      ['2026-01-01', 30_000],
      ['2026-02-01', 5_000],
      ['2026-03-01', 5_000],
      ['2026-04-01', 10_000],
    ]);
  });

  it('amortising: equal monthly principal, the last instalment takes the odd pennies', () => {
    const loan = productOf('bridging-loan', { annualRate: '0' }, { repayment: 'amortising' });
    const plan = applyProduct(quiet, loan, LIMIT, { termMonths: 3 });
    // 10,000,000p over 3 instalments: 2026-02-01 floor(10,000,000/3) = 3,333,333;
    // 2026-03-01 floor(6,666,667/2) = 3,333,333; 2026-04-01 the rest, 3,333,334.
    expect(plan.flows.filter((f) => f.kind === 'repayment').map((f) => [f.date, f.amount])).toEqual([
      ['2026-02-01', 3_333_333],
      ['2026-03-01', 3_333_333],
      ['2026-04-01', 3_333_334],
    ]);
  });
});

describe('bridging loan: staged drawdown', () => {
  // Opening £10,000, buffer £5,000; £25,000 out on 2026-01-10; £40,000 in on 2026-02-15.
  const lumpy = forecastOf({
    start: '2026-01-01',
    end: '2026-03-31',
    opening: '10000.00',
    buffer: '5000.00',
    flows: [
      { date: '2026-01-10', amount: '-25000.00' },
      { date: '2026-02-15', amount: '40000.00' },
    ],
  });

  it('draws only what keeps cash at the buffer; bullet repays at term end', () => {
    const loan = productOf('bridging-loan', { annualRate: '0' }, { drawdown: 'staged' });
    const plan = applyProduct(lumpy, loan, LIMIT);
    // 10,000 − 25,000 = −15,000; the buffer is 5,000, so draw 20,000 on 2026-01-10
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-10', 'draw', 2_000_000],
      ['2026-03-31', 'repayment', 2_000_000],
    ]);
    expect(plan.termEnd).toBe('2026-03-31'); // max term 24 months, capped at the forecast's end
  });

  it('cash sweep repays from cash above the buffer', () => {
    const loan = productOf('bridging-loan', { annualRate: '0' }, { drawdown: 'staged', repayment: 'cash-sweep' });
    const plan = applyProduct(lumpy, loan, LIMIT);
    // on 2026-02-15 cash is 5,000 + 40,000 = 45,000: 40,000 above the buffer repays all 20,000
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-10', 'draw', 2_000_000],
      ['2026-02-15', 'repayment', 2_000_000],
    ]);
    expect(plan.ledger.closing[parseIndex('2026-02-15')]).toBe(2_500_000); // 45,000 − 20,000
    expect(plan.repaidAtTermEnd).toBe(0);
  });

  it('draws also to pay the month-end interest, and counts that draw’s own day of interest', () => {
    const loan = productOf('bridging-loan', { annualRate: '0.08' }, { drawdown: 'staged', interestPayment: 'monthly' });
    const plan = applyProduct(lumpy, loan, LIMIT);
    // January interest: 20,000 × 0.08 × 22/365 (Jan 10–31) = 96.4383…; paying it needs a draw x on
    // Jan 31, which itself accrues one day: with x = 96.46, 96.4383 + 96.46 × 0.08/365 = 96.4595 → 96.46.
    const jan31 = plan.flows.filter((f) => f.date === '2026-01-31');
    expect(jan31.map((f) => [f.kind, f.amount])).toEqual([
      ['draw', 9_646],
      ['interest', 9_646],
    ]);
    expect(plan.ledger.closing[parseIndex('2026-01-31')]).toBe(500_000); // exactly the buffer
  });

  it('does not redraw what it has repaid', () => {
    const twice = forecastOf({
      start: '2026-01-01',
      end: '2026-03-31',
      flows: [
        { date: '2026-01-05', amount: '-60000.00' },
        { date: '2026-01-20', amount: '60000.00' },
        { date: '2026-02-05', amount: '-60000.00' },
      ],
    });
    const loan = productOf('bridging-loan', { annualRate: '0' }, { drawdown: 'staged', repayment: 'cash-sweep' });
    const plan = applyProduct(twice, loan, LIMIT);
    // limit 100,000: 60,000 drawn and swept back; only 40,000 of the limit is left for 2026-02-05
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-05', 'draw', 6_000_000],
      ['2026-01-20', 'repayment', 6_000_000],
      ['2026-02-05', 'draw', 4_000_000],
      ['2026-03-31', 'repayment', 4_000_000],
    ]);
    expect(plan.ledger.closing[parseIndex('2026-02-05')]).toBe(-2_000_000);
  });
});

function parseIndex(date: string): number {
  // days from 2026-01-01 (the fixtures' start): Jan 31 days, Feb 28
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  return [0, 31, 59][m - 1]! + d - 1;
}
