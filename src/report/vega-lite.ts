/**
 * Vega-Lite chart specs for forecasts, finance plans, Monte Carlo bands and payment-terms
 * comparisons.
 *
 * Every function here returns a plain JSON object (a Vega-Lite v5 spec) and has no runtime
 * dependency: render it with vega-embed, a notebook, Observable or the Vega VS Code extension
 * (see `docs/charts.md`).
 *
 * Charts are display, not accounting: amounts come in as integer minor units and are turned into
 * a number of major units (pounds) only for the chart's values, by exact division by 100 (IEEE
 * division is correctly rounded, so `123456 / 100` is the same double as `Number("1234.56")`).
 * Never read money back out of a chart spec; use the forecast or plan it was drawn from.
 *
 * Dates stay ISO `YYYY-MM-DD` strings in the data and are drawn on UTC time scales
 * (`timeUnit: 'utcyearmonthdate'`, `scale: { type: 'utc' }`), so a chart looks the same in every
 * time zone.
 *
 * @module
 */
import { assertMinor, formatMoney, type Minor } from '../money/amount.js';
import { inputError } from '../money/errors.js';
import { formatDay, isIsoDate, parseDay } from '../calendar/day.js';
import { findGaps } from '../forecast/gaps.js';
import type { CashForecast } from '../forecast/types.js';
import type { FinancePlan } from '../finance/types.js';

/**
 * A Vega-Lite specification: a plain JSON object, typed loosely so that bridgefit carries no
 * dependency on vega-lite's types. Cast it to `TopLevelSpec` from `vega-lite` if you need to.
 */
export type VegaLiteSpec = Record<string, unknown>;

/** The Vega-Lite schema every spec declares in `$schema`. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Options shared by every chart. */
export interface ChartOptions {
  /** Chart title; each chart has a sensible default. */
  readonly title?: string;
  /** Plot width in pixels (default 640). */
  readonly width?: number;
  /** Plot height in pixels (default 300). */
  readonly height?: number;
  /**
   * The most points a daily series may have before it is downsampled (default 2000, so horizons
   * up to about five and a half years are drawn day by day). Longer series keep, in each bucket
   * of consecutive days, the day with the lowest and the day with the highest value of every
   * series (plus the first and last day), so troughs and peaks — the gaps — are never smoothed
   * away. Set to `Infinity` to draw every day.
   */
  readonly maxPoints?: number;
}

/** Options for charts whose input does not say its currency. */
export interface CurrencyChartOptions extends ChartOptions {
  /** ISO 4217 code for the axis symbol (default "GBP", shown as "£"). */
  readonly currency?: string;
}

/**
 * Monte Carlo percentile bands by day, in minor units: the input of {@link fanChartSpec}.
 * All arrays have one entry per date.
 */
export interface FanChartBands {
  /** ISO dates, ascending. */
  readonly dates: readonly string[];
  /** 5th percentile per date, minor units. */
  readonly p5: readonly Minor[];
  /** Median per date, minor units. */
  readonly p50: readonly Minor[];
  /** 95th percentile per date, minor units. */
  readonly p95: readonly Minor[];
  /** What the values are, e.g. "Closing cash" or "Funding need" (default "Cash"). */
  readonly label?: string;
}

/** One payment-terms alternative for {@link termsComparisonSpec}; amounts in minor units. */
export interface TermsComparisonRow {
  /** The alternative's name, e.g. "Monthly in arrears, 30 days". Must be unique. */
  readonly label: string;
  /** The provider's peak funding need under these terms, minor units. */
  readonly peakNeed: Minor;
  /** What bridging that need costs the provider, minor units. */
  readonly financeCost: Minor;
}

const DEFAULT_WIDTH = 640;
const DEFAULT_HEIGHT = 300;
const DEFAULT_MAX_POINTS = 2000;

const COLOURS = Object.freeze({
  before: '#4c78a8',
  after: '#54a24b',
  gap: '#e45756',
  buffer: '#7f7f7f',
  limit: '#e45756',
  drawn: '#f58518',
  band: '#9ecae9',
  median: '#4c78a8',
  cost: '#f58518',
});

