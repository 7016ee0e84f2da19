/**
 * Horizontal bar panels for comparing a few alternatives on one or more money measures, as an
 * SVG string (no DOM, no dependencies).
 *
 * @module
 */
import type { Minor } from '../../money/amount.js';
import { inputError } from '../../money/errors.js';
import { escapeXml, px } from './text.js';
import { moneyAxis, moneyLabel } from './scale.js';
import { svgOpen, textWidth, type SvgChartOptions } from './time-series.js';

/** One measure: a value per category (minor units), or null where there is none (e.g. "not covered"). */
export interface BarMeasure {
  readonly label: string;
  readonly values: readonly (Minor | null)[];
  readonly colour: string;
  /** Shown in place of a bar for a null value (default "n/a"). */
  readonly nullText?: string;
}

/** What {@link barChartSvg} draws. */
export interface BarChart extends Omit<SvgChartOptions, 'height'> {
  readonly title: string;
  readonly description?: string;
  /** One row per category, in this order. */
  readonly categories: readonly string[];
  /** One panel per measure, side by side, each with its own scale. */
  readonly measures: readonly BarMeasure[];
}

const ROW = 30;
const TOP = 50;
const BOTTOM = 30;
const MAX_LABEL_CHARS = 52;

function shorten(label: string): string {
  return label.length <= MAX_LABEL_CHARS ? label : `${label.slice(0, MAX_LABEL_CHARS - 1)}…`;
}

/**
 * Renders horizontal bars: one row per category, one panel per measure (each with its own money
 * axis from zero, ticks at round amounts), the amount printed at the end of each bar, and a
 * `<title>` on every bar with the full label and amount. Height follows the number of rows.
 *
 * @param chart - title, categories, measures in minor units, width and currency
 * @returns an SVG document as a string
 * @throws BridgefitInputError when a measure has not one value per category
 * @example
 * ```ts
 * barChartSvg({
 *   title: 'Payment terms',
 *   categories: ['In advance', 'Monthly in arrears'],
 *   measures: [{ label: 'Peak need', values: [0, 21_200_000], colour: '#4c78a8' }],
 * });
 * ```
 */
export function barChartSvg(chart: BarChart): string {
  const width = chart.width ?? 760;
  const currency = chart.currency ?? 'GBP';
  const rows = chart.categories.length;
  chart.measures.forEach((m, i) => {
    if (m.values.length !== rows) inputError(`chart.measures[${i}].values`, `must have one value per category (${rows}); got ${m.values.length}`);
  });
  const height = TOP + Math.max(1, rows) * ROW + BOTTOM;
  const labelWidth = Math.min(340, Math.max(80, ...chart.categories.map((c) => textWidth(shorten(c)) + 12)));
  const panels = Math.max(1, chart.measures.length);
  const gap = 28;
  const panelWidth = (width - labelWidth - 12 - gap * (panels - 1)) / panels;
  const out: string[] = [svgOpen(width, height, chart.title, chart.description, chart.inline, 'bars')];

  const labels = chart.categories.map(
    (c, r) => `<text x="${labelWidth - 8}" y="${px(TOP + r * ROW + ROW / 2)}" dy="0.32em" text-anchor="end" fill="#1a1a1a">${escapeXml(shorten(c))}<title>${escapeXml(c)}</title></text>`,
  );
  out.push(`<g class="bf-categories">${labels.join('')}</g>`);

  chart.measures.forEach((m, p) => {
    const left = labelWidth + p * (panelWidth + gap);
    // Leave room for the amount printed after the longest bar.
    const valueRoom = Math.min(panelWidth * 0.4, Math.max(...m.values.map((v) => textWidth(v === null ? (m.nullText ?? 'n/a') : moneyLabel(v, currency), 11)), 40) + 8);
    const plotWidth = Math.max(10, panelWidth - valueRoom);
    const axis = moneyAxis(m.values.filter((v): v is number => v !== null), 3);
    const xOf = (v: number) => left + ((v - axis.min) / (axis.max - axis.min)) * plotWidth;
    const parts: string[] = [];
    const bottom = TOP + rows * ROW;
    for (const t of axis.ticks) {
      const tx = px(xOf(t));
      parts.push(`<line x1="${tx}" y1="${TOP}" x2="${tx}" y2="${bottom}" stroke="${t === 0 ? '#9a9a9a' : '#e3e3e3'}"/>`);
      parts.push(`<text x="${tx}" y="${bottom + 16}" text-anchor="middle" fill="#595959" font-size="11">${escapeXml(moneyLabel(t, currency))}</text>`);
    }
    m.values.forEach((v, r) => {
      const cy = TOP + r * ROW;
      const category = chart.categories[r]!;
      if (v === null) {
        parts.push(`<text class="bf-null" x="${px(xOf(0) + 4)}" y="${px(cy + ROW / 2)}" dy="0.32em" fill="#595959" font-style="italic">${escapeXml(m.nullText ?? 'n/a')}</text>`);
        return;
      }
      const x0 = xOf(Math.min(0, v));
      const w = Math.abs(xOf(v) - xOf(0));
      parts.push(
        `<rect class="bf-bar" x="${px(x0)}" y="${px(cy + 6)}" width="${px(w)}" height="${ROW - 12}" fill="${escapeXml(m.colour)}"><title>${escapeXml(`${category}: ${m.label} ${moneyLabel(v, currency)}`)}</title></rect>` +
          `<text x="${px(xOf(Math.max(0, v)) + 4)}" y="${px(cy + ROW / 2)}" dy="0.32em" fill="#333" font-size="11">${escapeXml(moneyLabel(v, currency))}</text>`,
      );
    });
    out.push(`<g class="bf-panel"><text x="${px(left)}" y="${TOP - 6}" font-weight="600" fill="#333">${escapeXml(m.label)}</text>${parts.join('')}</g>`);
  });
  out.push('</svg>');
  return out.join('');
}
