import { describe, expect, it } from 'vitest';
import { formatDay, isoWeekday, parseDay } from '../../src/calendar/index.js';
import { cashLineOccurrences, deliveryCostPayments } from '../../src/forecast/index.js';
import { CashLineSchema, ContractSchema, type ContractInput } from '../../src/model/index.js';
import { contractInput, oneOffLine, recurringLine, type CashLineInput, type DeliveryCostInput } from '../helpers/scenario-builder.js';

const payments = (cost: DeliveryCostInput, contract: Partial<ContractInput> = {}) => {
  const c = ContractSchema.parse(contractInput({ ...contract, deliveryCosts: [cost] }));
  return deliveryCostPayments(c.deliveryCosts[0]!, c).map((p) => [formatDay(p.day), p.amount]);
};
const occurrences = (line: CashLineInput, horizonEnd: string) =>
  cashLineOccurrences(CashLineSchema.parse(line), parseDay(horizonEnd)).map((o) => [formatDay(o.day), o.amount]);

describe('deliveryCostPayments', () => {
  it('pays a weekly cost on its ISO weekday, from the start to the end inclusive', () => {
    // 1 Jan 2026 is a Thursday (ISO 4). Friday (5) → 2, 9, 16, 23, 30 Jan.
    const jan = { start: '2026-01-01', end: '2026-01-31' };
    expect(payments({ amount: '250.00', frequency: 'weekly', payDay: 5 }, jan)).toEqual([
      ['2026-01-02', 25_000],
      ['2026-01-09', 25_000],
      ['2026-01-16', 25_000],
      ['2026-01-23', 25_000],
      ['2026-01-30', 25_000],
    ]);
    // Thursday (4): the first day itself counts → 1, 8, 15, 22, 29 Jan.
    expect(payments({ amount: '250.00', frequency: 'weekly', payDay: 4 }, jan).map(([d]) => d)).toEqual(['2026-01-01', '2026-01-08', '2026-01-15', '2026-01-22', '2026-01-29']);
    // Wednesday (3): the first Wednesday is 7 Jan.
    expect(payments({ amount: '250.00', frequency: 'weekly', payDay: 3 }, jan).map(([d]) => d)).toEqual(['2026-01-07', '2026-01-14', '2026-01-21', '2026-01-28']);
    // Saturday (6): 3 … 31 Jan, the end day included.
    expect(payments({ amount: '250.00', frequency: 'weekly', payDay: 6 }, jan).map(([d]) => d)).toEqual(['2026-01-03', '2026-01-10', '2026-01-17', '2026-01-24', '2026-01-31']);
  });

  it('every weekly payment falls on the pay day for each weekday 1–7', () => {
    for (let payDay = 1; payDay <= 7; payDay++) {
      const days = payments({ amount: '1.00', frequency: 'weekly', payDay }, { start: '2026-03-04', end: '2026-06-30' }).map(([d]) => parseDay(d as string));
      expect(days.length).toBeGreaterThanOrEqual(16); // 4 Mar – 30 Jun is 119 days = 17 weeks: 16 or 17 of each weekday
      expect(days.every((d) => isoWeekday(d) === payDay)).toBe(true);
      expect(days[0]! - parseDay('2026-03-04')).toBeLessThan(7);
    }
  });

  it('honours a cost’s own start', () => {
    // From Saturday 10 Jan, Mondays: 12, 19, 26 Jan.
    expect(payments({ amount: '1.00', frequency: 'weekly', payDay: 1, start: '2026-01-10' }, { end: '2026-01-31' }).map(([d]) => d)).toEqual(['2026-01-12', '2026-01-19', '2026-01-26']);
  });

  it('pays a monthly cost on its pay day, clamped to the month end, pro-rated for a partial month', () => {
    // £3,000 a month from 15 April, pay day 31: April 30 (clamped), 300,000 × 16/30 = 160,000p; May 31; June 30 (clamped).
    expect(payments({ amount: '3000.00', frequency: 'monthly', payDay: 31 }, { start: '2026-04-15', end: '2026-06-30' })).toEqual([
      ['2026-04-30', 160_000],
      ['2026-05-31', 300_000],
      ['2026-06-30', 300_000],
    ]);
  });

  it('pays a quarterly cost in each quarter’s last month, pro-rated', () => {
    // £9,000 a quarter from 15 Feb, pay day 15: Q1 = 14/28 of Feb + March = 1.5 of 3 months → 450,000p on 15 March.
    expect(payments({ amount: '9000.00', frequency: 'quarterly', payDay: 15 }, { start: '2026-02-15', end: '2026-12-31' })).toEqual([
      ['2026-03-15', 450_000],
      ['2026-06-15', 900_000],
      ['2026-09-15', 900_000],
      ['2026-12-15', 900_000],
    ]);
  });
});

describe('cashLineOccurrences', () => {
  it('a one-off line occurs once, whatever the horizon', () => {
    expect(occurrences(oneOffLine('grant', 'inflow', '50000.00', '2026-06-01'), '2026-03-31')).toEqual([['2026-06-01', 5_000_000]]);
  });

  it('a monthly line from the 31st clamps to month ends: 31 Jan, 28 Feb, 31 Mar, 30 Apr', () => {
    expect(occurrences(recurringLine('rent', 'outflow', '600.00', 'monthly', '2026-01-31'), '2026-04-30')).toEqual([
      ['2026-01-31', 60_000],
      ['2026-02-28', 60_000],
      ['2026-03-31', 60_000], // back to the 31st: months are counted from the start, not from 28 Feb
      ['2026-04-30', 60_000],
    ]);
  });

  it('a quarterly line from 31 Jan falls on 31 Jan, 30 Apr, 31 Jul, 31 Oct', () => {
    expect(occurrences(recurringLine('q', 'outflow', '1.00', 'quarterly', '2026-01-31'), '2026-12-31').map(([d]) => d)).toEqual(['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31']);
  });

  it('an annual line from a leap day falls on 28 February in common years', () => {
    expect(occurrences(recurringLine('a', 'inflow', '1.00', 'annually', '2028-02-29'), '2032-12-31').map(([d]) => d)).toEqual([
      '2028-02-29',
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
      '2032-02-29',
    ]);
  });

  it('a weekly line steps 7 days and stops at its own end (inclusive)', () => {
    expect(occurrences(recurringLine('w', 'outflow', '1.00', 'weekly', '2026-01-01', '2026-01-29'), '2026-12-31').map(([d]) => d)).toEqual([
      '2026-01-01',
      '2026-01-08',
      '2026-01-15',
      '2026-01-22',
      '2026-01-29',
    ]);
  });

  it('an open-ended line runs to the horizon end', () => {
    expect(occurrences(recurringLine('m', 'outflow', '1.00', 'monthly', '2026-01-15'), '2026-03-15').map(([d]) => d)).toEqual(['2026-01-15', '2026-02-15', '2026-03-15']);
  });
});
