/**
 * The eligibility rules, one small named function per criterion. Each takes an
 * {@link EligibilityContext} and returns a {@link Reason}, or null when the product does not
 * state the criterion. A platform adds its own by passing
 * `rules: [...DEFAULT_ELIGIBILITY_RULES, myRule]` to `checkEligibility` or `matchProducts`.
 *
 * The decisions (not the words) are shared with the fast path in `prepare.ts` through the
 * helpers below, and a property test checks that the two agree.
 */
import { formatPercent } from '../money/percent.js';
import { formatMoney, parseAmount, type Minor } from '../money/amount.js';
import { applyRate, Dec } from '../money/rate.js';
import { parseDay } from '../calendar/day.js';
import type { CommissionerKind } from '../model/commissioner.js';
import type { EligibilityContext, EligibilityRule, Reason } from './eligibility.js';
import { wholeMonths, type NeedContract } from './need.js';

/** Commissioner kinds that make a contract a public-sector contract. `other` is unknown; a housing association is not public sector. */
export const PUBLIC_COMMISSIONER_KINDS: readonly CommissionerKind[] = ['local-authority', 'nhs-body', 'central-government'];

/**
 * Whether any contract is public-sector: yes, no, or unknown (only `other` commissioners besides non-public ones).
 *
 * @example
 * ```ts
 * publicContractStatus([{ value: 100, monthsRemaining: 12, commissionerKind: 'nhs-body' }]); // 'yes'
 * ```
 */
export function publicContractStatus(contracts: readonly NeedContract[]): 'yes' | 'no' | 'unknown' {
  let unknown = false;
  for (const c of contracts) {
    if (PUBLIC_COMMISSIONER_KINDS.includes(c.commissionerKind)) return 'yes';
    if (c.commissionerKind === 'other') unknown = true;
  }
  return unknown ? 'unknown' : 'no';
}

/**
 * Lower-cased, trimmed label for case-insensitive comparison of regions, sectors and themes.
 *
 * @example
 * ```ts
 * label(' South East '); // 'south east'
 * ```
 */
