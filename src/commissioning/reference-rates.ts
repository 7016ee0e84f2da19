import { z } from 'zod';
import { BridgefitInputError, inputError } from '../money/errors.js';
import { formatPath, safeParseWith } from '../model/parse.js';
import { AmountSchema, IsoDateSchema } from '../model/primitives.js';
import { Dec } from '../money/rate.js';
import { parseAmount } from '../money/amount.js';
import { civilFromDay, dayFromCivil, formatDay, isIsoDate, parseDay, type Day } from '../calendar/day.js';

// ─── Field schemas and parsing for the commissioning folder ──────────────────────────────────
// Paths are formatted by the shared `formatPath` (src/model/parse.ts). The two field schemas stay
// here because their messages differ from the shared IsoDateSchema / PositiveAmountSchema (they
// repeat parseDay's "2026-02-30 is not a real date", say "is required", and accept only strings),
// and the commissioning tests pin those messages. They are not re-exported from the folder's index.

/**
 * A zod schema for an ISO `YYYY-MM-DD` date string that must exist and lie in 1900–2199.
 * The error message is the one {@link parseDay} gives ("2026-02-30 is not a real date").
 *
 * @internal
 * @example
 * ```ts
 * isoDateField().safeParse('2026-02-30').success; // false
 * ```
 */
export function isoDateField() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date as YYYY-MM-DD') })
    .superRefine((text, ctx) => {
      // The shared schema's test first (cheap, no throw); parseDay only to word the message.
      if (IsoDateSchema.safeParse(text).success) return;
      let message = 'must be a date as YYYY-MM-DD';
      try {
        parseDay(text);
      } catch (error) {
        if (error instanceof BridgefitInputError && error.problems[0]) message = error.problems[0].message;
      }
      ctx.addIssue({ code: 'custom', message });
    });
}

/**
 * A zod schema for a positive amount of money in major units as an exact decimal string with at
 * most 2 decimal places ("12500.00"), as accepted by {@link parseAmount}.
 *
 * @internal
 * @example
 * ```ts
 * positiveAmountField().safeParse('-5.00').success; // false
 * ```
 */
export function positiveAmountField() {
  return z
    .string({
      error: (issue) =>
        issue.input === undefined ? 'is required' : 'must be an amount as a decimal string such as "12500.00"',
    })
    .superRefine((text, ctx) => {
      // The shared AmountSchema decides what is an amount; its message is kept, the sign rule is ours.
      const parsed = AmountSchema.safeParse(text);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]?.message ?? 'must be an amount such as "12500.00"' });
        return;
      }
      if (parseAmount(parsed.data) <= 0) ctx.addIssue({ code: 'custom', message: `must be greater than 0 (got ${JSON.stringify(text)})` });
    });
}

/**
 * Parses `input` with a zod schema, throwing a {@link BridgefitInputError} whose problems name
 * each offending field under `root` (`history` + `[2, 'paidDate']` → `history[2].paidDate`).
 * The shared `parseWith` in src/model/parse.ts reports paths from the schema's root; this one puts the
 * caller's argument name in front, so messages say which argument was wrong.
 *
 * @internal
 * @throws BridgefitInputError listing every zod issue as `path: rule`
 * @example
 * ```ts
 * parseWith(ReferenceRateTableSchema, [], 'referenceRates'); // throws "referenceRates: must list at least one rate"
 * ```
 */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown, root: string): z.output<T> {
  const result = safeParseWith(schema, input, 'input');
  if (result.success) return result.data;
  throw new BridgefitInputError(result.error.problems.map((p) => ({ path: underRoot(root, p.path), message: p.message })));
}

/** Puts a formatted path under `root`: `("history", "[2].paidDate")` → `history[2].paidDate`. */
function underRoot(root: string, path: string): string {
  if (root === '') return path;
  if (path === '') return root;
  return path.startsWith('[') ? `${root}${path}` : formatPath([root, path]);
}

// ─── Reference rates ──────────────────────────────────────────────────────────────────────────

/** One change of Bank Rate: the day it took effect and the new rate as a decimal fraction. */
export interface ReferenceRate {
  /** ISO date the rate took effect, e.g. "2023-08-03". */
  readonly effective: string;
  /** The rate as a decimal-string fraction: "0.0525" is 5.25%. */
  readonly rate: string;
}

/** A table of Bank Rate changes, sorted by `effective`, each date once. */
export type ReferenceRateTable = readonly ReferenceRate[];

const RATE_FRACTION = /^(?:0(?:\.\d{1,12})?|1(?:\.0{1,12})?)$/;

/** Schema for one row of a reference-rate table. */
export const ReferenceRateSchema = z.object({
  effective: isoDateField(),
  rate: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a decimal string such as "0.0525"') })
    .regex(RATE_FRACTION, {
      message: 'must be a rate as a decimal fraction from 0 to 1 with at most 12 decimals, such as "0.0525" for 5.25%',
    }),
});

