import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, parseDay } from '../../src/calendar/day.js';
import { BridgefitInputError } from '../../src/money/errors.js';
import {
  DaysTableBehaviourSchema,
  InvoiceHistoryBehaviourSchema,
  ReportedBucketsBehaviourSchema,
  reportedBucketsAverageRange,
  ShiftedLognormalBehaviourSchema,
  type DaysTableBehaviour,
  type InvoiceHistoryBehaviour,
  type ReportedBucketsBehaviour,
} from '../../src/model/payment-distribution.js';
import {
  compileDelayDistribution,
  distributionTable,
  expectedDays,
  meanDays,
  quantileDays,
  sampleDays,
  shiftDistribution,
  type DelayDistribution,
} from '../../src/forecast/delay-distribution.js';
import { createRandom, splitRandom, type RandomSource } from '../../src/stress/random.js';

const FC = { seed: 42, numRuns: 200 };

function daysTable(rows: { days: number; probability: number }[]): DelayDistribution {
  return compileDelayDistribution(DaysTableBehaviourSchema.parse({ kind: 'days-table', table: rows }));
}

/** P(X ≤ d) read off a compiled table. */
function cdfAt(dist: DelayDistribution, d: number): number {
  let c = 0;
  for (let i = 0; i < dist.days.length && dist.days[i]! <= d; i++) c = dist.cumulative[i]!;
  return c;
}

/** A days-table behaviour with 1–20 distinct days in 0–730 and random positive weights. */
const arbitraryTable = fc
  .uniqueArray(fc.integer({ min: 0, max: 730 }), { minLength: 1, maxLength: 20 })
  .chain((days) =>
    fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: days.length, maxLength: days.length }).map((weights): DaysTableBehaviour => {
      const total = weights.reduce((a, b) => a + b, 0);
      return { kind: 'days-table', expectedBy: 'median', table: days.map((d, i) => ({ days: d, probability: weights[i]! / total })) };
    }),
  );

describe('days-table', () => {
  // 30 days with probability 0.6, 60 days with 0.4.
  const dist = daysTable([{ days: 60, probability: 0.4 }, { days: 30, probability: 0.6 }]);

  it('compiles to sorted days and cumulative probabilities', () => {
    expect(Array.from(dist.days)).toEqual([30, 60]);
    expect(Array.from(dist.cumulative)).toEqual([0.6, 1]);
  });

  it('gives the mean, quantiles and expected days by hand', () => {
    // Mean 0.6·30 + 0.4·60 = 18 + 24 = 42. P(X ≤ 30) = 0.6 ≥ 0.5 and ≥ 0.6, so the median and
    // the 60th percentile are 30; 0.75 and 0.9 need 60.
    expect(meanDays(dist)).toBe(42);
    expect(quantileDays(dist, 0.5)).toBe(30);
    expect(quantileDays(dist, 0.6)).toBe(30);
    expect(quantileDays(dist, 0.75)).toBe(60);
    expect(expectedDays(dist, 'mean')).toBe(42);
    expect(expectedDays(dist, 'median')).toBe(30);
    expect(expectedDays(dist, 'p75')).toBe(60);
    expect(expectedDays(dist, 'p90')).toBe(60);
    expect(expectedDays(dist)).toBe(30);
  });

  it('rounds a mean of exactly half a day up', () => {
    // 10 and 11 days, half each: mean 10.5 → 11 (half-up).
    expect(expectedDays(daysTable([{ days: 10, probability: 0.5 }, { days: 11, probability: 0.5 }]), 'mean')).toBe(11);
    // 10: 0.7, 11: 0.3 → mean 10.3 → 10.
    expect(expectedDays(daysTable([{ days: 10, probability: 0.7 }, { days: 11, probability: 0.3 }]), 'mean')).toBe(10);
  });

  it('adds probabilities exactly, so a 0.3 quantile of ten 0.1 rows is the third day', () => {
    // Floating point gives 0.1 + 0.2 = 0.30000000000000004 > 0.3, which would still find day 3,
    // but 0.1 + 0.1 + 0.1 = 0.30000000000000004 too; exact sums put P(X ≤ 3) at 0.3 exactly.
    const tenths = daysTable(Array.from({ length: 10 }, (_, i) => ({ days: i + 1, probability: 0.1 })));
    expect(tenths.cumulative[2]).toBe(0.3);
    expect(quantileDays(tenths, 0.3)).toBe(3);
    expect(quantileDays(tenths, 0.7)).toBe(7);
  });

  it('scales probabilities to add up to exactly 1 and drops zero rows', () => {
    // 0.5 + 0 + 0.497 = 0.997, within tolerance: P(X ≤ 10) = 0.5 / 0.997.
    const dist2 = daysTable([{ days: 10, probability: 0.5 }, { days: 20, probability: 0 }, { days: 30, probability: 0.497 }]);
    expect(Array.from(dist2.days)).toEqual([10, 30]);
    expect(dist2.cumulative[0]).toBe(0.5 / 0.997);
    expect(dist2.cumulative[1]).toBe(1);
  });

  it('always samples 30 from the degenerate table {30: 1}', () => {
    const degenerate = daysTable([{ days: 30, probability: 1 }]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const random = createRandom(seed);
        for (let i = 0; i < 100; i++) if (sampleDays(degenerate, random) !== 30) return false;
        return true;
      }),
      FC,
    );
    expect(quantileDays(degenerate, 0)).toBe(30);
    expect(quantileDays(degenerate, 1)).toBe(30);
    expect(meanDays(degenerate)).toBe(30);
  });

  it('samples each day with its probability (100,000 draws, within ±1 point)', () => {
    // Standard error of a 0.6 share over 100,000 draws is √(0.6·0.4/100000) ≈ 0.15 points.
    const random = createRandom(7);
    let at30 = 0;
    for (let i = 0; i < 100_000; i++) if (sampleDays(dist, random) === 30) at30 += 1;
    expect(Math.abs(at30 / 100_000 - 0.6)).toBeLessThan(0.01);
  });

  it('rejects negative days and an empty table given without the schema', () => {
    const bad = (table: { days: number; probability: number }[]) => () =>
      compileDelayDistribution({ kind: 'days-table', expectedBy: 'median', table }, { path: 'commissioners[0].paymentBehaviour' });
    expect(bad([{ days: -5, probability: 1 }])).toThrow(BridgefitInputError);
    expect(bad([{ days: -5, probability: 1 }])).toThrow('commissioners[0].paymentBehaviour.table[0].days: must be a whole number of days ≥ 0 (got -5)');
    expect(bad([])).toThrow('commissioners[0].paymentBehaviour.table: must have at least one row');
  });
});

