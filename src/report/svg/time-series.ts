/**
 * A small line/area chart over consecutive ISO dates with a money y axis, rendered to an SVG
 * string: no DOM, no dependencies, no random ids, no time zone (dates are day numbers).
 *
 * Amounts arrive as integer minor units and stay integers through the axis and its labels; they
 * become pixel positions (floats) only at the last step, for drawing. Never read money back out
 * of a chart.
 *
 * @module
 */
import type { Minor } from '../../money/amount.js';
import { inputError } from '../../money/errors.js';
import { parseDay, type Day } from '../../calendar/day.js';
import { escapeXml, px } from './text.js';
import { dateTicks, moneyAxis, moneyLabel } from './scale.js';
import { downsampleIndices } from './downsample.js';

/** A line: one value per day from the chart's `start`, minor units. */
export interface ChartLine {
  readonly label: string;
  readonly values: readonly Minor[];
  /** CSS colour. */
  readonly colour: string;
  /** Dashed stroke (default false). */
  readonly dashed?: boolean;
  /** Draw as steps (the value holds for the whole day; default true) or straight segments. */
  readonly step?: boolean;
}

/** A shaded area between `lower` (default zero) and `upper`, one value per day, minor units. */
export interface ChartArea {
  readonly label: string;
  readonly upper: readonly Minor[];
  readonly lower?: readonly Minor[];
  readonly colour: string;
  /** Fill opacity, 0–1 (default 0.35). */
  readonly opacity?: number;
}

/** A horizontal line at an amount (a buffer, a limit), minor units. */
export interface ChartRule {
  readonly label: string;
  readonly value: Minor;
  readonly colour: string;
}

/** Shaded stretches of days (e.g. gaps below the buffer), each `from` … `to` inclusive. */
export interface ChartBands {
  readonly label: string;
  readonly colour: string;
  readonly items: readonly { readonly from: string; readonly to: string; readonly title: string }[];
}

/** Size and embedding options shared by the SVG charts. */
export interface SvgChartOptions {
  /** Width in pixels (default 760). */
  readonly width?: number;
  /** Height in pixels (default 300). */
  readonly height?: number;
  /** ISO 4217 code for the money axis (default GBP). */
  readonly currency?: string;
  /**
   * Leave out the `xmlns` attribute: for SVG placed inside an HTML page, where it is implied.
   * Keep it (the default) for a standalone `.svg` file.
   */
  readonly inline?: boolean;
}

/** What {@link timeSeriesSvg} draws. */
export interface TimeSeriesChart extends SvgChartOptions {
  /** Shown above the chart and as the SVG's accessible `<title>`. */
  readonly title: string;
  /** The SVG's `<desc>`: what the chart shows, for screen readers. */
  readonly description?: string;
  /** ISO date of index 0 of every series; the series run on consecutive days. */
  readonly start: string;
  readonly lines?: readonly ChartLine[];
  readonly areas?: readonly ChartArea[];
  readonly rules?: readonly ChartRule[];
  readonly bands?: ChartBands;
}

const DEFAULT_WIDTH = 760;
const DEFAULT_HEIGHT = 300;
const MARGIN = Object.freeze({ top: 52, right: 20, bottom: 34, left: 92 });
const AXIS_COLOUR = '#595959';
const GRID_COLOUR = '#e3e3e3';

/**
 * Rough width of text at 12px, for laying out legends (display only).
 *
 * @example
 * ```ts
 * textWidth('Buffer'); // 42
 * ```
 */
export function textWidth(text: string, fontSize = 12): number {
  return Math.ceil(text.length * fontSize * 0.58);
}

/**
 * The `<svg …>` opening tag, `<title>`, `<desc>` and the visible title.
 *
 * @example
 * ```ts
 * svgOpen(720, 320, 'Daily cash', undefined, true, 'line chart'); // '<svg xmlns=… role="img" …><title>Daily cash</title>…'
 * ```
 */
export function svgOpen(width: number, height: number, title: string, description: string | undefined, inline: boolean | undefined, kind: string): string {
  const ns = inline ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  return (
    `<svg${ns} class="bf-chart bf-${kind}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif" font-size="12">` +
    `<title>${escapeXml(title)}</title>` +
    (description ? `<desc>${escapeXml(description)}</desc>` : '') +
    `<text class="bf-title" x="${MARGIN.left}" y="18" font-size="14" font-weight="600" fill="#1a1a1a">${escapeXml(title)}</text>`
  );
}

/**
 * A row of legend swatches at y ≈ 36, starting at the plot's left edge.
 *
 * @example
 * ```ts
 * legend([{ label: 'Before finance', colour: '#1f77b4', kind: 'line' }]); // '<g …>…</g>'
 * ```
 */
