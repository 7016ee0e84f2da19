import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sizeProduct } from '../../src/sizing/size-product.js';
import { applyProduct } from '../../src/finance/apply-product.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { parseProduct, type InvestmentProduct } from '../../src/model/product.js';
import { BridgefitInputError } from '../../src/money/errors.js';
import { parseDay } from '../../src/calendar/day.js';
import { buildScenario, contractInput, monthlyCost } from '../helpers/scenario-builder.js';

/** A revolving facility with no commitment fee; amounts in major units. */
function revolving(overrides: { annualRate?: string; arrangementFeeRate?: string; minAmount?: string; maxAmount?: string; maxTermMonths?: number } = {}): InvestmentProduct {
  return parseProduct({
    kind: 'revolving-facility',
    id: 'rcf',
    investorId: 'fund',
    name: 'Test revolving facility',
    minAmount: overrides.minAmount ?? '1000.00',
    maxAmount: overrides.maxAmount ?? '500000.00',
    minTermMonths: 1,
    maxTermMonths: overrides.maxTermMonths ?? 12,
    pricing: { annualRate: overrides.annualRate ?? '0', arrangementFeeRate: overrides.arrangementFeeRate ?? '0' },
    daysToFunds: 0,
    commitmentFeeRate: '0',
    renewal: 'none',
  });
}

/**
 * One contract, £12,000 a month, 2026-01-01 … 2026-03-31, billed monthly in arrears (invoice on
 * the last day of the month, 30-day terms, paid on time); payroll £11,000 on the 25th of each
 * contract month. Opening cash £0, buffer £0. Hand-calculated cash before finance:
 *   Jan 25  −11,000 (payroll)
 *   Feb 25  −22,000 (payroll)          ← peak shortfall £22,000, 2026-02-25 … 2026-03-01
 *   Mar 02  −10,000 (Jan invoice: 31 Jan + 30 days)
 *   Mar 25  −21,000 (payroll)
 *   Mar 30   −9,000 (Feb invoice: 28 Feb + 30 days)
 *   Apr 30   +3,000 (Mar invoice: 31 Mar + 30 days)  ← last day short 2026-04-29
 */
function knownGapForecast() {
  return forecastCash(
    buildScenario({
      contracts: [contractInput({ end: '2026-03-31', deliveryCosts: [monthlyCost('11000.00', 25)] })],
      horizon: { end: '2026-06-30' },
    }),
  );
}

function minClosing(closing: readonly number[]): number {
  return closing.reduce((m, c) => Math.min(m, c), Number.POSITIVE_INFINITY);
}