export function label(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * The items of `wanted` that `have` also lists (case-insensitive), in `wanted`'s order.
 *
 * @example
 * ```ts
 * overlap(['Wales', 'South East'], ['south east']); // ['South East']
 * ```
 */
export function overlap(wanted: readonly string[], have: readonly string[]): string[] {
  const set = new Set(have.map(label));
  return wanted.filter((w) => set.has(label(w)));
}

/**
 * The largest amount a share of `base` allows, rounded down to a whole minor unit.
 *
 * @example
 * ```ts
 * shareCap(95_000_000, '0.25'); // 23_750_000 (25% of £950,000)
 * ```
 */
export function shareCap(base: Minor, share: string): Minor {
  return applyRate(base, share, 'down');
}

/**
 * Whole months trading from `tradingSince` to `asOf`, or null when not given.
 *
 * @example
 * ```ts
 * monthsTrading('2019-06-01', '2026-03-01'); // 81
 * ```
 */
export function monthsTrading(tradingSince: string | undefined, asOf: string): number | null {
  return tradingSince === undefined ? null : wholeMonths(parseDay(tradingSince), parseDay(asOf));
}

/**
 * The longest `monthsRemaining` of any contract, or null when there are none.
 *
 * @example
 * ```ts
 * longestContractMonths([{ value: 1, monthsRemaining: 24, commissionerKind: 'nhs-body' }]); // 24
 * ```
 */
export function longestContractMonths(contracts: readonly NeedContract[]): number | null {
  let best: number | null = null;
  for (const c of contracts) if (best === null || c.monthsRemaining > best) best = c.monthsRemaining;
  return best;
}

/**
 * The total value of all contracts, minor units.
 *
 * @example
 * ```ts
 * totalContractValue([{ value: 100, monthsRemaining: 1, commissionerKind: 'other' }]); // 100
 * ```
 */
export function totalContractValue(contracts: readonly NeedContract[]): Minor {
  let sum = 0;
  for (const c of contracts) sum += c.value;
  return sum;
}


function list(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.join(', ');
}

function reason(criterion: string, outcome: Reason['outcome'], message: string): Reason {
  return { criterion, outcome, message };
}

/** The product lends in the enterprise's currency. Always stated (a product has a currency). */
export const currencyRule: EligibilityRule = ({ enterprise, product }) =>
  product.currency === enterprise.currency
    ? reason('currency', 'passed', `lends in ${product.currency}, the enterprise's currency`)
    : reason('currency', 'failed', `enterprise works in ${enterprise.currency}; product lends in ${product.currency}`);

/** The enterprise's legal form is one the product lends to. */
export const legalFormRule: EligibilityRule = ({ enterprise, criteria }) => {
  const forms = criteria.legalForms;
  if (!forms) return null;
  return forms.includes(enterprise.legalForm)
    ? reason('legal-form', 'passed', `legal form ${enterprise.legalForm}; product lends to ${list(forms)}`)
    : reason('legal-form', 'failed', `legal form ${enterprise.legalForm}; product lends only to ${list(forms)}`);
};

/** Whole months from `tradingSince` to the need's `asOf` are at least the product's minimum. */
export const monthsTradingRule: EligibilityRule = ({ enterprise, need, criteria }) => {
  const min = criteria.minMonthsTrading;
  if (min === undefined) return null;
  const months = monthsTrading(enterprise.tradingSince, need.asOf);
  if (months === null) return reason('months-trading', 'unknown', `trading history not given (no tradingSince); product needs ${min} months`);
  return reason(
    'months-trading',
    months >= min ? 'passed' : 'failed',
    `trading ${months} months (since ${enterprise.tradingSince} to ${need.asOf}); product needs ${min}`,
  );
};

/** Annual turnover within the product's range. */
export const turnoverRule: EligibilityRule = ({ enterprise, criteria, product }) => {
  const { minTurnover, maxTurnover } = criteria;
  if (minTurnover === undefined && maxTurnover === undefined) return null;
  const money = (s: string) => formatMoney(parseAmount(s), product.currency);
  const wanted =
    minTurnover !== undefined && maxTurnover !== undefined
      ? `${money(minTurnover)} to ${money(maxTurnover)}`
      : minTurnover !== undefined
        ? `at least ${money(minTurnover)}`
        : `at most ${money(maxTurnover!)}`;
  if (enterprise.annualTurnover === undefined) return reason('turnover', 'unknown', `turnover not given; product needs ${wanted}`);
  const turnover = parseAmount(enterprise.annualTurnover);
  const ok = (minTurnover === undefined || turnover >= parseAmount(minTurnover)) && (maxTurnover === undefined || turnover <= parseAmount(maxTurnover));
  return reason('turnover', ok ? 'passed' : 'failed', `turnover ${formatMoney(turnover, enterprise.currency)}; product needs ${wanted}`);
};

function listRule(criterion: string, noun: string, wanted: readonly string[] | undefined, have: readonly string[] | undefined, verb: string): Reason | null {
  if (!wanted) return null;
  if (have === undefined) return reason(criterion, 'unknown', `${noun} not given; product ${verb} ${list(wanted)}`);
  const common = overlap(wanted, have);
  return common.length > 0
    ? reason(criterion, 'passed', `${noun} ${list(have)}; product ${verb} ${list(wanted)} (match: ${list(common)})`)
    : reason(criterion, 'failed', `${noun} ${list(have)}; product ${verb} only ${list(wanted)}`);
}

/** The enterprise works in at least one of the product's sectors (case-insensitive). */
export const sectorRule: EligibilityRule = ({ enterprise, criteria }) => listRule('sector', 'sectors', criteria.sectors, enterprise.sectors, 'funds');

/** The enterprise is based in one of the product's regions (case-insensitive). */
export const regionRule: EligibilityRule = ({ enterprise, criteria }) =>
  listRule('region', 'region', criteria.regions, enterprise.region === undefined ? undefined : [enterprise.region], 'lends in');

/** The enterprise's work matches at least one of the investor's impact themes (case-insensitive). */
export const impactThemeRule: EligibilityRule = ({ enterprise, criteria }) =>
  listRule('impact-theme', 'impact themes', criteria.impactThemes, enterprise.impactThemes, 'funds');

/** At least one contract is with a public-sector commissioner (local authority, NHS body, central government). */
export const publicContractRule: EligibilityRule = ({ need, criteria }) => {
  if (criteria.requiresPublicContract !== true) return null;
  const kinds = [...new Set(need.contracts.map((c) => c.commissionerKind))];
  switch (publicContractStatus(need.contracts)) {
    case 'yes':
      return reason('public-contract', 'passed', `holds a public-sector contract (commissioners: ${list(kinds)}); product requires one`);
    case 'unknown':
      return reason('public-contract', 'unknown', `commissioners are ${list(kinds)}: cannot tell whether any is public sector; product requires a public-sector contract`);
    default:
      return reason('public-contract', 'failed', `no public-sector contract (commissioners: ${list(kinds)}); product requires one`);
  }
};

/** The longest contract has at least the product's minimum months left to run. */
export const contractMonthsRule: EligibilityRule = ({ need, criteria }) => {
  const min = criteria.minContractMonthsRemaining;
  if (min === undefined) return null;
  const months = longestContractMonths(need.contracts);
  if (months === null) return reason('contract-months-remaining', 'failed', `no contracts; product needs a contract with ${min} months left`);
  return reason('contract-months-remaining', months >= min ? 'passed' : 'failed', `longest contract has ${months} months left (from ${need.asOf}); product needs ${min}`);
};

/** The amount lent is at most the product's share of annual turnover. */
export const shareOfTurnoverRule: EligibilityRule = ({ enterprise, criteria, amount, product }) => {
  const share = criteria.maxShareOfTurnover;
  if (share === undefined) return null;
  const c = product.currency;
  if (enterprise.annualTurnover === undefined) {
    return reason('share-of-turnover', 'unknown', `turnover not given; product lends up to ${formatPercent(share)} of turnover (borrowing ${formatMoney(amount, c)})`);
  }
  const turnover = parseAmount(enterprise.annualTurnover);
  const cap = shareCap(turnover, share);
  const of = turnover > 0 ? ` would be ${formatPercent(new Dec(amount).div(turnover))} of turnover` : ' against a turnover of nil';
  return reason(
    'share-of-turnover',
    amount <= cap ? 'passed' : 'failed',
    `borrowing ${formatMoney(amount, c)}${of} ${formatMoney(turnover, c)}; product lends up to ${formatPercent(share)} of turnover (${formatMoney(cap, c)})`,
  );
};

/** The amount lent is at most the product's share of the total value of the enterprise's contracts. */
export const shareOfContractValueRule: EligibilityRule = ({ need, criteria, amount, product }) => {
  const share = criteria.maxShareOfContractValue;
  if (share === undefined) return null;
  const c = product.currency;
  const value = totalContractValue(need.contracts);
  const cap = shareCap(value, share);
  const of = value > 0 ? ` would be ${formatPercent(new Dec(amount).div(value))} of contract value` : ' against a contract value of nil';
  return reason(
    'share-of-contract-value',
    amount <= cap ? 'passed' : 'failed',
    `borrowing ${formatMoney(amount, c)}${of} ${formatMoney(value, c)}; product lends up to ${formatPercent(share)} of contract value (${formatMoney(cap, c)})`,
  );
};

/** The security the product asks for (every kind listed, `none` aside) is security the enterprise can offer. */
export const securityRule: EligibilityRule = ({ enterprise, product }) => {
  const required = product.securityRequired.filter((s) => s !== 'none');
  if (required.length === 0) return reason('security', 'passed', 'product asks for no security');
  if (enterprise.securityAvailable === undefined) {
    return reason('security', 'unknown', `security the enterprise can offer not given; product asks for ${list(required)}`);
  }
  const missing = required.filter((s) => !enterprise.securityAvailable!.includes(s));
  return missing.length === 0
    ? reason('security', 'passed', `product asks for ${list(required)}; enterprise can offer ${list(enterprise.securityAvailable)}`)
    : reason('security', 'failed', `product asks for ${list(required)}; enterprise can offer ${list(enterprise.securityAvailable)} (missing: ${list(missing)})`);
};

/**
 * The need against the product's amount range. Never fails: a need above the maximum is
 * partly covered (the shortfall left is scored), and a need below the minimum means borrowing
 * the minimum (its extra cost is scored). Both are reported.
 */
export const amountRangeRule: EligibilityRule = ({ need, product }) => {
  const c = product.currency;
  const min = parseAmount(product.minAmount);
  const max = parseAmount(product.maxAmount);
  const range = `${formatMoney(min, c)} to ${formatMoney(max, c)}`;
  if (need.amount <= 0) return reason('amount', 'passed', `no funding need; product lends ${range}`);
  const peak = formatMoney(need.amount, c);
  if (need.amount > max) return reason('amount', 'passed', `need ${peak} is above the product's maximum ${formatMoney(max, c)}: it can cover part of it`);
  if (need.amount < min) return reason('amount', 'passed', `need ${peak} is below the product's minimum ${formatMoney(min, c)}: the limit would be at least the minimum`);
  return reason('amount', 'passed', `need ${peak} is within the product's range ${range}`);
};

/** Every built-in rule, in the order reasons are listed. */
export const DEFAULT_ELIGIBILITY_RULES: readonly EligibilityRule[] = Object.freeze([
  currencyRule,
  legalFormRule,
  monthsTradingRule,
  turnoverRule,
  sectorRule,
  regionRule,
  impactThemeRule,
  publicContractRule,
  contractMonthsRule,
  shareOfTurnoverRule,
  shareOfContractValueRule,
  securityRule,
  amountRangeRule,
]);