export function legend(entries: readonly { label: string; colour: string; kind: 'line' | 'dash' | 'fill' }[], left = MARGIN.left): string {
  let x = left;
  const parts: string[] = [];
  for (const e of entries) {
    const swatch =
      e.kind === 'fill'
        ? `<rect x="${px(x)}" y="30" width="14" height="10" fill="${escapeXml(e.colour)}" fill-opacity="0.45"/>`
        : `<line x1="${px(x)}" y1="35" x2="${px(x + 14)}" y2="35" stroke="${escapeXml(e.colour)}" stroke-width="2"${e.kind === 'dash' ? ' stroke-dasharray="5 3"' : ''}/>`;
    parts.push(`${swatch}<text x="${px(x + 19)}" y="39" fill="#333">${escapeXml(e.label)}</text>`);
    x += 19 + textWidth(e.label) + 18;
  }
  return `<g class="bf-legend">${parts.join('')}</g>`;
}

function checkLength(values: readonly number[], n: number, path: string): void {
  if (values.length !== n) inputError(path, `must have one value per day (${n}); got ${values.length}`);
}

/**
 * Renders a line/area chart over consecutive days to an SVG string: money y axis with ticks at
 * round amounts (including zero), date x axis with month (or day) ticks, shaded day bands,
 * areas, step lines and labelled horizontal rules, a legend and an accessible `<title>`/`<desc>`.
 *
 * Each series with more than two points per pixel column is downsampled (first, lowest,
 * highest and last day per column, see `downsampleIndices`) so dips stay visible. All text is
 * escaped. The same input always gives the same string, in every time zone.
 *
 * @param chart - title, start date, series in minor units, size
 * @returns an SVG document as a string
 * @throws BridgefitInputError when `start` is not an ISO date or the series differ in length
 * @example
 * ```ts
 * const svg = timeSeriesSvg({
 *   title: 'Cash', start: '2026-04-01',
 *   lines: [{ label: 'Closing cash', values: [1_000_00, 500_00, 750_00], colour: '#4c78a8' }],
 *   rules: [{ label: 'Buffer', value: 600_00, colour: '#7f7f7f' }],
 * });
 * ```
 */
