import { describe, expect, it } from 'vitest';
import { BridgefitInputError } from '../../src/money/errors.js';
import { findGaps, fundingNeed } from '../../src/forecast/gaps.js';
import { applyProduct } from '../../src/finance/apply-product.js';
import { sizeForPercentile } from '../../src/stress/size-for-percentile.js';
import { nearestRank } from '../../src/stress/percentiles.js';
import { buildScenario, commissionerInput, contractInput, monthlyCost } from '../helpers/scenario-builder.js';
import { productOf } from '../finance/fixtures.js';

/** Two commissioners paying as payment-practices reports describe; payroll on the 25th. */
const scenario = buildScenario({
  enterprise: { openingCash: '30000.00', minimumCashBuffer: '5000.00' },
  commissioners: [
    commissionerInput({ paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 38, percentWithin30Days: 55, percentWithin31To60Days: 30, percentLaterThan60Days: 15 } }),
    commissionerInput({ id: 'icb', name: 'ICB', kind: 'nhs-body', paymentBehaviour: { kind: 'shifted-lognormal', shiftDays: 15, mu: 3, sigma: 0.7 } }),
  ],
  contracts: [
    contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] }),
    contractInput({ id: 'icb-contract', commissionerId: 'icb', value: { kind: 'periodic', amount: '8000.00', per: 'month' }, deliveryCosts: [monthlyCost('7300.00', 20)] }),
  ],
});

/** 8% a year, ACT/365F, 1% arrangement fee: the facility's own costs must be covered too. */
const facility = productOf('revolving-facility', { annualRate: '0.08', arrangementFeeRate: '0.01' });

describe('sizeForPercentile', () => {
  const result = sizeForPercentile(scenario, facility, { percentile: 0.9, paths: 4000, seed: 42, step: 10_000 });

  it('sizes on the path at the nearest-rank percentile, lowest index among ties', () => {
    const peaks = result.simulation.pathPeakNeeds;
    const sorted = [...peaks].sort((a, b) => a - b);
    expect(result.peakNeed).toBe(nearestRank(sorted, 0.9));
    expect(result.peakNeed).toBe(result.simulation.peakNeed.p90);
    expect(peaks[result.path]).toBe(result.peakNeed);
    expect(peaks.slice(0, result.path)).not.toContain(result.peakNeed);
    // The rebuilt forecast is that path's: its peak need is the one simulated.
    expect(fundingNeed(result.forecast).peak).toBe(result.peakNeed);
  });

  it('covers the percentile path, its own interest and fees included', () => {
    expect(result.sized.covered).toBe(true);
    expect(result.sized.limit).toBeGreaterThanOrEqual(result.peakNeed);
    const plan = applyProduct(result.forecast, facility, result.sized.limit, { termMonths: result.sized.termMonths! });
    expect(findGaps(plan.ledger)).toEqual([]);
    expect(result.sized.cost!.total).toBeGreaterThan(0);
  });

  it('reports a probability insufficient of about 1 − percentile', () => {
    // Nearest rank: at least 90% of paths are at or below the P90 peak, so at most 10% above; ties
    // at the P90 value are the only reason to be below 10%.
    const peaks = result.simulation.pathPeakNeeds;
    const tied = peaks.filter((p) => p === result.peakNeed).length / peaks.length;
    expect(result.probabilityInsufficient).toBeLessThanOrEqual(0.1);
    expect(result.probabilityInsufficient).toBeGreaterThanOrEqual(0.1 - tied);
    expect(Math.abs(result.probabilityInsufficient - 0.1)).toBeLessThan(0.01);
  });

  it('sizes to a higher percentile with a limit at least as large', () => {
    const p99 = sizeForPercentile(scenario, facility, { percentile: 0.99, paths: 4000, seed: 42, step: 10_000 });
    expect(p99.peakNeed).toBeGreaterThanOrEqual(result.peakNeed);
    expect(p99.sized.limit).toBeGreaterThanOrEqual(result.sized.limit);
    expect(p99.probabilityInsufficient).toBeLessThanOrEqual(0.01);
  });

  it('is reproducible from the seed', () => {
    const again = sizeForPercentile(scenario, facility, { percentile: 0.9, paths: 4000, seed: 42, step: 10_000 });
    expect(again.path).toBe(result.path);
    expect(again.sized.limit).toBe(result.sized.limit);
  });

  it('rejects a percentile outside (0, 1) and bad Monte Carlo options, naming the field', () => {
    for (const percentile of [0, 1, 90, Number.NaN]) {
      expect(() => sizeForPercentile(scenario, facility, { percentile, paths: 10, seed: 1 })).toThrow(BridgefitInputError);
      expect(() => sizeForPercentile(scenario, facility, { percentile, paths: 10, seed: 1 })).toThrow(/percentile/);
    }
    expect(() => sizeForPercentile(scenario, facility, { paths: 0, seed: 1 })).toThrow(/paths/);
    expect(() => sizeForPercentile(scenario, facility, { paths: 10, seed: -1 })).toThrow(/seed/);
  });
});
