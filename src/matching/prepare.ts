/**
 * The fast path of eligibility: each product's criteria compiled once into numbers and sets, and
 * each enterprise's facts computed once, so that deciding eligibility for one pair is a handful
 * of comparisons with no strings built. It decides exactly what the rules in `rules.ts` decide
 * (a property test checks this); the words come from `checkEligibility`, called only for the
 * products a caller wants explained.
 */
import { parseAmount, type Minor } from '../money/amount.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Catalogue } from '../model/catalogue.js';
import type { Investor } from '../model/investor.js';
import type { InvestmentProduct } from '../model/product.js';
import type { EligibilityNeed } from './need.js';
import { FLEXIBILITY_BY_KIND, securityScore } from './score.js';
import { label, longestContractMonths, monthsTrading, publicContractStatus, shareCap, totalContractValue } from './rules.js';
import { compareText } from '../model/compare-text.js';

/** A share cap compiled for quick comparison: the decimal string and its float approximation. */
export interface ShareCap {
  readonly text: string;
  readonly approx: number;
}

/** A product with its criteria and pricing compiled for the fast path. Internal shape; may change. */
export interface PreparedProduct {
  readonly product: InvestmentProduct;
  readonly investor: Investor;
  /** Position in the catalogue. */
  readonly index: number;
  /** Position of the product's id among all the catalogue's ids in code-unit order (the tie-break). */
  readonly idRank: number;
  readonly currency: string;
  readonly kind: InvestmentProduct['kind'];
  readonly daysToFunds: number;
  /** The flexibility component ({@link FLEXIBILITY_BY_KIND}). */
  readonly flexibility: number;
  /** The security component ({@link securityScore}). */
  readonly securityScore: number;
  readonly min: Minor;
  readonly max: Minor;
  readonly legalForms: ReadonlySet<string> | null;
  readonly minMonthsTrading: number | null;
  readonly minTurnover: Minor | null;
  readonly maxTurnover: Minor | null;
  readonly sectors: readonly string[] | null;
  readonly regions: ReadonlySet<string> | null;
  readonly impactThemes: readonly string[] | null;
  readonly requiresPublicContract: boolean;
  readonly minContractMonths: number | null;
  readonly shareOfTurnover: ShareCap | null;
  readonly shareOfContractValue: ShareCap | null;
  /** Required security kinds other than `none`. */
  readonly security: readonly string[];
  /** Annual rate as a float, for the pre-score estimate only (never for money). */
  readonly rateApprox: number;
  /** Arrangement plus exit fee rates as a float, for the pre-score estimate only. */
  readonly upfrontApprox: number;
}

/** A catalogue compiled for the fast path. */
export interface PreparedCatalogue {
  /** Every product, in catalogue order. */
  readonly products: readonly PreparedProduct[];
  /** The same products in product-id order (the ranking's tie-break order). */
  readonly byId: readonly PreparedProduct[];
}

/** An enterprise and its need, reduced to what eligibility compares. Internal shape; may change. */
export interface EnterpriseFacts {
  readonly currency: string;
  readonly legalForm: string;
  readonly monthsTrading: number | null;
  readonly turnover: Minor | null;
  readonly sectors: ReadonlySet<string> | null;
  readonly region: string | null;
  readonly impactThemes: ReadonlySet<string> | null;
  readonly publicContract: 'yes' | 'no' | 'unknown';
  readonly longestContractMonths: number | null;
  readonly contractValue: Minor;
  readonly security: ReadonlySet<string> | null;
  readonly need: Minor;
}

function share(text: string | undefined): ShareCap | null {
  return text === undefined ? null : { text, approx: Number(text) };
}

/**
 * Compiles one product for the fast path.
 *
 * @example
 * ```ts
 * const prepared = prepareProduct(product, investor, 0);
 * prepared.max; // the maximum amount in minor units
 * ```
 */
export function prepareProduct(product: InvestmentProduct, investor: Investor, index: number, idRank = index): PreparedProduct {
  const e = product.eligibility ?? {};
  return {
    product,
    investor,
    index,
    idRank,
    currency: product.currency,
    kind: product.kind,
    daysToFunds: product.daysToFunds,
    flexibility: FLEXIBILITY_BY_KIND[product.kind],
    securityScore: securityScore(product.securityRequired),
    min: parseAmount(product.minAmount),
    max: parseAmount(product.maxAmount),
    legalForms: e.legalForms ? new Set(e.legalForms) : null,
    minMonthsTrading: e.minMonthsTrading ?? null,
    minTurnover: e.minTurnover === undefined ? null : parseAmount(e.minTurnover),
    maxTurnover: e.maxTurnover === undefined ? null : parseAmount(e.maxTurnover),
    sectors: e.sectors ? e.sectors.map(label) : null,
    regions: e.regions ? new Set(e.regions.map(label)) : null,
    impactThemes: e.impactThemes ? e.impactThemes.map(label) : null,
    requiresPublicContract: e.requiresPublicContract === true,
    minContractMonths: e.minContractMonthsRemaining ?? null,
    shareOfTurnover: share(e.maxShareOfTurnover),
    shareOfContractValue: share(e.maxShareOfContractValue),
    security: product.securityRequired.filter((s) => s !== 'none'),
    rateApprox: Number(product.pricing.annualRate),
    upfrontApprox: Number(product.pricing.arrangementFeeRate) + Number(product.pricing.exitFeeRate),
  };
}