/**
 * Schema for a caller's table of Bank Rate changes: at least one row, sorted by `effective`
 * with no date twice, each rate a decimal-string fraction from 0 to 1.
 */
export const ReferenceRateTableSchema = z
  .array(ReferenceRateSchema, { error: 'must be an array of { effective, rate } rows' })
  .min(1, { message: 'must list at least one rate' })
  .max(10_000, 'must list at most 10000 rate changes')
  .superRefine((rows, ctx) => {
    for (let i = 1; i < rows.length; i++) {
      const previous = rows[i - 1]!.effective;
      const current = rows[i]!.effective;
      // Real ISO dates compare correctly as strings; a malformed one already has its own issue.
      if (isIsoDate(previous) && isIsoDate(current) && current <= previous) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'effective'],
          message:
            current === previous
              ? `repeats the date of row ${i - 1} (${previous}); each date may appear once`
              : `must be after row ${i - 1} (${previous}); sort the table by date`,
        });
      }
    }
  });

/**
 * Validates a caller's table of Bank Rate changes.
 *
 * @param input - array of `{ effective: "YYYY-MM-DD", rate: "0.0525" }`, sorted by date
 * @returns the table, unchanged in shape
 * @throws BridgefitInputError naming each bad row, e.g. `referenceRates[3].effective: must be after row 2 (2022-02-03)`
 * @example
 * ```ts
 * parseReferenceRateTable([{ effective: '2025-08-07', rate: '0.04' }]);
 * parseReferenceRateTable([{ effective: '2025-08-07', rate: '4' }]);
 * // throws "referenceRates[0].rate: must be a rate as a decimal fraction from 0 to 1 …"
 * ```
 */
export function parseReferenceRateTable(input: unknown): ReferenceRate[] {
  return parseWith(ReferenceRateTableSchema, input, 'referenceRates');
}

const row = (effective: string, rate: string): ReferenceRate => Object.freeze({ effective, rate });

/**
 * Bank of England Bank Rate changes from December 2007, shipped as data for the Late Payment
 * Act reference rate.
 *
 * Source: Bank of England, "Official Bank Rate history"
 * (https://www.bankofengland.co.uk/boeapps/database/Bank-Rate.asp). Compiled on 2026-11-25.
 * The last change included is **3.75% from 2025-12-18**; press reports of the Monetary Policy
 * Committee's decision of 2026-02-05 (held at 3.75%) were the latest checked, see
 * {@link DEFAULT_REFERENCE_RATES_CHECKED_THROUGH}. Changes after that date are **not** in this
 * table: for reference dates after it, pass your own table (same shape; validate it with
 * {@link parseReferenceRateTable}). The first row (5.5% from 2007-12-06) makes 2007-12-31 the
 * earliest reference date this table can answer, so claims whose interest starts before
 * 2008-01-01 need a longer table.
 *
 * @example
 * ```ts
 * DEFAULT_REFERENCE_RATES.at(-1); // { effective: "2025-12-18", rate: "0.0375" }
 * ```
 */
export const DEFAULT_REFERENCE_RATES: ReferenceRateTable = Object.freeze([
  row('2007-12-06', '0.055'),
  row('2008-02-07', '0.0525'),
  row('2008-04-10', '0.05'),
  row('2008-10-08', '0.045'),
  row('2008-11-06', '0.03'),
  row('2008-12-04', '0.02'),
  row('2009-01-08', '0.015'),
  row('2009-02-05', '0.01'),
  row('2009-03-05', '0.005'),
  row('2016-08-04', '0.0025'),
  row('2017-11-02', '0.005'),
  row('2018-08-02', '0.0075'),
  row('2020-03-11', '0.0025'),
  row('2020-03-19', '0.001'),
  row('2021-12-16', '0.0025'),
  row('2022-02-03', '0.005'),
  row('2022-03-17', '0.0075'),
  row('2022-05-05', '0.01'),
  row('2022-06-16', '0.0125'),
  row('2022-08-04', '0.0175'),
  row('2022-09-22', '0.0225'),
  row('2022-11-03', '0.03'),
  row('2022-12-15', '0.035'),
  row('2023-02-02', '0.04'),
  row('2023-03-23', '0.0425'),
  row('2023-05-11', '0.045'),
  row('2023-06-22', '0.05'),
  row('2023-08-03', '0.0525'),
  row('2024-08-01', '0.05'),
  row('2024-11-07', '0.0475'),
  row('2025-02-06', '0.045'),
  row('2025-05-08', '0.0425'),
  row('2025-08-07', '0.04'),
  row('2025-12-18', '0.0375'),
]);

