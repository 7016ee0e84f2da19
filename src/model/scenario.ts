import { z } from 'zod';
import { addMonths } from '../calendar/months.js';
import { tryParseDay } from '../calendar/day.js';
import { EnterpriseSchema } from './enterprise.js';
import { CommissionerSchema } from './commissioner.js';
import { ContractSchema } from './contract.js';
import { CashLineSchema } from './cash-line.js';
import { IsoDateSchema, MAX_LIST, NonNegativeAmountSchema } from './primitives.js';
import { parseWith, safeParseWith, type SafeParseResult } from './parse.js';

/** The longest horizon a scenario may have, in calendar months (20 years). */
export const MAX_HORIZON_MONTHS = 240;
/** Limits on the size of a scenario, so untrusted input cannot make the work unbounded. */
export const SCENARIO_LIMITS = Object.freeze({ commissioners: 500, contracts: MAX_LIST, cashLines: MAX_LIST, horizonMonths: MAX_HORIZON_MONTHS });

/** The period the ledger covers: from the opening-cash date to `end` (inclusive). */
export const HorizonSchema = z.strictObject({
  /** Must equal the enterprise's `openingCashDate` when given (the ledger starts from the opening balance). */
  start: IsoDateSchema.optional(),
  end: IsoDateSchema,
});

/** Everything needed to forecast an enterprise's cash: who it is, who pays it, what it delivers. */
export const ScenarioSchema = z
  .strictObject({
    enterprise: EnterpriseSchema,
    commissioners: z.array(CommissionerSchema).max(SCENARIO_LIMITS.commissioners, `must list at most ${SCENARIO_LIMITS.commissioners} commissioners`),
    contracts: z.array(ContractSchema).max(SCENARIO_LIMITS.contracts, `must list at most ${SCENARIO_LIMITS.contracts} contracts`),
    cashLines: z.array(CashLineSchema).max(SCENARIO_LIMITS.cashLines, `must list at most ${SCENARIO_LIMITS.cashLines} cash lines`).default([]),
    horizon: HorizonSchema,
    /** Overrides the enterprise's minimum cash buffer for this scenario. */
    buffer: NonNegativeAmountSchema.optional(),
  })
  .superRefine((s, ctx) => {
    uniqueIds(s.commissioners, 'commissioners', ctx);
    uniqueIds(s.contracts, 'contracts', ctx);
    uniqueIds(s.cashLines, 'cashLines', ctx);
    const known = new Set(s.commissioners.map((c) => c.id));
    s.contracts.forEach((contract, i) => {
      if (!known.has(contract.commissionerId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['contracts', i, 'commissionerId'],
          message: `contract "${contract.id}" names commissioner "${contract.commissionerId}", which is not in commissioners`,
        });
      }
    });
    const start = tryParseDay(s.horizon.start ?? s.enterprise.openingCashDate);
    const end = tryParseDay(s.horizon.end);
    if (s.horizon.start !== undefined && s.horizon.start !== s.enterprise.openingCashDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['horizon', 'start'],
        message: `must equal enterprise.openingCashDate (${s.enterprise.openingCashDate}), where the ledger starts; got ${s.horizon.start}`,
      });
    }
    if (start === undefined || end === undefined) return;
    if (end < start) {
      ctx.addIssue({ code: 'custom', path: ['horizon', 'end'], message: `must be on or after the horizon's start (${formatStart(s)}); got ${s.horizon.end}` });
    } else if (end > addMonths(start, MAX_HORIZON_MONTHS)) {
      ctx.addIssue({ code: 'custom', path: ['horizon', 'end'], message: `must be at most ${MAX_HORIZON_MONTHS / 12} years after the horizon's start (${formatStart(s)}); got ${s.horizon.end}` });
    }
  });

/** A parsed, cross-checked scenario. */
export type Scenario = z.output<typeof ScenarioSchema>;
/** A scenario as written in JSON. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

function formatStart(s: { horizon: { start?: string | undefined }; enterprise: { openingCashDate: string } }): string {
  return s.horizon.start ?? s.enterprise.openingCashDate;
}

function uniqueIds(items: readonly { id: string }[], list: string, ctx: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: `duplicates the id "${item.id}" of ${list}[${first}]; ids must be unique` });
    } else {
      seen.set(item.id, i);
    }
  });
}

/**
 * Parses and cross-checks a scenario from untrusted JSON.
 *
 * @param input - the scenario as plain data (amounts "12500.00", dates "2026-04-01")
 * @returns the parsed scenario, defaults filled in, amounts normalised to two decimals
 * @throws BridgefitInputError listing every problem as `path: rule`
 * @example
 * ```ts
 * const scenario = parseScenario(JSON.parse(readFileSync('scenario.json', 'utf8')));
 * ```
 */
export function parseScenario(input: unknown): Scenario {
  return parseWith(ScenarioSchema, input, 'scenario');
}

/**
 * Like {@link parseScenario}, but returns `{ success: false, error }` instead of throwing.
 *
 * @example
 * ```ts
 * const result = safeParseScenario(json);
 * if (!result.success) console.error(result.error.problems);
 * ```
 */
export function safeParseScenario(input: unknown): SafeParseResult<Scenario> {
  return safeParseWith(ScenarioSchema, input, 'scenario');
}