export function timeSeriesSvg(chart: TimeSeriesChart): string {
  const width = chart.width ?? DEFAULT_WIDTH;
  const height = chart.height ?? DEFAULT_HEIGHT;
  const currency = chart.currency ?? 'GBP';
  const lines = chart.lines ?? [];
  const areas = chart.areas ?? [];
  const rules = chart.rules ?? [];
  const first: Day = parseDay(chart.start, 'chart.start');
  const n = lines[0]?.values.length ?? areas[0]?.upper.length ?? 0;
  lines.forEach((l, i) => checkLength(l.values, n, `chart.lines[${i}].values`));
  areas.forEach((a, i) => {
    checkLength(a.upper, n, `chart.areas[${i}].upper`);
    if (a.lower) checkLength(a.lower, n, `chart.areas[${i}].lower`);
  });

  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;

  const out: string[] = [svgOpen(width, height, chart.title, chart.description, chart.inline, 'time-series')];
  const legendEntries: { label: string; colour: string; kind: 'line' | 'dash' | 'fill' }[] = [
    ...areas.map((a) => ({ label: a.label, colour: a.colour, kind: 'fill' as const })),
    ...lines.map((l) => ({ label: l.label, colour: l.colour, kind: l.dashed ? ('dash' as const) : ('line' as const) })),
    ...rules.map((r) => ({ label: r.label, colour: r.colour, kind: 'dash' as const })),
    ...(chart.bands && chart.bands.items.length > 0 ? [{ label: chart.bands.label, colour: chart.bands.colour, kind: 'fill' as const }] : []),
  ];
  out.push(legend(legendEntries));

  if (n === 0) {
    out.push(`<text x="${px(plot.left + plotWidth / 2)}" y="${px(plot.top + plotHeight / 2)}" text-anchor="middle" fill="${AXIS_COLOUR}">No data</text></svg>`);
    return out.join('');
  }

  // Scales: x over [first, first + n) (a day is a slot), y over every value drawn.
  const x = (day: number) => plot.left + ((day - first) / n) * plotWidth;
  const values = function* (): Generator<number> {
    for (const l of lines) yield* l.values;
    for (const a of areas) {
      yield* a.upper;
      if (a.lower) yield* a.lower;
    }
    for (const r of rules) yield r.value;
  };
  const axis = moneyAxis(values());
  const y = (minor: number) => plot.bottom - ((minor - axis.min) / (axis.max - axis.min)) * plotHeight;

  // Grid and y axis labels.
  const grid: string[] = [];
  for (const t of axis.ticks) {
    const ty = px(y(t));
    grid.push(`<line x1="${plot.left}" y1="${ty}" x2="${plot.right}" y2="${ty}" stroke="${t === 0 ? '#9a9a9a' : GRID_COLOUR}"/>`);
    grid.push(`<text x="${plot.left - 6}" y="${ty}" dy="0.32em" text-anchor="end" fill="${AXIS_COLOUR}">${escapeXml(moneyLabel(t, currency))}</text>`);
  }
  out.push(`<g class="bf-y-axis">${grid.join('')}</g>`);

  // Day bands (gaps), clamped to the horizon.
  if (chart.bands) {
    const rects: string[] = [];
    for (const b of chart.bands.items) {
      const from = Math.max(first, parseDay(b.from, 'chart.bands.from'));
      const to = Math.min(first + n - 1, parseDay(b.to, 'chart.bands.to'));
      if (to < from) continue;
      const x0 = x(from);
      const w = Math.max(1, x(to + 1) - x0);
      rects.push(`<rect class="bf-band" x="${px(x0)}" y="${plot.top}" width="${px(w)}" height="${plotHeight}" fill="${escapeXml(chart.bands.colour)}" fill-opacity="0.14"><title>${escapeXml(b.title)}</title></rect>`);
    }
    out.push(`<g class="bf-bands">${rects.join('')}</g>`);
  }

  const columns = Math.max(1, Math.floor(plotWidth));
  // Areas: upper edge forward, lower edge back, each downsampled on its own.
  for (const a of areas) {
    const upper = stepPoints(a.upper, downsampleIndices(a.upper, columns), first, x, y);
    const lowerValues = a.lower ?? new Array<number>(n).fill(0);
    const lower = stepPoints(lowerValues, downsampleIndices(lowerValues, columns), first, x, y).reverse();
    const d = `M${[...upper, ...lower].map(([px1, py1]) => `${px(px1)},${px(py1)}`).join('L')}Z`;
    out.push(`<path class="bf-area" d="${d}" fill="${escapeXml(a.colour)}" fill-opacity="${a.opacity ?? 0.35}" stroke="none"><title>${escapeXml(a.label)}</title></path>`);
  }

  // Lines.
  for (const l of lines) {
    const idx = downsampleIndices(l.values, columns);
    const pts = l.step === false ? idx.map((i) => [x(first + i + 0.5), y(l.values[i]!)] as const) : stepPoints(l.values, idx, first, x, y);
    const d = `M${pts.map(([px1, py1]) => `${px(px1)},${px(py1)}`).join('L')}`;
    out.push(`<path class="bf-line" d="${d}" fill="none" stroke="${escapeXml(l.colour)}" stroke-width="1.6" stroke-linejoin="round"${l.dashed ? ' stroke-dasharray="5 3"' : ''}><title>${escapeXml(l.label)}</title></path>`);
  }

  // Rules, labelled at the right end.
  for (const r of rules) {
    const ry = px(y(r.value));
    out.push(
      `<g class="bf-rule"><line x1="${plot.left}" y1="${ry}" x2="${plot.right}" y2="${ry}" stroke="${escapeXml(r.colour)}" stroke-width="1.4" stroke-dasharray="6 4"/>` +
        `<text x="${plot.right - 4}" y="${ry}" dy="-0.4em" text-anchor="end" fill="${escapeXml(r.colour)}" font-size="11">${escapeXml(`${r.label} ${moneyLabel(r.value, currency)}`)}</text></g>`,
    );
  }

  // x axis.
  const ticks = dateTicks(first, first + n - 1, Math.max(2, Math.floor(plotWidth / 90)));
  const xa: string[] = [`<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="${AXIS_COLOUR}"/>`];
  for (const t of ticks) {
    const tx = px(x(t.day));
    xa.push(`<line x1="${tx}" y1="${plot.bottom}" x2="${tx}" y2="${plot.bottom + 5}" stroke="${AXIS_COLOUR}"/><text x="${tx}" y="${plot.bottom + 18}" text-anchor="middle" fill="${AXIS_COLOUR}">${escapeXml(t.label)}</text>`);
  }
  out.push(`<g class="bf-x-axis">${xa.join('')}</g>`);
  out.push('</svg>');
  return out.join('');
}

/**
 * Step-after points for the kept indices: each kept day's value holds until the next kept day
 * (and the last to the end of its day).
 */
function stepPoints(values: ArrayLike<number>, idx: readonly number[], first: Day, x: (day: number) => number, y: (v: number) => number): [number, number][] {
  const pts: [number, number][] = [];
  idx.forEach((i, k) => {
    const vy = y(values[i]!);
    const next = k + 1 < idx.length ? idx[k + 1]! : i + 1;
    pts.push([x(first + i), vy], [x(first + next), vy]);
  });
  return pts;
}
