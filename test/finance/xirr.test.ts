import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { xirr, xnpv, XIRR_TOLERANCE, type DatedFlow } from '../../src/finance/xirr.js';
import { BridgefitInputError } from '../../src/money/errors.js';
import { formatDay, parseDay } from '../../src/calendar/day.js';

// Microsoft Support, "XIRR function" and "XNPV function" (Excel): the same five flows.
const MICROSOFT_FLOWS: DatedFlow[] = [
  { date: '2008-01-01', amount: -10000 },
  { date: '2008-03-01', amount: 2750 },
  { date: '2008-10-30', amount: 4250 },
  { date: '2009-02-15', amount: 3250 },
  { date: '2009-04-01', amount: 2750 },
];

/** Flows exactly 365 days apart, so xirr/xnpv (ACT/365) equal periodic irr/npv with a 1-year period. */
function yearly(amounts: readonly number[], start = '2021-01-01'): DatedFlow[] {
  const first = parseDay(start);
  return amounts.map((amount, i) => ({ date: formatDay(first + 365 * i), amount }));
}

function expectInputError(fn: () => unknown, path: string): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(BridgefitInputError);
    expect((error as BridgefitInputError).problems[0]?.path).toBe(path);
    return;
  }
  throw new Error(`expected a BridgefitInputError at ${path}`);
}

describe('xnpv', () => {
  it("matches Microsoft's XNPV example: 2,086.65 at 9%", () => {
    // support.microsoft.com "XNPV function": =XNPV(.09, values, dates) → 2086.65
    expect(xnpv(0.09, MICROSOFT_FLOWS)).toBeCloseTo(2086.65, 2);
  });

  it("matches numpy-financial's npv example on 365-day spacing", () => {
    // numpy(-financial) docs: npv(0.281, [-100, 39, 59, 55, 20]) = -0.0084785916384548798
    expect(xnpv(0.281, yearly([-100, 39, 59, 55, 20]))).toBeCloseTo(-0.0084785916384548798, 10);
  });

  it('does not discount the first flow and discounts a flow one 365-day year later by 1 + rate', () => {
    // Hand: -100 + 110 / 1.1 = 0
    expect(xnpv(0.1, yearly([-100, 110]))).toBeCloseTo(0, 12);
    // Hand: a single flow is its own present value
    expect(xnpv(0.5, [{ date: '2026-04-01', amount: 123.45 }])).toBe(123.45);
  });

  it('measures time from the first flow, as Excel does', () => {
    // Hand: reference date 2022-01-01 (the first flow's), the 2021-01-01 flow is one year earlier:
    // 110 + (-100)·1.1^1 = 0
    const flows = [
      { date: '2022-01-01', amount: 110 },
      { date: '2021-01-01', amount: -100 },
    ];
    expect(xnpv(0.1, flows)).toBeCloseTo(0, 12);
  });

  it('rejects bad input with the field path', () => {
    expectInputError(() => xnpv(0.1, []), 'flows');
    expectInputError(() => xnpv(-1, MICROSOFT_FLOWS), 'rate');
    expectInputError(() => xnpv(Number.NaN, MICROSOFT_FLOWS), 'rate');
    expectInputError(() => xnpv(0.1, [{ date: '2026-01-01', amount: 1 }, { date: '2026-02-30', amount: 1 }]), 'flows[1].date');
    expectInputError(() => xnpv(0.1, [{ date: '01/01/2026', amount: 1 }]), 'flows[0].date');
    expectInputError(() => xnpv(0.1, [{ date: '2026-01-01', amount: Number.POSITIVE_INFINITY }]), 'flows[0].amount');
    expectInputError(() => xnpv(0.1, [{ date: '2026-01-01', amount: Number.NaN }]), 'flows[0].amount');
  });
});

