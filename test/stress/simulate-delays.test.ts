import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BridgefitInputError } from '../../src/money/errors.js';
import { parseDay } from '../../src/calendar/day.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { sampleDays } from '../../src/forecast/delay-distribution.js';
import { splitRandom } from '../../src/stress/random.js';
import { fundingNeed } from '../../src/forecast/gaps.js';
import { compileDelayModel } from '../../src/stress/delay-model.js';
import { drawReceiptOffsets, MAX_PATHS, simulateDelayPaths, simulateDelays, summariseDelayPaths, type SimulateOptions } from '../../src/stress/simulate-delays.js';
import { pathForecast } from '../../src/stress/path-forecast.js';
import { buildScenario, commissionerInput, contractInput, monthlyCost, oneOffLine } from '../helpers/scenario-builder.js';

const FC = { seed: 42, numRuns: 12 };

/**
 * Two commissioners that pay on a fixed day (a point mass): `council` 75 days after issue
 * (`fixed-days`), `trust` 45 days (a one-row `days-table`). £12,000 a month each way, payroll of
 * £11,000 on the 25th for each contract, opening £20,000: short from late January.
 */
function degenerateScenario() {
  return buildScenario({
    enterprise: { openingCash: '20000.00', minimumCashBuffer: '5000.00' },
    commissioners: [
      commissionerInput({ paymentBehaviour: { kind: 'fixed-days', daysToPay: 75 } }),
      commissionerInput({ id: 'trust', name: 'Trust', kind: 'nhs-body', paymentBehaviour: { kind: 'days-table', table: [{ days: 45, probability: 1 }] } }),
    ],
    contracts: [
      contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] }),
      contractInput({ id: 'trust-contract', commissionerId: 'trust', deliveryCosts: [monthlyCost('11000.00', 25)] }),
    ],
  });
}

/** One commissioner paying as a UK payment-practices report says; monthly contract, payroll on the 25th. */
function bucketsScenario(extra: { averageDaysToPay?: number } = {}) {
  return buildScenario({
    enterprise: { openingCash: '30000.00', minimumCashBuffer: '5000.00' },
    commissioners: [
      commissionerInput({
        paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: extra.averageDaysToPay ?? 38, percentWithin30Days: 55, percentWithin31To60Days: 30, percentLaterThan60Days: 15 },
      }),
    ],
    contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] })],
  });
}

/** A days-table commissioner whose days are all `shift` later; the same probabilities. */
function tableScenario(shift: number) {
  return buildScenario({
    enterprise: { openingCash: '15000.00', minimumCashBuffer: '0.00' },
    commissioners: [
      commissionerInput({
        paymentBehaviour: {
          kind: 'days-table',
          table: [
            { days: 20 + shift, probability: 0.3 },
            { days: 35 + shift, probability: 0.4 },
            { days: 70 + shift, probability: 0.2 },
            { days: 110 + shift, probability: 0.1 },
          ],
        },
      }),
    ],
    contracts: [contractInput({ deliveryCosts: [monthlyCost('11500.00', 25)] })],
  });
}

describe('simulateDelays with a degenerate (fixed) distribution', () => {
  it('gives exactly the deterministic forecast’s peak need, days short and first day short on every path', () => {
    const scenario = degenerateScenario();
    const need = fundingNeed(forecastCash(scenario));
    expect(need.peak).toBeGreaterThan(0); // the scenario is short, so the comparison means something
    const sim = simulateDelays(scenario, { paths: 500, seed: 7 });
    expect(new Set(sim.pathPeakNeeds)).toEqual(new Set([need.peak]));
    for (const p of ['p50', 'p90', 'p95', 'p99', 'mean', 'min', 'max'] as const) {
      expect(sim.peakNeed[p]).toBe(need.peak);
      expect(sim.daysShort[p]).toBe(need.daysShort);
    }
    expect(sim.probabilityShort).toBe(1);
    expect(sim.firstDayShort).toEqual({ p10: need.firstDayShort, p50: need.firstDayShort, p90: need.firstDayShort });
    const model = compileDelayModel(scenario);
    const block = simulateDelayPaths(model, { paths: 500, seed: 7 }, 0, 500);
    const first = parseDay(need.firstDayShort!) - parseDay(model.forecast.start);
    expect(new Set(block.daysShort)).toEqual(new Set([need.daysShort]));
    expect(new Set(block.firstShort)).toEqual(new Set([first]));
  });

  it('matches the deterministic forecast under a slow-quarter shock that never fires (probability 0)', () => {
    const scenario = degenerateScenario();
    const need = fundingNeed(forecastCash(scenario));
    const sim = simulateDelays(scenario, { paths: 100, seed: 1, slowQuarter: { probability: 0, extraDays: 30 } });
    expect(sim.peakNeed.min).toBe(need.peak);
    expect(sim.peakNeed.max).toBe(need.peak);
  });

  it('equals the +30-day deterministic forecast when every quarter is slow by 30 days (probability 1)', () => {
    const scenario = degenerateScenario();
    const need = fundingNeed(forecastCash(scenario, { extraDaysToPay: 30 }));
    const sim = simulateDelays(scenario, { paths: 50, seed: 3, slowQuarter: { probability: 1, extraDays: 30 } });
    expect(sim.peakNeed.min).toBe(need.peak);
    expect(sim.peakNeed.max).toBe(need.peak);
    expect(sim.daysShort.p50).toBe(need.daysShort);
  });
});

