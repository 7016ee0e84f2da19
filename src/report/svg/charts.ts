/**
 * The report's charts as SVG strings: the cash curve before and after finance with the buffer and
 * gap bands, a facility's drawn balance against its limit, a Monte Carlo fan and payment-terms
 * bars. The same pictures as the Vega-Lite specs in `../vega-lite.ts`, but rendered here, with no
 * dependency, for a self-contained HTML page.
 *
 * @module
 */
import { formatMoney, type Minor } from '../../money/amount.js';
import { inputError } from '../../money/errors.js';
import { formatDay, parseDay } from '../../calendar/day.js';
import { findGaps } from '../../forecast/gaps.js';
import type { CashForecast } from '../../forecast/types.js';
import type { FinancePlan } from '../../finance/types.js';
import { timeSeriesSvg, type SvgChartOptions } from './time-series.js';
import { barChartSvg } from './bars.js';

/** Colours shared with the Vega-Lite specs. */
export const SVG_COLOURS = Object.freeze({
  before: '#4c78a8',
  after: '#2f8a3e',
  gap: '#e45756',
  buffer: '#6b6b6b',
  limit: '#c2362f',
  drawn: '#f58518',
  band: '#9ecae9',
  median: '#1f4e79',
  cost: '#f58518',
});

/** Options of a chart with a title of its own. */
export interface TitledSvgOptions extends SvgChartOptions {
  /** Replaces the default title. */
  readonly title?: string;
}

/**
 * The daily closing cash before finance (and after, given a plan), the buffer as a dashed rule
 * and each gap below the buffer (before finance) as a shaded band with its dates and peak in a
 * tooltip.
 *
 * @param forecast - from `forecastCash`; amounts in minor units
 * @param plan - optional finance plan on the same days; its `ledger.closing` is "After finance"
 * @param options - size, title, inline
 * @returns an SVG string
 * @throws BridgefitInputError when the plan's ledger does not cover the forecast's days
 * @example
 * ```ts
 * const svg = cashCurveSvg(forecast, sized.plan ?? undefined);
 * ```
 */
export function cashCurveSvg(forecast: CashForecast, plan?: FinancePlan, options: TitledSvgOptions = {}): string {
  if (plan && (plan.ledger.start !== forecast.start || plan.ledger.closing.length !== forecast.closing.length)) {
    inputError('plan.ledger', `must cover the forecast's days (${forecast.start}, ${forecast.closing.length} days); got ${plan.ledger.start}, ${plan.ledger.closing.length} days`);
  }
  const gaps = findGaps(forecast);
  const money = (m: Minor) => formatMoney(m, forecast.currency);
  return timeSeriesSvg({
    ...options,
    currency: forecast.currency,
    title: options.title ?? (plan ? `Daily cash before and after ${plan.productId}` : 'Daily cash before finance'),
    description: `Closing cash each day from ${forecast.start} to ${forecast.end}${plan ? `, before and after ${plan.productId}` : ''}, the ${money(forecast.buffer)} buffer and ${gaps.length} gap(s) below it.`,
    start: forecast.start,
    lines: [
      { label: 'Before finance', values: forecast.closing, colour: SVG_COLOURS.before },
      ...(plan ? [{ label: 'After finance', values: plan.ledger.closing, colour: SVG_COLOURS.after }] : []),
    ],
    rules: [{ label: 'Buffer', value: forecast.buffer, colour: SVG_COLOURS.buffer }],
    bands: {
      label: 'Gap below the buffer',
      colour: SVG_COLOURS.gap,
      items: gaps.map((g) => ({ from: g.start, to: g.end, title: `Gap ${g.start} to ${g.end}: ${g.days} day(s) below the buffer, peak shortfall ${money(g.peakShortfall)} on ${g.peakDate}` })),
    },
  });
}

/**
 * A facility's drawn balance each day (a step area) against its limit (a dashed rule).
 *
 * @param plan - from `applyProduct` or sizing; amounts in minor units
 * @param options - size, title, inline
 * @returns an SVG string
 * @throws BridgefitInputError when `plan.drawn` and the plan's ledger differ in length
 * @example
 * ```ts
 * const svg = facilitySvg(sized.plan!);
 * ```
 */
