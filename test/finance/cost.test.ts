import { describe, expect, it } from 'vitest';
import { applyProduct, costOf } from '../../src/finance/index.js';
import { forecastOf, productOf } from './fixtures.js';

describe('costOf', () => {
  it('averages the drawn balance over the days the facility exists', () => {
    const forecast = forecastOf({ start: '2026-01-01', end: '2026-03-31', flows: [{ date: '2026-01-10', amount: '-20000.00' }] });
    const plan = applyProduct(forecast, productOf('bridging-loan', { annualRate: '0' }, { drawdown: 'staged' }), 10_000_000);
    // The facility exists 2026-01-01 … 2026-03-30 (89 days; repaid on the term's last day, 03-31);
    // 20,000 is drawn on 80 of them (01-10 … 03-30): 20,000 × 80 / 89 = 17,977.528… → 17,977.53
    const cost = costOf(plan);
    expect(cost.peakDrawn).toBe(2_000_000);
    expect(cost.averageDrawn).toBe(1_797_753);
    expect(cost.total).toBe(0);
    // lender gets back exactly what it lent: a 0% rate
    expect(cost.effectiveAnnualRate).toBe('0.000000');
  });

  it('has no effective rate when nothing is drawn', () => {
    const forecast = forecastOf({ start: '2026-04-01', end: '2026-04-30', opening: '5000.00' });
    const plan = applyProduct(forecast, productOf('revolving-facility', { annualRate: '0.08' }, { commitmentFeeRate: '0.01' }), 1_000_000);
    const cost = costOf(plan);
    // commitment fee on 10,000 undrawn for 29 days (04-01 … 04-29): 10,000 × 0.01 × 29/365 = 7.945… → 7.95
    expect(cost.fees).toBe(795);
    expect(cost.interest).toBe(0);
    expect(cost.averageDrawn).toBe(0);
    expect(cost.effectiveAnnualRate).toBeNull();
  });
});