describe('simulateDelays: a hand-computed tiny case', () => {
  /*
   * One invoice: a January-only contract worth £12,000 (billed monthly in arrears, lag 0) is
   * invoiced on 2026-01-31. Opening cash £5,000, buffer £0; £10,000 out on 2026-01-25 and £4,000
   * on 2026-03-15. Days to pay: 30 or 60 with probability 0.5 each.
   *
   * Paid after 30 days (2026-03-02): cash −£5,000 from 25 Jan, +£7,000 from 2 Mar, +£3,000 from
   *   15 Mar. Peak need £5,000; short 25 Jan … 1 Mar = 7 + 28 + 1 = 36 days.
   * Paid after 60 days (2026-04-01): −£5,000 from 25 Jan, −£9,000 from 15 Mar, +£3,000 from 1 Apr.
   *   Peak need £9,000; short 25 Jan … 31 Mar = 7 + 28 + 31 = 66 days.
   */
  const scenario = buildScenario({
    enterprise: { openingCash: '5000.00' },
    commissioners: [commissionerInput({ paymentBehaviour: { kind: 'days-table', table: [{ days: 30, probability: 0.5 }, { days: 60, probability: 0.5 }] } })],
    contracts: [contractInput({ end: '2026-01-31', value: { kind: 'total', amount: '12000.00' } })],
    cashLines: [oneOffLine('kit', 'outflow', '10000.00', '2026-01-25'), oneOffLine('rent', 'outflow', '4000.00', '2026-03-15')],
    horizon: { end: '2026-06-30' },
  });

  it('has only the two hand-computed outcomes, each on about half the paths', () => {
    const paths = 20_000;
    const sim = simulateDelays(scenario, { paths, seed: 2026 });
    expect(new Set(sim.pathPeakNeeds)).toEqual(new Set([500_000, 900_000]));
    const share = sim.pathPeakNeeds.filter((p) => p === 500_000).length / paths;
    // Binomial(20000, 0.5): standard deviation of the share √(0.25/20000) ≈ 0.0035; ±0.015 is over 4 of them.
    expect(Math.abs(share - 0.5)).toBeLessThan(0.015);
    expect(sim.peakNeed.min).toBe(500_000);
    expect(sim.peakNeed.max).toBe(900_000);
    expect(sim.peakNeed.p90).toBe(900_000);
    expect(new Set([sim.daysShort.min, sim.daysShort.max])).toEqual(new Set([36, 66]));
    expect(sim.firstDayShort.p50).toBe('2026-01-25');
    expect(sim.probabilityShort).toBe(1);
  });

  it('replays a path as a full forecast with the peak the simulation recorded', () => {
    const model = compileDelayModel(scenario);
    const sim = simulateDelays(scenario, { paths: 40, seed: 2026 });
    for (let p = 0; p < 40; p++) {
      const need = fundingNeed(pathForecast(model, { seed: 2026 }, p));
      expect(need.peak).toBe(sim.pathPeakNeeds[p]);
      expect(need.daysShort).toBe(need.peak === 500_000 ? 36 : 66);
    }
  });
});