/**
 * The latest date up to which {@link DEFAULT_REFERENCE_RATES} was checked against Bank Rate
 * decisions. A claim whose reference date falls after it gets a warning when it uses the default
 * table, because a later change would be missing.
 *
 * @example
 * ```ts
 * DEFAULT_REFERENCE_RATES_CHECKED_THROUGH; // "2026-02-05"
 * ```
 */
export const DEFAULT_REFERENCE_RATES_CHECKED_THROUGH = '2026-02-05';

/** The reference rate that applies to a date, and where it came from. */
export interface ReferenceRateLookup {
  /** The date asked about (ISO). */
  readonly date: string;
  /** The day whose Bank Rate fixes the reference rate: 31 December or 30 June before `date` (ISO). */
  readonly fixedOn: string;
  /** The reference rate as a decimal-string fraction, e.g. "0.0525". */
  readonly rate: string;
  /** When that Bank Rate took effect (ISO): the table row used. */
  readonly effective: string;
}

/** A validated table held as day numbers and decimals, for repeated look-ups. @internal */
export interface CompiledReferenceRates {
  readonly days: readonly Day[];
  readonly rates: readonly string[];
}

/**
 * Validates a table once and keeps it as day numbers for fast look-ups.
 *
 * @internal
 * @throws BridgefitInputError naming the bad row under `referenceRates`
 * @example
 * ```ts
 * compileReferenceRates(DEFAULT_REFERENCE_RATES).days.length; // 34
 * ```
 */
export function compileReferenceRates(table: unknown): CompiledReferenceRates {
  const rows = parseReferenceRateTable(table);
  return {
    days: rows.map((r) => parseDay(r.effective)),
    rates: rows.map((r) => new Dec(r.rate).toFixed()),
  };
}

/**
 * The reference date for interest starting on `day`: 31 December before it for days from
 * 1 January to 30 June, 30 June before it for days from 1 July to 31 December.
 *
 * @internal
 * @example
 * ```ts
 * formatDay(referenceDateFor(parseDay('2024-02-01'))); // "2023-12-31"
 * ```
 */
export function referenceDateFor(day: Day): Day {
  const { year, month } = civilFromDay(day);
  return month <= 6 ? dayFromCivil(year - 1, 12, 31) : dayFromCivil(year, 6, 30);
}

/**
 * Looks up the reference rate for a day number in a compiled table.
 *
 * @internal
 * @throws BridgefitInputError (`referenceRates`) when the table starts after the reference date
 * @example
 * ```ts
 * lookupReferenceRate(parseDay('2024-02-01'), compileReferenceRates(DEFAULT_REFERENCE_RATES)).rate; // "0.0525"
 * ```
 */
export function lookupReferenceRate(day: Day, table: CompiledReferenceRates): ReferenceRateLookup {
  const fixedOn = referenceDateFor(day);
  // Binary search: the last change on or before fixedOn.
  let lo = 0;
  let hi = table.days.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (table.days[mid]! <= fixedOn) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) {
    return inputError(
      'referenceRates',
      `has no Bank Rate in force on ${formatDay(fixedOn)}, the reference date for ${formatDay(day)}; ` +
        `its earliest entry is ${formatDay(table.days[0]!)}. Pass a table that starts on or before ${formatDay(fixedOn)}`,
    );
  }
  return {
    date: formatDay(day),
    fixedOn: formatDay(fixedOn),
    rate: table.rates[found]!,
    effective: formatDay(table.days[found]!),
  };
}

/**
 * The Late Payment Act reference rate for interest that starts to run on a date: Bank Rate
 * in force on 31 December (for dates from 1 January to 30 June) or on 30 June (for dates from
 * 1 July to 31 December) immediately before it, per the Late Payment of Commercial Debts
 * (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675), art. 4. A change that takes effect on
 * the reference date itself counts as in force on that date.
 *
 * @param date - ISO date, e.g. the first day interest runs
 * @param table - Bank Rate changes; {@link DEFAULT_REFERENCE_RATES} by default (see its coverage)
 * @returns the rate as a decimal-string fraction, with the reference date and the row used
 * @throws BridgefitInputError when `date` is not a real ISO date, the table is invalid, or the
 *   table has no rate as early as the reference date (`referenceRates: has no Bank Rate in force on …`)
 * @example
 * ```ts
 * referenceRateFor('2024-02-01');
 * // { date: "2024-02-01", fixedOn: "2023-12-31", rate: "0.0525", effective: "2023-08-03" }
 * referenceRateFor('2025-07-01').rate; // "0.0425" (Bank Rate on 30 June 2025)
 * ```
 */
export function referenceRateFor(date: string, table: ReferenceRateTable = DEFAULT_REFERENCE_RATES): ReferenceRateLookup {
  const day = parseDay(date, 'date');
  return lookupReferenceRate(day, compileReferenceRates(table));
}
