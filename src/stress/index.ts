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
