export { FractionSchema, IdSchema, NameSchema, IsoDateSchema, AmountSchema, NonNegativeAmountSchema, PositiveAmountSchema, CurrencySchema, daysSchema, MAX_LIST } from './primitives.js';
export { EnterpriseSchema, LEGAL_FORMS, SECURITY_KINDS, type Enterprise, type EnterpriseInput, type LegalForm, type SecurityKind } from './enterprise.js';
export { PaymentBehaviourSchema, FixedDaysBehaviourSchema, TermsPlusLateBehaviourSchema, type PaymentBehaviour } from './payment-behaviour.js';
export { CommissionerSchema, COMMISSIONER_KINDS, type Commissioner, type CommissionerKind } from './commissioner.js';
export {
  ContractSchema,
  ContractValueSchema,
  BillingSchema,
  MilestoneSchema,
  MobilisationCostSchema,
  DeliveryCostSchema,
  type Contract,
  type ContractInput,
} from './contract.js';
export { CashLineSchema, CashLineScheduleSchema, type CashLine } from './cash-line.js';
export { ScenarioSchema, HorizonSchema, parseScenario, safeParseScenario, MAX_HORIZON_MONTHS, SCENARIO_LIMITS, type Scenario, type ScenarioInput } from './scenario.js';
export { parseWith, safeParseWith, formatPath, problemsFrom, type SafeParseResult } from './parse.js';
export { EligibilityCriteriaSchema, type EligibilityCriteria } from './eligibility-criteria.js';
export { scenarioJsonSchema, catalogueJsonSchema } from './json-schema.js';
export {
  InvestmentProductSchema,
  BridgingLoanSchema,
  RevolvingFacilitySchema,
  InvoiceFinanceSchema,
  StandbyFacilitySchema,
  PricingSchema,
  OtherFeeSchema,
  PRODUCT_KINDS,
  FEE_TIMINGS,
  parseProduct,
  safeParseProduct,
  type InvestmentProduct,
  type InvestmentProductInput,
  type BridgingLoan,
  type RevolvingFacility,
  type InvoiceFinance,
  type StandbyFacility,
  type Pricing,
  type OtherFee,
  type ProductKind,
  type FeeTiming,
} from './product.js';
export { InvestorSchema, INVESTOR_KINDS, MAX_PRODUCTS_PER_INVESTOR, type Investor, type InvestorInput, type InvestorKind } from './investor.js';
export { CatalogueSchema, CATALOGUE_LIMITS, parseCatalogue, safeParseCatalogue, catalogueProducts, type Catalogue, type CatalogueInput } from './catalogue.js';
export {
  ReportedBucketsBehaviourSchema,
  InvoiceHistoryBehaviourSchema,
  DaysTableBehaviourSchema,
  ShiftedLognormalBehaviourSchema,
  ExpectedBySchema,
  PaidInvoiceSchema,
  DaysProbabilitySchema,
  DISTRIBUTION_DEFAULTS,
  DISTRIBUTION_LIMITS,
  REPORTED_BUCKET_DAYS,
  reportedBucketsAverageRange,
  type ReportedBucketsBehaviour,
  type InvoiceHistoryBehaviour,
  type DaysTableBehaviour,
  type ShiftedLognormalBehaviour,
  type DistributionBehaviour,
  type PaidInvoice,
  type ExpectedBy,
} from './payment-distribution.js';
export { compareText } from './compare-text.js';