/** Minor units to major units for display only: exact division, see the module comment. */
function toMajor(minor: Minor): number {
  return minor / 100;
}

/** The symbol bridgefit prints before amounts in `currency` ("£" for GBP, "CHF " otherwise unknown). */
function currencyPrefix(currency: string): string {
  const zero = formatMoney(0, currency);
  return zero.slice(0, zero.length - '0.00'.length);
}

/**
 * Vega's number locale for a currency, so that the d3 format "$,.0f" prints "£12,500".
 * (d3-format has no "£" specifier: "£,.0f" is rejected, so the symbol comes from the locale.)
 */
function localeConfig(currency: string): Record<string, unknown> {
  return { number: { decimal: '.', thousands: ',', grouping: [3], currency: [currencyPrefix(currency), ''] } };
}

/** Axis and tooltip formats for money in major units. */
const MONEY_AXIS_FORMAT = '$,.0f';
const MONEY_TOOLTIP_FORMAT = '$,.2f';
const DATE_FORMAT = '%d %b %Y';

/**
 * The x encoding for ISO dates on a UTC scale. Over a month or less, ticks are whole days (UTC days, on a UTC scale)
 * (at most about ten), so vega does not put sub-day ticks that would repeat a date label.
 */
function dateX(field: string, spanDays: number): Record<string, unknown> {
  const tickCount = spanDays <= 31 ? { tickCount: { interval: 'day', step: Math.max(1, Math.ceil(spanDays / 10)) } } : {};
  return { field, type: 'temporal', timeUnit: 'utcyearmonthdate', scale: { type: 'utc' }, title: null, axis: { format: DATE_FORMAT, labelAngle: 0, ...tickCount } };
}

/**
 * A transform adding `${field}Label`, the date as "28 Mar 2026" in UTC, for tooltips. (vega-lite
 * formats a temporal tooltip in local time, since a tooltip has no UTC scale; a label computed
 * with `utcFormat` is the same everywhere.)
 */
function dateLabel(field: string): Record<string, unknown> {
  return { calculate: `utcFormat(toDate(datum[${JSON.stringify(field)}]), '${DATE_FORMAT}')`, as: `${field}Label` };
}

/** A tooltip entry for a date field that has a {@link dateLabel} transform. */
function dateTooltip(field: string, title: string): Record<string, unknown> {
  return { field: `${field}Label`, type: 'nominal', title };
}

function moneyTooltip(field: string, title: string): Record<string, unknown> {
  return { field, type: 'quantitative', format: MONEY_TOOLTIP_FORMAT, title };
}

function frame(kind: string, title: string, currency: string, options: ChartOptions, downsampledFrom: number | null): Record<string, unknown> {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: options.title ?? title,
    width: options.width ?? DEFAULT_WIDTH,
    height: options.height ?? DEFAULT_HEIGHT,
    config: { locale: localeConfig(currency), view: { stroke: null } },
    usermeta: { bridgefit: { chart: kind, currency, ...(downsampledFrom === null ? {} : { downsampledFrom }) } },
  };
}

/**
 * The indices of a daily series to draw: all of them when there are at most `maxPoints`,
 * otherwise the first and last day and, in each bucket of days, the argmin and argmax of every
 * series (in day order, without repeats), which keeps troughs and peaks.
 */
