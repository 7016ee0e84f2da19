import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePaymentTerms,
  referenceRateCost,
  roundForWords,
  type TermsOutcome,
} from '../../src/commissioning/payment-terms.js';
import { latePaymentOnReceipts } from '../../src/commissioning/receipt-claims.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { parseScenario } from '../../src/model/scenario.js';
import { parseProduct } from '../../src/model/product.js';
import { buildScenario, contractInput, monthlyCost } from '../helpers/scenario-builder.js';
import { inputErrorOf } from '../helpers/errors.js';


/** The figures of an outcome that do not depend on how the alternative is labelled. */
const figures = (o: TermsOutcome) => ({
  peakNeed: o.peakNeed,
  peakDate: o.peakDate,
  daysShort: o.daysShort,
  firstDayShort: o.firstDayShort,
  lastDayShort: o.lastDayShort,
  shortfallDays: o.shortfallDays,
  financeCost: o.financeCost,
  costPerContractYear: o.costPerContractYear,
  costPercentOfContractValue: o.costPercentOfContractValue,
});

/**
 * The small case worked by hand below: opening cash £0, buffer £0, horizon 2026-01-01 … 2026-06-30;
 * one contract 2026-01-01 … 2026-03-31 (90 days) at £3,000 a month, billed monthly in arrears
 * (invoice on the period's last day, lag 0) on 30-day terms, paid on time; its delivery cost
 * £3,000 a month paid on the 1st.
 */
function smallScenario() {
  return buildScenario({
    horizon: { end: '2026-06-30' },
    contracts: [
      contractInput({
        id: 'c',
        end: '2026-03-31',
        value: { kind: 'periodic', amount: '3000.00', per: 'month' },
        deliveryCosts: [monthlyCost('3000.00', 1)],
      }),
    ],
  });
}

function example() {
  return parseScenario(JSON.parse(readFileSync(new URL('../../examples/children-services.json', import.meta.url), 'utf8')));
}

describe('referenceRateCost', () => {
  it('charges Σ daily shortfall × rate ÷ 365, rounded half-up once', () => {
    // £10,000 short for 30 days at 8%: 1,000,000p × 30 × 0.08 ÷ 365 = 2,400,000 ÷ 365 = 6,575.34p → £65.75.
    expect(referenceRateCost(1_000_000 * 30, '0.08')).toBe(6575);
    // A half penny goes up: 365 pence-days × 0.5 ÷ 365 = 0.5p → 1p.
    expect(referenceRateCost(365, '0.5')).toBe(1);
    expect(referenceRateCost(0, '0.08')).toBe(0);
  });
});

