import { describe, expect, it } from 'vitest';
import { simulateDelaysInWorkers } from '../../examples/parallel-monte-carlo.js';
import { simulateDelays } from '../../src/stress/simulate-delays.js';
import { buildScenario, commissionerInput, contractInput, monthlyCost } from '../helpers/scenario-builder.js';

const scenario = buildScenario({
  enterprise: { openingCash: '30000.00', minimumCashBuffer: '5000.00' },
  commissioners: [
    commissionerInput({ paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 38, percentWithin30Days: 55, percentWithin31To60Days: 30, percentLaterThan60Days: 15 } }),
    commissionerInput({ id: 'trust', name: 'Trust', kind: 'nhs-body', paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 10 } }),
  ],
  contracts: [
    contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] }),
    contractInput({ id: 'trust-contract', commissionerId: 'trust', value: { kind: 'periodic', amount: '5000.00', per: 'month' } }),
  ],
});

describe('examples/parallel-monte-carlo.ts', () => {
  it('gives a result identical to the single-threaded run for the same seed with 2 workers', async () => {
    const options = { paths: 6001, seed: 42, slowQuarter: { probability: 0.2, extraDays: 30 }, bands: true };
    const progress: number[] = [];
    const parallel = await simulateDelaysInWorkers(scenario, { ...options, onProgress: (done) => progress.push(done) }, { workers: 2 });
    const single = simulateDelays(scenario, options);
    expect(parallel).toEqual(single);
    expect(parallel.peakNeed.p95).toBeGreaterThan(parallel.peakNeed.p50); // a real distribution, not a point
    expect(progress.length).toBe(2);
    expect(progress.at(-1)).toBe(6001);
  });

  it('rejects bad options in the main thread, before any worker starts', async () => {
    await expect(simulateDelaysInWorkers(scenario, { paths: 10, seed: -1 }, { workers: 2 })).rejects.toThrow(/seed/);
  });
});