/**
 * Compiles every product of a catalogue for the fast path, once; reuse it across enterprises.
 *
 * @example
 * ```ts
 * const prepared = prepareCatalogue(parseCatalogue(json));
 * for (const input of enterprises) matchNeed(input, prepared, { sizeTop: 3 });
 * ```
 */
export function prepareCatalogue(catalogue: Pick<Catalogue, 'investors'>): PreparedCatalogue {
  const listed: { product: InvestmentProduct; investor: Investor }[] = [];
  for (const investor of catalogue.investors) for (const product of investor.products) listed.push({ product, investor });
  const byId = listed.map((_, i) => i).sort((a, b) => compareText(listed[a]!.product.id, listed[b]!.product.id) || a - b);
  const idRank = new Array<number>(listed.length);
  byId.forEach((at, rank) => (idRank[at] = rank));
  const products = listed.map(({ product, investor }, i) => prepareProduct(product, investor, i, idRank[i]!));
  return { products, byId: byId.map((i) => products[i]!) };
}

/**
 * Reduces an enterprise and its need to the facts eligibility compares.
 *
 * @example
 * ```ts
 * const facts = enterpriseFacts(scenario.enterprise, needFrom(scenario, forecast));
 * ```
 */
export function enterpriseFacts(enterprise: Enterprise, need: EligibilityNeed): EnterpriseFacts {
  return {
    currency: enterprise.currency,
    legalForm: enterprise.legalForm,
    monthsTrading: monthsTrading(enterprise.tradingSince, need.asOf),
    turnover: enterprise.annualTurnover === undefined ? null : parseAmount(enterprise.annualTurnover),
    sectors: enterprise.sectors ? new Set(enterprise.sectors.map(label)) : null,
    region: enterprise.region === undefined ? null : label(enterprise.region),
    impactThemes: enterprise.impactThemes ? new Set(enterprise.impactThemes.map(label)) : null,
    publicContract: publicContractStatus(need.contracts),
    longestContractMonths: longestContractMonths(need.contracts),
    contractValue: totalContractValue(need.contracts),
    security: enterprise.securityAvailable ? new Set(enterprise.securityAvailable) : null,
    need: need.amount,
  };
}

/** amount ≤ floor(base × share), decided by floats when far from the boundary and exactly otherwise. */
function withinShare(amount: Minor, base: Minor, s: ShareCap): boolean {
  const approx = base * s.approx;
  const margin = 2 + Math.abs(approx) * 1e-12;
  if (amount <= approx - margin) return true;
  if (amount > approx + margin) return false;
  return amount <= shareCap(base, s.text);
}

function anyIn(wanted: readonly string[], have: ReadonlySet<string>): boolean {
  for (const w of wanted) if (have.has(w)) return true;
  return false;
}

/**
 * The amount the product would lend against the facts' need (see `lendAmount`).
 *
 * @example
 * ```ts
 * preparedLendAmount(prepareCatalogue(catalogue).byId[0]!, 36_050_000); // the need, raised to the product's minimum
 * ```
 */
export function preparedLendAmount(p: PreparedProduct, need: Minor): Minor {
  return need <= 0 ? 0 : Math.min(Math.max(need, p.min), p.max);
}

/**
 * Whether no default rule fails for this product and enterprise: the same decision as
 * `checkEligibility(…).eligible` with the default rules, without building any reason.
 *
 * @example
 * ```ts
 * const eligible = prepared.products.filter((p) => isEligibleFast(p, facts));
 * ```
 */
export function isEligibleFast(p: PreparedProduct, f: EnterpriseFacts): boolean {
  if (p.currency !== f.currency) return false;
  if (p.legalForms !== null && !p.legalForms.has(f.legalForm)) return false;
  if (p.minMonthsTrading !== null && f.monthsTrading !== null && f.monthsTrading < p.minMonthsTrading) return false;
  if (f.turnover !== null) {
    if (p.minTurnover !== null && f.turnover < p.minTurnover) return false;
    if (p.maxTurnover !== null && f.turnover > p.maxTurnover) return false;
  }
  if (p.sectors !== null && f.sectors !== null && !anyIn(p.sectors, f.sectors)) return false;
  if (p.regions !== null && f.region !== null && !p.regions.has(f.region)) return false;
  if (p.impactThemes !== null && f.impactThemes !== null && !anyIn(p.impactThemes, f.impactThemes)) return false;
  if (p.requiresPublicContract && f.publicContract === 'no') return false;
  if (p.minContractMonths !== null && (f.longestContractMonths === null || f.longestContractMonths < p.minContractMonths)) return false;
  if (p.shareOfTurnover !== null || p.shareOfContractValue !== null) {
    const amount = preparedLendAmount(p, f.need);
    if (p.shareOfTurnover !== null && f.turnover !== null && !withinShare(amount, f.turnover, p.shareOfTurnover)) return false;
    if (p.shareOfContractValue !== null && !withinShare(amount, f.contractValue, p.shareOfContractValue)) return false;
  }
  if (p.security.length > 0 && f.security !== null) {
    for (const s of p.security) if (!f.security.has(s)) return false;
  }
  return true;
}
