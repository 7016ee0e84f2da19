/**
 * Compiles every chart spec with vega-lite and renders it to SVG headlessly with vega, so a spec
 * that vega-lite rejects, warns about, or that fails to render fails CI. Run under TZ=UTC and
 * TZ=Pacific/Kiritimati (UTC+14) by `.ci/run`: the date labels asserted here must not move.
 */
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import { cashCurveSpec, facilitySpec, fanChartSpec, termsComparisonSpec, type VegaLiteSpec } from '../../src/report/vega-lite.js';
import { BANDS, FORECAST, PLAN, TERMS } from './chart-fixtures.js';

/** A logger for vega-lite and vega that records warnings and errors instead of printing them. */
interface Logger {
  level(level?: number): number | Logger;
  error(...args: unknown[]): Logger;
  warn(...args: unknown[]): Logger;
  info(...args: unknown[]): Logger;
  debug(...args: unknown[]): Logger;
}

function collectingLogger(): { logger: Logger; messages: string[] } {
  const messages: string[] = [];
  let current: number = vega.Warn;
  const logger: Logger = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error: (...args) => (messages.push(`error: ${args.map(String).join(' ')}`), logger),
    warn: (...args) => (messages.push(`warn: ${args.map(String).join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return { logger, messages };
}

async function render(spec: VegaLiteSpec): Promise<{ svg: string; texts: string[]; messages: string[] }> {
  const { logger, messages } = collectingLogger();
  const compiled = vl.compile(spec as unknown as vl.TopLevelSpec, { logger: logger as never });
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none', logger: logger as never, logLevel: vega.Warn });
  const svg = await view.toSVG();
  view.finalize();
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return { svg, texts, messages };
}

describe('chart specs render to SVG with vega', () => {
  it('cash curve: lines, buffer rule, gap bands, £ axis and UTC dates', async () => {
    const { svg, texts, messages } = await render(cashCurveSpec(FORECAST, PLAN));
    expect(messages).toEqual([]);
    expect(svg).toContain('<svg');
    expect(svg).toContain('mark-line');
    expect(svg).toContain('mark-rule');
    expect(svg).toContain('mark-rect');
    // Two gap bands drawn as rect items.
    expect(svg.match(/<g class="mark-rect[^"]*"[^>]*>(.*?)<\/g>/s)![1]!.match(/<path/g)).toHaveLength(2);
    expect(texts).toContain('Daily cash before and after rcf');
    expect(texts).toContain('Before finance');
    expect(texts).toContain('After finance');
    // Axis labels in pounds with the locale's £: the y domain covers £300…£1,000.
    expect(texts).toContain('£1,000');
    expect(texts.some((t) => /^£\d{3}$/.test(t))).toBe(true);
    // Tooltips (also read out as aria labels) carry the same UTC dates.
    expect(svg).toContain('Date: 28 Mar 2026; Series: Before finance; Closing cash: £700.00');
    expect(svg).toContain('Gap 2026-03-29 to 2026-03-31: 3 day(s) below the buffer, peak shortfall £200.00 on 2026-03-29');
    // Date labels follow the ISO dates whatever TZ says: the first day is 28 March 2026.
    // Tooltips (also read out as aria labels) carry the same UTC dates.
    expect(svg).toContain('Date: 28 Mar 2026; Series: Before finance; Closing cash: £700.00');
    expect(svg).toContain('Gap 2026-03-29 to 2026-03-31: 3 day(s) below the buffer, peak shortfall £200.00 on 2026-03-29');
    // Date labels follow the ISO dates whatever TZ says: one tick a day, 28 March … 4 April.
    expect(texts.filter((t) => /^\d{2} \w{3} \d{4}$/.test(t))).toEqual(['28 Mar 2026', '29 Mar 2026', '30 Mar 2026', '31 Mar 2026', '01 Apr 2026', '02 Apr 2026', '03 Apr 2026', '04 Apr 2026']);
  });

  it('facility: step area of the drawn balance and the limit rule', async () => {
    const { svg, texts, messages } = await render(facilitySpec(PLAN));
    expect(messages).toEqual([]);
    expect(svg).toContain('<svg');
    expect(svg).toContain('mark-area');
    expect(svg).toContain('mark-rule');
    expect(texts).toContain('rcf: drawn balance against its £300.00 limit');
    expect(texts.some((t) => /^£\d+$/.test(t))).toBe(true);
    expect(texts).toContain('28 Mar 2026');
  });

  it('fan chart: P5–P95 area and median line with a legend', async () => {
    const { svg, texts, messages } = await render(fanChartSpec(BANDS));
    expect(messages).toEqual([]);
    expect(svg).toContain('mark-area');
    expect(svg).toContain('mark-line');
    expect(texts).toContain('P5–P95');
    expect(texts).toContain('P50 (median)');
    // P5 on 30 March is −£2,500: the axis reaches negative pounds.
    expect(texts.some((t) => /^[−-]£[\d,]+$/.test(t))).toBe(true);
    expect(texts).toContain('28 Mar 2026');
  });

  it('terms comparison: a panel per measure, a bar per alternative and measure', async () => {
    const { svg, texts, messages } = await render(termsComparisonSpec(TERMS));
    expect(messages).toEqual([]);
    expect(svg).toContain('mark-rect');
    expect(texts).toContain('Peak need');
    expect(texts).toContain('Finance cost');
    expect(texts).toContain('Monthly in arrears, 30 days');
    // Two panels of three bars each.
    const panels = [...svg.matchAll(/<g class="mark-rect role-mark[^"]*"[^>]*>(.*?)<\/g>/gs)];
    expect(panels.map((m) => m[1]!.match(/<path/g)?.length)).toEqual([3, 3]);
    expect(texts.some((t) => /^£[\d,]+$/.test(t))).toBe(true);
  });

  // .ci/run repeats the suite under TZ=UTC and TZ=Pacific/Kiritimati, but in 2026 Kiritimati is
  // UTC+14, where a chart reading midnight UTC as local time still lands on the right date; a zone
  // west of Greenwich does not. Node re-reads process.env.TZ when it is assigned, so render again
  // in Los Angeles and Kiritimati and require the very same SVG.
  it('renders the same SVG in any time zone', async () => {
    const specs = [cashCurveSpec(FORECAST, PLAN), facilitySpec(PLAN), fanChartSpec(BANDS)];
    const here = await Promise.all(specs.map(async (s) => (await render(s)).svg));
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati']) {
        process.env.TZ = tz;
        for (const [i, spec] of specs.entries()) expect((await render(spec)).svg).toBe(here[i]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