function pickDays(length: number, series: readonly (readonly number[])[], maxPoints: number): number[] {
  if (!(maxPoints >= 2)) inputError('options.maxPoints', `must be at least 2 (got ${maxPoints})`);
  const all = Array.from({ length }, (_, i) => i);
  if (length <= maxPoints) return all;
  const perBucket = 2 * Math.max(1, series.length);
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / perBucket));
  const size = Math.ceil(length / buckets);
  const keep = new Set<number>([0, length - 1]);
  for (let from = 0; from < length; from += size) {
    const to = Math.min(length, from + size);
    for (const values of series) {
      let lo = from;
      let hi = from;
      for (let i = from + 1; i < to; i++) {
        if (values[i]! < values[lo]!) lo = i;
        if (values[i]! > values[hi]!) hi = i;
      }
      keep.add(lo);
      keep.add(hi);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

/**
 * A chart of daily closing cash: before finance, and after finance when a plan is given (its
 * `ledger.closing`), with the buffer as a dashed rule and each gap below the buffer (from
 * {@link findGaps} on the forecast, before finance) as a shaded band.
 *
 * Amounts are minor units in the inputs and pounds (major units) in the chart: display, not
 * accounting. Long horizons are downsampled as {@link ChartOptions.maxPoints} describes.
 *
 * @param forecast - the forecast from {@link forecastCash}; amounts in minor units
 * @param plan - optional: a finance plan on the same horizon; its ledger is drawn as "After finance"
 * @param options - title, size and downsampling threshold
 * @returns a Vega-Lite v5 spec (plain JSON)
 * @throws BridgefitInputError when the plan's ledger does not cover the same days as the forecast
 * @example
 * ```ts
 * import vegaEmbed from 'vega-embed';
 * const forecast = forecastCash(parseScenario(json));
 * await vegaEmbed('#chart', cashCurveSpec(forecast, applyProduct(forecast, product, limit)));
 * ```
 */
export function cashCurveSpec(forecast: CashForecast, plan?: FinancePlan, options: ChartOptions = {}): VegaLiteSpec {
  const start = parseDay(forecast.start, 'forecast.start');
  const before = forecast.closing;
  const after = plan?.ledger.closing;
  if (plan && (plan.ledger.start !== forecast.start || plan.ledger.closing.length !== before.length)) {
    inputError('plan.ledger', `must cover the forecast's days (${forecast.start}, ${before.length} days); got ${plan.ledger.start}, ${plan.ledger.closing.length} days`);
  }
  const days = pickDays(before.length, after ? [before, after] : [before], options.maxPoints ?? DEFAULT_MAX_POINTS);
  const rows: { date: string; series: string; cash: number }[] = [];
  for (const i of days) {
    const date = formatDay(start + i);
    rows.push({ date, series: 'Before finance', cash: toMajor(before[i]!) });
    if (after) rows.push({ date, series: 'After finance', cash: toMajor(after[i]!) });
  }
  const gaps = findGaps(forecast).map((g) => ({
    start: g.start,
    // Bands cover whole days: to the start of the day after the last day short.
    endExclusive: formatDay(parseDay(g.end) + 1),
    end: g.end,
    days: g.days,
    peakShortfall: toMajor(g.peakShortfall),
    peakDate: g.peakDate,
    summary: `Gap ${g.start} to ${g.end}: ${g.days} day(s) below the buffer, peak shortfall ${formatMoney(g.peakShortfall, forecast.currency)} on ${g.peakDate}`,
  }));
  const seriesDomain = after ? ['Before finance', 'After finance'] : ['Before finance'];
  const title = plan ? `Daily cash before and after ${plan.productId}` : 'Daily cash before finance';
  return {
    ...frame('cash-curve', title, forecast.currency, options, days.length < before.length ? before.length : null),
    description: `Closing cash each day from ${forecast.start} to ${forecast.end}, the ${formatMoney(forecast.buffer, forecast.currency)} buffer and ${gaps.length} gap(s) below it. Display only: amounts in major units.`,
    layer: [
      {
        data: { values: gaps },
        transform: [dateLabel('start'), dateLabel('end'), dateLabel('peakDate')],
        mark: { type: 'rect', color: COLOURS.gap, opacity: 0.15 },
        encoding: {
          description: { field: 'summary', type: 'nominal' },
          x: { field: 'start', type: 'temporal', timeUnit: 'utcyearmonthdate', scale: { type: 'utc' } },
          x2: { field: 'endExclusive', timeUnit: 'utcyearmonthdate' },
          tooltip: [
            dateTooltip('start', 'First day short'),
            dateTooltip('end', 'Last day short'),
            { field: 'days', type: 'quantitative', title: 'Days short' },
            moneyTooltip('peakShortfall', 'Peak shortfall'),
            dateTooltip('peakDate', 'Peak on'),
          ],
        },
      },
      {
        data: { values: [{ buffer: toMajor(forecast.buffer), label: 'Buffer' }] },
        mark: { type: 'rule', color: COLOURS.buffer, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'buffer', type: 'quantitative' }, tooltip: [moneyTooltip('buffer', 'Buffer')] },
      },
      {
        data: { values: rows },
        transform: [dateLabel('date')],
        mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5, point: 'transparent' },
        encoding: {
          x: dateX('date', before.length),
          y: { field: 'cash', type: 'quantitative', title: `Closing cash (${forecast.currency})`, axis: { format: MONEY_AXIS_FORMAT } },
          color: { field: 'series', type: 'nominal', title: null, scale: { domain: seriesDomain, range: [COLOURS.before, COLOURS.after].slice(0, seriesDomain.length) }, legend: { orient: 'top' } },
          tooltip: [dateTooltip('date', 'Date'), { field: 'series', type: 'nominal', title: 'Series' }, moneyTooltip('cash', 'Closing cash')],
        },
      },
    ],
  };
}