describe('comparePaymentTerms: a small case by hand', () => {
  // Monthly in arrears on 30 days (and the actual terms, which are the same here):
  //   costs £3,000 on 1 Jan, 1 Feb, 1 Mar; invoices issued 31 Jan, 28 Feb, 31 Mar, paid 30 days
  //   later on 2 Mar, 30 Mar, 30 Apr. Closing cash:
  //     1–31 Jan   −£3,000  31 days →  93,000 £-days
  //     1–28 Feb   −£6,000  28 days → 168,000
  //     1 Mar      −£9,000   1 day  →   9,000   (the peak)
  //     2–29 Mar   −£6,000  28 days → 168,000
  //     30 Mar–29 Apr −£3,000 31 days → 93,000
  //     from 30 Apr  £0
  //   Σ shortfall = 531,000 £-days = 53,100,000 pence-days; days short 31+28+31+29 = 119.
  //   Cost at 8%: 53,100,000 × 0.08 ÷ 365 = 4,248,000 ÷ 365 = 11,638.36p → £116.38.
  //   Per contract year: 11,638 × 365 ÷ 90 = 47,198.56p → £471.99.
  //   % of the £9,000 value: 11,638 ÷ 900,000 × 100 = 1.293111…% → "1.2931".
  const arrears = {
    peakNeed: 900_000,
    peakDate: '2026-03-01',
    daysShort: 119,
    firstDayShort: '2026-01-01',
    lastDayShort: '2026-04-29',
    shortfallDays: 53_100_000,
    financeCost: 11_638,
    costPerContractYear: 47_199,
    costPercentOfContractValue: '1.2931',
  };

  it('monthly in arrears and the actual terms match the hand figures', () => {
    const result = comparePaymentTerms(smallScenario(), 'c', [{ kind: 'monthly-in-arrears', paymentTermsDays: 30 }, { kind: 'actual' }]);
    expect(result.contractValue).toBe(900_000);
    expect(result.contractDays).toBe(90);
    expect(result.costBasis).toEqual({ kind: 'reference-rate', rate: '0.08' });
    expect(figures(result.outcomes[0]!)).toEqual(arrears);
    expect(figures(result.outcomes[1]!)).toEqual(arrears);
    expect(result.outcomes[1]!.label).toBe('Actual: monthly in arrears on 30-day terms, paid on time');
  });

  it('monthly in advance needs nothing: each month is paid on the 1st, the day its cost goes out', () => {
    const [advance] = comparePaymentTerms(smallScenario(), 'c', [{ kind: 'monthly-in-advance' }]).outcomes;
    expect(figures(advance!)).toEqual({
      peakNeed: 0,
      peakDate: null,
      daysShort: 0,
      firstDayShort: null,
      lastDayShort: null,
      shortfallDays: 0,
      financeCost: 0,
      costPerContractYear: 0,
      costPercentOfContractValue: '0.0000',
    });
  });

  it('payment by results: the unachieved outcome share is never paid', () => {
    // 30% of each £3,000 invoice = £900 on outcomes; 50% achieved = £450 paid, £450 lost; 3 invoices → £1,350.
    const [pbr] = comparePaymentTerms(smallScenario(), 'c', [{ kind: 'payment-by-results', share: '0.3', monthsAfter: 1, achievementRate: '0.5' }]).outcomes;
    expect(pbr!.valueNotPaid).toBe(135_000);
    // By hand: costs £3,000 on 1 Jan, 1 Feb, 1 Mar. The monthly part, £2,100 (70%), is paid on the
    // invoices' due dates 2 Mar, 30 Mar, 30 Apr. Outcome invoices are raised 1 month after the
    // monthly ones (31 Jan → 28 Feb, 28 Feb → 28 Mar, 31 Mar → 30 Apr) and £450 of each is paid 30 days
    // later: 30 Mar, 27 Apr, 30 May. Lowest cash: 1 Mar, −£9,000 (nothing has been paid yet).
    expect(pbr!.peakNeed).toBe(900_000);
    // Cash at the end: −£9,000 + £6,300 + £1,350 = −£1,350, short from 1 Jan to the horizon's end.
    expect(pbr!.lastDayShort).toBe('2026-06-30');
  });

  it('with a product: the smallest covering limit and its cost (0% and no fees: cost 0, limit the £9,000 peak)', () => {
    const product = parseProduct({
      kind: 'revolving-facility',
      id: 'rcf',
      investorId: 'fund',
      name: 'Free revolving facility',
      minAmount: '1000.00',
      maxAmount: '500000.00',
      minTermMonths: 1,
      maxTermMonths: 12,
      pricing: { annualRate: '0', arrangementFeeRate: '0' },
      daysToFunds: 0,
      commitmentFeeRate: '0',
      renewal: 'none',
    });
    const result = comparePaymentTerms(smallScenario(), 'c', [{ kind: 'monthly-in-arrears' }, { kind: 'monthly-in-advance' }], { product });
    expect(result.costBasis).toEqual({ kind: 'product', productId: 'rcf' });
    expect(result.outcomes[0]!.facilityLimit).toBe(900_000);
    expect(result.outcomes[0]!.financeCost).toBe(0);
    expect(result.outcomes[1]!.facilityLimit).toBe(0); // not needed
    expect(result.outcomes[1]!.financeCost).toBe(0);
  });
});

describe('comparePaymentTerms: invariants', () => {
  it('payment by results with 100% achievement and no delay equals monthly in arrears (example, and odd pence)', () => {
    for (const scenario of [example(), smallScenario()]) {
      const id = scenario.contracts[0]!.id;
      const [arrears, pbr] = comparePaymentTerms(scenario, id, [
        { kind: 'monthly-in-arrears', paymentTermsDays: 30 },
        { kind: 'payment-by-results', share: '0.333', monthsAfter: 0, achievementRate: '1' },
      ]).outcomes;
      expect(figures(pbr!)).toEqual(figures(arrears!));
      expect(pbr!.valueNotPaid).toBe(0);
    }
  });

  it('in advance needs no more finance than in arrears (example)', () => {
    const result = comparePaymentTerms(example(), 'family-hubs', [
      { kind: 'monthly-in-advance' },
      { kind: 'monthly-in-arrears', paymentTermsDays: 30 },
      { kind: 'quarterly-in-arrears', paymentTermsDays: 30 },
    ]);
    const [advance, monthly, quarterly] = result.outcomes;
    expect(advance!.peakNeed).toBeLessThanOrEqual(monthly!.peakNeed);
    expect(advance!.financeCost!).toBeLessThanOrEqual(monthly!.financeCost!);
    expect(monthly!.peakNeed).toBeLessThanOrEqual(quarterly!.peakNeed);
  });

  it('in advance needs no more than in arrears, whatever the amounts and terms (property, seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 50_000 }),
        fc.integer({ min: 0, max: 60_000 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 90 }),
        (fee, cost, payDay, terms) => {
          const scenario = buildScenario({
            contracts: [
              contractInput({
                value: { kind: 'periodic', amount: `${fee}.00`, per: 'month' },
                deliveryCosts: [monthlyCost(`${cost}.00`, payDay)],
              }),
            ],
          });
          const [advance, arrears] = comparePaymentTerms(scenario, 'contract', [
            { kind: 'monthly-in-advance' },
            { kind: 'monthly-in-arrears', paymentTermsDays: terms },
          ]).outcomes;
          expect(advance!.peakNeed).toBeLessThanOrEqual(arrears!.peakNeed);
          expect(advance!.financeCost!).toBeLessThanOrEqual(arrears!.financeCost!);
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });

  it('longer terms never reduce the peak need (property over terms days, seeded)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 120 }),
        fc.constantFrom('monthly-in-arrears' as const, 'quarterly-in-arrears' as const),
        fc.integer({ min: 1, max: 28 }),
        (a, b, kind, payDay) => {
          const [shorter, longer] = [Math.min(a, b), Math.max(a, b)];
          const scenario = buildScenario({
            horizon: { end: '2027-06-30' },
            contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', payDay)] })],
          });
          const [s, l] = comparePaymentTerms(scenario, 'contract', [
            { kind, paymentTermsDays: shorter },
            { kind, paymentTermsDays: longer },
          ]).outcomes;
          expect(l!.peakNeed).toBeGreaterThanOrEqual(s!.peakNeed);
          expect(l!.shortfallDays).toBeGreaterThanOrEqual(s!.shortfallDays);
        },
      ),
      { seed: 42, numRuns: 25 },
    );
  });
});

