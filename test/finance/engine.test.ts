import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Accrual, applyProduct, costOf } from '../../src/finance/index.js';
import { BridgefitInputError, Dec } from '../../src/money/index.js';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import type { InvestmentProduct } from '../../src/model/index.js';
import { forecastOf, productOf, type Flow, type InvoiceSpec } from './fixtures.js';

describe('Accrual', () => {
  it('keeps the daily sum exact and rounds only when posted', () => {
    const interest = new Accrual(new Dec('0.08'));
    for (let d = 0; d < 90; d++) interest.add(10_000_000, 1, 365);
    // 100,000 × 0.08 × 90/365 = 1,972.6027… → 197,260p; a per-day rounding would give
    // 90 × round(21.9178p) = 90 × 22 = 1,980p too much… (90 × 21.92 = 1,972.80): exactness matters
    expect(interest.post()).toBe(197_260);
    expect(interest.post()).toBe(0);
  });

  it('mixes bases (ACT/ACT across a year end) exactly', () => {
    const a = new Accrual(new Dec('0.1'));
    a.add(36_500_000, 1, 365); // 365,000 × 0.1 / 365 = 100.00
    a.add(36_600_000, 1, 366); // 366,000 × 0.1 / 366 = 100.00
    expect(a.value()).toBe(20_000);
  });

  it('rounds half-up at the posting', () => {
    const a = new Accrual(new Dec('0.5'));
    a.add(1, 1, 1); // 0.5p → 1p
    expect(a.post()).toBe(1);
  });
});

describe('applyProduct: bad input', () => {
  const forecast = forecastOf({ start: '2026-01-01', end: '2026-03-31' });
  const loan = productOf('bridging-loan', { annualRate: '0.08' });
  it('names the option that is wrong', () => {
    expect(() => applyProduct(forecast, loan, 100, { start: '2025-12-31' })).toThrow(/options\.start: must lie within the forecast/);
    expect(() => applyProduct(forecast, loan, 100, { termMonths: 0 })).toThrow(/options\.termMonths/);
    expect(() => applyProduct(forecast, loan, -1)).toThrow(/limit: must be ≥ 0/);
    expect(() => applyProduct(forecast, loan, 0.5)).toThrow(BridgefitInputError);
    expect(() => applyProduct(forecastOf({ start: '2026-01-01', end: '2026-03-31', currency: 'EUR' }), loan, 100)).toThrow(/product\.currency/);
  });
  it('notes a limit outside the product range rather than refusing it', () => {
    const plan = applyProduct(forecast, loan, 200_000_000); // £2,000,000 > max £1,000,000
    expect(plan.notes.some((n) => n.includes("above the product's maximum"))).toBe(true);
  });
});

// ---- properties ----------------------------------------------------------------------------

const START = '2026-01-01';
const DAYS = 120;

function iso(offset: number): string {
  return formatDay(parseDay(START) + offset);
}

const amount = fc.integer({ min: -5_000_000, max: 5_000_000 }).map((p) => `${(p / 100).toFixed(2)}`);
const flowArb: fc.Arbitrary<Flow> = fc.record({ date: fc.integer({ min: 0, max: DAYS - 1 }).map(iso), amount });
const invoiceArb = fc
  .record({ issue: fc.integer({ min: 0, max: DAYS - 1 }), terms: fc.integer({ min: 0, max: 60 }), late: fc.integer({ min: -5, max: 90 }), pence: fc.integer({ min: 100, max: 5_000_000 }), who: fc.constantFrom('a', 'b') })
  .map(({ issue, terms, late, pence, who }): Omit<InvoiceSpec, 'id'> => ({
    commissionerId: who,
    issueDate: iso(issue),
    dueDate: iso(issue + terms),
    amount: (pence / 100).toFixed(2),
    paidOn: issue + terms + late < DAYS ? iso(Math.max(issue, issue + terms + late)) : null,
  }));
const forecastArb = fc
  .record({ opening: fc.integer({ min: 0, max: 5_000_000 }), buffer: fc.integer({ min: 0, max: 1_000_000 }), flows: fc.array(flowArb, { maxLength: 12 }), invoices: fc.array(invoiceArb, { maxLength: 6 }) })
  .map(({ opening, buffer, flows, invoices }) =>
    forecastOf({ start: START, end: iso(DAYS - 1), opening: (opening / 100).toFixed(2), buffer: (buffer / 100).toFixed(2), flows, invoices: invoices.map((inv, i) => ({ ...inv, id: `c#${i + 1}` })) }),
  );
