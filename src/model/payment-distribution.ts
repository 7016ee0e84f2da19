import { z } from 'zod';
import { isIsoDate, parseDay } from '../calendar/day.js';
import { Dec } from '../money/rate.js';
import { daysSchema, IsoDateSchema, NonNegativeAmountSchema } from './primitives.js';

/**
 * Payment behaviours given as a distribution of days-to-pay (days from invoice issue to cash in
 * the bank), for commissioners whose lateness varies from invoice to invoice. Each schema has a
 * `kind` literal so it slots into the `PaymentBehaviourSchema` union; `forecast/delay-distribution`
 * compiles any of them into a discrete table to sample from.
 */

/** Defaults of the distribution-shaped payment behaviours, in one place. */
export const DISTRIBUTION_DEFAULTS = Object.freeze({
  /** Which figure of the distribution the deterministic (expected) forecast uses. */
  expectedBy: 'median' as const,
  /** Last day of the "later than 60 days" bucket of a `reported-buckets` behaviour. */
  reportedBucketsMaxDays: 120,
  /** Cap on days-to-pay of a `shifted-lognormal` behaviour. */
  lognormalMaxDays: 365,
});

/** Limits and tolerances of the distribution-shaped payment behaviours, in one place. */
export const DISTRIBUTION_LIMITS = Object.freeze({
  /** Longest days-to-pay accepted anywhere (two years, as for `fixed-days`). */
  maxDaysToPay: 730,
  /** Reported percentages must add up to 100 within this many percentage points. */
  percentSumTolerance: 0.5,
  /** A reported average may lie this many days outside its feasible range (it is usually rounded to whole days); it is then read as the nearest feasible value. */
  averageTolerance: 0.5,
  /** Probabilities of a `days-table` must add up to 1 within this. */
  probabilitySumTolerance: 0.005,
  /** Most rows in an `invoice-history`. */
  maxInvoices: 100_000,
});

/** The day ranges (days from issue, inclusive) of the three buckets of a UK payment-practices report. */
export const REPORTED_BUCKET_DAYS = Object.freeze({
  within30: Object.freeze({ from: 0, to: 30 }),
  within31To60: Object.freeze({ from: 31, to: 60 }),
  laterThan60From: 61,
});

/**
 * Which deterministic figure of a days-to-pay distribution the expected forecast uses:
 * the mean (rounded half-up to whole days), the median, or the 75th / 90th percentile.
 */
export const ExpectedBySchema = z.enum(['mean', 'median', 'p75', 'p90'], {
  error: 'must be one of "mean", "median", "p75", "p90"',
});
/** See {@link ExpectedBySchema}. */
export type ExpectedBy = z.output<typeof ExpectedBySchema>;

const expectedBy = ExpectedBySchema.default(DISTRIBUTION_DEFAULTS.expectedBy);

const wholeDays = daysSchema;

function percent() {
  return z
    .number({ error: 'must be a percentage (a number from 0 to 100)' })
    .min(0, 'must be ≥ 0 (a percentage from 0 to 100)')
    .max(100, 'must be ≤ 100 (a percentage from 0 to 100)');
}

/** Exact decimal sum of numbers, read through their shortest decimal form (0.1 + 0.2 is 0.3). */
function decimalSum(values: readonly number[]): Dec {
  let sum = new Dec(0);
  for (const v of values) sum = sum.plus(new Dec(v));
  return sum;
}

/**
 * The range of averages consistent with reported bucket shares: any spread of the shares over
 * days 0–30, 31–60 and 61–`maxDays` has a mean between `min` (every invoice on the first day of
 * its bucket) and `max` (every invoice on the last day). Shares are first scaled to add up to 100.
 *
 * @param buckets - the three percentages and `maxDays` of a `reported-buckets` behaviour
 * @returns the feasible average days-to-pay, in days
 * @example
 * ```ts
 * reportedBucketsAverageRange({
 *   percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5, maxDays: 120,
 * }); // { min: 7.7, max: 39 }  (0.15·31 + 0.05·61 and 0.8·30 + 0.15·60 + 0.05·120)
 * ```
 */
