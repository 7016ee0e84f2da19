export { needFrom, wholeMonths, type EligibilityNeed, type NeedContract } from './need.js';
export {
  checkEligibility,
  lendAmount,
  type EligibilityContext,
  type EligibilityOptions,
  type EligibilityResult,
  type EligibilityRule,
  type Outcome,
  type Reason,
} from './eligibility.js';
export {
  DEFAULT_ELIGIBILITY_RULES,
  PUBLIC_COMMISSIONER_KINDS,
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
} from './rules.js';
export { prepareCatalogue, isEligibleFast, enterpriseFacts, type PreparedCatalogue, type PreparedProduct, type EnterpriseFacts, type ShareCap } from './prepare.js';
export {
  DEFAULT_MATCH_WEIGHTS,
  DEFAULT_TIME_TO_FUNDS_TOLERANCE_DAYS,
  FLEXIBILITY_BY_KIND,
  SECURITY_BURDEN,
  SCORE_COMPONENTS,
  securityScore,
  timeToFundsScore,
  lowerIsBetter,
  paretoEfficient,
  type MatchWeights,
} from './score.js';
export {
  matchProducts,
  matchNeed,
  DEFAULT_MATCH_OPTIONS,
  type MatchOptions,
  type MatchResult,
  type MatchInput,
  type Match,
  type Excluded,
  type ScoreComponent,
  type SizeFn,
} from './match-products.js';