export function facilitySvg(plan: FinancePlan, options: TitledSvgOptions = {}): string {
  if (plan.drawn.length !== plan.ledger.closing.length) inputError('plan.drawn', `must have one entry per ledger day (${plan.ledger.closing.length}); got ${plan.drawn.length}`);
  const limit = formatMoney(plan.limit, plan.currency);
  const peak = plan.drawn.reduce((m, v) => Math.max(m, v), 0);
  return timeSeriesSvg({
    height: 220,
    ...options,
    currency: plan.currency,
    title: options.title ?? `${plan.productId}: drawn balance against its ${limit} limit`,
    description: `Principal drawn at the end of each day from ${plan.ledger.start} to ${plan.ledger.end} under a ${limit} ${plan.productKind}; peak drawn ${formatMoney(peak, plan.currency)}.`,
    start: plan.ledger.start,
    areas: [{ label: 'Drawn', upper: plan.drawn, colour: SVG_COLOURS.drawn, opacity: 0.45 }],
    lines: [{ label: 'Drawn balance', values: plan.drawn, colour: SVG_COLOURS.drawn }],
    rules: [{ label: 'Limit', value: plan.limit, colour: SVG_COLOURS.limit }],
  });
}

/** Daily Monte Carlo bands (as `DelaySimulation.bands`): ISO dates on consecutive days, minor units. */
export interface SvgFanBands {
  readonly dates: readonly string[];
  readonly p5: readonly Minor[];
  readonly p50: readonly Minor[];
  readonly p95: readonly Minor[];
}

/**
 * A Monte Carlo fan: the P5–P95 band of closing cash shaded, the median (P50) as a line and,
 * when given, the buffer as a dashed rule.
 *
 * @param bands - consecutive ISO dates and P5/P50/P95 per date, minor units
 * @param options - size, title, inline, currency, buffer (minor units) and the number of paths for the description
 * @returns an SVG string
 * @throws BridgefitInputError when the arrays differ in length or the dates are not consecutive days
 * @example
 * ```ts
 * const sim = simulateDelays(scenario, { paths: 2000, seed: 42, bands: true });
 * const svg = fanChartSvg(sim.bands!, { buffer: forecast.buffer, paths: sim.paths });
 * ```
 */
export function fanChartSvg(bands: SvgFanBands, options: TitledSvgOptions & { readonly buffer?: Minor; readonly paths?: number } = {}): string {
  const n = bands.dates.length;
  for (const key of ['p5', 'p50', 'p95'] as const) if (bands[key].length !== n) inputError(`bands.${key}`, `must have one value per date (${n}); got ${bands[key].length}`);
  const start = n ? parseDay(bands.dates[0]!, 'bands.dates[0]') : 0;
  bands.dates.forEach((d, i) => {
    if (parseDay(d, `bands.dates[${i}]`) !== start + i) inputError(`bands.dates[${i}]`, `must be the day after ${bands.dates[i - 1]} (consecutive days)`);
  });
  const { buffer, paths, ...rest } = options;
  return timeSeriesSvg({
    ...rest,
    title: options.title ?? 'Closing cash: Monte Carlo P5–P95 band and median',
    description: `Closing cash by day${n ? ` from ${bands.dates[0]} to ${bands.dates[n - 1]}` : ''}${paths ? ` over ${paths} simulated paths` : ''}: the band runs from the 5th to the 95th percentile, the line is the median.`,
    start: n ? formatDay(start) : '1970-01-01',
    areas: [{ label: 'P5–P95', lower: bands.p5, upper: bands.p95, colour: SVG_COLOURS.band, opacity: 0.6 }],
    lines: [{ label: 'P50 (median)', values: bands.p50, colour: SVG_COLOURS.median }],
    rules: buffer === undefined ? [] : [{ label: 'Buffer', value: buffer, colour: SVG_COLOURS.buffer }],
  });
}

/** One payment-terms alternative for {@link termsBarsSvg}; amounts in minor units. */
export interface SvgTermsRow {
  readonly label: string;
  readonly peakNeed: Minor;
  /** Null when the need cannot be covered (no cost to show). */
  readonly financeCost: Minor | null;
}

/**
 * Payment-terms alternatives as bars in two panels: the provider's peak funding need and the
 * cost of financing it (each panel with its own scale, since costs are far smaller than needs).
 *
 * @param rows - one per alternative, in display order; amounts in minor units
 * @param options - width, title, inline, currency
 * @returns an SVG string
 * @example
 * ```ts
 * termsBarsSvg(comparison.outcomes.map((o) => ({ label: o.label, peakNeed: o.peakNeed, financeCost: o.financeCost })));
 * ```
 */
export function termsBarsSvg(rows: readonly SvgTermsRow[], options: Omit<TitledSvgOptions, 'height'> = {}): string {
  return barChartSvg({
    ...options,
    title: options.title ?? 'Payment terms: peak need and finance cost for the provider',
    description: `Peak funding need and finance cost under ${rows.length} payment-terms alternative(s).`,
    categories: rows.map((r) => r.label),
    measures: [
      { label: 'Peak need', values: rows.map((r) => r.peakNeed), colour: SVG_COLOURS.before },
      { label: 'Finance cost', values: rows.map((r) => r.financeCost), colour: SVG_COLOURS.cost, nullText: 'not covered' },
    ],
  });
}
