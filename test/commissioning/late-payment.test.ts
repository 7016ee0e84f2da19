import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAmount } from '../../src/money/index.js';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import { fixedCompensation, latePaymentClaim, type LatePaymentClaim } from '../../src/commissioning/index.js';
import { inputErrorOf } from '../helpers/errors.js';


describe('latePaymentClaim: statutory interest', () => {
  it('£10,000 due 2024-01-31, paid 2024-03-01: £108.90 interest + £100 compensation', () => {
    // Hand calculation.
    // Days late: 2024-03-01 − 2024-01-31 = 29 days of February 2024 (a leap year) + 1 March = 30.
    // Interest starts 2024-02-01, in January–June, so the reference rate is Bank Rate on
    // 31 December 2023: 5.25% (since 2023-08-03). Statutory rate 8% + 5.25% = 13.25%.
    // Interest = 10,000 × 0.1325 × 30 / 365 = 39,750 / 365 = 108.9041… → £108.90 = 10890p.
    // Compensation: debt of £10,000 or more → £100 = 10000p. Total £208.90 = 20890p.
    const claim = latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31', issueDate: '2024-01-01' }, '2024-03-01');
    expect(claim).toEqual<LatePaymentClaim>({
      debt: 1_000_000,
      dueDate: '2024-01-31',
      paidOn: '2024-03-01',
      daysLate: 30,
      referenceRateReset: 'none',
      periods: [
        {
          from: '2024-02-01',
          to: '2024-03-01',
          days: 30,
          fixedOn: '2023-12-31',
          referenceRate: '0.0525',
          annualRate: '0.1325',
          interest: 10_890,
        },
      ],
      interest: 10_890,
      compensation: 10_000,
      total: 20_890,
      warnings: [],
    });
  });

  it('reproduces the inputs of the gov.uk worked example, rounding once instead of per day', () => {
    // gov.uk, "Late commercial payments: charging interest and debt recovery": £1,000 owed,
    // Bank of England base rate 0.5% → annual interest 1,000 × 0.085 = £85; daily £85 / 365 = 23p
    // (rounded); after 50 days 50 × 0.23 = £11.50.
    // Here: due 2015-03-01, paid 2015-04-20: 30 days (2–31 March) + 20 days (1–20 April) = 50.
    // Reference rate: Bank Rate on 31 December 2014 = 0.5% (since 2009-03-05).
    // Our convention rounds once per period: 1,000 × 0.085 × 50 / 365 = 4,250 / 365 = 11.6438…
    // → £11.64 = 1164p. The gov.uk figure is 14p lower only because it rounds the daily interest
    // (23.287p) down to 23p before multiplying by 50.
    const claim = latePaymentClaim({ amount: '1000.00', dueDate: '2015-03-01' }, '2015-04-20');
    expect(claim.daysLate).toBe(50);
    expect(claim.periods[0]!.referenceRate).toBe('0.005');
    expect(claim.periods[0]!.annualRate).toBe('0.085');
    expect(claim.interest).toBe(1_164);
    // £1,000.00 is in the £1,000–£9,999.99 band → £70.
    expect(claim.compensation).toBe(7_000);
    expect(claim.total).toBe(8_164);
  });

  it('keeps the reference rate of the half-year in which interest starts when a claim crosses 1 July', () => {
    // Hand calculation. £5,000 due 2025-06-15, paid 2025-07-15.
    // Days late: 16–30 June (15) + 1–15 July (15) = 30.
    // Interest starts 2025-06-16 → reference rate is Bank Rate on 31 December 2024 = 4.75%
    // (since 2024-11-07); SI 2002/1675 art. 4 fixes it for the claim. Rate 12.75%.
    // Interest = 5,000 × 0.1275 × 30 / 365 = 19,125 / 365 = 52.3972… → £52.40 = 5240p.
    // Compensation: £1,000 to under £10,000 → £70. Total £122.40.
    const claim = latePaymentClaim({ amount: '5000.00', dueDate: '2025-06-15' }, '2025-07-15');
    expect(claim.periods).toEqual([
      {
        from: '2025-06-16',
        to: '2025-07-15',
        days: 30,
        fixedOn: '2024-12-31',
        referenceRate: '0.0475',
        annualRate: '0.1275',
        interest: 5_240,
      },
    ]);
    expect(claim.interest).toBe(5_240);
    expect(claim.total).toBe(12_240);
  });

  it("with referenceRateReset 'half-yearly', splits at 1 July into two periods with two reference rates", () => {
    // Hand calculation, same debt as above.
    // Period 1: 2025-06-16..2025-06-30, 15 days, reference 4.75% (31 Dec 2024), rate 12.75%:
    //   5,000 × 0.1275 × 15 / 365 = 9,562.5 / 365 = 26.1986… → £26.20 = 2620p.
    // Period 2: 2025-07-01..2025-07-15, 15 days, reference 4.25% (Bank Rate on 30 June 2025,
    //   since 2025-05-08), rate 12.25%: 5,000 × 0.1225 × 15 / 365 = 9,187.5 / 365 = 25.1712…
    //   → £25.17 = 2517p.
    // Interest 2620 + 2517 = 5137p; compensation 7000p; total 12137p.
    const claim = latePaymentClaim({ amount: '5000.00', dueDate: '2025-06-15' }, '2025-07-15', undefined, {
      referenceRateReset: 'half-yearly',
    });
    expect(claim.referenceRateReset).toBe('half-yearly');
    expect(claim.periods).toEqual([
      { from: '2025-06-16', to: '2025-06-30', days: 15, fixedOn: '2024-12-31', referenceRate: '0.0475', annualRate: '0.1275', interest: 2_620 },
      { from: '2025-07-01', to: '2025-07-15', days: 15, fixedOn: '2025-06-30', referenceRate: '0.0425', annualRate: '0.1225', interest: 2_517 },
    ]);
    expect(claim.interest).toBe(5_137);
    expect(claim.compensation).toBe(7_000);
    expect(claim.total).toBe(12_137);
  });

  it('rounds an exact half penny up, without floating-point drift', () => {
    // Hand calculation. £7.30 due 2023-07-01, paid 2023-07-26: 25 days.
    // Reference rate: Bank Rate on 30 June 2023 = 5% (since 2023-06-22); rate 13%.
    // Interest = 730p × 0.13 × 25 / 365 = 2,372.5 / 365 = 6.5p exactly → half-up → 7p.
    // Compensation: under £1,000 → £40.
    const claim = latePaymentClaim({ amount: '7.30', dueDate: '2023-07-01' }, '2023-07-26');
    expect(claim.daysLate).toBe(25);
    expect(claim.periods[0]!.annualRate).toBe('0.13');
    expect(claim.interest).toBe(7);
    expect(claim.total).toBe(4_007);
  });

  it("uses a caller's table", () => {
    // Hand calculation with a made-up table: 3% from 2024-12-01, so Bank Rate on 31 Dec 2024 is 3%.
    // £1,000 due 2025-03-31, paid 2025-04-30: 30 days at 11%:
    // 1,000 × 0.11 × 30 / 365 = 3,300 / 365 = 9.0410… → £9.04 = 904p.
    const claim = latePaymentClaim({ amount: '1000.00', dueDate: '2025-03-31' }, '2025-04-30', [
      { effective: '2024-12-01', rate: '0.03' },
    ]);
    expect(claim.periods[0]!.referenceRate).toBe('0.03');
    expect(claim.interest).toBe(904);
    expect(claim.warnings).toEqual([]);
  });

  it('warns when the default table is used beyond the date it was checked to', () => {
    // Interest starting 2026-07-11 is fixed by Bank Rate on 2026-06-30, after DEFAULT_REFERENCE_RATES_CHECKED_THROUGH.
    const claim = latePaymentClaim({ amount: '5000.00', dueDate: '2026-07-10' }, '2026-08-15');
    expect(claim.warnings).toHaveLength(1);
    expect(claim.warnings[0]).toContain('2026-06-30');
    // The same dates with the caller's own table carry no warning.
    const own = latePaymentClaim({ amount: '5000.00', dueDate: '2026-07-10' }, '2026-08-15', [
      { effective: '2025-12-18', rate: '0.0375' },
    ]);
    expect(own.warnings).toEqual([]);
  });
});

