import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import { forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { parseScenario, type ContractInput, type ScenarioInput } from '../../src/model/index.js';
import { formatAmount } from '../../src/money/index.js';
import { commissionerInput, contractInput, scenarioInput, type CashLineInput, type CommissionerInput } from '../helpers/scenario-builder.js';

const DAY0 = parseDay('2026-01-01');
const iso = (offset: number) => formatDay(DAY0 + offset);
const money = (pence: number) => formatAmount(pence);

const behaviourArb = fc.oneof(
  fc.record({ kind: fc.constant('terms-plus-late' as const), typicalDaysLate: fc.integer({ min: 0, max: 120 }) }),
  fc.record({ kind: fc.constant('fixed-days' as const), daysToPay: fc.integer({ min: 0, max: 150 }) }),
);

const contractArb = fc
  .record({
    start: fc.integer({ min: -90, max: 450 }),
    length: fc.integer({ min: 0, max: 600 }),
    commissioner: fc.constantFrom('a', 'b'),
    frequency: fc.constantFrom('monthly' as const, 'quarterly' as const, 'milestones' as const),
    timing: fc.constantFrom('in-arrears' as const, 'in-advance' as const),
    lag: fc.integer({ min: 0, max: 40 }),
    terms: fc.integer({ min: 0, max: 90 }),
    periodic: fc.boolean(),
    pence: fc.integer({ min: 1, max: 20_000_000 }),
    milestones: fc.array(fc.record({ at: fc.integer({ min: 0, max: 600 }), pence: fc.integer({ min: 1, max: 5_000_000 }) }), { minLength: 1, maxLength: 4 }),
    payroll: fc.integer({ min: 0, max: 2_000_000 }),
    payDay: fc.integer({ min: 1, max: 31 }),
    weekly: fc.option(fc.record({ pence: fc.integer({ min: 0, max: 300_000 }), payDay: fc.integer({ min: 1, max: 7 }) }), { nil: undefined }),
    mobilisation: fc.option(fc.record({ at: fc.integer({ min: -120, max: 30 }), pence: fc.integer({ min: 1, max: 3_000_000 }) }), { nil: undefined }),
    override: fc.option(behaviourArb, { nil: undefined }),
  })
  .map((r) => (i: number): ContractInput => {
    const milestones = r.milestones.map((m) => ({ date: iso(r.start + (m.at % (r.length + 1))), amount: money(m.pence) }));
    const total = r.frequency === 'milestones' ? r.milestones.reduce((s, m) => s + m.pence, 0) : r.pence;
    return contractInput({
      id: `c${i}`,
      commissionerId: r.commissioner,
      start: iso(r.start),
      end: iso(r.start + r.length),
      value: r.periodic && r.frequency !== 'milestones' ? { kind: 'periodic', amount: money(r.pence), per: 'month' } : { kind: 'total', amount: money(total) },
      billing: { frequency: r.frequency, timing: r.timing, invoiceLagDays: r.lag, paymentTermsDays: r.terms, ...(r.frequency === 'milestones' ? { milestones } : {}) },
      deliveryCosts: [
        { description: 'Payroll', amount: money(r.payroll), frequency: 'monthly', payDay: r.payDay },
        ...(r.weekly ? [{ description: 'Sessional staff', amount: money(r.weekly.pence), frequency: 'weekly' as const, payDay: r.weekly.payDay }] : []),
      ],
      mobilisationCosts: r.mobilisation ? [{ date: iso(r.start + r.mobilisation.at), amount: money(r.mobilisation.pence) }] : [],
      ...(r.override ? { paymentBehaviour: r.override } : {}),
    });
  });

const cashLineArb = fc
  .record({
    direction: fc.constantFrom('inflow' as const, 'outflow' as const),
    pence: fc.integer({ min: 1, max: 1_000_000 }),
    at: fc.integer({ min: -60, max: 600 }),
    frequency: fc.constantFrom('one-off' as const, 'weekly' as const, 'monthly' as const, 'quarterly' as const, 'annually' as const),
  })
  .map((r) => (i: number): CashLineInput => ({
    id: `line${i}`,
    description: `Line ${i}`,
    direction: r.direction,
    amount: money(r.pence),
    schedule: r.frequency === 'one-off' ? { kind: 'one-off', date: iso(r.at) } : { kind: 'recurring', frequency: r.frequency, start: iso(r.at) },
  }));

/** Random scenarios: 1–4 contracts for two commissioners, 0–3 cash lines, horizon 1 Jan 2026 – 31 Dec 2027. */
const scenarioArb = fc
  .record({
    opening: fc.integer({ min: -1_000_000, max: 10_000_000 }),
    buffer: fc.integer({ min: 0, max: 2_000_000 }),
    a: behaviourArb,
    b: behaviourArb,
    contracts: fc.array(contractArb, { minLength: 1, maxLength: 4 }),
    lines: fc.array(cashLineArb, { maxLength: 3 }),
  })
  .map(
    (r): ScenarioInput =>
      scenarioInput({
        enterprise: { openingCash: money(r.opening), minimumCashBuffer: money(r.buffer) },
        commissioners: [commissionerInput({ id: 'a', paymentBehaviour: r.a }), commissionerInput({ id: 'b', kind: 'nhs-body', paymentBehaviour: r.b })],
        contracts: r.contracts.map((make, i) => make(i)),
        cashLines: r.lines.map((make, i) => make(i)),
        horizon: { end: '2027-12-31' },
      }),
  );

const RUNS = { seed: 42, numRuns: 30 };

describe('forecastCash (properties over random scenarios)', () => {
  it('conserves money every day: opening + inflows − outflows = closing, and the last closing = opening + Σ events', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const f = forecastCash(parseScenario(input));
        // Collect the days that break the rule, so one assertion reports them all.
        const broken: string[] = [];
        let previous = f.openingBalance;
        for (let i = 0; i < f.closing.length; i++) {
          if (f.inflows[i]! < 0 || f.outflows[i]! < 0 || previous + f.inflows[i]! - f.outflows[i]! !== f.closing[i]) broken.push(formatDay(DAY0 + i));
          previous = f.closing[i]!;
        }
        expect(broken).toEqual([]);
        expect(f.closing.at(-1)).toBe(f.openingBalance + f.events.reduce((s, e) => s + e.amount, 0));
        // Every receipt is either in the ledger or reported outside the horizon, never dropped.
        const receiptEvents = [...f.events, ...f.outsideHorizon].filter((e) => e.kind === 'receipt');
        expect(receiptEvents.reduce((s, e) => s + e.amount, 0)).toBe(f.invoices.reduce((s, inv) => s + inv.amount, 0));
        expect(f.events.every((e) => e.date >= f.start && e.date <= f.end)).toBe(true);
        expect(f.outsideHorizon.every((e) => e.date < f.start || e.date > f.end)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a longer delay (extraDaysToPay) never shrinks the peak need nor raises any day’s cash', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1, max: 90 }), (input, base, more) => {
        const scenario = parseScenario(input);
        const sooner = forecastCash(scenario, { extraDaysToPay: base });
        const later = forecastCash(scenario, { extraDaysToPay: base + more });
        expect(fundingNeed(later).peak).toBeGreaterThanOrEqual(fundingNeed(sooner).peak);
        expect(later.closing.filter((c, i) => c > sooner.closing[i]!)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('a commissioner paying later (larger typicalDaysLate / daysToPay) never shrinks the peak need', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 120 }), (input, more) => {
        const slower = structuredClone(input);
        for (const c of slower.commissioners as CommissionerInput[]) {
          const b = c.paymentBehaviour!;
          if (b.kind === 'fixed-days') c.paymentBehaviour = { ...b, daysToPay: b.daysToPay + more };
          else if (b.kind === 'terms-plus-late') c.paymentBehaviour = { ...b, typicalDaysLate: (b.typicalDaysLate ?? 0) + more };
        }
        expect(fundingNeed(forecastCash(parseScenario(slower))).peak).toBeGreaterThanOrEqual(fundingNeed(forecastCash(parseScenario(input))).peak);
      }),
      RUNS,
    );
  });

  it('does not depend on the order of contracts, commissioners or cash lines in the input', () => {
    fc.assert(
      fc.property(scenarioArb, fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })), (input, stream) => {
        const randoms = stream.take(64)[Symbol.iterator]();
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(randoms.next().value! * (i + 1)) % (i + 1);
            [out[i], out[j]] = [out[j]!, out[i]!];
          }
          return out;
        };
        const reordered = { ...input, contracts: shuffle(input.contracts), commissioners: shuffle(input.commissioners), cashLines: shuffle(input.cashLines ?? []) };
        const a = forecastCash(parseScenario(input));
        const b = forecastCash(parseScenario(reordered));
        expect(b).toEqual(a);
        expect(forecastCash(parseScenario({ ...input, contracts: [...input.contracts].reverse() }))).toEqual(a);
      }),
      RUNS,
    );
  });
});