/**
 * Alias of {@link cashCurveSpec}, the name the design sketch uses: the cash chart of a forecast,
 * before and (given a plan) after finance.
 *
 * @param forecast - the forecast; amounts in minor units
 * @param plan - optional finance plan on the same horizon
 * @param options - title, size and downsampling threshold
 * @returns a Vega-Lite v5 spec (plain JSON)
 * @throws BridgefitInputError as {@link cashCurveSpec}
 * @example
 * ```ts
 * const spec = toVegaLite(forecastCash(scenario));
 * ```
 */
export function toVegaLite(forecast: CashForecast, plan?: FinancePlan, options: ChartOptions = {}): VegaLiteSpec {
  return cashCurveSpec(forecast, plan, options);
}

/**
 * A chart of a facility's drawn balance each day (`plan.drawn`, a step area) against its limit
 * (a dashed rule).
 *
 * Amounts are minor units in the plan and pounds (major units) in the chart: display, not
 * accounting. Long horizons are downsampled as {@link ChartOptions.maxPoints} describes.
 *
 * @param plan - a finance plan from {@link applyProduct} or sizing; amounts in minor units
 * @param options - title, size and downsampling threshold
 * @returns a Vega-Lite v5 spec (plain JSON)
 * @throws BridgefitInputError when `plan.drawn` and the plan's ledger differ in length
 * @example
 * ```ts
 * const plan = applyProduct(forecast, product, parseAmount('250000.00'));
 * const spec = facilitySpec(plan); // drawn balance under a £250,000 limit
 * ```
 */
export function facilitySpec(plan: FinancePlan, options: ChartOptions = {}): VegaLiteSpec {
  const start = parseDay(plan.ledger.start, 'plan.ledger.start');
  const drawn = plan.drawn;
  if (drawn.length !== plan.ledger.closing.length) {
    inputError('plan.drawn', `must have one entry per ledger day (${plan.ledger.closing.length}); got ${drawn.length}`);
  }
  const days = pickDays(drawn.length, [drawn], options.maxPoints ?? DEFAULT_MAX_POINTS);
  const rows = days.map((i) => ({ date: formatDay(start + i), drawn: toMajor(drawn[i]!) }));
  const limit = formatMoney(plan.limit, plan.currency);
  return {
    ...frame('facility', `${plan.productId}: drawn balance against its ${limit} limit`, plan.currency, options, days.length < drawn.length ? drawn.length : null),
    description: `Principal drawn at the end of each day from ${plan.ledger.start} to ${plan.ledger.end} under a ${limit} ${plan.productKind}. Display only: amounts in major units.`,
    layer: [
      {
        data: { values: rows },
        transform: [dateLabel('date')],
        mark: { type: 'area', interpolate: 'step-after', color: COLOURS.drawn, opacity: 0.6, line: { color: COLOURS.drawn } },
        encoding: {
          x: dateX('date', drawn.length),
          y: { field: 'drawn', type: 'quantitative', title: `Drawn (${plan.currency})`, axis: { format: MONEY_AXIS_FORMAT } },
          tooltip: [dateTooltip('date', 'Date'), moneyTooltip('drawn', 'Drawn')],
        },
      },
      {
        data: { values: [{ limit: toMajor(plan.limit), label: 'Limit' }] },
        mark: { type: 'rule', color: COLOURS.limit, strokeDash: [6, 4], strokeWidth: 1.5 },
        encoding: { y: { field: 'limit', type: 'quantitative' }, tooltip: [moneyTooltip('limit', 'Limit')] },
      },
    ],
  };
}