export function reportedBucketsAverageRange(buckets: {
  readonly percentWithin30Days: number;
  readonly percentWithin31To60Days: number;
  readonly percentLaterThan60Days: number;
  readonly maxDays: number;
}): { min: number; max: number } {
  const [p1, p2, p3] = [buckets.percentWithin30Days, buckets.percentWithin31To60Days, buckets.percentLaterThan60Days].map(
    (p) => new Dec(p),
  ) as [Dec, Dec, Dec];
  const total = p1.plus(p2).plus(p3);
  if (total.isZero()) return { min: 0, max: 0 };
  const b = REPORTED_BUCKET_DAYS;
  // Exact decimal arithmetic, so 15% at day 31 and 5% at day 61 give 7.7, not 7.699999999999999.
  const min = p1.times(b.within30.from).plus(p2.times(b.within31To60.from)).plus(p3.times(b.laterThan60From));
  const max = p1.times(b.within30.to).plus(p2.times(b.within31To60.to)).plus(p3.times(buckets.maxDays));
  return { min: min.dividedBy(total).toNumber(), max: max.dividedBy(total).toNumber() };
}

/** Days rounded to 2 decimal places for messages (`down` for a lower bound, `up` for an upper one). */
function showDays(days: number, direction: 'down' | 'up'): string {
  const scaled = days * 100;
  const nearest = Math.round(scaled);
  // Absorb binary noise (7.699999… is 7.7) before rounding outwards.
  const cents = Math.abs(scaled - nearest) < 1e-6 ? nearest : direction === 'down' ? Math.floor(scaled) : Math.ceil(scaled);
  return String(cents / 100);
}

/**
 * A UK payment-practices report (Reporting on Payment Practices and Performance Regulations 2017):
 * the average days taken to pay and the share of invoices paid within 30 days, in 31–60 days and
 * later than 60 days.
 *
 * Rules: the three percentages add up to 100 within 0.5 points (they are then scaled to add up to
 * exactly 100); the average lies in the range the shares allow ({@link reportedBucketsAverageRange},
 * with 0.5 day of slack for rounding); `maxDays` (default 120) is the last day of the
 * "later than 60 days" bucket.
 *
 * @example
 * ```ts
 * ReportedBucketsBehaviourSchema.parse({
 *   kind: 'reported-buckets', averageDaysToPay: 24,
 *   percentWithin30Days: 80, percentWithin31To60Days: 15, percentLaterThan60Days: 5,
 * }); // maxDays 120 and expectedBy 'median' filled in
 * ```
 */
export const ReportedBucketsBehaviourSchema = z
  .strictObject({
    kind: z.literal('reported-buckets'),
    /** Average days from invoice to payment, as reported. */
    averageDaysToPay: z
      .number({ error: 'must be a number of days' })
      .min(0, 'must be ≥ 0 days')
      .max(DISTRIBUTION_LIMITS.maxDaysToPay, `must be ≤ ${DISTRIBUTION_LIMITS.maxDaysToPay} days`),
    /** Percentage of invoices paid within 30 days (0–100). */
    percentWithin30Days: percent(),
    /** Percentage paid in 31 to 60 days (0–100). */
    percentWithin31To60Days: percent(),
    /** Percentage paid later than 60 days (0–100). */
    percentLaterThan60Days: percent(),
    /** Last day of the "later than 60 days" bucket, whole days (61–730, default 120). */
    maxDays: wholeDays(REPORTED_BUCKET_DAYS.laterThan60From, DISTRIBUTION_LIMITS.maxDaysToPay).default(
      DISTRIBUTION_DEFAULTS.reportedBucketsMaxDays,
    ),
    expectedBy,
  })
  .superRefine((value, ctx) => {
    // zod runs this even when a field broke its own rule; check the sum only of valid percentages.
    const percents = [value.percentWithin30Days, value.percentWithin31To60Days, value.percentLaterThan60Days];
    if (!percents.every((p) => typeof p === 'number' && p >= 0 && p <= 100)) return;
    const sum = decimalSum(percents);
    const tolerance = DISTRIBUTION_LIMITS.percentSumTolerance;
    if (sum.minus(100).abs().greaterThan(tolerance)) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          `percentWithin30Days + percentWithin31To60Days + percentLaterThan60Days must add up to 100 ` +
          `(within ±${tolerance} points) (got ${sum.toString()})`,
      });
      return;
    }
    if (!(value.averageDaysToPay >= 0) || !Number.isInteger(value.maxDays) || value.maxDays < REPORTED_BUCKET_DAYS.laterThan60From) return;
    const { min, max } = reportedBucketsAverageRange(value);
    const slack = DISTRIBUTION_LIMITS.averageTolerance;
    if (value.averageDaysToPay < min - slack || value.averageDaysToPay > max + slack) {
      ctx.addIssue({
        code: 'custom',
        path: ['averageDaysToPay'],
        message:
          `must be between ${showDays(min, 'down')} and ${showDays(max, 'up')} days for the reported shares ` +
          `(paying every invoice on the first or the last day of its bucket: 0–30, 31–60, 61–${value.maxDays}) ` +
          `(got ${value.averageDaysToPay})`,
      });
    }
  });
