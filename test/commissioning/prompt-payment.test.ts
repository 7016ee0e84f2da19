import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import { flagLatePayments, summariseByCommissioner, type PaymentRecord } from '../../src/commissioning/index.js';
import { inputErrorOf } from '../helpers/errors.js';


// Days to pay, counted by hand (paid date − issue date):
//   B1 2025-03-01 → 2025-04-10: 30 (rest of March) + 10 = 40
//   B2 2025-03-10 → 2025-04-10: 21 + 10 = 31
//   A1 2025-01-06 → 2025-02-05: 25 + 5 = 30
//   A2 2025-01-20 → 2025-03-03: 11 + 28 (February 2025) + 3 = 42
//   A3 2025-02-01 → 2025-02-15: 14
//   C1–C3: 10 each; C4 2025-05-04 → 2025-05-15: 11
//   D2 2025-06-01 → 2025-07-06: 29 + 6 = 35; D1 2025-06-02 → 2025-07-07: 28 + 7 = 35
const HISTORY: PaymentRecord[] = [
  { invoiceId: 'B1', commissionerId: 'council-b', issueDate: '2025-03-01', paidDate: '2025-04-10' },
  { invoiceId: 'A1', commissionerId: 'council-a', issueDate: '2025-01-06', paidDate: '2025-02-05' },
  { invoiceId: 'A2', commissionerId: 'council-a', issueDate: '2025-01-20', paidDate: '2025-03-03', amount: '1200.00' },
  { invoiceId: 'B2', commissionerId: 'council-b', issueDate: '2025-03-10', paidDate: '2025-04-10' },
  { invoiceId: 'A3', commissionerId: 'council-a', issueDate: '2025-02-01', paidDate: '2025-02-15' },
  { invoiceId: 'C1', commissionerId: 'council-c', issueDate: '2025-05-01', paidDate: '2025-05-11' },
  { invoiceId: 'C2', commissionerId: 'council-c', issueDate: '2025-05-02', paidDate: '2025-05-12' },
  { invoiceId: 'C3', commissionerId: 'council-c', issueDate: '2025-05-03', paidDate: '2025-05-13' },
  { invoiceId: 'C4', commissionerId: 'council-c', issueDate: '2025-05-04', paidDate: '2025-05-15' },
  { invoiceId: 'D2', commissionerId: 'council-d', issueDate: '2025-06-01', paidDate: '2025-07-06' },
  { invoiceId: 'D1', commissionerId: 'council-d', issueDate: '2025-06-02', paidDate: '2025-07-07' },
];

