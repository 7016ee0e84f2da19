/**
 * Monte Carlo benchmark (issue 5): 10,000 paths of a 2-year daily horizon with 20 contracts,
 * monthly invoices and commissioners that pay as UK payment-practices reports describe
 * (`reported-buckets`), generated deterministically from a seed. Times `simulateDelays` after a
 * warm-up run, and in the same process a straightforward decimal.js baseline of the same per-path
 * ledger (a `Decimal` for every day's net cash and balance, the same draws from the same streams)
 * on fewer paths, scaled up to 10,000 (said so in the output). Checks that the two agree exactly
 * on the peak need of every path both ran.
 */
import Decimal from 'decimal.js';
import { parseScenario, type Scenario, type ScenarioInput } from '../src/model/scenario.js';
import { addMonths } from '../src/calendar/months.js';
import { formatDay, parseDay } from '../src/calendar/day.js';
import { formatMoney } from '../src/money/amount.js';
import { createRandom, splitRandom } from '../src/stress/random.js';
import { sampleDays } from '../src/forecast/delay-distribution.js';
import { compileDelayModel, type DelayModel } from '../src/stress/delay-model.js';
import { simulateDelays } from '../src/stress/simulate-delays.js';
import { time, type BenchReport } from './types.js';

export const PATHS = 10_000;
const CONTRACTS = 20;
const COMMISSIONERS = 5;
const START = '2026-01-01';
const END = '2027-12-31';
/** Paths the decimal.js baseline runs (then scaled to {@link PATHS}). */
const BASELINE_PATHS = 200;

/** 20 contracts over 2026–2027 from seed 20260105: the same scenario on every run and machine. */
export function stressBenchInput(): ScenarioInput {
  const random = createRandom(20260105);
  const int = (lo: number, hi: number) => lo + Math.floor(random.nextFloat() * (hi - lo + 1));
  // Shares and averages shaped like published payment-practices reports: mostly within 30 days,
  // a tail beyond 60; the average inside the range the shares allow.
  const commissioners = Array.from({ length: COMMISSIONERS }, (_, k) => {
    const within30 = int(55, 90);
    const later60 = int(2, Math.min(15, 100 - within30));
    return {
      id: `commissioner-${k + 1}`,
      name: `Commissioner ${k + 1}`,
      kind: 'local-authority' as const,
      paymentBehaviour: {
        kind: 'reported-buckets' as const,
        averageDaysToPay: int(24, 34),
        percentWithin30Days: within30,
        percentWithin31To60Days: 100 - within30 - later60,
        percentLaterThan60Days: later60,
      },
    };
  });
  const first = parseDay(START);
  const contracts = Array.from({ length: CONTRACTS }, (_, k) => {
    const start = addMonths(first, int(0, 3));
    const monthly = int(10, 40) * 1000;
    const margin = int(88, 97);
    return {
      id: `contract-${String(k + 1).padStart(2, '0')}`,
      commissionerId: `commissioner-${int(1, COMMISSIONERS)}`,
      title: `Contract ${k + 1}`,
      start: formatDay(start),
      end: END,
      value: { kind: 'periodic' as const, amount: `${monthly}.00`, per: 'month' as const },
      billing: { frequency: 'monthly' as const, timing: 'in-arrears' as const, invoiceLagDays: int(0, 10), paymentTermsDays: 30 },
      deliveryCosts: [{ description: 'Delivery', amount: `${(monthly * margin) / 100}.00`, frequency: 'monthly' as const, payDay: int(20, 28) }],
    };
  });
  return {
    enterprise: { id: 'se', name: 'Stress Bench CIC', legalForm: 'cic', openingCash: '950000.00', openingCashDate: START, minimumCashBuffer: '100000.00', currency: 'GBP' },
    commissioners,
    contracts,
    cashLines: [],
    horizon: { end: END },
  };
}

/**
 * The baseline: one path's ledger written plainly with decimal.js. The same draws as
 * `simulateDelayPaths` (stream `splitRandom(seed, path)`, one `sampleDays` per invoice in invoice
 * order), then every day's net cash and the balance as `Decimal`s, and the peak shortfall below
 * the buffer compared and kept as a `Decimal`.
 */
export function decimalPathPeak(model: DelayModel, seed: number, path: number): Decimal {
  const random = splitRandom(seed, path);
  const net: Decimal[] = Array.from({ length: model.days }, (_, i) => new Decimal(model.baseNet[i]!));
  for (let k = 0; k < model.amount.length; k++) {
    const d = model.issueOffset[k]! + sampleDays(model.distributions[k]!, random);
    if (d >= 0 && d < model.days) net[d] = net[d]!.plus(model.amount[k]!);
  }
  const buffer = new Decimal(model.buffer);
  let balance = new Decimal(model.opening);
  let peak = new Decimal(0);
  for (let i = 0; i < model.days; i++) {
    balance = balance.plus(net[i]!);
    const short = buffer.minus(balance);
    if (short.greaterThan(peak)) peak = short;
  }
  return peak;
}

export default function run(): BenchReport {
  const scenario: Scenario = parseScenario(stressBenchInput());
  const seed = 42;
  const model = compileDelayModel(scenario);
  const fast = time(5, () => simulateDelays(scenario, { paths: PATHS, seed }));
  const sim = fast.result;
  const slow = time(1, () => Array.from({ length: BASELINE_PATHS }, (_, p) => decimalPathPeak(model, seed, p)));
  const scaledMs = (slow.ms * PATHS) / BASELINE_PATHS;
  let mismatches = 0;
  slow.result.forEach((peak, p) => {
    if (!peak.equals(sim.pathPeakNeeds[p]!)) mismatches++;
  });
  const ok = mismatches === 0;
  const invoices = model.amount.length;
  return {
    name: 'stress (Monte Carlo of payment delays)',
    rows: [
      { label: `simulateDelays ${PATHS} paths`, ms: fast.ms, minMs: fast.minMs, runs: fast.runs, detail: `${model.days} days, ${CONTRACTS} contracts, ${invoices} invoices` },
      { label: `decimal.js baseline ${BASELINE_PATHS} paths`, ms: slow.ms, minMs: slow.minMs, runs: slow.runs, detail: `scaled to ${PATHS}: ${(scaledMs / 1000).toFixed(1)} s` },
    ],
    lines: [
      `${PATHS} paths × ${model.days} days × ${CONTRACTS} contracts (${invoices} invoices, reported-buckets behaviours), seed ${seed}: median ${fast.ms.toFixed(0)} ms, fastest ${fast.minMs.toFixed(0)} ms over ${fast.runs} runs after a warm-up (target < 500 ms).`,
      `decimal.js baseline: ${BASELINE_PATHS} paths in ${slow.ms.toFixed(0)} ms, scaled ×${PATHS / BASELINE_PATHS} to ${(scaledMs / 1000).toFixed(1)} s for ${PATHS} paths: ${(scaledMs / fast.ms).toFixed(0)}× slower.`,
      `Peak need agrees exactly on ${BASELINE_PATHS - mismatches} of ${BASELINE_PATHS} paths${ok ? '' : ' — MISMATCH'}.`,
      `Peak need P50 ${formatMoney(sim.peakNeed.p50)}, P90 ${formatMoney(sim.peakNeed.p90)}, P95 ${formatMoney(sim.peakNeed.p95)}, P99 ${formatMoney(sim.peakNeed.p99)}; short on ${(sim.probabilityShort * 100).toFixed(1)}% of paths.`,
    ],
    ok,
  };
}