describe('xirr', () => {
  it("matches Microsoft's XIRR example: 0.373362535 (37.34%)", () => {
    // support.microsoft.com "XIRR function": → 0.373362535. Excel stops at 1e-8, so compare to 8 dp.
    const rate = xirr(MICROSOFT_FLOWS)!;
    expect(rate).toBeCloseTo(0.373362535, 8);
    expect(Math.round(rate * 10000) / 100).toBe(37.34);
    // and it is a root of xnpv
    expect(Math.abs(xnpv(rate, MICROSOFT_FLOWS))).toBeLessThan(1e-6);
  });

  it('finds the same root from any starting guess', () => {
    for (const guess of [-0.9, 0, 0.1, 1, 10, 1000]) {
      expect(xirr(MICROSOFT_FLOWS, { guess })).toBeCloseTo(0.373362535, 8);
    }
  });

  it("matches numpy-financial's irr examples on 365-day spacing", () => {
    // numpy-financial docs (irr): npf.irr([-150000, 15000, 25000, 35000, 45000, 60000]) → 0.0524 (4 dp)
    expect(xirr(yearly([-150000, 15000, 25000, 35000, 45000, 60000]))).toBeCloseTo(0.0524, 4);
    // numpy docs (irr): irr([-100, 39, 59, 55, 20]) = 0.2809484211599611
    expect(xirr(yearly([-100, 39, 59, 55, 20]))).toBeCloseTo(0.2809484211599611, 9);
    // numpy docs (irr): round(irr([-100, 0, 0, 74]), 5) = -0.0955
    expect(xirr(yearly([-100, 0, 0, 74]))).toBeCloseTo(-0.0955, 4);
    // numpy docs (irr): round(irr([-100, 100, 0, -7]), 5) = -0.0833
    expect(xirr(yearly([-100, 100, 0, -7]))).toBeCloseTo(-0.0833, 4);
    // numpy docs (irr): round(irr([-100, 100, 0, 7]), 5) = 0.06206
    expect(xirr(yearly([-100, 100, 0, 7]))).toBeCloseTo(0.06206, 5);
  });

  it('solves short, expensive loans in closed form', () => {
    // Hand: borrow 1,000, repay 1,001 the next day → (1001/1000)^365 − 1
    const oneDay = [
      { date: '2026-04-01', amount: 1000 },
      { date: '2026-04-02', amount: -1001 },
    ];
    expect(xirr(oneDay)).toBeCloseTo(Math.pow(1.001, 365) - 1, 9);
    // Hand: lend 100, get 110 back after 7 days → 1.1^(365/7) − 1 ≈ 143.9
    const week = [
      { date: '2026-04-01', amount: -100 },
      { date: '2026-04-08', amount: 110 },
    ];
    const expected = Math.pow(1.1, 365 / 7) - 1;
    expect(Math.abs(xirr(week)! - expected) / expected).toBeLessThan(1e-10);
  });

  it('finds rates near −100% where Newton from 10% overshoots', () => {
    // Hand: pay 100, get 1 back a year later → 1/100 − 1 = −0.99
    expect(xirr(yearly([-100, 1]))).toBeCloseTo(-0.99, 9);
    // Hand: 100 → 0.01 after one year → −0.9999
    expect(xirr(yearly([-100, 0.01]))).toBeCloseTo(-0.9999, 9);
  });

  it('solves an amortising loan: 12 payments 30 days apart at 1% a period', () => {
    // Hand: 12 equal payments at 1% per period repay a present value of 1 when
    // payment = 0.01 / (1 − 1.01^−12) (annuity formula). With periods of 30 days the annual rate r
    // satisfies (1 + r)^(30/365) = 1.01, so r = 1.01^(365/30) − 1.
    const first = parseDay('2026-01-01');
    const payment = 0.01 / (1 - Math.pow(1.01, -12));
    const flows = [{ date: formatDay(first), amount: -1 }];
    for (let k = 1; k <= 12; k++) flows.push({ date: formatDay(first + 30 * k), amount: payment });
    expect(xirr(flows)).toBeCloseTo(Math.pow(1.01, 365 / 30) - 1, 9);
  });

  it('returns null when the amounts do not change sign', () => {
    expect(xirr(yearly([100, 5]))).toBeNull();
    expect(xirr(yearly([-100, -5]))).toBeNull();
    expect(xirr(yearly([0, 0]))).toBeNull();
    expect(xirr([{ date: '2026-01-01', amount: -1 }])).toBeNull();
  });

  it('returns null when there is a sign change but no root', () => {
    // Hand: 100 − 50v + 100v² with v = 1/(1+r) > 0 has discriminant 50² − 4·100·100 < 0: never 0.
    expect(xirr(yearly([100, -50, 100]))).toBeNull();
  });

  it('does not depend on the order of the flows', () => {
    const shuffled = [MICROSOFT_FLOWS[3]!, MICROSOFT_FLOWS[0]!, MICROSOFT_FLOWS[4]!, MICROSOFT_FLOWS[1]!, MICROSOFT_FLOWS[2]!];
    expect(xirr(shuffled)).toBeCloseTo(0.373362535, 8);
  });

  it('rejects bad input with the field path', () => {
    expectInputError(() => xirr([]), 'flows');
    expectInputError(() => xirr(MICROSOFT_FLOWS, { guess: -1 }), 'options.guess');
    expectInputError(() => xirr([{ date: '2026-13-01', amount: -1 }, { date: '2026-12-01', amount: 2 }]), 'flows[0].date');
    expectInputError(() => xirr([{ date: '2026-01-01', amount: -1 }, { date: '2026-12-01', amount: Number.NaN }]), 'flows[1].amount');
  });

  it('recovers the rate a conventional flow was built from (property)', () => {
    // For one outflow followed by inflows there is exactly one root (Descartes' rule of signs).
    // Build the outflow as the exact present value of the inflows at a chosen rate r.
    fc.assert(
      fc.property(
        fc.double({ min: -0.6, max: 3, noNaN: true }),
        fc.array(fc.record({ offset: fc.integer({ min: 1, max: 1500 }), amount: fc.integer({ min: 1, max: 1_000_000 }) }), { minLength: 1, maxLength: 12 }),
        (rate, inflows) => {
          const start = parseDay('2026-01-01');
          const pv = inflows.reduce((s, f) => s + f.amount * Math.pow(1 + rate, -f.offset / 365), 0);
          const flows = [{ date: '2026-01-01', amount: -pv }, ...inflows.map((f) => ({ date: formatDay(start + f.offset), amount: f.amount }))];
          const found = xirr(flows);
          expect(found).not.toBeNull();
          expect(Math.abs(found! - rate)).toBeLessThan(1e-7 * Math.max(1, Math.abs(rate)));
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('documents its tolerance', () => {
    expect(XIRR_TOLERANCE).toBe(1e-10);
  });
});