describe('flagLatePayments', () => {
  it('flags each invoice against 30 days from issue (PCR 2015 reg. 113), in input order', () => {
    const flags = flagLatePayments(HISTORY);
    expect(flags.map((f) => [f.invoiceId, f.daysToPay, f.late, f.daysLate])).toEqual([
      ['B1', 40, true, 10],
      ['A1', 30, false, 0], // exactly 30 days: on time
      ['A2', 42, true, 12],
      ['B2', 31, true, 1], // 31 days: one day late
      ['A3', 14, false, 0],
      ['C1', 10, false, 0],
      ['C2', 10, false, 0],
      ['C3', 10, false, 0],
      ['C4', 11, false, 0],
      ['D2', 35, true, 5],
      ['D1', 35, true, 5],
    ]);
    // Deadline = issue date + 30 days: 2025-01-20 + 30 = 2025-02-19.
    expect(flags[2]).toEqual({
      invoiceId: 'A2',
      commissionerId: 'council-a',
      issueDate: '2025-01-20',
      paidDate: '2025-03-03',
      daysToPay: 42,
      deadline: '2025-02-19',
      late: true,
      daysLate: 12,
      amount: 120_000,
    });
    expect(flags[0]!.amount).toBeNull();
  });

  it("under 'procurement-act-2023' the 30-day period begins with the invoice day, so 30 days after is late", () => {
    // s.68(2): paid before the end of the 30 days beginning with receipt (day 1 = 2025-01-06),
    // so the last on-time day is 2025-01-06 + 29 = 2025-02-04; A1 paid 2025-02-05 is 1 day late.
    const a1 = flagLatePayments([HISTORY[1]!], { rule: 'procurement-act-2023' })[0]!;
    expect(a1).toMatchObject({ daysToPay: 30, deadline: '2025-02-04', late: true, daysLate: 1 });
    // 29 days is on time under both rules.
    const paid29 = { ...HISTORY[1]!, paidDate: '2025-02-04' };
    expect(flagLatePayments([paid29], { rule: 'procurement-act-2023' })[0]!.late).toBe(false);
  });

  it('paid on the day of issue is 0 days and on time; an empty history gives no flags', () => {
    const sameDay = { invoiceId: 'X', commissionerId: 'c', issueDate: '2025-01-06', paidDate: '2025-01-06' };
    expect(flagLatePayments([sameDay])[0]).toMatchObject({ daysToPay: 0, late: false });
    expect(flagLatePayments([])).toEqual([]);
  });

  it('names the row of an invoice paid before it was issued', () => {
    const history = [HISTORY[0]!, { invoiceId: 'E1', commissionerId: 'council-e', issueDate: '2025-03-10', paidDate: '2025-03-09' }];
    const error = inputErrorOf(() => flagLatePayments(history));
    expect(error.problems).toEqual([
      { path: 'history[1].paidDate', message: 'must not be before issueDate (invoice "E1" paid 2025-03-09, issued 2025-03-10)' },
    ]);
  });

  it('names bad dates, amounts, missing ids and repeated invoices', () => {
    const error = inputErrorOf(() =>
      flagLatePayments([
        { invoiceId: 'A1', commissionerId: 'c', issueDate: '2026-02-30', paidDate: '2026-03-10' },
        { invoiceId: 'A2', commissionerId: '', issueDate: '2026-02-01', paidDate: '2026-03-10', amount: '-3.00' },
        { invoiceId: 'A1', commissionerId: 'c', issueDate: '2026-02-01', paidDate: '2026-03-10' },
      ]),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      'history[0].issueDate',
      'history[1].commissionerId',
      'history[1].amount',
      'history[2].invoiceId',
    ]);
    expect(error.problems[0]!.message).toBe('2026-02-30 is not a real date');
    expect(error.problems[3]!.message).toContain('repeats row 0');
  });

  it('the same invoice id under two commissioners is two invoices', () => {
    const history = [
      { invoiceId: 'INV-1', commissionerId: 'a', issueDate: '2025-01-01', paidDate: '2025-01-02' },
      { invoiceId: 'INV-1', commissionerId: 'b', issueDate: '2025-01-01', paidDate: '2025-01-02' },
    ];
    expect(flagLatePayments(history)).toHaveLength(2);
  });

  it('rejects a history that is not an array, and an unknown rule', () => {
    expect(inputErrorOf(() => flagLatePayments({} as never)).problems[0]!.path).toBe('history');
    expect(inputErrorOf(() => flagLatePayments(HISTORY, { rule: 'late-payment-act' as never })).problems[0]!.path).toBe('options.rule');
  });
});