const rateArb = fc.integer({ min: 0, max: 300 }).map((n) => new Dec(n).div(1000).toString()); // 0% … 30%
const productArb: fc.Arbitrary<(rate: string) => InvestmentProduct> = fc
  .record({
    kind: fc.constantFrom('bridging-loan', 'revolving-facility', 'invoice-finance', 'standby-facility'),
    dayCount: fc.constantFrom('ACT/365F', 'ACT/360', '30/360', 'ACT/ACT'),
    fee: rateArb,
    drawdown: fc.constantFrom('single', 'staged'),
    interestPayment: fc.constantFrom('monthly', 'rolled-up'),
    repayment: fc.constantFrom('bullet', 'cash-sweep', 'amortising'),
    commitment: rateArb,
    renewal: fc.constantFrom('none', 'annual'),
    days: fc.integer({ min: 0, max: 40 }),
  })
  .map((p) => (rate: string) => {
    const pricing = { annualRate: rate, dayCount: p.dayCount, arrangementFeeRate: new Dec(p.fee).div(10).toString(), exitFeeRate: '0.01', otherFees: [{ description: 'monitoring', amount: '10.00', when: 'monthly' }] };
    switch (p.kind) {
      case 'bridging-loan':
        return productOf('bridging-loan', pricing, { drawdown: p.drawdown, interestPayment: p.interestPayment, repayment: p.repayment });
      case 'revolving-facility':
        return productOf('revolving-facility', pricing, { commitmentFeeRate: p.commitment, renewal: p.renewal, utilisationFeeRate: '0.005' });
      case 'invoice-finance':
        return productOf('invoice-finance', pricing, { advanceRate: '0.85', serviceFeeRate: '0.01', concentrationLimit: '0.6' });
      default:
        return productOf('standby-facility', pricing, { trigger: { daysLateOver: p.days }, commitmentFeeRate: p.commitment });
    }
  });
const optionsArb = fc.record({ startOffset: fc.integer({ min: 0, max: 30 }), termMonths: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }) });
const limitArb = fc.integer({ min: 0, max: 10_000_000 });

describe('properties (seeded)', () => {
  it('the ledger after finance conserves money every day', () => {
    fc.assert(
      fc.property(forecastArb, productArb, rateArb, limitArb, optionsArb, (forecast, make, rate, limit, o) => {
        const plan = applyProduct(forecast, make(rate), limit, { start: iso(o.startOffset), ...(o.termMonths ? { termMonths: o.termMonths } : {}) });
        const l = plan.ledger;
        let net = 0;
        const byDate = new Map<string, number>();
        for (const f of plan.flows) byDate.set(f.date, (byDate.get(f.date) ?? 0) + (f.kind === 'draw' ? f.amount : -f.amount));
        for (let i = 0; i < forecast.closing.length; i++) {
          const opening = i === 0 ? l.openingBalance : l.closing[i - 1]!;
          expect(opening + l.inflows[i]! - l.outflows[i]!).toBe(l.closing[i]);
          net += byDate.get(iso(i)) ?? 0;
          expect(l.closing[i]).toBe(forecast.closing[i]! + net);
          expect(plan.drawn[i]).toBeGreaterThanOrEqual(0);
          expect(plan.drawn[i]).toBeLessThanOrEqual(Math.max(limit, 0));
        }
        // principal: draws − repayments = drawn at the end
        const principal = plan.flows.reduce((s, f) => s + (f.kind === 'draw' ? f.amount : f.kind === 'repayment' ? -f.amount : 0), 0);
        expect(principal).toBe(plan.drawn.at(-1));
        expect(l.financeEvents.reduce((s, e) => s + e.amount, 0)).toBe(net);
        expect(plan.flows.every((f) => Number.isSafeInteger(f.amount) && f.amount > 0 && f.description.length > 0)).toBe(true);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('flows: false gives the same ledger, balances and amount owed, with no flows recorded', () => {
    fc.assert(
      fc.property(forecastArb, productArb, rateArb, limitArb, optionsArb, (forecast, make, rate, limit, o) => {
        const options = { start: iso(o.startOffset), ...(o.termMonths ? { termMonths: o.termMonths } : {}) };
        const full = applyProduct(forecast, make(rate), limit, options);
        const light = applyProduct(forecast, make(rate), limit, { ...options, flows: false });
        expect(light.ledger.closing).toEqual(full.ledger.closing);
        expect(light.ledger.inflows).toEqual(full.ledger.inflows);
        expect(light.ledger.outflows).toEqual(full.ledger.outflows);
        expect(light.drawn).toEqual(full.drawn);
        expect(light.outstandingAtEnd).toBe(full.outstandingAtEnd);
        expect(light.flows).toEqual([]);
        expect(light.ledger.financeEvents).toEqual([]);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  it('the total cost is never negative', () => {
    fc.assert(
      fc.property(forecastArb, productArb, rateArb, limitArb, (forecast, make, rate, limit) => {
        const cost = costOf(applyProduct(forecast, make(rate), limit));
        expect(cost.interest).toBeGreaterThanOrEqual(0);
        expect(cost.fees).toBeGreaterThanOrEqual(0);
        expect(cost.total).toBe(cost.interest + cost.fees);
        expect(cost.averageDrawn).toBeLessThanOrEqual(cost.peakDrawn);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it('interest weakly increases with the rate', () => {
    fc.assert(
      fc.property(forecastArb, productArb, rateArb, rateArb, limitArb, (forecast, make, r1, r2, limit) => {
        const [low, high] = Number(r1) <= Number(r2) ? [r1, r2] : [r2, r1];
        const a = costOf(applyProduct(forecast, make(low), limit)).interest;
        const b = costOf(applyProduct(forecast, make(high), limit)).interest;
        expect(a).toBeLessThanOrEqual(b);
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});
