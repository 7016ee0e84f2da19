export { sizeProduct, sizeProductWith, DEFAULT_SIZING_STEP, type SizeOptions, type SizedPlan, type ShortDates, type ApplyFn } from './size-product.js';
export { smallestCovering } from './search.js';