/**
 * A Monte Carlo fan chart: the P5–P95 band as a shaded area and the median (P50) as a line, by day.
 *
 * Amounts are minor units in the input and pounds (major units) in the chart: display, not
 * accounting. Long series are downsampled as {@link ChartOptions.maxPoints} describes.
 *
 * @param bands - dates and the P5, P50, P95 values per date, in minor units
 * @param options - title, size, downsampling threshold and currency (default GBP)
 * @returns a Vega-Lite v5 spec (plain JSON)
 * @throws BridgefitInputError when the arrays differ in length, a date is not ISO or not
 *   ascending, a value is not a whole number of minor units, or P5 ≤ P50 ≤ P95 fails on a date
 * @example
 * ```ts
 * const spec = fanChartSpec({
 *   dates: ['2026-04-01', '2026-04-02'],
 *   p5: [-2000000, -2500000], p50: [500000, 100000], p95: [1500000, 1200000],
 *   label: 'Closing cash',
 * });
 * ```
 */
export function fanChartSpec(bands: FanChartBands, options: CurrencyChartOptions = {}): VegaLiteSpec {
  const n = bands.dates.length;
  for (const key of ['p5', 'p50', 'p95'] as const) {
    if (bands[key].length !== n) inputError(`bands.${key}`, `must have one value per date (${n}); got ${bands[key].length}`);
  }
  let previous = '';
  bands.dates.forEach((date, i) => {
    if (!isIsoDate(date)) inputError(`bands.dates[${i}]`, `must be a date as YYYY-MM-DD (got ${JSON.stringify(date)})`);
    if (date <= previous) inputError(`bands.dates[${i}]`, `must come after ${previous} (dates ascending, no repeats)`);
    previous = date;
    const p5 = assertMinor(bands.p5[i]!, `bands.p5[${i}]`);
    const p50 = assertMinor(bands.p50[i]!, `bands.p50[${i}]`);
    const p95 = assertMinor(bands.p95[i]!, `bands.p95[${i}]`);
    if (!(p5 <= p50 && p50 <= p95)) inputError(`bands[${i}]`, `must have p5 ≤ p50 ≤ p95 on ${date} (got ${p5}, ${p50}, ${p95})`);
  });
  const currency = options.currency ?? 'GBP';
  const label = bands.label ?? 'Cash';
  const days = pickDays(n, [bands.p5, bands.p50, bands.p95], options.maxPoints ?? DEFAULT_MAX_POINTS);
  const rows = days.map((i) => ({ date: bands.dates[i]!, p5: toMajor(bands.p5[i]!), p50: toMajor(bands.p50[i]!), p95: toMajor(bands.p95[i]!) }));
  const legend = { domain: ['P5–P95', 'P50 (median)'], range: [COLOURS.band, COLOURS.median] };
  return {
    ...frame('fan', `${label}: Monte Carlo P5–P95 band and median`, currency, options, days.length < n ? n : null),
    description: `${label} by day${n ? ` from ${bands.dates[0]} to ${bands.dates[n - 1]}` : ''}: 5th to 95th percentile band and median. Display only: amounts in major units.`,
    data: { values: rows },
    transform: [dateLabel('date')],
    encoding: { x: dateX('date', n ? parseDay(bands.dates[n - 1]!) - parseDay(bands.dates[0]!) + 1 : 0) },
    layer: [
      {
        mark: { type: 'area', opacity: 0.5 },
        encoding: {
          y: { field: 'p5', type: 'quantitative', title: `${label} (${currency})`, axis: { format: MONEY_AXIS_FORMAT } },
          y2: { field: 'p95' },
          color: { datum: 'P5–P95', type: 'nominal', title: null, scale: legend, legend: { orient: 'top' } },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 1.5, point: 'transparent' },
        encoding: {
          y: { field: 'p50', type: 'quantitative' },
          color: { datum: 'P50 (median)', type: 'nominal' },
          tooltip: [dateTooltip('date', 'Date'), moneyTooltip('p5', 'P5'), moneyTooltip('p50', 'P50'), moneyTooltip('p95', 'P95')],
        },
      },
    ],
  };
}

