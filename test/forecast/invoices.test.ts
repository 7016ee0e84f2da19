import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import { invoicesFor, receiptsFor } from '../../src/forecast/index.js';
import { ContractSchema, type ContractInput } from '../../src/model/index.js';
import { formatAmount } from '../../src/money/index.js';
import { contractInput } from '../helpers/scenario-builder.js';

const invoices = (input: ContractInput) => invoicesFor(ContractSchema.parse(input));
const brief = (input: ContractInput) => invoices(input).map((i) => [i.periodStart, i.periodEnd, i.issueDate, i.dueDate, i.amount]);

describe('invoicesFor: monthly in arrears', () => {
  it('invoices each calendar month on its last day and is due 30 days later', () => {
    // Lag 0: issued on the period's last day. 31 Jan + 30 days: 28 days to 28 Feb, 2 more → 2 March.
    // 28 Feb + 30 → 30 March; 31 Mar + 30 → 30 April.
    expect(brief(contractInput({ end: '2026-03-31' }))).toEqual([
      ['2026-01-01', '2026-01-31', '2026-01-31', '2026-03-02', 1_200_000],
      ['2026-02-01', '2026-02-28', '2026-02-28', '2026-03-30', 1_200_000],
      ['2026-03-01', '2026-03-31', '2026-03-31', '2026-04-30', 1_200_000],
    ]);
    expect(invoices(contractInput({ end: '2026-03-31' })).map((i) => i.id)).toEqual(['contract#1', 'contract#2', 'contract#3']);
  });

  it('adds the invoice lag after the period end', () => {
    // 30 April + 5 = 5 May; + 30 days = 4 June
    expect(brief(contractInput({ start: '2026-04-01', end: '2026-04-30', billing: { invoiceLagDays: 5 } }))[0]).toEqual([
      '2026-04-01',
      '2026-04-30',
      '2026-05-05',
      '2026-06-04',
      1_200_000,
    ]);
  });

  it('pro-rates a first period from 15 April by 16/30, half-up', () => {
    // Fee £1,000.01 = 100,001p a month. April: 15–30 April = 16 of 30 days.
    // 100,001 × 16/30 = 53,333.866…p → 53,334p half-up (£533.34). May and June whole: 100,001p each.
    // Check the total: 100,001 × (16/30 + 2) = 253,335.866… → 253,336 = 53,334 + 100,001 + 100,001.
    const value = { kind: 'periodic', amount: '1000.01', per: 'month' } as const;
    expect(invoices(contractInput({ start: '2026-04-15', end: '2026-06-30', value })).map((i) => i.amount)).toEqual([53_334, 100_001, 100_001]);
  });

  it('pro-rates a first period with a round fee: £12,000 × 16/30 = £6,400', () => {
    expect(invoices(contractInput({ start: '2026-04-15', end: '2026-05-31' })).map((i) => formatAmount(i.amount))).toEqual(['6400.00', '12000.00']);
  });

  it('pro-rates a last period ending 10 June', () => {
    // £1,000 a month, 1 April – 10 June: June = 100,000 × 10/30 = 33,333.33p → 33,333p.
    // Total 100,000 × (2 + 1/3) = 233,333.33 → 233,333 = 100,000 + 100,000 + 33,333.
    const value = { kind: 'periodic', amount: '1000.00', per: 'month' } as const;
    expect(invoices(contractInput({ start: '2026-04-01', end: '2026-06-10', value })).map((i) => i.amount)).toEqual([100_000, 100_000, 33_333]);
  });

  it('pro-rates an annual fee by months: £120,000 a year is £10,000 a month', () => {
    const value = { kind: 'periodic', amount: '120000.00', per: 'year' } as const;
    expect(invoices(contractInput({ end: '2026-03-31', value })).map((i) => i.amount)).toEqual([1_000_000, 1_000_000, 1_000_000]);
  });

  it('splits a £100,000 total over 12 months to the penny', () => {
    // 10,000,000p / 12 = 833,333.33…: 833,333 × 12 = 9,999,996, so 4 months take a spare penny (the first four: equal remainders, earliest first).
    const amounts = invoices(contractInput({ value: { kind: 'total', amount: '100000.00' } })).map((i) => i.amount);
    expect(amounts).toEqual([833_334, 833_334, 833_334, 833_334, 833_333, 833_333, 833_333, 833_333, 833_333, 833_333, 833_333, 833_333]);
    expect(amounts.reduce((a, b) => a + b, 0)).toBe(10_000_000);
  });
});

describe('invoicesFor: quarterly', () => {
  it('invoices calendar quarters (Jan/Apr/Jul/Oct), the first pro-rated', () => {
    // £3,000 a quarter from 15 Feb: Q1 = 15–28 Feb (14/28 = ½ month) + March = 1.5 of 3 months → £1,500.
    // Lag 5: 31 Mar + 5 = 5 Apr, due + 30 = 5 May; 30 Jun + 5 = 5 Jul → 4 Aug; 30 Sep + 5 = 5 Oct → 4 Nov;
    // 31 Dec + 5 = 5 Jan 2027 → 4 Feb 2027.
    const c = contractInput({ start: '2026-02-15', end: '2026-12-31', value: { kind: 'periodic', amount: '3000.00', per: 'quarter' }, billing: { frequency: 'quarterly', invoiceLagDays: 5 } });
    expect(brief(c)).toEqual([
      ['2026-02-15', '2026-03-31', '2026-04-05', '2026-05-05', 150_000],
      ['2026-04-01', '2026-06-30', '2026-07-05', '2026-08-04', 300_000],
      ['2026-07-01', '2026-09-30', '2026-10-05', '2026-11-04', 300_000],
      ['2026-10-01', '2026-12-31', '2027-01-05', '2027-02-04', 300_000],
    ]);
  });
});