describe('simulateDelays: seeds and blocks', () => {
  it('gives an identical result for the same seed', () => {
    const scenario = bucketsScenario();
    expect(simulateDelays(scenario, { paths: 2000, seed: 99 })).toEqual(simulateDelays(scenario, { paths: 2000, seed: 99 }));
  });

  it('gives a different sample for a different seed', () => {
    const scenario = bucketsScenario();
    expect(simulateDelays(scenario, { paths: 2000, seed: 1 }).pathPeakNeeds).not.toEqual(simulateDelays(scenario, { paths: 2000, seed: 2 }).pathPeakNeeds);
  });

  it('gives the identical summary however paths are split into blocks (the worker guarantee)', () => {
    const scenario = bucketsScenario();
    const model = compileDelayModel(scenario);
    const options: SimulateOptions = { paths: 10_000, seed: 42, slowQuarter: { probability: 0.2, extraDays: 30 } };
    const one = summariseDelayPaths(model, options, [simulateDelayPaths(model, options, 0, 10_000)]);
    // Blocks handed over out of order, as workers may finish.
    const two = summariseDelayPaths(model, options, [simulateDelayPaths(model, options, 3000, 10_000), simulateDelayPaths(model, options, 0, 3000)]);
    expect(two).toEqual(one);
    expect(simulateDelays(scenario, options)).toEqual(one);
    expect(one.peakNeed.p90).toBeGreaterThan(one.peakNeed.p50); // really a distribution
  });

  it('rejects blocks that miss or repeat paths', () => {
    const model = compileDelayModel(bucketsScenario());
    const options = { paths: 10, seed: 1 };
    expect(() => summariseDelayPaths(model, options, [simulateDelayPaths(model, options, 0, 5)])).toThrow(BridgefitInputError);
    expect(() => summariseDelayPaths(model, options, [simulateDelayPaths(model, options, 0, 6), simulateDelayPaths(model, options, 5, 10)])).toThrow(/path 6 is missing or repeated/);
  });

  it('reports progress after each block', () => {
    const calls: [number, number][] = [];
    simulateDelays(bucketsScenario(), { paths: 2500, seed: 5, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1000, 2500],
      [2000, 2500],
      [2500, 2500],
    ]);
  });
});

describe('simulateDelays: properties', () => {
  it('has P99 ≥ P95 ≥ P90 ≥ P50 for peak need and days short, and min ≤ mean ≤ max', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 33, max: 45 }), (seed, average) => {
        const sim = simulateDelays(bucketsScenario({ averageDaysToPay: average }), { paths: 300, seed });
        for (const s of [sim.peakNeed, sim.daysShort]) {
          expect(s.p99).toBeGreaterThanOrEqual(s.p95);
          expect(s.p95).toBeGreaterThanOrEqual(s.p90);
          expect(s.p90).toBeGreaterThanOrEqual(s.p50);
          expect(s.p50).toBeGreaterThanOrEqual(s.min);
          expect(s.max).toBeGreaterThanOrEqual(s.p99);
          expect(s.mean).toBeGreaterThanOrEqual(s.min);
          expect(s.mean).toBeLessThanOrEqual(s.max);
        }
      }),
      FC,
    );
  });

  it('never lowers any percentile when the distribution is shifted later (same seed)', () => {
    // Same probabilities, so the same uniform draw picks the same row, `shift` days later: each
    // receipt comes no earlier, so each path's cash is never higher and its peak need never lower.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 1, max: 60 }), (seed, shift) => {
        const base = simulateDelays(tableScenario(0), { paths: 300, seed });
        const later = simulateDelays(tableScenario(shift), { paths: 300, seed });
        for (const q of ['p50', 'p90', 'p95', 'p99', 'mean', 'min', 'max'] as const) {
          expect(later.peakNeed[q]).toBeGreaterThanOrEqual(base.peakNeed[q]);
          expect(later.daysShort[q]).toBeGreaterThanOrEqual(base.daysShort[q]);
        }
        later.pathPeakNeeds.forEach((peak, p) => expect(peak).toBeGreaterThanOrEqual(base.pathPeakNeeds[p]!));
      }),
      FC,
    );
  });
});

