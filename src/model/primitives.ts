import { z } from 'zod';
import { formatAmount, parseAmount } from '../money/amount.js';
import { isIsoDate } from '../calendar/day.js';
import { BridgefitInputError } from '../money/errors.js';
import { Dec } from '../money/rate.js';

/** Most items bridgefit accepts in one list (contracts, cash lines, …) unless a schema says less. */
export const MAX_LIST = 2000;

/** An identifier: 1–100 characters, no white space or control characters. */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\s\p{Cc}]+$/u, 'must not contain spaces or control characters');

/** A short human label. */
export const NameSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

/** A real ISO calendar date `YYYY-MM-DD` between 1900 and 2199. */
export const IsoDateSchema = z.string().superRefine((value, ctx) => {
  if (!isIsoDate(value)) {
    ctx.addIssue({ code: 'custom', message: `must be a real date as YYYY-MM-DD between 1900 and 2199 (got ${JSON.stringify(value)})` });
  }
});

function amountSchema(rule: 'any' | 'non-negative' | 'positive') {
  return z
    .union([z.string(), z.number()], {
      error: (issue) => (issue.input === undefined ? 'is required: an amount such as "12500.00"' : 'must be an amount such as "12500.00"'),
    })
    .transform((value, ctx) => {
      let minor: number;
      try {
        minor = parseAmount(value);
      } catch (error) {
        const problem = error instanceof BridgefitInputError ? error.problems[0]?.message : undefined;
        ctx.addIssue({ code: 'custom', message: problem ?? 'must be an amount such as "12500.00"' });
        return z.NEVER;
      }
      if (rule === 'non-negative' && minor < 0) {
        ctx.addIssue({ code: 'custom', message: `must be ≥ 0 (got ${formatAmount(minor)})` });
        return z.NEVER;
      }
      if (rule === 'positive' && minor <= 0) {
        ctx.addIssue({ code: 'custom', message: `must be > 0 (got ${formatAmount(minor)})` });
        return z.NEVER;
      }
      return formatAmount(minor);
    });
}

/** An amount in major units, as an exact decimal string ("12500.00") or a number exact at 2 dp; normalised to a string. */
export const AmountSchema = amountSchema('any');
/** An amount ≥ 0. */
export const NonNegativeAmountSchema = amountSchema('non-negative');
/** An amount > 0. */
export const PositiveAmountSchema = amountSchema('positive');

/**
 * A zod schema for a whole number of days between `min` and `max`, with messages naming the rule.
 *
 * @example
 * ```ts
 * daysSchema(0, 365).parse(30); // 30
 * daysSchema(0, 365).parse(-5); // throws: must be ≥ 0 days
 * ```
 */
export function daysSchema(min: number, max: number) {
  return z
    .number({ error: 'must be a whole number of days' })
    .int(`must be a whole number of days`)
    .min(min, `must be ≥ ${min} days`)
    .max(max, `must be ≤ ${max} days`);
}

/** An ISO 4217 currency code; GBP by default. */
export const CurrencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as "GBP"')
  .default('GBP');

/**
 * A rate or share as a decimal fraction string, 0 to 1 inclusive ("0.08" is 8%), normalised to a
 * trimmed string. Above 1 is rejected as "above 100%", so "8" for 8% is caught.
 */
export const FractionSchema = z
  .union([z.string(), z.number()], { error: 'must be a rate as a decimal fraction such as "0.08" for 8%' })
  .transform((value, ctx) => {
    const text = String(value).trim();
    if (!/^-?\d{1,6}(\.\d{1,12})?$/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `must be a rate as a decimal fraction such as "0.08" for 8% (got ${JSON.stringify(value)})` });
      return z.NEVER;
    }
    if (text.startsWith('-') && /[1-9]/.test(text)) {
      ctx.addIssue({ code: 'custom', message: `must be ≥ 0 (got ${text})` });
      return z.NEVER;
    }
    const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
    if (Number(whole) > 1 || (Number(whole) === 1 && /[1-9]/.test(fraction))) {
      ctx.addIssue({ code: 'custom', message: `must be at most 1 (100%): rates are decimal fractions, "0.08" is 8% (got ${text}, above 100%)` });
      return z.NEVER;
    }
    return new Dec(text.replace(/^-/, '')).toFixed();
  });
