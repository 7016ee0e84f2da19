import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDay } from '../../src/calendar/day.js';
import { BridgefitInputError } from '../../src/money/errors.js';
import { cashCurveSvg, facilitySvg, fanChartSvg, termsBarsSvg } from '../../src/report/svg/charts.js';
import { timeSeriesSvg } from '../../src/report/svg/time-series.js';
import { barChartSvg } from '../../src/report/svg/bars.js';
import { downsampleIndices } from '../../src/report/svg/downsample.js';
import { dateTicks, moneyAxis, moneyLabel } from '../../src/report/svg/scale.js';
import { escapeXml, px } from '../../src/report/svg/text.js';
import { BANDS, FORECAST, PLAN, TERMS } from './chart-fixtures.js';

const count = (text: string, needle: string) => text.split(needle).length - 1;
/** The text content of every `<text>` element (tags inside, such as `<title>`, dropped). */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)/g)].map((m) => m[1]);

describe('escapeXml', () => {
  it('escapes markup characters and replaces characters XML forbids', () => {
    expect(escapeXml(`<script>alert("x")</script> & 'Co'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
    // U+0001 (a C0 control) and a lone high surrogate are not allowed in XML 1.0.
    expect(escapeXml('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    // Tabs, newlines, non-ASCII and astral characters pass through.
    expect(escapeXml('£€\t\nü 😀')).toBe('£€\t\nü 😀');
  });
});

describe('px', () => {
  it('prints at most one decimal, never -0 or exponents', () => {
    expect([px(12.345), px(-0.04), px(0.00000001), px(-3.26), px(100)]).toEqual(['12.3', '0', '0', '-3.3', '100']);
  });
});

describe('moneyAxis', () => {
  it('puts ticks at round amounts covering the values and zero', () => {
    // −£20,000 … £180,000: span 20,000,000p / 5 = 4,000,000p; the next of 1, 2, 2.5, 5 × 10⁶ is
    // 5,000,000p (£50,000); floor(−2,000,000 / 5,000,000) = −1, ceil(18,000,000 / 5,000,000) = 4.
    const axis = moneyAxis([-2_000_000, 18_000_000]);
    expect(axis).toEqual({ min: -5_000_000, max: 20_000_000, ticks: [-5_000_000, 0, 5_000_000, 10_000_000, 15_000_000, 20_000_000] });
    expect(axis.ticks.map((t) => moneyLabel(t))).toEqual(['-£50,000', '£0', '£50,000', '£100,000', '£150,000', '£200,000']);
  });

  it('never steps by less than a pound and handles a flat series', () => {
    // 0 … 3p: step at least 100p.
    expect(moneyAxis([0, 3]).ticks).toEqual([0, 100]);
    // All zero: widened by one round step for £100 (10,000p / 5 = 2,000p) so the axis has
    // height, then ticked for that span: 2,000p / 5 = 400p, next round step 500p (£5).
    expect(moneyAxis([0, 0])).toEqual({ min: 0, max: 2_000, ticks: [0, 500, 1_000, 1_500, 2_000] });
  });

  it('ticks are whole pence, ascending, and cover the values (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { minLength: 1, maxLength: 50 }), (values) => {
        const axis = moneyAxis(values);
        expect(axis.ticks.every((t) => Number.isSafeInteger(t))).toBe(true);
        expect(axis.min).toBeLessThanOrEqual(Math.min(0, ...values));
        expect(axis.max).toBeGreaterThanOrEqual(Math.max(0, ...values));
        expect(axis.ticks.length).toBeLessThanOrEqual(12);
        for (let i = 1; i < axis.ticks.length; i++) expect(axis.ticks[i]!).toBeGreaterThan(axis.ticks[i - 1]!);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('dateTicks', () => {
  it('ticks the first of each month over a few months', () => {
    expect(dateTicks(parseDay('2026-03-01'), parseDay('2026-06-30'), 8).map((t) => t.label)).toEqual(['Mar 2026', 'Apr 2026', 'May 2026', 'Jun 2026']);
  });

  it('steps by half-years over three years, aligned to January and July', () => {
    // 2026-03 … 2029-06 is 40 months; steps 1, 2, 3 give 40, 20, 14 ticks > 8; 6 gives 7.
    expect(dateTicks(parseDay('2026-03-01'), parseDay('2029-06-30'), 8).map((t) => t.label)).toEqual(['Jul 2026', 'Jan 2027', 'Jul 2027', 'Jan 2028', 'Jul 2028', 'Jan 2029']);
  });

  it('ticks days over a short span', () => {
    // 8 days, at most 4 ticks: every 2 days.
    expect(dateTicks(parseDay('2026-03-28'), parseDay('2026-04-04'), 4).map((t) => t.label)).toEqual(['28 Mar', '30 Mar', '1 Apr', '3 Apr']);
  });
});

describe('downsampleIndices', () => {
  it('keeps the first, highest, lowest and last point per pixel column', () => {
    expect(downsampleIndices([5, 1, 9, 4, 4, 0, 7, 3], 1)).toEqual([0, 2, 5, 7]);
    expect(downsampleIndices([5, 1, 9], 4)).toEqual([0, 1, 2]);
  });

  it('keeps a one-day dip in five years drawn across 100 columns', () => {
    const values = new Array<number>(1826).fill(10_000_00);
    values[1234] = -5_000_00;
    const kept = downsampleIndices(values, 100);
    expect(kept).toContain(1234);
    expect(kept.length).toBeLessThanOrEqual(400);
  });

  it('keeps every column’s extremes, ascending, at most 4 per column (property, seed 42)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 600 }), fc.integer({ min: 1, max: 120 }), (values, columns) => {
        const kept = downsampleIndices(values, columns);
        for (let i = 1; i < kept.length; i++) expect(kept[i]!).toBeGreaterThan(kept[i - 1]!);
        if (values.length > 2 * columns) expect(kept.length).toBeLessThanOrEqual(4 * columns);
        const keptValues = kept.map((i) => values[i]!);
        expect(Math.min(...keptValues)).toBe(Math.min(...values));
        expect(Math.max(...keptValues)).toBe(Math.max(...values));
        expect(kept[0]).toBe(0);
        expect(kept[kept.length - 1]).toBe(values.length - 1);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('cashCurveSvg', () => {
  it('draws one line, the buffer and the two hand-counted gaps of the fixture', () => {
    const svg = cashCurveSvg(FORECAST);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(count(svg, 'class="bf-line"')).toBe(1);
    expect(count(svg, 'class="bf-area"')).toBe(0);
    // The fixture's gaps: 29–31 March and 3 April.
    expect(count(svg, 'class="bf-band"')).toBe(2);
    expect(svg).toContain('<title>Gap 2026-03-29 to 2026-03-31: 3 day(s) below the buffer, peak shortfall £200.00 on 2026-03-29</title>');
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title>Daily cash before finance</title>');
    // Values 300…1,000 pounds and 0: span 100,000p / 5 = 20,000p, a round step of £200.
    const labels = texts(svg);
    for (const l of ['£0', '£200', '£400', '£600', '£800', '£1,000', 'Buffer £500']) expect(labels).toContain(l);
    // Eight days on a 648px plot: at most 7 ticks, so every second day.
    for (const l of ['28 Mar', '30 Mar', '1 Apr', '3 Apr']) expect(labels).toContain(l);
    expect(labels).not.toContain('29 Mar');
  });

  it('adds the ledger after finance as a second line', () => {
    const svg = cashCurveSvg(FORECAST, PLAN);
    expect(count(svg, 'class="bf-line"')).toBe(2);
    expect(texts(svg)).toContain('After finance');
    expect(svg).toContain('<title>Daily cash before and after rcf</title>');
  });

  it('puts each day at a fixed x, the buffer at the right y, and steps through every day', () => {
    // Plot 92…740 px wide (648 px) for 8 days: 81 px a day. y: £0 at 266 (300 − 34), £1,000 at
    // 52, so £500 (the buffer) is at 266 − 214 / 2 = 159.
    const svg = cashCurveSvg(FORECAST);
    expect(svg).toContain('<line x1="92" y1="159" x2="740" y2="159"');
    // Day 1 (29 March) closes at £300: y = 266 − 214 × 0.3 = 201.8, drawn from x = 92 + 81 = 173.
    expect(svg).toContain('173,201.8L254,201.8');
  });

  it('rejects a plan on other days', () => {
    expect(() => cashCurveSvg(FORECAST, { ...PLAN, ledger: { ...PLAN.ledger, start: '2026-03-29' } })).toThrow(BridgefitInputError);
  });

  it('is deterministic and the same in every time zone', () => {
    const saved = process.env.TZ;
    const outputs: string[] = [];
    try {
      for (const tz of ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/London']) {
        process.env.TZ = tz;
        outputs.push(cashCurveSvg(FORECAST, PLAN) + fanChartSvg(BANDS) + facilitySvg(PLAN));
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect(new Set(outputs).size).toBe(1);
    expect(cashCurveSvg(FORECAST)).toBe(cashCurveSvg(FORECAST));
    // No ids to collide when several charts share a page.
    expect(outputs[0]).not.toMatch(/\sid="/);
  });

  it('draws a long series with at most 4 points per pixel column and keeps a one-day dip', () => {
    const days = 5 * 365;
    const closing = new Array<number>(days).fill(20_000_000);
    closing[1000] = -1_000_000; // one day at −£10,000
    const svg = cashCurveSvg({ ...FORECAST, start: '2026-01-01', end: '2030-12-31', closing, inflows: new Array(days).fill(0), outflows: new Array(days).fill(0) });
    const d = /class="bf-line" d="M([^"]+)"/.exec(svg)![1]!;
    const points = d.split('L');
    // 648 columns → at most 4 × 648 indices, two points each (step).
    expect(points.length).toBeLessThanOrEqual(2 * 4 * 648);
    // −£10,000 on an axis from −£50,000 (floor of −1,000,000 / 5,000,000 step) to £200,000:
    // y = 266 − 214 × (−1,000,000 + 5,000,000) / 25,000,000 = 231.76 → "231.8".
    expect(points.some((p) => p.endsWith(',231.8'))).toBe(true);
  });
});

describe('facilitySvg', () => {
  it('draws the drawn balance as an area and a line under the limit', () => {
    const svg = facilitySvg(PLAN);
    expect(count(svg, 'class="bf-area"')).toBe(1);
    expect(count(svg, 'class="bf-line"')).toBe(1);
    expect(texts(svg)).toContain('Limit £300');
    expect(svg).toContain('<title>rcf: drawn balance against its £300.00 limit</title>');
  });
});

describe('fanChartSvg', () => {
  it('draws the P5–P95 band and the median', () => {
    const svg = fanChartSvg(BANDS, { buffer: 50000, paths: 2000 });
    expect(count(svg, 'class="bf-area"')).toBe(1);
    expect(count(svg, 'class="bf-line"')).toBe(1);
    expect(texts(svg)).toEqual(expect.arrayContaining(['P5–P95', 'P50 (median)', 'Buffer £500']));
    expect(svg).toContain('over 2000 simulated paths');
  });

  it('rejects dates that are not consecutive days and arrays of other lengths', () => {
    expect(() => fanChartSvg({ ...BANDS, dates: ['2026-03-28', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02'] })).toThrow(/consecutive/);
    expect(() => fanChartSvg({ ...BANDS, p50: [1] })).toThrow(BridgefitInputError);
  });
});

describe('termsBarsSvg and barChartSvg', () => {
  it('draws one bar per alternative and measure, with amounts', () => {
    const svg = termsBarsSvg(TERMS);
    expect(count(svg, 'class="bf-bar"')).toBe(6);
    // £212,000 and £450,000 peak need; £28,900.01 finance cost.
    expect(texts(svg)).toEqual(expect.arrayContaining(['Peak need', 'Finance cost', '£212,000', '£450,000', '£28,900.01', 'Monthly in arrears, 30 days']));
  });

  it('says "not covered" instead of a bar for a null cost', () => {
    const svg = termsBarsSvg([...TERMS.slice(0, 2), { label: 'Payment by results', peakNeed: 90_000_000, financeCost: null }]);
    expect(count(svg, 'class="bf-bar"')).toBe(5);
    expect(texts(svg)).toContain('not covered');
  });

  it('rejects a measure without one value per category', () => {
    expect(() => barChartSvg({ title: 't', categories: ['a', 'b'], measures: [{ label: 'm', values: [1], colour: '#000' }] })).toThrow(BridgefitInputError);
  });
});

describe('escaping in charts', () => {
  it('shows names from user input as text, never as markup', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const svg =
      timeSeriesSvg({ title: evil, description: evil, start: '2026-01-01', lines: [{ label: evil, values: [1, 2], colour: '"><script>' }], rules: [{ label: evil, value: 1, colour: '#000' }], bands: { label: evil, colour: '#f00', items: [{ from: '2026-01-01', to: '2026-01-01', title: evil }] } }) +
      termsBarsSvg([{ label: evil, peakNeed: 1, financeCost: 1 }]) +
      cashCurveSvg(FORECAST, { ...PLAN, productId: evil });
    expect(svg).not.toMatch(/<script|<img/i);
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('leaves out xmlns for inline use and draws "No data" for an empty series', () => {
    const svg = timeSeriesSvg({ title: 'Empty', start: '2026-01-01', lines: [{ label: 'x', values: [], colour: '#000' }], inline: true });
    expect(svg.startsWith('<svg class=')).toBe(true);
    expect(svg).not.toContain('xmlns');
    expect(texts(svg)).toContain('No data');
  });

  it('rejects series of different lengths', () => {
    expect(() => timeSeriesSvg({ title: 't', start: '2026-01-01', lines: [{ label: 'a', values: [1, 2], colour: '#000' }, { label: 'b', values: [1], colour: '#000' }] })).toThrow(BridgefitInputError);
  });
});