describe('simulateDelays: bad options', () => {
  const scenario = bucketsScenario();
  const cases: [string, SimulateOptions, string][] = [
    ['no paths', { paths: 0, seed: 1 }, 'paths'],
    ['more than MAX_PATHS', { paths: MAX_PATHS + 1, seed: 1 }, 'paths'],
    ['a fractional number of paths', { paths: 10.5, seed: 1 }, 'paths'],
    ['a negative seed', { paths: 10, seed: -1 }, 'seed'],
    ['a seed above 2³² − 1', { paths: 10, seed: 2 ** 32 }, 'seed'],
    ['a slow-quarter probability of 2', { paths: 10, seed: 1, slowQuarter: { probability: 2, extraDays: 30 } }, 'slowQuarter.probability'],
    ['negative slow-quarter days', { paths: 10, seed: 1, slowQuarter: { probability: 0.5, extraDays: -1 } }, 'slowQuarter.extraDays'],
  ];
  for (const [what, options, field] of cases) {
    it(`rejects ${what}, naming ${field}`, () => {
      let error: unknown;
      try {
        simulateDelays(scenario, options);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(BridgefitInputError);
      expect((error as BridgefitInputError).problems[0]!.path).toBe(field);
      expect((error as BridgefitInputError).message).toContain(field);
    });
  }

  it('rejects a block outside 0 … paths', () => {
    const model = compileDelayModel(scenario);
    expect(() => simulateDelayPaths(model, { paths: 10, seed: 1 }, 5, 11)).toThrow(/fromPath/);
  });
});

describe('drawReceiptOffsets (the inlined hot loop)', () => {
  it('draws exactly what splitRandom(seed, path) and sampleDays give, slow quarters included', () => {
    // The reference: the plain generator and sampler, in the documented draw order.
    const scenario = buildScenario({
      commissioners: [
        commissionerInput({ paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 38, percentWithin30Days: 55, percentWithin31To60Days: 30, percentLaterThan60Days: 15 } }),
        commissionerInput({ id: 'trust', name: 'Trust', kind: 'nhs-body', paymentBehaviour: { kind: 'fixed-days', daysToPay: 40 } }),
        commissionerInput({ id: 'icb', name: 'ICB', kind: 'nhs-body', paymentBehaviour: { kind: 'shifted-lognormal', shiftDays: 10, mu: 3, sigma: 0.6 } }),
      ],
      contracts: [
        contractInput(),
        contractInput({ id: 'b', commissionerId: 'trust', billing: { frequency: 'quarterly' } }),
        contractInput({ id: 'c', commissionerId: 'icb', billing: { invoiceLagDays: 7 } }),
      ],
    });
    const model = compileDelayModel(scenario);
    const shock = { probability: 0.3, extraDays: 21 };
    const cells = model.commissionerIds.length * model.quarters;
    const out = new Int32Array(model.amount.length);
    for (const [seed, path] of [[0, 0], [42, 7], [0xffffffff, 123456], [7, 0xffffffff]] as const) {
      drawReceiptOffsets(model, { seed, slowQuarter: shock }, path, new Uint8Array(cells), out);
      const random = splitRandom(seed, path);
      const slow = Array.from({ length: cells }, () => random.nextFloat() < shock.probability);
      const expected = model.distributions.map((dist, k) => {
        const days = model.issueOffset[k]! + sampleDays(dist, random);
        return slow[model.commissionerIndex[k]! * model.quarters + model.quarterIndex[k]!] ? days + shock.extraDays : days;
      });
      expect(Array.from(out)).toEqual(expected);
    }
  });

  it('rejects a bad seed or path, naming it', () => {
    const model = compileDelayModel(bucketsScenario());
    const out = new Int32Array(model.amount.length);
    expect(() => drawReceiptOffsets(model, { seed: -1 }, 0, new Uint8Array(0), out)).toThrow(/seed/);
    expect(() => drawReceiptOffsets(model, { seed: 1 }, 1.5, new Uint8Array(0), out)).toThrow(/path/);
  });
});

describe('pathForecast', () => {
  it('replays paths with slow quarters to the peak need, days short and first day short simulated', () => {
    const scenario = buildScenario({
      enterprise: { openingCash: '30000.00', minimumCashBuffer: '5000.00' },
      commissioners: [
        commissionerInput({ paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 38, percentWithin30Days: 55, percentWithin31To60Days: 30, percentLaterThan60Days: 15 } }),
        commissionerInput({ id: 'trust', name: 'Trust', kind: 'nhs-body', paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 20 } }),
      ],
      contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] }), contractInput({ id: 'b', commissionerId: 'trust', billing: { frequency: 'quarterly' }, deliveryCosts: [monthlyCost('11500.00', 28)] })],
    });
    const options = { paths: 60, seed: 11, slowQuarter: { probability: 0.3, extraDays: 45 } };
    const model = compileDelayModel(scenario);
    const block = simulateDelayPaths(model, options, 0, 60);
    for (let p = 0; p < 60; p++) {
      const need = fundingNeed(pathForecast(model, options, p));
      expect(need.peak).toBe(block.peakNeed[p]);
      expect(need.daysShort).toBe(block.daysShort[p]);
      expect(need.firstDayShort === null ? -1 : parseDay(need.firstDayShort) - model.start).toBe(block.firstShort[p]);
    }
  });
});