describe('sizeProduct', () => {
  it('checks the hand-calculated forecast it sizes against', () => {
    const f = knownGapForecast();
    const at = (date: string) => f.closing[parseDay(date) - parseDay(f.start)]!;
    expect(at('2026-01-25')).toBe(-1_100_000);
    expect(at('2026-02-25')).toBe(-2_200_000);
    expect(at('2026-03-02')).toBe(-1_000_000);
    expect(at('2026-04-29')).toBe(-900_000);
    expect(at('2026-04-30')).toBe(300_000);
  });

  it('sizes a free facility to the peak shortfall, exactly: £22,000 covers, £21,000 does not', () => {
    // Hand: no interest or fees, so the facility must reach the peak shortfall of £22,000.
    const f = knownGapForecast();
    const product = revolving();
    const sized = sizeProduct(f, product);
    expect(sized.covered).toBe(true);
    expect(sized.needed).toBe(true);
    expect(sized.minimumLimit).toBe(2_200_000);
    expect(sized.limit).toBe(2_200_000);
    // Hand: last day short 2026-04-29; 4 months from 2026-01-01 ends 2026-05-01 (draws allowed to
    // 2026-04-30), 3 months would end 2026-04-01, before it.
    expect(sized.termMonths).toBe(4);
    expect(minClosing(sized.plan!.ledger.closing)).toBeGreaterThanOrEqual(0);
    const below = applyProduct(f, product, 2_100_000, { termMonths: 4, buffer: 0 });
    expect(minClosing(below.ledger.closing)).toBe(-100_000);
    expect(sized.cost!.total).toBe(0);
    expect(sized.residualShortfall).toBe(0);
    expect(sized.shortDates).toBeNull();
  });

  it("includes the facility's own arrangement fee: 2% → £22,500 at a £100 step", () => {
    // Hand: the 2% fee on the limit L is paid on day one and drawn, so the peak draw is
    // 22,000 + 0.02·L ≤ L ⇔ L ≥ 22,000 / 0.98 = 22,448.98…; in £100 steps: £22,500
    // (fee £450, peak draw £22,450 ≤ £22,500); £22,400 fails (fee £448, needs £22,448).
    const f = knownGapForecast();
    const product = revolving({ arrangementFeeRate: '0.02' });
    const sized = sizeProduct(f, product, { step: 10_000 });
    expect(sized.covered).toBe(true);
    expect(sized.limit).toBe(2_250_000);
    expect(sized.cost!.fees).toBe(45_000);
    expect(sized.cost!.peakDrawn).toBe(2_245_000);
    const below = applyProduct(f, product, 2_240_000, { termMonths: sized.termMonths!, buffer: 0 });
    expect(minClosing(below.ledger.closing)).toBe(2_240_000 - 2_244_800);
  });

  it('includes interest: 10% a year, ACT/365F, posted monthly → peak draw £22,117.73, limit £22,200 at a £100 step', () => {
    // Hand (interest on each day's closing balance, posted on the month's last day and drawn):
    //   Jan: £11,000 drawn on Jan 25, 7 days to Jan 31 (incl. the £21.10 drawn that day for the
    //        interest itself): (11,000·7 + 21.10)·0.10/365 = 21.1017 → £21.10; balance £11,021.10
    //   Feb: 24 days at £11,021.10, Feb 25–28 at £22,021.10 (+ x drawn on Feb 28 for interest):
    //        (11,021.10·24 + 22,021.10·4 + x)·0.10/365 = 96.6002 + x·0.000274 → x = £96.63
    //   Peak balance on Feb 28: 22,021.10 + 96.63 = £22,117.73 → £22,200 in £100 steps; £22,100 fails.
    const f = knownGapForecast();
    const product = revolving({ annualRate: '0.10' });
    const sized = sizeProduct(f, product, { step: 10_000 });
    expect(sized.covered).toBe(true);
    expect(sized.cost!.peakDrawn).toBe(2_211_773);
    expect(sized.limit).toBe(2_220_000);
    expect(minClosing(sized.plan!.ledger.closing)).toBeGreaterThanOrEqual(0);
    // Hand: at £22,100 the Feb 28 draw stops at the limit; Feb interest on the capped balance is
    // (11,021.10·24 + 22,021.10·3 + 22,100)·0.10/365 = 96.6218 → £96.62, so cash closes at
    // 22,100 − 22,021.10 − 96.62 = −£17.72.
    const below = applyProduct(f, product, 2_210_000, { termMonths: sized.termMonths!, buffer: 0 });
    expect(minClosing(below.ledger.closing)).toBe(-1772);
    expect(sized.explanation).toContain('£22,200.00');
    // Hand: 10% headroom: 22,200 × 1.10 = 24,420 → £24,500 at a £100 step
    const withHeadroom = sizeProduct(f, product, { step: 10_000, headroom: '0.10' });
    expect(withHeadroom.minimumLimit).toBe(2_220_000);
    expect(withHeadroom.limit).toBe(2_450_000);
  });

  it('adds headroom, rounded up to the step and capped at the maximum', () => {
    // Hand: 22,500 × 1.10 = 24,750 → £24,800 at a £100 step
    const f = knownGapForecast();
    const sized = sizeProduct(f, revolving({ arrangementFeeRate: '0.02' }), { step: 10_000, headroom: '0.10' });
    expect(sized.minimumLimit).toBe(2_250_000);
    expect(sized.limit).toBe(2_480_000);
    expect(sized.cost!.fees).toBe(49_600); // 2% of £24,800
    // Capped: maximum £23,000
    const capped = sizeProduct(f, revolving({ arrangementFeeRate: '0.02', maxAmount: '23000.00' }), { step: 10_000, headroom: '0.10' });
    expect(capped.limit).toBe(2_300_000);
    expect(capped.covered).toBe(true);
  });

  it('reports covered: false with the residual shortfall when the maximum is too small', () => {
    // Hand (free facility, max £20,000): Feb 25 draws £20,000 → cash −2,000 on Feb 25 … Mar 1
    // (5 days); Mar 2 receipt repays £10,000 (balance 10,000); Mar 25 draws the £10,000 left → cash
    // −1,000 on Mar 25 … Mar 29 (5 days); Mar 30 receipt brings cash back to 0.
    const f = knownGapForecast();
    const sized = sizeProduct(f, revolving({ maxAmount: '20000.00' }));
    expect(sized.covered).toBe(false);
    expect(sized.needed).toBe(true);
    expect(sized.limit).toBe(2_000_000);
    expect(sized.minimumLimit).toBeNull();
    expect(sized.residualShortfall).toBe(200_000);
    expect(sized.shortDates).toEqual({ first: '2026-02-25', last: '2026-03-29', count: 10 });
    expect(sized.plan).not.toBeNull();
    expect(sized.explanation).toMatch(/maximum of £20,000\.00/);
  });

  it('needs nothing when cash never falls below the buffer', () => {
    // Hand: with £30,000 opening cash the lowest point is 30,000 − 22,000 = £8,000 ≥ £0.
    const f = forecastCash(
      buildScenario({
        enterprise: { openingCash: '30000.00' },
        contracts: [contractInput({ end: '2026-03-31', deliveryCosts: [monthlyCost('11000.00', 25)] })],
        horizon: { end: '2026-06-30' },
      }),
    );
    const sized = sizeProduct(f, revolving());
    expect(sized).toMatchObject({ covered: true, needed: false, limit: 0, plan: null, cost: null, residualShortfall: 0, termMonths: null });
    // …but a £10,000 buffer makes it short by £2,000 at the peak (8,000 < 10,000).
    const buffered = sizeProduct(f, revolving({ minAmount: '0.00' }), { buffer: 1_000_000 });
    expect(buffered.needed).toBe(true);
    expect(buffered.limit).toBe(200_000);
  });

  it('bridges several gaps with one facility', () => {
    // Hand: two gaps: Jan 25 – Apr 29 (peak £22,000) and Jun 10 – Jun 30 (an £8,000 outflow takes
    // cash from +£3,000 to −£5,000). One facility: the larger peak, £22,000, for a term spanning
    // the last day short: 6 months from 2026-01-01 ends 2026-07-01, so draws run to 2026-06-30.
    const f = forecastCash(
      buildScenario({
        contracts: [contractInput({ end: '2026-03-31', deliveryCosts: [monthlyCost('11000.00', 25)] })],
        cashLines: [{ id: 'vat', description: 'VAT', direction: 'outflow', amount: '8000.00', schedule: { kind: 'one-off', date: '2026-06-10' } }],
        horizon: { end: '2026-06-30' },
      }),
    );
    const sized = sizeProduct(f, revolving());
    expect(sized.covered).toBe(true);
    expect(sized.limit).toBe(2_200_000);
    expect(sized.termMonths).toBe(6);
  });

  it('lengthens the term when repaying at the end of the shortest one would leave cash short', () => {
    // Hand: £10,000 out on 2026-01-01, £10,000 back on 2026-02-15, £1,000 in on 2026-04-15; 10% a
    // year ACT/365F. Last day short before finance: 2026-02-14 → shortest term 2 months (ends 2026-03-01).
    // Interest drawn on each month's last day (own draw included):
    //   Jan: (10,000·31 + 84.95)·0.1/365 = 84.9548 → £84.95 (balance 10,084.95)
    //   Feb: (10,084.95·14 + 84.95·14 + 39.02)·0.1/365 = 39.0185 → £39.02 (balance 123.97 after the receipt)
    //   Mar: (123.97·31 + 1.05)·0.1/365 = 1.0532 → £1.05 (balance 125.02)
    // Repaying £123.97 on 2026-03-01 or £125.02 on 2026-04-01 leaves cash short until the £1,000 on
    // 2026-04-15; a 4-month term (ends 2026-05-01) lets that receipt repay it. Peak draw £10,084.95 → £11,000.
    const scenario = buildScenario({
      cashLines: [
        { id: 'out', description: 'Equipment', direction: 'outflow', amount: '10000.00', schedule: { kind: 'one-off', date: '2026-01-01' } },
        { id: 'in', description: 'Grant', direction: 'inflow', amount: '10000.00', schedule: { kind: 'one-off', date: '2026-02-15' } },
        { id: 'in2', description: 'Donation', direction: 'inflow', amount: '1000.00', schedule: { kind: 'one-off', date: '2026-04-15' } },
      ],
      horizon: { end: '2026-06-30' },
    });
    const f = forecastCash(scenario);
    const sized = sizeProduct(f, revolving({ annualRate: '0.10' }));
    expect(sized.covered).toBe(true);
    expect(sized.termMonths).toBe(4);
    expect(sized.limit).toBe(1_100_000);
    // April: £125.02 drawn for 14 days (Apr 1–14) until the receipt repays it: 125.02·14·0.1/365
    // = 0.4795 → £0.48. Total interest 84.95 + 39.02 + 1.05 + 0.48 = £125.50.
    expect(sized.cost!.interest).toBe(12_550);
    expect(sized.explanation).toContain('not the 2');
    // With at most 3 months no term covers: the result reports the shortest spanning term (2 months),
    // whose end-of-term repayment of £123.97 leaves cash short from 2026-03-01 to 2026-04-14 (45 days).
    const short = sizeProduct(f, revolving({ annualRate: '0.10', maxTermMonths: 3 }));
    expect(short.covered).toBe(false);
    expect(short.termMonths).toBe(2);
    expect(short.residualShortfall).toBe(12_397);
    expect(short.shortDates).toEqual({ first: '2026-03-01', last: '2026-04-14', count: 45 });
  });

  it('rejects bad options with the field path', () => {
    const f = knownGapForecast();
    const pathOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        if (error instanceof BridgefitInputError) return error.problems[0]?.path;
        throw error;
      }
      return undefined;
    };
    expect(pathOf(() => sizeProduct(f, revolving(), { step: 0 }))).toBe('options.step');
    expect(pathOf(() => sizeProduct(f, revolving(), { headroom: '-0.1' }))).toBe('options.headroom');
    expect(pathOf(() => sizeProduct(f, revolving(), { headroom: 'ten' }))).toBe('options.headroom');
    expect(pathOf(() => sizeProduct(f, revolving(), { termMonths: 13 }))).toBe('options.termMonths');
    expect(pathOf(() => sizeProduct(f, revolving(), { buffer: 0.5 }))).toBe('options.buffer');
  });

  it('the sized limit covers and one step less does not (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          opening: fc.integer({ min: 0, max: 20 }),
          monthly: fc.integer({ min: 5, max: 30 }),
          payroll: fc.integer({ min: 1, max: 30 }),
          payDay: fc.integer({ min: 1, max: 28 }),
          terms: fc.integer({ min: 0, max: 90 }),
          months: fc.integer({ min: 1, max: 6 }),
          rate: fc.integer({ min: 0, max: 20 }),
          fee: fc.integer({ min: 0, max: 3 }),
          step: fc.constantFrom(10_000, 100_000),
        }),
        (s) => {
          const end = `2026-${String(s.months).padStart(2, '0')}-${s.months === 2 ? '28' : [4, 6].includes(s.months) ? '30' : '31'}`;
          const f = forecastCash(
            buildScenario({
              enterprise: { openingCash: `${s.opening * 1000}.00` },
              contracts: [
                contractInput({
                  end,
                  value: { kind: 'periodic', amount: `${s.monthly * 1000}.00`, per: 'month' },
                  billing: { paymentTermsDays: s.terms },
                  deliveryCosts: [monthlyCost(`${s.payroll * 1000}.00`, s.payDay)],
                }),
              ],
            }),
          );
          const product = revolving({ annualRate: `0.${String(s.rate).padStart(2, '0')}`, arrangementFeeRate: `0.0${s.fee}`, minAmount: '0.00', maxAmount: '2000000.00' });
          const sized = sizeProduct(f, product, { step: s.step });
          if (!sized.needed) {
            expect(minClosing(f.closing)).toBeGreaterThanOrEqual(f.buffer);
            return;
          }
          expect(sized.covered).toBe(true);
          expect(minClosing(sized.plan!.ledger.closing)).toBeGreaterThanOrEqual(f.buffer);
          expect(sized.limit % s.step).toBe(0);
          const below = sized.limit - s.step;
          if (below > 0) {
            const plan = applyProduct(f, product, below, { termMonths: sized.termMonths!, buffer: f.buffer });
            expect(minClosing(plan.ledger.closing)).toBeLessThan(f.buffer);
          }
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });
});