/** A parsed `reported-buckets` behaviour. */
export type ReportedBucketsBehaviour = z.output<typeof ReportedBucketsBehaviourSchema>;

/** One paid invoice of an `invoice-history`. */
export const PaidInvoiceSchema = z.strictObject({
  /** Date the invoice was issued, `YYYY-MM-DD`. */
  issued: IsoDateSchema,
  /** Date the cash arrived, `YYYY-MM-DD`, on or after `issued`. */
  paid: IsoDateSchema,
  /** Invoice amount in major units as an exact decimal string ("1250.00"); kept for reference, not used to weight the distribution. */
  amount: NonNegativeAmountSchema.optional(),
});
/** A parsed paid invoice. */
export type PaidInvoice = z.output<typeof PaidInvoiceSchema>;

const MAX_ROW_ISSUES = 20;

/**
 * A commissioner's record of paid invoices: the empirical distribution of days from issue to
 * payment. At least 1 and at most 100,000 rows; each `paid` on or after its `issued` and within
 * 730 days of it.
 *
 * @example
 * ```ts
 * InvoiceHistoryBehaviourSchema.parse({
 *   kind: 'invoice-history',
 *   invoices: [{ issued: '2025-04-01', paid: '2025-05-14', amount: '1250.00' }],
 * });
 * ```
 */
export const InvoiceHistoryBehaviourSchema = z
  .strictObject({
    kind: z.literal('invoice-history'),
    invoices: z
      .array(PaidInvoiceSchema, { error: 'must be a list of paid invoices' })
      .min(1, 'must list at least one paid invoice')
      .max(DISTRIBUTION_LIMITS.maxInvoices, `must list at most ${DISTRIBUTION_LIMITS.maxInvoices} invoices`),
    expectedBy,
  })
  .superRefine((value, ctx) => {
    let problems = 0;
    value.invoices.forEach((invoice, i) => {
      // zod runs this even when a row broke its own rules; compare only real dates.
      if (!isIsoDate(invoice.issued) || !isIsoDate(invoice.paid)) return;
      const days = parseDay(invoice.paid) - parseDay(invoice.issued);
      let message: string | undefined;
      if (days < 0) message = `must be on or after issued (${invoice.issued}) (got ${invoice.paid})`;
      else if (days > DISTRIBUTION_LIMITS.maxDaysToPay) {
        message = `must be within ${DISTRIBUTION_LIMITS.maxDaysToPay} days of issued (${invoice.issued}) (got ${invoice.paid}, ${days} days); check the dates`;
      }
      if (message === undefined) return;
      problems += 1;
      if (problems <= MAX_ROW_ISSUES) ctx.addIssue({ code: 'custom', path: ['invoices', i, 'paid'], message });
    });
    if (problems > MAX_ROW_ISSUES) {
      ctx.addIssue({ code: 'custom', path: ['invoices'], message: `${problems - MAX_ROW_ISSUES} more rows have a bad paid date` });
    }
  });
/** A parsed `invoice-history` behaviour. */
export type InvoiceHistoryBehaviour = z.output<typeof InvoiceHistoryBehaviourSchema>;

/** One row of a `days-table`. */
export const DaysProbabilitySchema = z.strictObject({
  /** Days from invoice issue to payment, whole days 0–730. */
  days: wholeDays(0, DISTRIBUTION_LIMITS.maxDaysToPay),
  /** Probability of paying after exactly `days` days, 0–1. */
  probability: z
    .number({ error: 'must be a probability (a number from 0 to 1)' })
    .min(0, 'must be ≥ 0 (a probability from 0 to 1)')
    .max(1, 'must be ≤ 1 (a probability from 0 to 1)'),
});