describe('invoicesFor: milestones', () => {
  it('raises each milestone lag days after its date, in date order, for its own amount', () => {
    // Lag 7, terms 14: 31 Jan → issued 7 Feb, due 21 Feb; 15 Mar → 22 Mar, due 5 Apr; 30 Jun → 7 Jul, due 21 Jul.
    // 19,999.50 + 20,000.00 + 10,000.50 = 50,000.00
    const c = contractInput({
      value: { kind: 'total', amount: '50000.00' },
      billing: {
        frequency: 'milestones',
        invoiceLagDays: 7,
        paymentTermsDays: 14,
        milestones: [
          { date: '2026-03-15', amount: '20000.00' },
          { date: '2026-06-30', amount: '10000.50' },
          { date: '2026-01-31', amount: '19999.50' },
        ],
      },
    });
    expect(brief(c)).toEqual([
      ['2026-01-31', '2026-01-31', '2026-02-07', '2026-02-21', 1_999_950],
      ['2026-03-15', '2026-03-15', '2026-03-22', '2026-04-05', 2_000_000],
      ['2026-06-30', '2026-06-30', '2026-07-07', '2026-07-21', 1_000_050],
    ]);
  });
});

describe('invoicesFor: in advance', () => {
  it('raises the invoice lag days before the period starts, so lag = terms is due on the first day', () => {
    // Lag 30: 1 Jan − 30 = 2 Dec 2025, + 30 = 1 Jan; 1 Feb − 30 = 2 Jan → 1 Feb; 1 Mar − 30 = 30 Jan (28-day Feb) → 1 Mar.
    const c = contractInput({ end: '2026-03-31', billing: { timing: 'in-advance', invoiceLagDays: 30, paymentTermsDays: 30 } });
    expect(brief(c)).toEqual([
      ['2026-01-01', '2026-01-31', '2025-12-02', '2026-01-01', 1_200_000],
      ['2026-02-01', '2026-02-28', '2026-01-02', '2026-02-01', 1_200_000],
      ['2026-03-01', '2026-03-31', '2026-01-30', '2026-03-01', 1_200_000],
    ]);
  });
});

describe('invoicesFor (properties)', () => {
  const day0 = parseDay('2026-01-01');
  const contractArb = fc.record({
    start: fc.integer({ min: -400, max: 2000 }),
    length: fc.integer({ min: 0, max: 1500 }),
    frequency: fc.constantFrom('monthly' as const, 'quarterly' as const),
    timing: fc.constantFrom('in-arrears' as const, 'in-advance' as const),
    lag: fc.integer({ min: 0, max: 60 }),
    pence: fc.integer({ min: 1, max: 100_000_000_000 }),
  });

  it('the invoices of a total-value contract add up to its value and cover its dates without gaps or overlaps', () => {
    fc.assert(
      fc.property(contractArb, ({ start, length, frequency, timing, lag, pence }) => {
        const c = contractInput({
          start: formatDay(day0 + start),
          end: formatDay(day0 + start + length),
          value: { kind: 'total', amount: formatAmount(pence) },
          billing: { frequency, timing, invoiceLagDays: lag },
        });
        const list = invoices(c);
        expect(list.reduce((s, i) => s + i.amount, 0)).toBe(pence);
        expect(list.every((i) => Number.isSafeInteger(i.amount) && i.amount >= 0)).toBe(true);
        expect(list[0]!.periodStart).toBe(c.start);
        expect(list.at(-1)!.periodEnd).toBe(c.end);
        for (let k = 1; k < list.length; k++) expect(parseDay(list[k]!.periodStart)).toBe(parseDay(list[k - 1]!.periodEnd) + 1);
        for (const i of list) {
          const expectedIssue = timing === 'in-arrears' ? parseDay(i.periodEnd) + lag : parseDay(i.periodStart) - lag;
          expect(parseDay(i.issueDate)).toBe(expectedIssue);
          expect(parseDay(i.dueDate)).toBe(expectedIssue + 30);
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('receiptsFor', () => {
  const c = ContractSchema.parse(contractInput({ start: '2026-04-01', end: '2026-04-30', billing: { invoiceLagDays: 5 } }));
  // Issued 5 May, due 4 June (see above).

  it('terms-plus-late pays typicalDaysLate after the due date', () => {
    // 4 June + 45 = 19 July (26 days to 30 June, 19 more); 75 days after issue, 45 late.
    const [r] = receiptsFor(invoicesFor(c), { kind: 'terms-plus-late', typicalDaysLate: 45 });
    expect(r).toMatchObject({ date: '2026-07-19', daysToPay: 75, daysLate: 45, amount: 1_200_000, invoiceId: 'contract#1' });
  });

  it('fixed-days pays daysToPay after issue, whatever the terms', () => {
    // 5 May + 20 = 25 May: early, so 0 days late.
    const [r] = receiptsFor(invoicesFor(c), { kind: 'fixed-days', daysToPay: 20 });
    expect(r).toMatchObject({ date: '2026-05-25', daysToPay: 20, daysLate: 0 });
  });

  it('adds a stress shift, and never pays before the invoice is issued', () => {
    expect(receiptsFor(invoicesFor(c), { kind: 'terms-plus-late', typicalDaysLate: 0 }, { extraDays: 10 })[0]!.date).toBe('2026-06-14');
    expect(receiptsFor(invoicesFor(c), { kind: 'terms-plus-late', typicalDaysLate: 0 }, { extraDays: -100 })[0]!.date).toBe('2026-05-05');
  });
});
