import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cashCurveSpec, facilitySpec, fanChartSpec, termsComparisonSpec, toVegaLite, VEGA_LITE_SCHEMA, type VegaLiteSpec } from '../../src/report/vega-lite.js';
import { BridgefitInputError } from '../../src/money/errors.js';
import type { CashForecast } from '../../src/forecast/types.js';
import { BANDS, FORECAST, PLAN, TERMS } from './chart-fixtures.js';

type Layer = { data?: { values: Record<string, unknown>[] }; mark: { type: string } };
const layers = (spec: VegaLiteSpec) => spec.layer as Layer[];
const values = (spec: VegaLiteSpec, mark: string) => layers(spec).find((l) => l.mark.type === mark)!.data!.values;

describe('cashCurveSpec', () => {
  it('draws closing cash in pounds, the buffer and the two hand-counted gaps', () => {
    const spec = cashCurveSpec(FORECAST);
    expect(spec.$schema).toBe(VEGA_LITE_SCHEMA);
    // closing pence / 100: 70000 → 700, 30000 → 300, …
    expect(values(spec, 'line').map((r) => r.cash)).toEqual([700, 300, 300, 400, 1000, 1000, 400, 600]);
    expect(values(spec, 'line').map((r) => r.date)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04']);
    expect(values(spec, 'rule')).toEqual([{ buffer: 500, label: 'Buffer' }]);
    // From the fixture's table: 29–31 March (peak £200 on the 29th), 3 April (£100). Bands end
    // the day after the last day short, so a one-day gap has width.
    expect(values(spec, 'rect')).toEqual([
      { start: '2026-03-29', endExclusive: '2026-04-01', end: '2026-03-31', days: 3, peakShortfall: 200, peakDate: '2026-03-29', summary: 'Gap 2026-03-29 to 2026-03-31: 3 day(s) below the buffer, peak shortfall £200.00 on 2026-03-29' },
      { start: '2026-04-03', endExclusive: '2026-04-04', end: '2026-04-03', days: 1, peakShortfall: 100, peakDate: '2026-04-03', summary: 'Gap 2026-04-03 to 2026-04-03: 1 day(s) below the buffer, peak shortfall £100.00 on 2026-04-03' },
    ]);
    expect(spec).toMatchSnapshot();
  });

  it('adds the ledger after finance as a second series', () => {
    const spec = cashCurveSpec(FORECAST, PLAN);
    const after = values(spec, 'line').filter((r) => r.series === 'After finance');
    // PLAN.ledger.closing / 100
    expect(after.map((r) => r.cash)).toEqual([700, 500, 500, 500, 1000, 1000, 500, 600]);
    expect(spec.title).toBe('Daily cash before and after rcf');
    expect(spec).toMatchSnapshot();
    expect(toVegaLite(FORECAST, PLAN)).toEqual(spec);
  });

  it('converts pence to pounds by exact division (display only)', () => {
    const spec = cashCurveSpec({ ...FORECAST, closing: [1, -1, 10, 99, 123456789, -5, 100, 2_000_000_01] });
    // 1p = 0.01, −1p = −0.01, 10p = 0.1, 99p = 0.99, …: the doubles of the decimal strings.
    expect(values(spec, 'line').map((r) => r.cash)).toEqual([0.01, -0.01, 0.1, 0.99, 1234567.89, -0.05, 1, 2000000.01]);
  });

  it('rejects a plan on a different horizon, naming the path', () => {
    const plan = { ...PLAN, ledger: { ...PLAN.ledger, start: '2026-03-29' } };
    expect(() => cashCurveSpec(FORECAST, plan)).toThrow(BridgefitInputError);
    expect(() => cashCurveSpec(FORECAST, plan)).toThrow(/plan\.ledger/);
  });

  it('keeps short horizons whole and downsamples long ones keeping every trough', () => {
    expect(cashCurveSpec(FORECAST).usermeta).toEqual({ bridgefit: { chart: 'cash-curve', currency: 'GBP' } });
    // 3,650 days from 2026-01-01 (ten years), flat at £1,000 with one deep day at index 1234.
    const closing = Array.from({ length: 3650 }, (_, i) => (i === 1234 ? -5_000_000 : 100000));
    const long: CashForecast = { ...FORECAST, start: '2026-01-01', end: '2035-12-29', closing, inflows: closing.map(() => 0), outflows: closing.map(() => 0) };
    const spec = cashCurveSpec(long);
    const rows = values(spec, 'line');
    expect(rows.length).toBeLessThanOrEqual(2000);
    expect(rows.some((r) => r.cash === -50000)).toBe(true);
    // 2026-01-01 is day 0; day 1234 is 2029-05-19 (2026: 365, 2027: 365, 2028: 366 → day 1096 is
    // 2029-01-01; 138 more days: Jan 31 + Feb 28 + Mar 31 + Apr 30 = 120 → 2029-05-19).
    expect(rows.find((r) => r.cash === -50000)!.date).toBe('2029-05-19');
    expect(rows[0]!.date).toBe('2026-01-01');
    // Last day 3649: 2026–2035 hold 8×365 + 2×366 = 3652 days, so day 3652 is 2036-01-01 and
    // day 3649 is three days earlier, 2035-12-29.
    expect(rows[rows.length - 1]!.date).toBe('2035-12-29');
    expect((spec.usermeta as { bridgefit: { downsampledFrom: number } }).bridgefit.downsampledFrom).toBe(3650);
    expect(values(cashCurveSpec(long, undefined, { maxPoints: Infinity }), 'line')).toHaveLength(3650);
  });

  it('property: downsampling keeps the first and last day, the lowest and highest cash, within maxPoints', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 600 }), fc.integer({ min: 4, max: 300 }), (closing, maxPoints) => {
        const f: CashForecast = { ...FORECAST, start: '2026-01-01', closing, inflows: closing.map(() => 0), outflows: closing.map(() => 0) };
        const rows = values(cashCurveSpec(f, undefined, { maxPoints }), 'line');
        const cash = rows.map((r) => r.cash as number);
        expect(rows.length).toBeLessThanOrEqual(maxPoints);
        expect(rows[0]!.date).toBe('2026-01-01');
        expect(cash[cash.length - 1]).toBe(closing[closing.length - 1]! / 100);
        expect(Math.min(...cash)).toBe(Math.min(...closing) / 100);
        expect(Math.max(...cash)).toBe(Math.max(...closing) / 100);
        // dates strictly ascending
        for (let i = 1; i < rows.length; i++) expect((rows[i]!.date as string) > (rows[i - 1]!.date as string)).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('facilitySpec', () => {
  it('draws the drawn balance in pounds under the limit', () => {
    const spec = facilitySpec(PLAN);
    // PLAN.drawn / 100
    expect(values(spec, 'area').map((r) => r.drawn)).toEqual([0, 200, 200, 100, 0, 0, 100, 0]);
    expect(values(spec, 'rule')).toEqual([{ limit: 300, label: 'Limit' }]);
    expect(spec.title).toBe('rcf: drawn balance against its £300.00 limit');
    expect(spec).toMatchSnapshot();
  });

  it('rejects a plan whose drawn series does not match its ledger', () => {
    expect(() => facilitySpec({ ...PLAN, drawn: [0] })).toThrow(/plan\.drawn/);
  });
});

describe('fanChartSpec', () => {
  it('puts P5, P50 and P95 in pounds on each date', () => {
    const spec = fanChartSpec(BANDS);
    expect((spec.data as { values: unknown[] }).values[1]).toEqual({ date: '2026-03-29', p5: -1500, p50: 100, p95: 600 });
    expect(spec.title).toBe('Closing cash: Monte Carlo P5–P95 band and median');
    expect(spec).toMatchSnapshot();
  });

  it('names the field when bands are inconsistent', () => {
    expect(() => fanChartSpec({ ...BANDS, p50: [1] })).toThrow(/bands\.p50: must have one value per date \(5\); got 1/);
    expect(() => fanChartSpec({ ...BANDS, dates: ['2026-03-28', '2026-03-28', '2026-03-30', '2026-03-31', '2026-04-01'] })).toThrow(/bands\.dates\[1\]/);
    expect(() => fanChartSpec({ ...BANDS, dates: ['2026-02-30', ...BANDS.dates.slice(1)] })).toThrow(/bands\.dates\[0\]/);
    expect(() => fanChartSpec({ ...BANDS, p5: [50000, -150000, 0.5, -200000, -100000] })).toThrow(/bands\.p5\[2\]/);
    expect(() => fanChartSpec({ ...BANDS, p50: [100000, 10000, -20000, 0, 40000] })).toThrow(/bands\[0\]: must have p5 ≤ p50 ≤ p95/);
  });

  it('draws an empty chart for no dates', () => {
    expect((fanChartSpec({ dates: [], p5: [], p50: [], p95: [] }).data as { values: unknown[] }).values).toEqual([]);
  });
});

describe('termsComparisonSpec', () => {
  it('makes a peak-need and a finance-cost bar per alternative, in pounds', () => {
    const spec = termsComparisonSpec(TERMS);
    // 21200000p = £212,000; 1165050p = £11,650.50; 45000000p = £450,000; 2890001p = £28,900.01
    expect((spec.data as { values: unknown[] }).values).toEqual([
      { label: 'In advance', measure: 'Peak need', amount: 0 },
      { label: 'In advance', measure: 'Finance cost', amount: 0 },
      { label: 'Monthly in arrears, 30 days', measure: 'Peak need', amount: 212000 },
      { label: 'Monthly in arrears, 30 days', measure: 'Finance cost', amount: 11650.5 },
      { label: 'Quarterly in arrears, 30 days', measure: 'Peak need', amount: 450000 },
      { label: 'Quarterly in arrears, 30 days', measure: 'Finance cost', amount: 28900.01 },
    ]);
    expect(spec).toMatchSnapshot();
  });

  it('rejects repeated labels and fractional pence', () => {
    expect(() => termsComparisonSpec([TERMS[0]!, TERMS[0]!])).toThrow(/rows\[1\]\.label: must be unique/);
    expect(() => termsComparisonSpec([{ label: 'x', peakNeed: 1.5, financeCost: 0 }])).toThrow(/rows\[0\]\.peakNeed/);
  });
});

describe('specs are plain JSON', () => {
  it('survive a JSON round trip unchanged', () => {
    for (const spec of [cashCurveSpec(FORECAST, PLAN), facilitySpec(PLAN), fanChartSpec(BANDS), termsComparisonSpec(TERMS)]) {
      expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
    }
  });

  it('do not mutate their inputs', () => {
    const before = JSON.stringify([FORECAST, PLAN, BANDS, TERMS]);
    cashCurveSpec(FORECAST, PLAN);
    facilitySpec(PLAN);
    fanChartSpec(BANDS);
    termsComparisonSpec(TERMS);
    expect(JSON.stringify([FORECAST, PLAN, BANDS, TERMS])).toBe(before);
  });
});