describe('invoice-history', () => {
  // Days from issue to payment, counted by hand:
  //   2026-01-15 → 2026-03-01: 31 (to Feb 15) + 14 (to Mar 1)          = 45
  //   2026-02-01 → 2026-03-03: 28 (February 2026) + 2                  = 30
  //   2026-03-31 → 2026-06-01: 30 (to Apr 30) + 31 (to May 31) + 1     = 62
  //   2026-04-01 → 2026-05-01: 30                                       = 30
  //   2026-12-20 → 2027-01-03: 11 (to Dec 31) + 3                      = 14
  //   2028-02-01 → 2028-05-01: 29 (leap February) + 31 + 30            = 90
  //   2026-05-10 → 2026-06-24: 31 (to Jun 10) + 14                     = 45
  //   2026-06-30 → 2026-07-30: 30                                       = 30
  // Sorted: 14, 30, 30, 30, 45, 45, 62, 90 (n = 8). The q quantile (smallest d with
  // #{x ≤ d}/8 ≥ q) is the ⌈8q⌉-th smallest.
  const history = InvoiceHistoryBehaviourSchema.parse({
    kind: 'invoice-history',
    invoices: [
      { issued: '2026-01-15', paid: '2026-03-01', amount: '1200.00' },
      { issued: '2026-02-01', paid: '2026-03-03' },
      { issued: '2026-03-31', paid: '2026-06-01' },
      { issued: '2026-04-01', paid: '2026-05-01' },
      { issued: '2026-12-20', paid: '2027-01-03' },
      { issued: '2028-02-01', paid: '2028-05-01' },
      { issued: '2026-05-10', paid: '2026-06-24' },
      { issued: '2026-06-30', paid: '2026-07-30' },
    ],
  });
  const dist = compileDelayDistribution(history);

  it('is the empirical distribution of paid − issued', () => {
    expect(distributionTable(dist)).toEqual([
      { days: 14, probability: 1 / 8 },
      { days: 30, probability: 3 / 8 },
      { days: 45, probability: 2 / 8 },
      { days: 62, probability: 1 / 8 },
      { days: 90, probability: 1 / 8 },
    ]);
  });

  it('round-trips: its quantiles are those of the hand-sorted data', () => {
    expect(quantileDays(dist, 0)).toBe(14);
    expect(quantileDays(dist, 0.125)).toBe(14); // ⌈1⌉ = 1st
    expect(quantileDays(dist, 0.126)).toBe(30); // ⌈1.008⌉ = 2nd
    expect(quantileDays(dist, 0.5)).toBe(30); //   4th
    expect(quantileDays(dist, 0.51)).toBe(45); //  ⌈4.08⌉ = 5th
    expect(quantileDays(dist, 0.75)).toBe(45); //  6th
    expect(quantileDays(dist, 0.8)).toBe(62); //   ⌈6.4⌉ = 7th
    expect(quantileDays(dist, 0.9)).toBe(90); //   ⌈7.2⌉ = 8th
    expect(quantileDays(dist, 1)).toBe(90);
  });

  it('gives the mean of the data', () => {
    // (14 + 3·30 + 2·45 + 62 + 90) / 8 = 346 / 8 = 43.25 → 43 whole days.
    expect(meanDays(dist)).toBeCloseTo(43.25, 12);
    expect(expectedDays(dist, 'mean')).toBe(43);
    expect(expectedDays(dist, 'median')).toBe(30);
  });

  it('matches the sorted data for any history (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 730 }), { minLength: 1, maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (lags, q) => {
        const behaviour: InvoiceHistoryBehaviour = {
          kind: 'invoice-history',
          expectedBy: 'median',
          invoices: lags.map((lag) => ({ issued: '2026-01-01', paid: addDays('2026-01-01', lag) })),
        };
        const sorted = [...lags].sort((a, b) => a - b);
        // Smallest d with (count of lags ≤ d) / n ≥ q, by counting.
        const expected = sorted.find((d) => sorted.filter((x) => x <= d).length / sorted.length >= q) ?? sorted[sorted.length - 1];
        return quantileDays(compileDelayDistribution(behaviour), q) === expected;
      }),
      FC,
    );
  });

  it('rejects an empty history and a payment before issue given without the schema', () => {
    const compile = (invoices: { issued: string; paid: string }[]) => () =>
      compileDelayDistribution({ kind: 'invoice-history', expectedBy: 'median', invoices });
    expect(compile([])).toThrow('invoices: must list at least one paid invoice');
    expect(compile([{ issued: '2026-04-10', paid: '2026-04-01' }])).toThrow('invoices[0].paid: must be on or after issued (2026-04-10) (got 2026-04-01)');
  });
});