describe('summariseByCommissioner', () => {
  it('gives count, share on time, average and worst per commissioner, sorted by id', () => {
    expect(summariseByCommissioner(HISTORY)).toEqual([
      {
        // A1 30 (on time), A2 42 (late), A3 14 (on time): 2 of 3 on time.
        // 2/3 = 0.66666… rounded down → "0.6666", "66.66%". Average (30+42+14)/3 = 86/3 = 28.666… → "28.7".
        commissionerId: 'council-a',
        invoices: 3,
        paidOnTime: 2,
        paidLate: 1,
        shareOnTime: '0.6666',
        percentOnTime: '66.66%',
        averageDaysToPay: '28.7',
        worst: { invoiceId: 'A2', daysToPay: 42 },
      },
      {
        // B1 40, B2 31: both late. Average 71/2 = 35.5.
        commissionerId: 'council-b',
        invoices: 2,
        paidOnTime: 0,
        paidLate: 2,
        shareOnTime: '0.0000',
        percentOnTime: '0.00%',
        averageDaysToPay: '35.5',
        worst: { invoiceId: 'B1', daysToPay: 40 },
      },
      {
        // 10, 10, 10, 11: all on time. Average 41/4 = 10.25 → half-up → "10.3".
        commissionerId: 'council-c',
        invoices: 4,
        paidOnTime: 4,
        paidLate: 0,
        shareOnTime: '1.0000',
        percentOnTime: '100.00%',
        averageDaysToPay: '10.3',
        worst: { invoiceId: 'C4', daysToPay: 11 },
      },
      {
        // D2 and D1 both 35 days: the tie goes to the smaller id, D1, although D2 comes first.
        commissionerId: 'council-d',
        invoices: 2,
        paidOnTime: 0,
        paidLate: 2,
        shareOnTime: '0.0000',
        percentOnTime: '0.00%',
        averageDaysToPay: '35.0',
        worst: { invoiceId: 'D1', daysToPay: 35 },
      },
    ]);
  });

  it("applies the Procurement Act 2023 rule when asked: council-a's 30-day payment becomes late", () => {
    // Only A3 (14 days) is on time: 1/3 = 0.3333… → "0.3333", "33.33%".
    const a = summariseByCommissioner(HISTORY, { rule: 'procurement-act-2023' })[0]!;
    expect(a).toMatchObject({ commissionerId: 'council-a', paidOnTime: 1, paidLate: 2, shareOnTime: '0.3333', percentOnTime: '33.33%' });
  });

  it('orders commissioner ids by code unit, independent of locale and input order', () => {
    const row = (commissionerId: string) => ({ invoiceId: 'i', commissionerId, issueDate: '2025-01-01', paidDate: '2025-01-02' });
    expect(summariseByCommissioner([row('b'), row('a'), row('B'), row('Ä')]).map((s) => s.commissionerId)).toEqual(['B', 'a', 'b', 'Ä']);
  });

  it('is empty for an empty history', () => {
    expect(summariseByCommissioner([])).toEqual([]);
  });

  it('counts every invoice once, and the share never exceeds the exact share (seeded property)', () => {
    const START = parseDay('2024-01-01');
    const rowArb = fc.record({
      commissionerId: fc.constantFrom('a', 'b', 'c'),
      issue: fc.integer({ min: START, max: START + 700 }),
      days: fc.integer({ min: 0, max: 90 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const history = rows.map((r, i) => ({
          invoiceId: `inv-${i}`,
          commissionerId: r.commissionerId,
          issueDate: formatDay(r.issue),
          paidDate: formatDay(r.issue + r.days),
        }));
        const summaries = summariseByCommissioner(history);
        expect(summaries.reduce((s, x) => s + x.invoices, 0)).toBe(history.length);
        for (const s of summaries) {
          expect(s.paidOnTime + s.paidLate).toBe(s.invoices);
          const exactOnTime = rows.filter((r) => r.commissionerId === s.commissionerId && r.days <= 30).length;
          expect(s.paidOnTime).toBe(exactOnTime);
          // Rounded down: share × invoices ≤ paidOnTime, and within 0.0001 × invoices of it.
          expect(Number(s.shareOnTime) * s.invoices).toBeLessThanOrEqual(s.paidOnTime + 1e-9);
          expect(s.shareOnTime === '1.0000').toBe(s.paidLate === 0);
        }
        // The Procurement Act rule is never more lenient than PCR 2015.
        const pcr = flagLatePayments(history);
        const pa = flagLatePayments(history, { rule: 'procurement-act-2023' });
        pcr.forEach((f, i) => {
          if (f.late) expect(pa[i]!.late).toBe(true);
        });
      }),
      { seed: 42, numRuns: 100 },
    );
  });
});

describe('bounded input', () => {
  it('accepts at most 100,000 paid invoices and names the rule beyond', () => {
    const row = { invoiceId: 'inv', commissionerId: 'council', issueDate: '2026-01-01', paidDate: '2026-01-31' };
    const rows = Array.from({ length: 100_001 }, (_, i) => ({ ...row, invoiceId: `inv-${i}` }));
    expect(() => flagLatePayments(rows)).toThrow(/must list at most 100000 paid invoices/);
  });
});
