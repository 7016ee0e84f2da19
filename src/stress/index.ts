export { createRandom, splitRandom, createRandomFromState, MAX_SEED, type RandomSource } from './random.js';
export { compileDelayModel, type DelayModel } from './delay-model.js';
export { nearestRank, summariseOutcomes, type OutcomeSummary } from './percentiles.js';
export {
  simulateDelays,
  simulateDelayPaths,
  summariseDelayPaths,
  MAX_PATHS,
  type SimulateOptions,
  type SlowQuarterShock,
  type PathOutcomes,
  type DelaySimulation,
} from './simulate-delays.js';
export { drawReceiptOffsets } from './simulate-delays.js';
export { redateReceipts, pathForecast } from './path-forecast.js';
export {
  delayScenarios,
  stressForecast,
  DEFAULT_STRESS_CASES,
  StressCaseSchema,
  DelayCaseSchema,
  ContractEndsEarlyCaseSchema,
  PaymentWithheldCaseSchema,
  type StressCase,
  type StressCaseInput,
  type StressRow,
  type StressFacility,
  type DelayScenarioOptions,
} from './delay-scenarios.js';
export { sizeForPercentile, type PercentileSizeOptions, type PercentileSizing } from './size-for-percentile.js';