/**
 * Bars comparing payment-terms alternatives: the provider's peak funding need and the cost of
 * financing it, side by side in two panels (each with its own scale, since costs are far smaller
 * than needs), one bar per alternative in the order given.
 *
 * Amounts are minor units in the input and pounds (major units) in the chart: display, not
 * accounting.
 *
 * @param rows - one per alternative: a unique label, peak need and finance cost in minor units
 * @param options - title, size (of each panel) and currency (default GBP)
 * @returns a Vega-Lite v5 spec (plain JSON)
 * @throws BridgefitInputError when a label repeats or an amount is not a whole number of minor units
 * @example
 * ```ts
 * const spec = termsComparisonSpec([
 *   { label: 'In advance', peakNeed: 0, financeCost: 0 },
 *   { label: 'Monthly in arrears, 30 days', peakNeed: 21200000, financeCost: 1165000 },
 * ]);
 * ```
 */
export function termsComparisonSpec(rows: readonly TermsComparisonRow[], options: CurrencyChartOptions = {}): VegaLiteSpec {
  const seen = new Set<string>();
  const values: { label: string; measure: string; amount: number }[] = [];
  rows.forEach((row, i) => {
    if (seen.has(row.label)) inputError(`rows[${i}].label`, `must be unique ("${row.label}" repeats)`);
    seen.add(row.label);
    values.push({ label: row.label, measure: 'Peak need', amount: toMajor(assertMinor(row.peakNeed, `rows[${i}].peakNeed`)) });
    values.push({ label: row.label, measure: 'Finance cost', amount: toMajor(assertMinor(row.financeCost, `rows[${i}].financeCost`)) });
  });
  const currency = options.currency ?? 'GBP';
  const { width: _w, height: _h, ...rest } = frame('terms-comparison', 'Payment terms: peak need and finance cost for the provider', currency, options, null);
  return {
    ...rest,
    description: `Peak funding need and finance cost under ${rows.length} payment-terms alternative(s). Display only: amounts in major units.`,
    data: { values },
    facet: { column: { field: 'measure', type: 'nominal', title: null, sort: ['Peak need', 'Finance cost'], header: { labelFontSize: 12 } } },
    spec: {
      width: Math.floor((options.width ?? DEFAULT_WIDTH) / 2),
      height: options.height ?? Math.max(60, 28 * rows.length),
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'label', type: 'nominal', title: null, sort: rows.map((r) => r.label), axis: { labelLimit: 320 } },
        x: { field: 'amount', type: 'quantitative', title: `Amount (${currency})`, axis: { format: MONEY_AXIS_FORMAT } },
        color: { field: 'measure', type: 'nominal', legend: null, scale: { domain: ['Peak need', 'Finance cost'], range: [COLOURS.before, COLOURS.cost] } },
        tooltip: [{ field: 'label', type: 'nominal', title: 'Terms' }, { field: 'measure', type: 'nominal', title: 'Measure' }, moneyTooltip('amount', 'Amount')],
      },
    },
    resolve: { scale: { x: 'independent' } },
  };
}
