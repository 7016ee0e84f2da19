export { BridgefitInputError, inputError, type InputProblem } from './errors.js';
export { assertMinor, parseAmount, tryParseAmount, formatAmount, formatMoney, sumMinor, type Minor } from './amount.js';
export { Dec, parseRate, roundMinor, applyRate, type RoundingMode } from './rate.js';
export { allocate } from './allocate.js';
export { formatPercent } from './percent.js';
