import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DaysTableBehaviourSchema,
  DISTRIBUTION_DEFAULTS,
  InvoiceHistoryBehaviourSchema,
  ReportedBucketsBehaviourSchema,
  reportedBucketsAverageRange,
  ShiftedLognormalBehaviourSchema,
} from '../../src/model/payment-distribution.js';

/** The issues of a failed parse as `path: message` lines, for readable assertions. */
function problems(schema: z.ZodType, input: unknown): { path: (string | number)[]; message: string }[] {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input).slice(0, 80)} to be rejected`);
  return result.error.issues.map((issue) => ({ path: issue.path as (string | number)[], message: issue.message }));
}

const buckets = (overrides: Record<string, unknown> = {}) => ({
  kind: 'reported-buckets',
  averageDaysToPay: 24,
  percentWithin30Days: 80,
  percentWithin31To60Days: 15,
  percentLaterThan60Days: 5,
  ...overrides,
});

describe('reported-buckets', () => {
  it('fills in maxDays 120 and expectedBy median', () => {
    const parsed = ReportedBucketsBehaviourSchema.parse(buckets());
    expect(parsed.maxDays).toBe(120);
    expect(parsed.expectedBy).toBe('median');
    expect(DISTRIBUTION_DEFAULTS.reportedBucketsMaxDays).toBe(120);
  });

  it('rejects percentages that do not add up to 100, naming the fields and the sum', () => {
    // 80 + 10 + 0 = 90, 9.5 points more than the 0.5 tolerance.
    const [problem, ...rest] = problems(ReportedBucketsBehaviourSchema, buckets({ percentWithin31To60Days: 10, percentLaterThan60Days: 0 }));
    expect(rest).toEqual([]);
    expect(problem!.path).toEqual([]);
    expect(problem!.message).toContain('percentWithin30Days + percentWithin31To60Days + percentLaterThan60Days must add up to 100');
    expect(problem!.message).toContain('±0.5');
    expect(problem!.message).toContain('(got 90)');
  });

  it('accepts a sum within 0.5 points of 100 and rejects one just outside', () => {
    // 33.3 + 33.3 + 33.3 = 99.9 (rounded report figures): fine. 80.6 + 15 + 5 = 100.6: not.
    expect(ReportedBucketsBehaviourSchema.safeParse(buckets({ averageDaysToPay: 45, percentWithin30Days: 33.3, percentWithin31To60Days: 33.3, percentLaterThan60Days: 33.3 })).success).toBe(true);
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ percentWithin30Days: 80.6 }))[0]!.message).toContain('(got 100.6)');
  });

  it('rejects an average the shares cannot produce, giving the feasible range', () => {
    // Lowest mean: every bucket paid on its first day: 0.80·0 + 0.15·31 + 0.05·61 = 4.65 + 3.05 = 7.7.
    // Highest: every bucket on its last day: 0.80·30 + 0.15·60 + 0.05·120 = 24 + 9 + 6 = 39.
    expect(reportedBucketsAverageRange({ percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5, maxDays: 120 })).toEqual({ min: 7.7, max: 39 });
    const [problem] = problems(ReportedBucketsBehaviourSchema, buckets({ averageDaysToPay: 45 }));
    expect(problem!.path).toEqual(['averageDaysToPay']);
    expect(problem!.message).toMatch(/must be between 7\.7 and 39 days for the reported shares/);
    expect(problem!.message).toContain('(got 45)');
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ averageDaysToPay: 5 }))[0]!.path).toEqual(['averageDaysToPay']);
  });

  it('allows half a day of rounding outside the feasible range', () => {
    // Range 7.7–39 (above); reported averages are usually whole days.
    expect(ReportedBucketsBehaviourSchema.safeParse(buckets({ averageDaysToPay: 39.5 })).success).toBe(true);
    expect(ReportedBucketsBehaviourSchema.safeParse(buckets({ averageDaysToPay: 7.2 })).success).toBe(true);
    expect(ReportedBucketsBehaviourSchema.safeParse(buckets({ averageDaysToPay: 39.6 })).success).toBe(false);
  });

  it('rejects out-of-range percentages, a negative average and a short maxDays by field', () => {
    // Only the broken field is reported, not also a sum of 121.
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ percentWithin30Days: 101 }))).toEqual([
      { path: ['percentWithin30Days'], message: 'must be ≤ 100 (a percentage from 0 to 100)' },
    ]);
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ percentLaterThan60Days: -5 }))[0]).toMatchObject({ path: ['percentLaterThan60Days'], message: expect.stringContaining('≥ 0') });
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ averageDaysToPay: -1 }))[0]).toMatchObject({ path: ['averageDaysToPay'], message: 'must be ≥ 0 days' });
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ maxDays: 60 }))[0]).toMatchObject({ path: ['maxDays'], message: 'must be ≥ 61 days' });
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ maxDays: 90.5 }))[0]).toMatchObject({ path: ['maxDays'], message: 'must be a whole number of days' });
  });

  it('rejects unknown fields and an unknown expectedBy', () => {
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ avgDays: 3 }))[0]!.message).toMatch(/avgDays/);
    expect(problems(ReportedBucketsBehaviourSchema, buckets({ expectedBy: 'p95' }))[0]).toMatchObject({
      path: ['expectedBy'],
      message: 'must be one of "mean", "median", "p75", "p90"',
    });
  });
});

describe('invoice-history', () => {
  it('parses paid invoices, keeping dates as ISO strings and amounts as exact decimal strings', () => {
    const parsed = InvoiceHistoryBehaviourSchema.parse({
      kind: 'invoice-history',
      invoices: [
        { issued: '2026-04-01', paid: '2026-05-14', amount: 1250 },
        { issued: '2026-04-01', paid: '2026-04-01' },
      ],
      expectedBy: 'p75',
    });
    expect(parsed.invoices[0]).toEqual({ issued: '2026-04-01', paid: '2026-05-14', amount: '1250.00' });
    expect(parsed.invoices[1]).toEqual({ issued: '2026-04-01', paid: '2026-04-01' });
    expect(parsed.expectedBy).toBe('p75');
  });

  it('rejects an empty history', () => {
    expect(problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: [] })).toEqual([
      { path: ['invoices'], message: 'must list at least one paid invoice' },
    ]);
  });

  it('rejects a payment before its invoice, naming the row', () => {
    const result = problems(InvoiceHistoryBehaviourSchema, {
      kind: 'invoice-history',
      invoices: [
        { issued: '2026-04-01', paid: '2026-05-01' },
        { issued: '2026-04-10', paid: '2026-04-09' },
      ],
    });
    expect(result).toEqual([{ path: ['invoices', 1, 'paid'], message: 'must be on or after issued (2026-04-10) (got 2026-04-09)' }]);
  });

  it('rejects a payment more than 730 days after issue and dates that do not exist', () => {
    // 2026-01-01 → 2028-01-02 is 365 + 365 + 1 = 731 days (2026 and 2027 are not leap years).
    expect(problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: [{ issued: '2026-01-01', paid: '2028-01-02' }] })[0]).toMatchObject({
      path: ['invoices', 0, 'paid'],
      message: expect.stringContaining('731 days'),
    });
    expect(problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: [{ issued: '2026-02-30', paid: '2026-03-02' }] })[0]).toMatchObject({
      path: ['invoices', 0, 'issued'],
      message: expect.stringContaining('must be a real date'),
    });
  });

  it('rejects an amount that is not exact to the penny or negative', () => {
    const bad = (amount: unknown) =>
      problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: [{ issued: '2026-04-01', paid: '2026-05-01', amount }] })[0];
    expect(bad('1.005')).toMatchObject({ path: ['invoices', 0, 'amount'], message: expect.stringContaining('at most 2 decimal places') });
    expect(bad('-5.00')).toMatchObject({ path: ['invoices', 0, 'amount'], message: 'must be ≥ 0 (got -5.00)' });
  });

  it('accepts 100,000 invoices and rejects 100,001', () => {
    const row = { issued: '2026-04-01', paid: '2026-05-01' };
    expect(InvoiceHistoryBehaviourSchema.safeParse({ kind: 'invoice-history', invoices: new Array(100_000).fill(row) }).success).toBe(true);
    expect(problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: new Array(100_001).fill(row) })).toEqual([
      { path: ['invoices'], message: 'must list at most 100000 invoices' },
    ]);
  });

  it('reports at most 20 bad rows one by one, then a count', () => {
    const rows = new Array(25).fill({ issued: '2026-04-10', paid: '2026-04-01' });
    const result = problems(InvoiceHistoryBehaviourSchema, { kind: 'invoice-history', invoices: rows });
    expect(result).toHaveLength(21);
    expect(result[20]).toEqual({ path: ['invoices'], message: '5 more rows have a bad paid date' });
  });
});

describe('days-table', () => {
  const table = (rows: { days: number; probability: number }[]) => ({ kind: 'days-table', table: rows });

  it('rejects probabilities adding up to 0.9, naming the field and the sum', () => {
    // 0.5 + 0.4 = 0.9, 0.1 short of 1 (tolerance 0.005).
    expect(problems(DaysTableBehaviourSchema, table([{ days: 30, probability: 0.5 }, { days: 60, probability: 0.4 }]))).toEqual([
      { path: ['table'], message: 'probabilities must add up to 1 (within ±0.005) (got 0.9)' },
    ]);
  });

  it('adds decimals exactly: 0.1 + 0.2 + 0.7 is 1, and 0.996 is within tolerance', () => {
    expect(DaysTableBehaviourSchema.safeParse(table([{ days: 1, probability: 0.1 }, { days: 2, probability: 0.2 }, { days: 3, probability: 0.7 }])).success).toBe(true);
    expect(DaysTableBehaviourSchema.safeParse(table([{ days: 1, probability: 0.5 }, { days: 2, probability: 0.496 }])).success).toBe(true);
    expect(DaysTableBehaviourSchema.safeParse(table([{ days: 1, probability: 0.5 }, { days: 2, probability: 0.494 }])).success).toBe(false);
  });

  it('rejects negative or fractional days, probabilities outside 0–1, repeats and an empty table', () => {
    expect(problems(DaysTableBehaviourSchema, table([{ days: -5, probability: 1 }]))).toEqual([{ path: ['table', 0, 'days'], message: 'must be ≥ 0 days' }]);
    expect(problems(DaysTableBehaviourSchema, table([{ days: 2.5, probability: 1 }]))[0]).toMatchObject({ path: ['table', 0, 'days'], message: 'must be a whole number of days' });
    expect(problems(DaysTableBehaviourSchema, table([{ days: 3, probability: 1.5 }]))[0]).toMatchObject({ path: ['table', 0, 'probability'], message: 'must be ≤ 1 (a probability from 0 to 1)' });
    expect(problems(DaysTableBehaviourSchema, table([{ days: 30, probability: 0.5 }, { days: 30, probability: 0.5 }]))).toEqual([
      { path: ['table', 1, 'days'], message: 'must appear once (30 days is also in table[0])' },
    ]);
    expect(problems(DaysTableBehaviourSchema, table([]))).toEqual([{ path: ['table'], message: 'must have at least one row' }]);
  });
});

describe('shifted-lognormal', () => {
  const lognormal = (overrides: Record<string, unknown> = {}) => ({ kind: 'shifted-lognormal', shiftDays: 10, mu: 3, sigma: 0.5, ...overrides });

  it('fills in maxDays 365 and expectedBy median', () => {
    expect(ShiftedLognormalBehaviourSchema.parse(lognormal())).toEqual({ kind: 'shifted-lognormal', shiftDays: 10, mu: 3, sigma: 0.5, maxDays: 365, expectedBy: 'median' });
  });

  it('rejects sigma ≤ 0, a negative shift and a cap not beyond the shift', () => {
    expect(problems(ShiftedLognormalBehaviourSchema, lognormal({ sigma: 0 }))[0]).toMatchObject({ path: ['sigma'], message: 'must be > 0' });
    expect(problems(ShiftedLognormalBehaviourSchema, lognormal({ shiftDays: -1 }))[0]).toMatchObject({ path: ['shiftDays'], message: 'must be ≥ 0 days' });
    expect(problems(ShiftedLognormalBehaviourSchema, lognormal({ shiftDays: 40, maxDays: 40 }))).toEqual([
      { path: ['maxDays'], message: 'must be more than shiftDays (40) (got 40)' },
    ]);
    expect(problems(ShiftedLognormalBehaviourSchema, lognormal({ mu: Number.POSITIVE_INFINITY }))[0]!.path).toEqual(['mu']);
  });
});

describe('as members of a discriminated union on kind', () => {
  it('slots into z.discriminatedUnion and keeps each schema’s rules', () => {
    const Union = z.discriminatedUnion('kind', [
      ReportedBucketsBehaviourSchema,
      InvoiceHistoryBehaviourSchema,
      DaysTableBehaviourSchema,
      ShiftedLognormalBehaviourSchema,
    ]);
    expect(Union.parse(buckets()).kind).toBe('reported-buckets');
    expect(Union.parse({ kind: 'invoice-history', invoices: [{ issued: '2026-04-01', paid: '2026-05-01' }] }).kind).toBe('invoice-history');
    expect(Union.parse({ kind: 'days-table', table: [{ days: 30, probability: 1 }] }).kind).toBe('days-table');
    expect(Union.parse({ kind: 'shifted-lognormal', shiftDays: 0, mu: 3, sigma: 1 }).kind).toBe('shifted-lognormal');
    const result = Union.safeParse({ kind: 'days-table', table: [{ days: 30, probability: 0.9 }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('(got 0.9)');
  });
});
