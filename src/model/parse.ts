import type { z } from 'zod';
import { BridgefitInputError, type InputProblem } from '../money/errors.js';

/** The result of a `safeParse…` helper: the parsed value, or the error that `parse…` would throw. */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: BridgefitInputError };

/**
 * Formats a zod issue path as `contracts[2].billing.paymentTermsDays`.
 *
 * @example
 * ```ts
 * formatPath(['contracts', 2, 'billing', 'paymentTermsDays']); // "contracts[2].billing.paymentTermsDays"
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * Turns a zod error into the list of `path: rule` problems bridgefit reports.
 *
 * @example
 * ```ts
 * const result = ScenarioSchema.safeParse({});
 * if (!result.success) problemsFrom(result.error); // [{ path: 'enterprise', message: '…' }, …]
 * ```
 */
export function problemsFrom(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Parses untrusted input with a schema, never throwing: the parsed value, or a
 * {@link BridgefitInputError} listing every problem by path.
 *
 * @param schema - any bridgefit schema
 * @param input - untrusted data (e.g. from `JSON.parse`)
 * @param what - what is being parsed, for the error's first line
 * @example
 * ```ts
 * const result = safeParseWith(EnterpriseSchema, json, 'enterprise');
 * if (!result.success) console.error(result.error.message);
 * ```
 */
export function safeParseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): SafeParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { success: true, data: result.data };
  return { success: false, error: new BridgefitInputError(problemsFrom(result.error), `Invalid ${what}`) };
}

/**
 * Parses untrusted input with a schema, throwing a {@link BridgefitInputError} that lists every
 * problem as `path: rule`.
 *
 * @example
 * ```ts
 * const commissioner = parseWith(CommissionerSchema, json, 'commissioner');
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = safeParseWith(schema, input, what);
  if (!result.success) throw result.error;
  return result.data;
}