describe('comparePaymentTerms: the example and its sentence', () => {
  it('picks the cheapest alternative and words it with rounded figures', () => {
    const result = comparePaymentTerms(example(), 'family-hubs');
    const labels = result.outcomes.map((o) => o.kind);
    expect(labels).toEqual(['monthly-in-advance', 'monthly-in-arrears', 'quarterly-in-arrears', 'payment-by-results', 'actual']);
    expect(result.best).toBe(0);
    // Contract value: £1,800,000 a year for 36 whole months = £5,400,000.
    expect(result.contractValue).toBe(540_000_000);
    const { actual } = result;
    expect(result.sentence).toMatch(/^Paying monthly in advance instead of the current terms \(monthly in arrears on 30-day terms, paid on average 45 days late\) removes a £[\d,]+ peak need and saves the provider about £[\d,]+ a year in finance costs \(finance at 8% a year\)\.$/);
    const pounds = String(roundForWords(actual.peakNeed) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(result.sentence).toContain(`removes a £${pounds} peak need`);
  });

  it('late payment on the example receipts: each county council invoice is paid 45 days late', () => {
    const receipts = forecastCash(example()).receipts.filter((r) => r.contractId === 'family-hubs');
    const owed = latePaymentOnReceipts(receipts);
    expect(owed.invoices).toBe(36);
    expect(owed.lateInvoices).toBe(36);
    // Every monthly invoice is £150,000 (≥ £10,000): £100 compensation each.
    expect(owed.compensation).toBe(36 * 10_000);
    // The first: £150,000 due 2026-06-04 (issued 5 May, 30 days), paid 45 days late on 2026-07-19.
    // Interest starts 5 June 2026: reference date 31 Dec 2025, Bank Rate 3.75% → 11.75% a year.
    // £150,000 × 0.1175 × 45 ÷ 365 = 793,125 ÷ 365 = £2,172.945… → £2,172.95.
    expect(owed.claims[0]!.dueDate).toBe('2026-06-04');
    expect(owed.claims[0]!.interest).toBe(217_295);
    // Every invoice is the same £150,000, 45 days late, with interest starting in 2026 (reference
    // rate 3.75% throughout): 36 × £2,172.95 = £78,226.20; with £3,600 compensation, £81,826.20.
    expect(owed.interest).toBe(36 * 217_295);
    expect(owed.total).toBe(7_822_620 + 360_000);
  });
});

describe('comparePaymentTerms: input errors', () => {
  it('names an unknown contract id', () => {
    const error = inputErrorOf(() => comparePaymentTerms(smallScenario(), 'no-such-contract'));
    expect(error.problems[0]!.path).toBe('contractId');
    expect(error.problems[0]!.message).toContain('"no-such-contract"');
    expect(error.problems[0]!.message).toContain('"c"');
  });

  it('names the field of a bad alternative and a bad rate', () => {
    const share = inputErrorOf(() => comparePaymentTerms(smallScenario(), 'c', [{ kind: 'payment-by-results', share: '1.5', monthsAfter: 3, achievementRate: '0.8' }]));
    expect(share.problems[0]!.path).toBe('alternatives[0].share');
    const kind = inputErrorOf(() => comparePaymentTerms(smallScenario(), 'c', [{ kind: 'weekly' } as never]));
    expect(kind.problems[0]!.path).toBe('alternatives[0].kind');
    const rate = inputErrorOf(() => comparePaymentTerms(smallScenario(), 'c', undefined, { referenceRate: '8%' }));
    expect(rate.problems[0]!.path).toBe('options.referenceRate');
  });
});

describe('roundForWords', () => {
  it('rounds to the nearest £1,000 from £10,000 and to 2 significant figures below', () => {
    expect(roundForWords(21_234_567)).toBe(21_200_000); // £212,345.67 → £212,000
    expect(roundForWords(21_250_000)).toBe(21_300_000); // £212,500 → £213,000 (half up)
    expect(roundForWords(981_234)).toBe(980_000); // £9,812.34 → £9,800
    expect(roundForWords(45_678)).toBe(46_000); // £456.78 → £460
    expect(roundForWords(4_567)).toBe(4_600); // £45.67 → £46
  });
});