describe('latePaymentClaim: compensation bands (Act s.5A)', () => {
  // Each debt is 1 day late (due 2024-01-31, paid 2024-02-01) at 13.25%.
  // Interest by hand: £999.99 × 0.1325 / 365 = 132.4987 / 365 = 0.3630 → 36p;
  // £1,000.00 → 132.5 / 365 = 0.3630 → 36p; £9,999.99 → 1,324.9987 / 365 = 3.6301 → 363p;
  // £10,000.00 → 1,325 / 365 = 3.6301 → 363p.
  it.each([
    ['999.99', 36, 4_000],
    ['1000.00', 36, 7_000],
    ['9999.99', 363, 7_000],
    ['10000.00', 363, 10_000],
  ])('%s → interest %ip, compensation %ip', (amount, interest, compensation) => {
    const claim = latePaymentClaim({ amount, dueDate: '2024-01-31' }, '2024-02-01');
    expect(claim.daysLate).toBe(1);
    expect(claim.interest).toBe(interest);
    expect(claim.compensation).toBe(compensation);
    expect(claim.total).toBe(interest + compensation);
  });

  it('fixedCompensation gives the same bands and rejects a non-positive debt', () => {
    expect([1, 99_999, 100_000, 999_999, 1_000_000, 1e12].map(fixedCompensation)).toEqual([
      4_000, 4_000, 7_000, 7_000, 10_000, 10_000,
    ]);
    expect(inputErrorOf(() => fixedCompensation(0)).problems[0]!.path).toBe('debt');
    expect(inputErrorOf(() => fixedCompensation(1.5)).problems[0]!.path).toBe('debt');
  });
});

