import { describe, expect, it } from 'vitest';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { forecastOf, productOf } from './fixtures.js';

// April 2026 has 30 days. £100,000 goes out on 2026-04-01 and comes back on 2026-05-01.
const april = forecastOf({
  start: '2026-04-01',
  end: '2026-05-31',
  flows: [
    { date: '2026-04-01', amount: '-100000.00' },
    { date: '2026-05-01', amount: '100000.00' },
  ],
});
const LIMIT = 20_000_000; // £200,000.00

function facility(dayCount: string, extra: Record<string, unknown> = {}) {
  return productOf('revolving-facility', { annualRate: '0', dayCount }, { commitmentFeeRate: '0.01', ...extra });
}

describe('revolving facility', () => {
  it('commitment fee on the undrawn half for a 30-day month: £82.19 (ACT/365F)', () => {
    const plan = applyProduct(april, facility('ACT/365F'), LIMIT);
    // Undrawn: 200,000 − 100,000 = 100,000 for 30 days: 100,000 × 0.01 × 30/365 = 82.1917… → 82.19.
    // The fee is paid from cash on 2026-04-30, so the facility draws 82.19 that day to keep cash at
    // the buffer (£0); that day's undrawn is 99,917.81:
    // (100,000 × 29 + 99,917.81 × 1) × 0.01 / 365 = 82.1895… → still 82.19.
    const fees = plan.flows.filter((f) => f.kind === 'fee');
    expect(fees[0]).toEqual({ date: '2026-04-30', kind: 'fee', amount: 8_219, description: 'commitment fee for Apr 2026' });
    expect(plan.flows.filter((f) => f.kind === 'draw').map((f) => [f.date, f.amount])).toEqual([
      ['2026-04-01', 10_000_000],
      ['2026-04-30', 8_219],
    ]);
    // 2026-05-01: £100,000 in; cash above the £0 buffer repays up to 100,000 of the 100,082.19 drawn
    expect(plan.flows.filter((f) => f.kind === 'repayment')[0]).toMatchObject({ date: '2026-05-01', amount: 10_000_000 });
    expect(plan.drawn[30]).toBe(8_219);
  });

  it('ACT/360: 100,000 × 0.01 × 30/360 = 83.33', () => {
    const plan = applyProduct(april, facility('ACT/360'), LIMIT);
    // with the 83.33 draw on 2026-04-30: (100,000 × 29 + 99,916.67) × 0.01/360 = 83.3310… → 83.33
    expect(plan.flows.find((f) => f.kind === 'fee')?.amount).toBe(8_333);
  });

  it('30/360: April counts 30 days, so also 83.33', () => {
    const plan = applyProduct(april, facility('30/360'), LIMIT);
    expect(plan.flows.find((f) => f.kind === 'fee')?.amount).toBe(8_333);
  });

  it('interest on the drawn balance, monthly', () => {
    const plan = applyProduct(april, productOf('revolving-facility', { annualRate: '0.073' }), LIMIT);
    // 100,000 × 0.073 × 30/365 = 600.00 exactly for April (no commitment fee). Paying it needs a
    // draw x on 2026-04-30, which accrues one day: 600 + x × 0.073/365 = 600 + x × 0.0002;
    // x = 600.12 → 600.120024 → 600.12, so the posting and the draw are both 600.12.
    const interest = plan.flows.filter((f) => f.kind === 'interest');
    expect(interest[0]).toMatchObject({ date: '2026-04-30', amount: 60_012 });
  });

  it('utilisation fee accrues on the drawn balance', () => {
    const product = productOf('revolving-facility', { annualRate: '0' }, { utilisationFeeRate: '0.0365' });
    const plan = applyProduct(april, product, LIMIT);
    // 100,000 × 0.0365 × 30/365 = 300.00; the 2026-04-30 draw x to pay it adds x × 0.0001:
    // x = 300.03 → 300.030003 → 300.03
    expect(plan.flows.filter((f) => f.kind === 'fee' && f.date < '2026-05-01')).toEqual([{ date: '2026-04-30', kind: 'fee', amount: 30_003, description: 'utilisation fee for Apr 2026' }]);
  });

  it('repays what is still drawn at term end, and says so', () => {
    const stuck = forecastOf({ start: '2026-04-01', end: '2026-06-30', flows: [{ date: '2026-04-01', amount: '-50000.00' }] });
    const plan = applyProduct(stuck, productOf('revolving-facility', { annualRate: '0' }), LIMIT, { termMonths: 2 });
    // term 2026-04-01 + 2 months = 2026-06-01: the 50,000 is repaid from cash, which falls to −50,000
    expect(plan.termEnd).toBe('2026-06-01');
    expect(plan.repaidAtTermEnd).toBe(5_000_000);
    expect(plan.ledger.closing[61]).toBe(-5_000_000);
    expect(plan.notes[0]).toContain('£50,000.00 was still drawn at the end of the term');
  });

  it('annual renewal charges the arrangement fee again each year and runs to the horizon', () => {
    const long = forecastOf({ start: '2026-01-01', end: '2028-06-30' });
    const product = productOf('revolving-facility', { annualRate: '0', arrangementFeeRate: '0.01' }, { renewal: 'annual', commitmentFeeRate: '0' });
    const plan = applyProduct(long, product, LIMIT);
    // 1% of 200,000 = 2,000.00 on 2026-01-01, 2027-01-01 and 2028-01-01 (each drawn to pay it, as cash is £0)
    expect(plan.flows.filter((f) => f.kind === 'fee').map((f) => [f.date, f.amount])).toEqual([
      ['2026-01-01', 200_000],
      ['2027-01-01', 200_000],
      ['2028-01-01', 200_000],
    ]);
    expect(plan.termEnd).toBe('2028-06-30');
  });

  it('a term beyond the forecast leaves the balance and accrued charges outstanding', () => {
    const short = forecastOf({ start: '2026-04-01', end: '2026-04-10', flows: [{ date: '2026-04-01', amount: '-36500.00' }] });
    const plan = applyProduct(short, productOf('revolving-facility', { annualRate: '0.1' }), LIMIT, { termMonths: 12 });
    // 36,500 drawn for 10 days at 10%: 36,500 × 0.1 × 10/365 = 100.00 accrued, not yet posted
    expect(plan.outstandingAtEnd).toBe(3_650_000 + 10_000);
    const cost = costOf(plan);
    expect(cost.interest).toBe(0);
    // Lender: −36,500 on 04-01, +36,600 on 04-10 (9 days): (36,600/36,500)^(365/9) − 1 = 0.117…
    expect(Number(cost.effectiveAnnualRate)).toBeCloseTo((36_600 / 36_500) ** (365 / 9) - 1, 6);
  });
});