describe('forecastCash does not depend on the time zone', () => {
  it('gives the same forecast in a child process under TZ=Pacific/Kiritimati (UTC+14) and America/St_Johns (UTC−3:30)', () => {
    // The child computes the forecast of the example and of one random scenario under two far-apart
    // time zones (it switches TZ at run time between the two) and prints them as JSON; they must equal ours.
    const examplePath = fileURLToPath(new URL('../../examples/children-services.json', import.meta.url));
    const random = fc.sample(scenarioArb, { seed: 42, numRuns: 1 })[0]!;
    const inputs = [JSON.parse(readFileSync(examplePath, 'utf8')) as unknown, random];
    const here = inputs.map((input) => forecastCash(parseScenario(input)));

    const src = (path: string) => JSON.stringify(new URL(`../../src/${path}`, import.meta.url).href);
    const script = `
      const { parseScenario } = await import(${src('model/index.ts')});
      const { forecastCash } = await import(${src('forecast/index.ts')});
      const inputs = JSON.parse(process.argv[1]);
      const out = [];
      for (const tz of ['Pacific/Kiritimati', 'America/St_Johns']) {
        process.env.TZ = tz;
        out.push({ tz, offset: new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(), forecasts: inputs.map((i) => forecastCash(parseScenario(i))) });
      }
      process.stdout.write(JSON.stringify(out));
    `;
    const stdout = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(inputs)], {
      env: { ...process.env, TZ: 'Pacific/Kiritimati' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const runs = JSON.parse(stdout) as { tz: string; offset: number; forecasts: unknown[] }[];
    // The time zones really were in force in the child: UTC+14 is an offset of −840 minutes, UTC−3:30 is +210.
    expect(runs.map((r) => [r.tz, r.offset])).toEqual([
      ['Pacific/Kiritimati', -840],
      ['America/St_Johns', 210],
    ]);
    for (const run of runs) expect(run.forecasts).toEqual(JSON.parse(JSON.stringify(here)));
  });
});
