import { describe, expect, it } from 'vitest';
import { applyProduct, standbyTriggered } from '../../src/finance/index.js';
import { forecastOf, productOf } from './fixtures.js';

// An invoice due 2026-02-09 is paid 2026-04-10; £20,000 of costs go out on 2026-02-01.
// "More than 30 days past due": 2026-03-11 is 30 days after 2026-02-09 (19 + 11), so the first
// triggered day is 2026-03-12, and the last is 2026-04-09 (paid on 2026-04-10).
const late = forecastOf({
  start: '2026-01-01',
  end: '2026-04-30',
  flows: [{ date: '2026-02-01', amount: '-20000.00' }],
  invoices: [{ id: 'care#1', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: '30000.00', paidOn: '2026-04-10' }],
});
const index = (days: number) => days; // day index from 2026-01-01
const MAR_11 = index(31 + 28 + 10);
const MAR_12 = MAR_11 + 1;
const APR_9 = index(31 + 28 + 31 + 8);

describe('standby facility', () => {
  it('is triggered only while an invoice is more than N days overdue and unpaid', () => {
    const flags = standbyTriggered(late, 30);
    expect(flags[MAR_11]).toBe(false);
    expect(flags[MAR_12]).toBe(true);
    expect(flags[APR_9]).toBe(true);
    expect(flags[APR_9 + 1]).toBe(false);
    expect(flags.filter(Boolean).length).toBe(APR_9 - MAR_12 + 1); // 29 days
  });

  it('cannot be drawn before the trigger, even with cash below the buffer', () => {
    const product = productOf('standby-facility', { annualRate: '0' }, { trigger: { daysLateOver: 30 } });
    const plan = applyProduct(late, product, 5_000_000);
    // cash is −20,000 from 2026-02-01; the first draw is on the first triggered day
    expect(plan.drawn.slice(0, MAR_12).every((d) => d === 0)).toBe(true);
    expect(plan.ledger.closing[MAR_11]).toBe(-2_000_000);
    // 2026-03-12: draw 20,000 to bring cash to the £0 buffer; 2026-04-10: £30,000 paid, 20,000 repaid
    expect(plan.flows.map((f) => [f.date, f.kind, f.amount])).toEqual([
      ['2026-03-12', 'draw', 2_000_000],
      ['2026-04-10', 'repayment', 2_000_000],
    ]);
  });

  it('charges the commitment fee on the undrawn limit from day one', () => {
    const product = productOf('standby-facility', { annualRate: '0' }, { commitmentFeeRate: '0.0365' });
    const plan = applyProduct(forecastOf({ start: '2026-01-01', end: '2026-01-31', opening: '1000.00' }), product, 1_000_000);
    // The term is capped at the forecast's last day, 2026-01-31: it accrues from 2026-01-01 up to
    // but not including that day, 30 days: 10,000 × 0.0365 × 30/365 = 30.00, posted 2026-01-31
    expect(plan.flows).toEqual([{ date: '2026-01-31', kind: 'fee', amount: 3_000, description: 'commitment fee from 2026-01-01 to 2026-01-31' }]);
  });
});
