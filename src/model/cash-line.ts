import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema, PositiveAmountSchema } from './primitives.js';

/** When a cash line falls: once, or on a recurring schedule. */
export const CashLineScheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('one-off'), date: IsoDateSchema }),
  z.strictObject({
    kind: z.literal('recurring'),
    frequency: z.enum(['weekly', 'monthly', 'quarterly', 'annually']),
    /** First occurrence; later ones fall 7 days, or 1/3/12 calendar months, apart (month ends clamp). */
    start: IsoDateSchema,
    /** Last possible occurrence (inclusive); open-ended lines run to the horizon's end. */
    end: IsoDateSchema.optional(),
  }),
]);

/** Another inflow or outflow: a grant, rent, a loan repayment. */
export const CashLineSchema = z.strictObject({
  id: IdSchema,
  description: NameSchema,
  direction: z.enum(['inflow', 'outflow']),
  /** Amount of each occurrence, in major units. */
  amount: PositiveAmountSchema,
  schedule: CashLineScheduleSchema,
});
/** A parsed cash line. */
export type CashLine = z.output<typeof CashLineSchema>;
