/**
 * bridgefit: forecast the cash gap of social enterprises paid in arrears for public contracts,
 * size the finance that bridges it, and match investors' products to the need.
 *
 * @packageDocumentation
 */
export * from './money/index.js';
export * from './calendar/index.js';
export * from './model/index.js';
export * from './forecast/index.js';
export * from './finance/index.js';
export * from './sizing/index.js';
export * from './matching/index.js';
export * from './stress/index.js';
export * from './commissioning/index.js';
export * from './report/index.js';