/**
 * A discrete distribution of days-to-pay given row by row. Each `days` appears once; the
 * probabilities add up to 1 within 0.005 (they are then scaled to add up to exactly 1).
 *
 * @example
 * ```ts
 * DaysTableBehaviourSchema.parse({
 *   kind: 'days-table',
 *   table: [{ days: 30, probability: 0.6 }, { days: 60, probability: 0.3 }, { days: 90, probability: 0.1 }],
 * });
 * ```
 */
export const DaysTableBehaviourSchema = z
  .strictObject({
    kind: z.literal('days-table'),
    table: z
      .array(DaysProbabilitySchema, { error: 'must be a list of { days, probability } rows' })
      .min(1, 'must have at least one row')
      .max(DISTRIBUTION_LIMITS.maxDaysToPay + 1, `must have at most ${DISTRIBUTION_LIMITS.maxDaysToPay + 1} rows (one per day)`),
    expectedBy,
  })
  .superRefine((value, ctx) => {
    const firstRow = new Map<number, number>();
    value.table.forEach((row, i) => {
      const earlier = firstRow.get(row.days);
      if (earlier === undefined) firstRow.set(row.days, i);
      else ctx.addIssue({ code: 'custom', path: ['table', i, 'days'], message: `must appear once (${row.days} days is also in table[${earlier}])` });
    });
    // zod runs this even when a row broke its own rules; add up only a table of valid probabilities.
    if (value.table.length === 0 || !value.table.every((row) => typeof row.probability === 'number' && row.probability >= 0 && row.probability <= 1)) return;
    const sum = decimalSum(value.table.map((row) => row.probability));
    const tolerance = DISTRIBUTION_LIMITS.probabilitySumTolerance;
    if (sum.minus(1).abs().greaterThan(tolerance)) {
      ctx.addIssue({
        code: 'custom',
        path: ['table'],
        message: `probabilities must add up to 1 (within ±${tolerance}) (got ${sum.toString()})`,
      });
    }
  });
/** A parsed `days-table` behaviour. */
export type DaysTableBehaviour = z.output<typeof DaysTableBehaviourSchema>;

/**
 * Days-to-pay = `shiftDays` + exp(`mu` + `sigma`·Z), Z standard normal: a log-normal delay after a
 * fixed minimum. Discretised to whole days by rounding up and capped at `maxDays` (default 365,
 * must be more than `shiftDays`).
 *
 * @example
 * ```ts
 * // median 10 + e^3 ≈ 30.1 days
 * ShiftedLognormalBehaviourSchema.parse({ kind: 'shifted-lognormal', shiftDays: 10, mu: 3, sigma: 0.5 });
 * ```
 */
export const ShiftedLognormalBehaviourSchema = z
  .strictObject({
    kind: z.literal('shifted-lognormal'),
    /** Fixed minimum days before any payment, ≥ 0 (may be fractional). */
    shiftDays: z
      .number({ error: 'must be a number of days' })
      .min(0, 'must be ≥ 0 days')
      .max(DISTRIBUTION_LIMITS.maxDaysToPay, `must be ≤ ${DISTRIBUTION_LIMITS.maxDaysToPay} days`),
    /** Mean of the logarithm of the delay beyond the shift (log-days). */
    mu: z.number({ error: 'must be a number (the mean of log-days)' }),
    /** Standard deviation of the logarithm of the delay, > 0. */
    sigma: z.number({ error: 'must be a number (the standard deviation of log-days)' }).gt(0, 'must be > 0'),
    /** Cap on days-to-pay, whole days 1–730 (default 365). */
    maxDays: wholeDays(1, DISTRIBUTION_LIMITS.maxDaysToPay).default(DISTRIBUTION_DEFAULTS.lognormalMaxDays),
    expectedBy,
  })
  .superRefine((value, ctx) => {
    if (typeof value.maxDays === 'number' && typeof value.shiftDays === 'number' && value.maxDays <= value.shiftDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxDays'],
        message: `must be more than shiftDays (${value.shiftDays}) (got ${value.maxDays})`,
      });
    }
  });
/** A parsed `shifted-lognormal` behaviour. */
export type ShiftedLognormalBehaviour = z.output<typeof ShiftedLognormalBehaviourSchema>;

/** Any parsed distribution-shaped payment behaviour. */
export type DistributionBehaviour =
  | ReportedBucketsBehaviour
  | InvoiceHistoryBehaviour
  | DaysTableBehaviour
  | ShiftedLognormalBehaviour;
