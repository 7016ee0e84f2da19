import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestRank, summariseOutcomes } from '../../src/stress/percentiles.js';

describe('nearestRank', () => {
  const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  it('is the smallest value with at least q of the values at or below it', () => {
    // n = 10: rank ⌈q·n⌉ → q 0.5 → 5th, 0.9 → 9th, 0.95 → ⌈9.5⌉ = 10th, 0.1 → 1st, 0.01 → ⌈0.1⌉ = 1st.
    expect(nearestRank(tens, 0.5)).toBe(5);
    expect(nearestRank(tens, 0.9)).toBe(9);
    expect(nearestRank(tens, 0.95)).toBe(10);
    expect(nearestRank(tens, 0.1)).toBe(1);
    expect(nearestRank(tens, 0.01)).toBe(1);
    expect(nearestRank(tens, 1)).toBe(10);
  });

  it('is not thrown off by binary noise in q·n', () => {
    // 0.07 · 100 is 7.000000000000001 in doubles: still the 7th value. 0.29 · 100 is 28.999999999999996: the 29th.
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(nearestRank(hundred, 0.07)).toBe(7);
    expect(nearestRank(hundred, 0.29)).toBe(29);
  });

  it('returns the only value of a single-element list', () => {
    expect(nearestRank([42], 0.5)).toBe(42);
    expect(nearestRank([42], 0.99)).toBe(42);
  });
});

describe('summariseOutcomes', () => {
  it('summarises a hand case', () => {
    // [10, 0, 5, 0] sorted: 0, 0, 5, 10. p50: rank 2 → 0; p90: ⌈3.6⌉ = 4 → 10. Mean 15/4 = 3.75 → 4.
    // 20 bins of width ⌈(10 − 0 + 1)/20⌉ = 1 from 0: bins 0…10 (11 of them); 0 ×2, 5 ×1, 10 ×1.
    const s = summariseOutcomes([10, 0, 5, 0]);
    expect([s.p50, s.p90, s.p95, s.p99, s.mean, s.min, s.max]).toEqual([0, 10, 10, 10, 4, 0, 10]);
    expect(s.histogram.length).toBe(11);
    expect(s.histogram[0]).toEqual({ from: 0, to: 1, count: 2 });
    expect(s.histogram[5]).toEqual({ from: 5, to: 6, count: 1 });
    expect(s.histogram[10]).toEqual({ from: 10, to: 11, count: 1 });
  });

  it('rounds the mean half-up', () => {
    expect(summariseOutcomes([1, 2]).mean).toBe(2); // 1.5 → 2
    expect(summariseOutcomes([0, 1]).mean).toBe(1); // 0.5 → 1
    expect(summariseOutcomes([0, 0, 1]).mean).toBe(0); // 0.333… → 0
    expect(summariseOutcomes([1, 2, 2, 2]).mean).toBe(2); // 1.75 → 2
    expect(summariseOutcomes([2, 2, 2, 3]).mean).toBe(2); // 2.25 → 2
    expect(summariseOutcomes([-1, -2]).mean).toBe(-1); // −1.5 → −1 (half-up is towards +∞)
    expect(summariseOutcomes([-1, -2, -2, -2]).mean).toBe(-2); // −1.75 → −2
  });

  it('keeps the mean exact beyond 2⁵³ in total', () => {
    // 1,000 paths of £90 trillion (9e15 pence): the sum 9e18 is not a safe integer, the mean is.
    expect(summariseOutcomes(new Array(1000).fill(9e15)).mean).toBe(9e15);
  });

  it('puts equal values into one bin', () => {
    const s = summariseOutcomes([7, 7, 7]);
    expect(s.histogram).toEqual([{ from: 7, to: 8, count: 3 }]);
  });

  it('has histogram counts that add up to n, bins in order and covering min … max (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (values, bins) => {
        const s = summariseOutcomes(values, bins);
        expect(s.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(values.length);
        expect(s.histogram.length).toBeLessThanOrEqual(bins);
        expect(s.histogram[0]!.from).toBe(s.min);
        expect(s.histogram.at(-1)!.to).toBeGreaterThan(s.max);
        s.histogram.forEach((b, i) => i > 0 && expect(b.from).toBe(s.histogram[i - 1]!.to));
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('does not change its input', () => {
    const values = [3, 1, 2];
    summariseOutcomes(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
