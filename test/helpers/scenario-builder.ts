/**
 * A small builder for test scenarios, so a test states only what matters to it.
 *
 * Every function returns plain JSON-shaped *input* (as a user would write it); `buildScenario`
 * also parses it with {@link parseScenario}. Defaults describe one simple enterprise:
 *
 * - enterprise `se`, opening cash £0 on 2026-01-01, buffer £0, GBP;
 * - one commissioner `council` (a local authority) that pays on terms, on time;
 * - horizon 2026-01-01 … 2026-12-31;
 * - no contracts and no cash lines unless given.
 *
 * `contractInput` defaults to a £12,000-a-month contract for `council`, 2026-01-01 … 2026-12-31,
 * billed monthly in arrears with invoice lag 0 and 30-day terms, and no costs.
 *
 * Overrides are shallow, except that `contractInput({ billing })` and `scenarioInput({ enterprise })`
 * merge into the defaults, so `contractInput({ billing: { timing: 'in-advance' } })` keeps the rest.
 *
 * @example
 * ```ts
 * const scenario = buildScenario({
 *   enterprise: { openingCash: '10000.00' },
 *   contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] })],
 * });
 * ```
 */
import type { z } from 'zod';
import { parseScenario, type CommissionerSchema, type ContractInput, type EnterpriseInput, type Scenario, type ScenarioInput } from '../../src/model/index.js';

/** A commissioner as written in JSON. */
export type CommissionerInput = z.input<typeof CommissionerSchema>;
/** A cash line as written in JSON. */
export type CashLineInput = NonNullable<ScenarioInput['cashLines']>[number];
/** A delivery cost as written in JSON. */
export type DeliveryCostInput = NonNullable<ContractInput['deliveryCosts']>[number];

/** The default opening date and horizon start. */
export const START = '2026-01-01';
/** The default horizon end. */
export const END = '2026-12-31';

/** An enterprise input: opening cash £0 on {@link START}, buffer £0. */
export function enterpriseInput(overrides: Partial<EnterpriseInput> = {}): EnterpriseInput {
  return {
    id: 'se',
    name: 'Test Social Enterprise CIC',
    legalForm: 'cic',
    openingCash: '0.00',
    openingCashDate: START,
    minimumCashBuffer: '0.00',
    currency: 'GBP',
    ...overrides,
  };
}

/** A commissioner input: `council`, paying on the contract's terms, on time. */
export function commissionerInput(overrides: Partial<CommissionerInput> = {}): CommissionerInput {
  return {
    id: 'council',
    name: 'Test County Council',
    kind: 'local-authority',
    paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 0 },
    ...overrides,
  };
}

/**
 * A contract input: £12,000 a month for `council`, {@link START} … {@link END}, monthly in
 * arrears, invoice lag 0, 30-day terms, no costs. `billing` overrides merge into the default billing.
 */
export function contractInput(overrides: Omit<Partial<ContractInput>, 'billing'> & { billing?: Partial<ContractInput['billing']> } = {}): ContractInput {
  const { billing, ...rest } = overrides;
  return {
    id: 'contract',
    commissionerId: 'council',
    title: 'Test contract',
    start: START,
    end: END,
    value: { kind: 'periodic', amount: '12000.00', per: 'month' },
    ...rest,
    billing: { frequency: 'monthly', timing: 'in-arrears', invoiceLagDays: 0, paymentTermsDays: 30, ...billing },
  };
}

/** A monthly delivery cost of `amount` (major units) paid on `payDay` of each month. */
export function monthlyCost(amount: string, payDay: number, description = 'Payroll'): DeliveryCostInput {
  return { description, amount, frequency: 'monthly', payDay };
}

/** A one-off cash line on `date`. */
export function oneOffLine(id: string, direction: 'inflow' | 'outflow', amount: string, date: string): CashLineInput {
  return { id, description: id, direction, amount, schedule: { kind: 'one-off', date } };
}

/** A recurring cash line from `start` (to the horizon's end unless `end` is given). */
export function recurringLine(
  id: string,
  direction: 'inflow' | 'outflow',
  amount: string,
  frequency: 'weekly' | 'monthly' | 'quarterly' | 'annually',
  start: string,
  end?: string,
): CashLineInput {
  return { id, description: id, direction, amount, schedule: { kind: 'recurring', frequency, start, ...(end ? { end } : {}) } };
}

/** What {@link scenarioInput} accepts: any top-level field; `enterprise` merges into the default. */
export type ScenarioOverrides = Omit<Partial<ScenarioInput>, 'enterprise'> & { enterprise?: Partial<EnterpriseInput> };

/** A whole scenario input with the defaults above; nothing is parsed or checked. */
export function scenarioInput(overrides: ScenarioOverrides = {}): ScenarioInput {
  const { enterprise, ...rest } = overrides;
  return {
    enterprise: enterpriseInput(enterprise),
    commissioners: [commissionerInput()],
    contracts: [],
    cashLines: [],
    horizon: { end: END },
    ...rest,
  };
}

/** {@link scenarioInput}, parsed with `parseScenario` (throws BridgefitInputError when invalid). */
export function buildScenario(overrides: ScenarioOverrides = {}): Scenario {
  return parseScenario(scenarioInput(overrides));
}