describe('latePaymentClaim: paid on time', () => {
  it.each(['2024-01-31', '2024-01-15'])('paid %s against a due date of 2024-01-31 owes nothing', (paidOn) => {
    expect(latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, paidOn)).toEqual({
      debt: 1_000_000,
      dueDate: '2024-01-31',
      paidOn,
      daysLate: 0,
      referenceRateReset: 'none',
      periods: [],
      interest: 0,
      compensation: 0,
      total: 0,
      warnings: [],
    });
  });
});

describe('latePaymentClaim: bad input names the field', () => {
  it.each([
    ['-5.00', 'must be greater than 0'],
    ['0.00', 'must be greater than 0'],
    ['12.345', 'at most 2 decimal places'],
    ['twelve', 'at most 2 decimal places'],
  ])('amount %s', (amount, rule) => {
    const error = inputErrorOf(() => latePaymentClaim({ amount, dueDate: '2024-01-31' }, '2024-03-01'));
    expect(error.problems).toHaveLength(1);
    expect(error.problems[0]!.path).toBe('invoice.amount');
    expect(error.problems[0]!.message).toContain(rule);
  });

  it('an amount given as a number', () => {
    const error = inputErrorOf(() => latePaymentClaim({ amount: 12500 as unknown as string, dueDate: '2024-01-31' }, '2024-03-01'));
    expect(error.problems[0]).toEqual({ path: 'invoice.amount', message: 'must be an amount as a decimal string such as "12500.00"' });
  });

  it('dates that do not exist', () => {
    const due = inputErrorOf(() => latePaymentClaim({ amount: '100.00', dueDate: '2026-02-30' }, '2026-03-31'));
    expect(due.problems).toEqual([{ path: 'invoice.dueDate', message: '2026-02-30 is not a real date' }]);
    const paid = inputErrorOf(() => latePaymentClaim({ amount: '100.00', dueDate: '2026-02-28' }, '2026-02-30'));
    expect(paid.problems).toEqual([{ path: 'paidOn', message: '2026-02-30 is not a real date' }]);
    const issued = inputErrorOf(() => latePaymentClaim({ amount: '100.00', dueDate: '2026-02-28', issueDate: '31/01/2026' }, '2026-03-02'));
    expect(issued.problems[0]!.path).toBe('invoice.issueDate');
  });

  it('a missing due date, and every problem at once', () => {
    const error = inputErrorOf(() => latePaymentClaim({ amount: '-1' } as never, '2024-03-01'));
    expect(error.problems).toEqual([
      { path: 'invoice.amount', message: 'must be greater than 0 (got "-1")' },
      { path: 'invoice.dueDate', message: 'is required' },
    ]);
  });

  it('paid before it was issued, or due before it was issued', () => {
    const paid = inputErrorOf(() =>
      latePaymentClaim({ amount: '100.00', dueDate: '2024-03-01', issueDate: '2024-02-01' }, '2024-01-15'),
    );
    expect(paid.problems).toEqual([{ path: 'paidOn', message: 'must not be before invoice.issueDate (2024-01-15 < 2024-02-01)' }]);
    const due = inputErrorOf(() => latePaymentClaim({ amount: '100.00', dueDate: '2024-01-15', issueDate: '2024-02-01' }, '2024-03-01'));
    expect(due.problems[0]!.path).toBe('invoice.dueDate');
  });

  it('a table that does not reach the reference date, and an unknown option', () => {
    // Interest from 2007-03-02 needs Bank Rate on 2006-12-31; the default table starts 2007-12-06.
    const early = inputErrorOf(() => latePaymentClaim({ amount: '100.00', dueDate: '2007-03-01' }, '2007-04-01'));
    expect(early.problems[0]!.path).toBe('referenceRates');
    expect(early.message).toContain('2006-12-31');
    const option = inputErrorOf(() =>
      latePaymentClaim({ amount: '100.00', dueDate: '2024-01-31' }, '2024-03-01', undefined, { referenceRateReset: 'monthly' as never }),
    );
    expect(option.problems[0]!.path).toBe('options.referenceRateReset');
  });

  it('does not change its arguments', () => {
    const invoice = Object.freeze({ amount: '10000.00', dueDate: '2024-01-31' });
    const table = Object.freeze([Object.freeze({ effective: '2023-08-03', rate: '0.0525' })]);
    expect(() => latePaymentClaim(invoice, '2024-03-01', table)).not.toThrow();
  });
});

