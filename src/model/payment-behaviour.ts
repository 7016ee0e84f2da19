import { z } from 'zod';
import { daysSchema } from './primitives.js';
import {
  DaysTableBehaviourSchema,
  InvoiceHistoryBehaviourSchema,
  ReportedBucketsBehaviourSchema,
  ShiftedLognormalBehaviourSchema,
} from './payment-distribution.js';

/** Pays a fixed number of days after the invoice is issued, whatever the terms say. */
export const FixedDaysBehaviourSchema = z.strictObject({
  kind: z.literal('fixed-days'),
  /** Days from invoice issue to cash in the bank. */
  daysToPay: daysSchema(0, 730),
});

/** Pays on the contract's payment terms plus a typical number of days late. */
export const TermsPlusLateBehaviourSchema = z.strictObject({
  kind: z.literal('terms-plus-late'),
  /** Typical days paid after the due date (0 = on time). */
  typicalDaysLate: daysSchema(0, 730).default(0),
});

/**
 * How a commissioner pays, a union on `kind`: two deterministic forms (`fixed-days`,
 * `terms-plus-late`) and four distributions of days to pay (`reported-buckets` from a
 * payment-practices report, `invoice-history`, `days-table`, `shifted-lognormal`). The
 * deterministic forecast uses each distribution's `expectedBy` figure; the Monte Carlo samples it.
 */
export const PaymentBehaviourSchema = z.discriminatedUnion('kind', [
  FixedDaysBehaviourSchema,
  TermsPlusLateBehaviourSchema,
  ReportedBucketsBehaviourSchema,
  InvoiceHistoryBehaviourSchema,
  DaysTableBehaviourSchema,
  ShiftedLognormalBehaviourSchema,
]);
/** A parsed payment behaviour. */
export type PaymentBehaviour = z.output<typeof PaymentBehaviourSchema>;
