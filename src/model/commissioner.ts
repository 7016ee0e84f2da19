import { z } from 'zod';
import { IdSchema, NameSchema } from './primitives.js';
import { PaymentBehaviourSchema } from './payment-behaviour.js';

/** Kinds of public-sector commissioner. */
export const COMMISSIONER_KINDS = ['local-authority', 'nhs-body', 'central-government', 'housing-association', 'other'] as const;
/** A kind of commissioner, one of {@link COMMISSIONER_KINDS}. */
export type CommissionerKind = (typeof COMMISSIONER_KINDS)[number];

/** A body that commissions and pays for contracts, and how it actually pays. */
export const CommissionerSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  kind: z.enum(COMMISSIONER_KINDS),
  /** Defaults to paying on the contract's terms, on time. */
  paymentBehaviour: PaymentBehaviourSchema.default({ kind: 'terms-plus-late', typicalDaysLate: 0 }),
});
/** A parsed commissioner. */
export type Commissioner = z.output<typeof CommissionerSchema>;
