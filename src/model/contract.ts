import { z } from 'zod';
import { tryParseAmount, formatAmount } from '../money/amount.js';
import { tryParseDay } from '../calendar/day.js';
import { daysSchema, IdSchema, IsoDateSchema, NameSchema, PositiveAmountSchema, NonNegativeAmountSchema } from './primitives.js';
import { PaymentBehaviourSchema } from './payment-behaviour.js';

/** The contract's value: a total over its life, or a fee per period. */
export const ContractValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('total'), amount: PositiveAmountSchema }),
  z.strictObject({
    kind: z.literal('periodic'),
    amount: PositiveAmountSchema,
    /** The period the fee is for; partial periods are pro-rated by days. */
    per: z.enum(['month', 'quarter', 'year']),
  }),
]);

/** A milestone invoice: raised `invoiceLagDays` after `date`. */
export const MilestoneSchema = z.strictObject({
  date: IsoDateSchema,
  amount: PositiveAmountSchema,
  description: NameSchema.optional(),
});

/** How and when the contract is invoiced. */
export const BillingSchema = z.strictObject({
  /** Calendar months, calendar quarters (Jan/Apr/Jul/Oct), or dated milestones. */
  frequency: z.enum(['monthly', 'quarterly', 'milestones']),
  /** In arrears: invoiced after the period; in advance: before it starts. Ignored for milestones. */
  timing: z.enum(['in-arrears', 'in-advance']).default('in-arrears'),
  /** In arrears: days after the period ends that the invoice is raised; in advance: days before it starts; milestones: days after the milestone date. */
  invoiceLagDays: daysSchema(0, 365).default(0),
  /** Days from invoice to its due date under the contract. */
  paymentTermsDays: daysSchema(0, 365).default(30),
  milestones: z.array(MilestoneSchema).max(500, 'must list at most 500 milestones').optional(),
});

/** A one-off cost of getting ready to deliver (recruitment, premises), before or at the start. */
export const MobilisationCostSchema = z.strictObject({
  date: IsoDateSchema,
  amount: PositiveAmountSchema,
  description: NameSchema.default('Mobilisation'),
});

/** A recurring cost of delivering the contract, e.g. the monthly payroll on the 25th. */
export const DeliveryCostSchema = z.strictObject({
  description: NameSchema.default('Delivery costs'),
  /** Cost per period, in major units. Partial months and quarters are pro-rated by days. */
  amount: NonNegativeAmountSchema,
  frequency: z.enum(['weekly', 'monthly', 'quarterly']),
  /** Monthly/quarterly: day of the month it is paid (clamped to the month's end); weekly: ISO weekday 1 (Mon)–7 (Sun). */
  payDay: z.number().int('must be a whole number').min(1, 'must be ≥ 1').max(31, 'must be ≤ 31'),
  /** Defaults to the contract's start. */
  start: IsoDateSchema.optional(),
  /** Defaults to the contract's end. */
  end: IsoDateSchema.optional(),
});

/** A public-sector contract the enterprise delivers. */
export const ContractSchema = z
  .strictObject({
    id: IdSchema,
    commissionerId: IdSchema,
    title: NameSchema,
    start: IsoDateSchema,
    /** Last day of delivery (inclusive). */
    end: IsoDateSchema,
    value: ContractValueSchema,
    billing: BillingSchema,
    /** Overrides the commissioner's payment behaviour for this contract only. */
    paymentBehaviour: PaymentBehaviourSchema.optional(),
    mobilisationCosts: z.array(MobilisationCostSchema).max(100, 'must list at most 100 costs').default([]),
    deliveryCosts: z.array(DeliveryCostSchema).max(20, 'must list at most 20 delivery costs').default([]),
  })
  .superRefine((c, ctx) => {
    const start = tryParseDay(c.start);
    const end = tryParseDay(c.end);
    if (start !== undefined && end !== undefined && end < start) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must be on or after start (${c.start}); got ${c.end}` });
    }
    const milestones = c.billing.milestones;
    if (c.billing.frequency === 'milestones') {
      if (!milestones || milestones.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['billing', 'milestones'], message: 'are required when billing.frequency is "milestones"' });
      } else if (c.value.kind !== 'total') {
        ctx.addIssue({ code: 'custom', path: ['value', 'kind'], message: 'must be "total" when billing by milestones' });
      } else {
        const sum = milestones.reduce((s, m) => s + (tryParseAmount(m.amount) ?? Number.NaN), 0);
        const total = tryParseAmount(c.value.amount);
        if (Number.isSafeInteger(sum) && total !== undefined && sum !== total) {
          ctx.addIssue({
            code: 'custom',
            path: ['billing', 'milestones'],
            message: `must add up to the contract value ${c.value.amount}; they add up to ${formatAmount(sum)}`,
          });
        }
      }
    } else if (milestones && milestones.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['billing', 'milestones'], message: `are only allowed when billing.frequency is "milestones" (it is "${c.billing.frequency}")` });
    }
    c.deliveryCosts.forEach((d, i) => {
      if (d.frequency === 'weekly' && d.payDay > 7) {
        ctx.addIssue({ code: 'custom', path: ['deliveryCosts', i, 'payDay'], message: `must be an ISO weekday 1–7 for weekly costs (got ${d.payDay})` });
      }
      const ds = d.start ? tryParseDay(d.start) : start;
      const de = d.end ? tryParseDay(d.end) : end;
      if (ds !== undefined && de !== undefined && de < ds) {
        ctx.addIssue({ code: 'custom', path: ['deliveryCosts', i, 'end'], message: 'must be on or after the cost’s start' });
      }
    });
  });
/** A parsed contract. */
export type Contract = z.output<typeof ContractSchema>;
/** A contract as written in JSON. */
export type ContractInput = z.input<typeof ContractSchema>;