describe('latePaymentClaim: properties', () => {
  const FIRST = parseDay('2008-01-01');
  const LAST = parseDay('2025-12-31');
  const debtArb = fc.integer({ min: 1, max: 100_000_000_000 }).map((minor) => formatAmount(minor));
  const dueArb = fc.integer({ min: FIRST, max: LAST });
  const resetArb = fc.constantFrom('none' as const, 'half-yearly' as const);

  it('interest never decreases as payment gets later', () => {
    fc.assert(
      fc.property(debtArb, dueArb, fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 400 }), resetArb, (amount, due, delay, extra, reset) => {
        const invoice = { amount, dueDate: formatDay(due) };
        const earlier = latePaymentClaim(invoice, formatDay(due + delay), undefined, { referenceRateReset: reset });
        const later = latePaymentClaim(invoice, formatDay(due + delay + extra), undefined, { referenceRateReset: reset });
        expect(later.interest).toBeGreaterThanOrEqual(earlier.interest);
        expect(later.total).toBeGreaterThanOrEqual(earlier.total);
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('periods tile the days late exactly, and the totals add up', () => {
    fc.assert(
      fc.property(debtArb, dueArb, fc.integer({ min: 1, max: 2_000 }), resetArb, (amount, due, delay, reset) => {
        const claim = latePaymentClaim({ amount, dueDate: formatDay(due) }, formatDay(due + delay), undefined, {
          referenceRateReset: reset,
        });
        expect(claim.daysLate).toBe(delay);
        expect(claim.periods[0]!.from).toBe(formatDay(due + 1));
        expect(claim.periods.at(-1)!.to).toBe(formatDay(due + delay));
        let next = due + 1;
        for (const p of claim.periods) {
          expect(parseDay(p.from)).toBe(next);
          expect(p.days).toBe(parseDay(p.to) - parseDay(p.from) + 1);
          next = parseDay(p.to) + 1;
        }
        expect(claim.periods.reduce((s, p) => s + p.days, 0)).toBe(delay);
        expect(claim.interest).toBe(claim.periods.reduce((s, p) => s + p.interest, 0));
        expect(claim.total).toBe(claim.interest + claim.compensation);
        if (reset === 'none') expect(claim.periods).toHaveLength(1);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
