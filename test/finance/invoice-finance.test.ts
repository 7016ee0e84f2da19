import { describe, expect, it } from 'vitest';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { forecastOf, productOf } from './fixtures.js';

// One £10,000 invoice issued 2026-01-10, due 2026-02-09, paid 2026-03-11 (60 days after issue).
const oneInvoice = forecastOf({
  start: '2026-01-01',
  end: '2026-03-31',
  invoices: [{ id: 'care#1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: '10000.00', paidOn: '2026-03-11' }],
});

describe('invoice finance', () => {
  it('advances 80% on issue, takes a 1% service fee, and is repaid when the commissioner pays', () => {
    const product = productOf('invoice-finance', { annualRate: '0.1' }, { advanceRate: '0.8', serviceFeeRate: '0.01' });
    const plan = applyProduct(oneInvoice, product, 5_000_000); // limit £50,000
    // advance 0.8 × 10,000 = 8,000.00 and service fee 0.01 × 10,000 = 100.00 on 2026-01-10;
    // discount charge 10% ACT/365F on 8,000 at the close of 2026-01-10 … 2026-03-10:
    //   Jan 10–31, 22 days: 8,000 × 0.1 × 22/365 = 48.219… → 48.22 (posted 2026-01-31)
    //   Feb, 28 days:       8,000 × 0.1 × 28/365 = 61.369… → 61.37 (posted 2026-02-28)
    //   Mar 1–10, 10 days:  8,000 × 0.1 × 10/365 = 21.917… → 21.92 (posted at term end 2026-03-31)
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-10', 'draw', 800_000],
      ['2026-01-10', 'fee', 10_000],
      ['2026-01-31', 'interest', 4_822],
      ['2026-02-28', 'interest', 6_137],
      ['2026-03-11', 'repayment', 800_000],
      ['2026-03-31', 'interest', 2_192],
    ]);
    expect(plan.flows[0]!.description).toBe('advance against care#1 (£10,000.00 invoice)');
    expect(plan.flows[2]!.description).toBe('discount charge for Jan 2026');
    // 2026-03-11: the £10,000 payment repays the £8,000 advance; £2,000 is released. Cash then:
    // 8,000 − 100 − 48.22 − 61.37 + 10,000 − 8,000 = 9,790.41
    expect(plan.ledger.closing[69]).toBe(979_041);
    expect(plan.repaidAtTermEnd).toBe(0);
    const cost = costOf(plan);
    expect(cost.interest).toBe(4_822 + 6_137 + 2_192);
    expect(cost.fees).toBe(10_000);
  });

  it('caps the advance at the limit and at the concentration limit', () => {
    const product = productOf('invoice-finance', { annualRate: '0' }, { advanceRate: '0.8', concentrationLimit: '0.5' });
    // limit 10,000, at most half (5,000) against one commissioner: advance min(8,000, 10,000, 5,000)
    expect(applyProduct(oneInvoice, product, 1_000_000).flows[0]?.amount).toBe(500_000);
    // limit 6,000 with no concentration limit: min(8,000, 6,000)
    const whole = productOf('invoice-finance', { annualRate: '0' }, { advanceRate: '0.8' });
    expect(applyProduct(oneInvoice, whole, 600_000).flows[0]?.amount).toBe(600_000);
  });

  it('repays at term end an advance whose invoice is still unpaid', () => {
    const product = productOf('invoice-finance', { annualRate: '0' }, { advanceRate: '0.8' });
    const plan = applyProduct(oneInvoice, product, 5_000_000, { termMonths: 2 });
    // term 2026-01-01 + 2 months = 2026-03-01, before the payment on 2026-03-11
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-10', 'draw', 800_000],
      ['2026-03-01', 'repayment', 800_000],
    ]);
    expect(plan.repaidAtTermEnd).toBe(800_000);
  });

  it('frees the limit when an invoice is paid, for the next one', () => {
    const two = forecastOf({
      start: '2026-01-01',
      end: '2026-03-31',
      invoices: [
        { id: 'care#1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: '10000.00', paidOn: '2026-02-09' },
        { id: 'care#2', issueDate: '2026-02-09', dueDate: '2026-03-11', amount: '10000.00', paidOn: '2026-03-11' },
      ],
    });
    const product = productOf('invoice-finance', { annualRate: '0' }, { advanceRate: '0.8' });
    const plan = applyProduct(two, product, 800_000); // limit exactly one advance
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-01-10', 'draw', 800_000],
      ['2026-02-09', 'repayment', 800_000],
      ['2026-02-09', 'draw', 800_000],
      ['2026-03-11', 'repayment', 800_000],
    ]);
  });

  it('does not finance an invoice paid the day it is issued', () => {
    const prompt = forecastOf({ start: '2026-01-01', end: '2026-01-31', invoices: [{ id: 'care#1', issueDate: '2026-01-10', dueDate: '2026-01-10', amount: '1000.00', paidOn: '2026-01-10' }] });
    const plan = applyProduct(prompt, productOf('invoice-finance', { annualRate: '0.1' }, { serviceFeeRate: '0.01' }), 5_000_000);
    expect(plan.flows).toEqual([]);
  });
});