/** ISO date `days` after `iso`, through the calendar module's day numbers. */
function addDays(iso: string, days: number): string {
  return formatDay(parseDay(iso) + days);
}

describe('reported-buckets', () => {
  const report = (input: Record<string, unknown>): ReportedBucketsBehaviour =>
    ReportedBucketsBehaviourSchema.parse({ kind: 'reported-buckets', ...input });

  it('reproduces the bucket shares and the average when sampled (100,000 draws, seed 2026)', () => {
    // A typical council: average 17 days, 85% within 30 days, 10% in 31–60, 5% later.
    // Tolerances: ±1 percentage point per bucket (standard error ≤ 0.12 points) and ±1 day on the
    // mean (the standard deviation of days-to-pay is below 25 days, so the standard error is < 0.1).
    const dist = compileDelayDistribution(report({ averageDaysToPay: 17, percentWithin30Days: 85, percentWithin31To60Days: 10, percentLaterThan60Days: 5 }));
    const random = createRandom(2026);
    const n = 100_000;
    let within30 = 0;
    let within60 = 0;
    let later = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = sampleDays(dist, random);
      if (d <= 30) within30 += 1;
      else if (d <= 60) within60 += 1;
      else later += 1;
      total += d;
    }
    expect(Math.abs((100 * within30) / n - 85)).toBeLessThan(1);
    expect(Math.abs((100 * within60) / n - 10)).toBeLessThan(1);
    expect(Math.abs((100 * later) / n - 5)).toBeLessThan(1);
    expect(Math.abs(total / n - 17)).toBeLessThan(1);
  });

  it('puts exactly the reported share in each bucket and matches the average', () => {
    const dist = compileDelayDistribution(report({ averageDaysToPay: 17, percentWithin30Days: 85, percentWithin31To60Days: 10, percentLaterThan60Days: 5 }));
    expect(cdfAt(dist, 30)).toBe(0.85);
    expect(cdfAt(dist, 60)).toBe(0.95);
    expect(dist.days[dist.days.length - 1]).toBeLessThanOrEqual(120);
    expect(meanDays(dist)).toBeCloseTo(17, 6);
  });

  it('is uniform within buckets when the average is the midpoint mix', () => {
    // 50% on 0–30 (mean 15), 30% on 31–60 (mean 45.5), 20% on 61–120 (mean 90.5):
    // 0.5·15 + 0.3·45.5 + 0.2·90.5 = 7.5 + 13.65 + 18.1 = 39.25. Uniform spreads give
    // 0.5/31 per day in the first bucket, 0.3/30 in the second and 0.2/60 in the tail.
    const rows = distributionTable(compileDelayDistribution(report({ averageDaysToPay: 39.25, percentWithin30Days: 50, percentWithin31To60Days: 30, percentLaterThan60Days: 20 })));
    expect(rows).toHaveLength(121);
    for (const row of rows) {
      const expected = row.days <= 30 ? 0.5 / 31 : row.days <= 60 ? 0.3 / 30 : 0.2 / 60;
      expect(row.probability).toBeCloseTo(expected, 9);
    }
  });

  it('leans towards early days for a low average and late days for a high one', () => {
    // Same shares, averages 10 and 35 (range 7.7–39): the first bucket's median moves.
    const shares = { percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5 };
    const early = compileDelayDistribution(report({ averageDaysToPay: 10, ...shares }));
    const late = compileDelayDistribution(report({ averageDaysToPay: 35, ...shares }));
    expect(quantileDays(early, 0.4)).toBeLessThan(15); // half of the first bucket paid before the midpoint
    expect(quantileDays(late, 0.4)).toBeGreaterThan(15);
    expect(meanDays(early)).toBeCloseTo(10, 6);
    expect(meanDays(late)).toBeCloseTo(35, 6);
  });

  it('puts every share on the first day of its bucket at the lowest feasible average, the last at the highest', () => {
    // Range 7.7–39 (80/15/5, maxDays 120): see test/model/payment-distribution.test.ts.
    const shares = { percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5 };
    expect(distributionTable(compileDelayDistribution(report({ averageDaysToPay: 7.7, ...shares })))).toEqual([
      { days: 0, probability: 0.8 },
      { days: 31, probability: 0.95 - 0.8 },
      { days: 61, probability: 1 - 0.95 },
    ]);
    expect(Array.from(compileDelayDistribution(report({ averageDaysToPay: 39, ...shares })).days)).toEqual([30, 60, 120]);
    // 39.4 is within the 0.5 day rounding slack: read as 39.
    expect(Array.from(compileDelayDistribution(report({ averageDaysToPay: 39.4, ...shares })).days)).toEqual([30, 60, 120]);
  });

  it('throws an input error with the feasible range for an impossible average given without the schema', () => {
    const behaviour: ReportedBucketsBehaviour = {
      kind: 'reported-buckets',
      averageDaysToPay: 45,
      percentWithin30Days: 80,
      percentWithin31To60Days: 15,
      percentLaterThan60Days: 5,
      maxDays: 120,
      expectedBy: 'median',
    };
    const compile = () => compileDelayDistribution(behaviour, { path: 'commissioners[2].paymentBehaviour' });
    expect(compile).toThrow(BridgefitInputError);
    expect(compile).toThrow('commissioners[2].paymentBehaviour.averageDaysToPay: must be between 7.7 and 39 days');
  });

  it('meets any feasible average exactly and keeps the shares (property)', () => {
    const arbitraryReport = fc
      .record({
        a: fc.integer({ min: 0, max: 100 }),
        b: fc.integer({ min: 0, max: 100 }),
        maxDays: fc.integer({ min: 61, max: 730 }),
        t: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .filter(({ a, b }) => a + b <= 100);
    fc.assert(
      fc.property(arbitraryReport, ({ a, b, maxDays, t }) => {
        const shares = { percentWithin30Days: a, percentWithin31To60Days: b, percentLaterThan60Days: 100 - a - b, maxDays };
        const { min, max } = reportedBucketsAverageRange(shares);
        const averageDaysToPay = min + t * (max - min);
        const dist = compileDelayDistribution({ kind: 'reported-buckets', expectedBy: 'median', averageDaysToPay, ...shares });
        expect(meanDays(dist)).toBeCloseTo(averageDaysToPay, 6);
        expect(cdfAt(dist, 30)).toBe(a / 100);
        expect(cdfAt(dist, 60)).toBe((a + b) / 100);
        expect(dist.days[dist.days.length - 1]).toBeLessThanOrEqual(maxDays);
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('shifted-lognormal', () => {
  const lognormal = (input: Record<string, unknown>) =>
    compileDelayDistribution(ShiftedLognormalBehaviourSchema.parse({ kind: 'shifted-lognormal', ...input }));

  it('has the quantiles of shift + e^(mu + sigma·Z), rounded up to whole days', () => {
    // shift 10, mu = ln 20, sigma 0.5. Median of X = 10 + 20 = 30 exactly, so P(D ≤ 30) = Φ(0) = 0.5
    // and P(D ≤ 29) = Φ(2·ln(19/20)) = 0.459: median 30.
    // 90th percentile: z₀.₉ = 1.2815515655446004 (standard normal table), X = 10 + 20·e^(0.5·1.28155)
    // = 10 + 20·1.8979527 = 47.959 → rounds up to 48 (P(D ≤ 47) = 0.8907, P(D ≤ 48) = 0.9004).
    const dist = lognormal({ shiftDays: 10, mu: Math.log(20), sigma: 0.5 });
    expect(quantileDays(dist, 0.5)).toBe(30);
    expect(quantileDays(dist, 0.9)).toBe(48);
    expect(dist.days[0]).toBeGreaterThanOrEqual(11); // X > 10, so D ≥ 11
  });

  it('matches the normal distribution function of an external reference', () => {
    // shift 0, mu 0, sigma 1: P(D = d) = Φ(ln d) − Φ(ln(d − 1)). Reference values from CPython's
    // math.erfc, Φ(x) = erfc(−x/√2)/2: Φ(0) = 0.5, Φ(ln 2) = 0.7558914042144173,
    // Φ(ln 3) = 0.8640313923585756.
    const rows = distributionTable(lognormal({ shiftDays: 0, mu: 0, sigma: 1 }));
    expect(rows[0]!.days).toBe(1);
    expect(rows[0]!.probability).toBeCloseTo(0.5, 13);
    expect(rows[1]!.probability).toBeCloseTo(0.25589140421441725, 13);
    expect(rows[2]!.probability).toBeCloseTo(0.10813998814415837, 13);
  });

  it('puts the tail beyond the cap on maxDays', () => {
    // mu = ln 100, sigma 1, cap 120: P(D = 120) = P(X > 119) = 1 − Φ(ln 1.19) = 1 − Φ(0.173953)
    // = 0.4309510790890332 (CPython math.erfc).
    const rows = distributionTable(lognormal({ shiftDays: 0, mu: Math.log(100), sigma: 1, maxDays: 120 }));
    const last = rows[rows.length - 1]!;
    expect(last.days).toBe(120);
    expect(last.probability).toBeCloseTo(0.4309510790890332, 12);
  });
});

describe('quantiles, shifts and sampling (properties)', () => {
  it('quantiles are monotone in q', () => {
    fc.assert(
      fc.property(arbitraryTable, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (table, q1, q2) => {
        const dist = compileDelayDistribution(table);
        const [lo, hi] = q1 <= q2 ? [q1, q2] : [q2, q1];
        return quantileDays(dist, lo) <= quantileDays(dist, hi);
      }),
      FC,
    );
  });

  it('shifting a distribution later never lowers any quantile, and moves each by the shift', () => {
    fc.assert(
      fc.property(arbitraryTable, fc.integer({ min: 0, max: 365 }), fc.double({ min: 0, max: 1, noNaN: true }), (table, shift, q) => {
        const dist = compileDelayDistribution(table);
        const later = shiftDistribution(dist, shift);
        return quantileDays(later, q) >= quantileDays(dist, q) && quantileDays(later, q) === quantileDays(dist, q) + shift;
      }),
      FC,
    );
  });

  it('samples only listed days, and the same seed gives the same draws', () => {
    fc.assert(
      fc.property(arbitraryTable, fc.integer({ min: 0, max: 0xffffffff }), (table, seed) => {
        const dist = compileDelayDistribution(table);
        const listed = new Set(dist.days);
        const a = splitRandom(seed, 3);
        const b = splitRandom(seed, 3);
        for (let i = 0; i < 50; i++) {
          const d = sampleDays(dist, a);
          if (!listed.has(d) || d !== sampleDays(dist, b)) return false;
        }
        return true;
      }),
      FC,
    );
  });

  it('keeps the mean between the first and last day and expectedDays within the table', () => {
    fc.assert(
      fc.property(arbitraryTable, fc.constantFrom('mean', 'median', 'p75', 'p90') as fc.Arbitrary<'mean' | 'median' | 'p75' | 'p90'>, (table, by) => {
        const dist = compileDelayDistribution(table);
        const first = dist.days[0]!;
        const last = dist.days[dist.days.length - 1]!;
        const mean = meanDays(dist);
        const e = expectedDays(dist, by);
        return mean >= first - 1e-9 && mean <= last + 1e-9 && e >= first && e <= last;
      }),
      FC,
    );
  });
});

describe('sampleDays by inversion', () => {
  /** A stand-in source that returns the given floats in turn (to probe exact boundaries). */
  const fixed = (values: number[]): RandomSource => {
    let k = 0;
    return { nextUint32: () => 0, nextFloat: () => values[k++ % values.length]! };
  };

  it('returns the first day whose cumulative probability exceeds u, at and around each boundary', () => {
    // Four days, 0.25 each: cumulative 0.25, 0.5, 0.75, 1. u = 0.25 is not < 0.25, so it maps to
    // the second day; just below 0.25 to the first.
    const dist = daysTable([10, 20, 30, 40].map((days) => ({ days, probability: 0.25 })));
    const below = (x: number) => x - 2 ** -32;
    const us = [0, below(0.25), 0.25, below(0.5), 0.5, below(0.75), 0.75, below(1)];
    const expected = [10, 10, 20, 20, 30, 30, 40, 40];
    const guided = fixed(us);
    const plain = fixed(us);
    const withoutGuide: DelayDistribution = { days: dist.days, cumulative: dist.cumulative };
    expect(dist.guide).toBeDefined();
    expect(us.map(() => sampleDays(dist, guided))).toEqual(expected);
    expect(us.map(() => sampleDays(withoutGuide, plain))).toEqual(expected);
  });

  it('gives the same days with the guide table as by binary search (property)', () => {
    fc.assert(
      fc.property(arbitraryTable, fc.integer({ min: 0, max: 0xffffffff }), (table, seed) => {
        const dist = compileDelayDistribution(table);
        const bare: DelayDistribution = { days: dist.days, cumulative: dist.cumulative };
        const a = createRandom(seed);
        const b = createRandom(seed);
        for (let i = 0; i < 200; i++) if (sampleDays(dist, a) !== sampleDays(bare, b)) return false;
        return true;
      }),
      FC,
    );
  });
});

describe('shiftDistribution', () => {
  const dist = daysTable([{ days: 30, probability: 0.6 }, { days: 60, probability: 0.4 }]);

  it('moves every outcome and leaves the original alone', () => {
    const later = shiftDistribution(dist, 15);
    expect(Array.from(later.days)).toEqual([45, 75]);
    expect(Array.from(later.cumulative)).toEqual([0.6, 1]);
    expect(Array.from(dist.days)).toEqual([30, 60]);
    expect(later.cumulative).not.toBe(dist.cumulative);
    expect(later.guide).toBeDefined();
    expect(Array.from(shiftDistribution(dist, -30).days)).toEqual([0, 30]);
  });

  it('rejects a fractional shift or one that pays before the invoice', () => {
    expect(() => shiftDistribution(dist, 1.5)).toThrow('days: must be a whole number of days (got 1.5)');
    expect(() => shiftDistribution(dist, -31)).toThrow('days: must be ≥ -30 so no payment comes before its invoice (got -31)');
  });
});

describe('quantileDays input', () => {
  it('rejects q outside 0–1', () => {
    const dist = daysTable([{ days: 30, probability: 1 }]);
    expect(() => quantileDays(dist, 1.5)).toThrow('q: must be a probability from 0 to 1 (got 1.5)');
    expect(() => quantileDays(dist, Number.NaN)).toThrow(BridgefitInputError);
  });
});
