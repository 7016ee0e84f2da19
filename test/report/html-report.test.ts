import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../src/model/scenario.js';
import { parseCatalogue, catalogueProducts } from '../../src/model/catalogue.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { sizeProduct } from '../../src/sizing/size-product.js';
import { matchProducts } from '../../src/matching/match-products.js';
import { delayScenarios } from '../../src/stress/delay-scenarios.js';
import { simulateDelays } from '../../src/stress/simulate-delays.js';
import { comparePaymentTerms } from '../../src/commissioning/payment-terms.js';
import { latePaymentOnReceipts } from '../../src/commissioning/receipt-claims.js';
import { htmlReport, type HtmlReportInput } from '../../src/report/html-report.js';

const json = JSON.parse(readFileSync('examples/children-services.json', 'utf8')) as { enterprise: Record<string, unknown> };
const catalogue = parseCatalogue(JSON.parse(readFileSync('examples/catalogue.json', 'utf8')));
const scenario = parseScenario(json);
const forecast = forecastCash(scenario);

function fullInput(s: Scenario = scenario): HtmlReportInput {
  const f = forecastCash(s);
  const rcf = catalogueProducts(catalogue).find((p) => p.kind === 'revolving-facility')!;
  return {
    scenario: s,
    forecast: f,
    sized: [{ ...sizeProduct(f, rcf), productName: rcf.name }],
    match: matchProducts(s, catalogue),
    stress: { rows: delayScenarios(s), simulation: simulateDelays(s, { paths: 50, seed: 42, bands: true, slowQuarter: { probability: 0.25, extraDays: 30 } }), note: 'Slow quarters added.' },
    terms: comparePaymentTerms(s, 'family-hubs'),
    latePayment: { ...latePaymentOnReceipts(f.receipts.filter((r) => r.contractId === 'family-hubs')), commissionerName: 'Downshire County Council', contractTitle: 'Family hubs' },
  };
}

const SECTIONS = ['enterprise', 'gaps', 'finance', 'matches', 'stress', 'commissioner', 'appendix'] as const;
const count = (text: string, needle: string) => text.split(needle).length - 1;

/** The entities escapeXml writes, undone: to read text back out of the page. */
const unescape = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('htmlReport', () => {
  const full = htmlReport(fullInput());

  it('has every section, each with a heading, when every input is given', () => {
    for (const id of SECTIONS) {
      expect(full).toContain(`<section id="${id}" aria-labelledby="h-${id}">`);
      expect(full).toContain(`<h2 id="h-${id}">`);
    }
    expect(full.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(full).toContain('<title>Cash-flow report: Brightpath Family Support CIC</title>');
    expect(count(full, '<h1>')).toBe(1);
    // Cash curve, one facility, the fan and the terms bars.
    expect(count(full, '<svg ')).toBe(4);
    expect(full).toContain('class="bf-chart bf-bars"');
    // The facility from the catalogue is drawn after finance on the cash chart.
    expect(full).toContain('<title>Daily cash before and after Working-capital revolving facility</title>');
    // Matches with reasons and the excluded with why (the example catalogue excludes some).
    expect(full).toContain('Why each product ranks where it does');
    expect(full).toContain('<caption>Excluded products and why</caption>');
    expect(full).toContain(comparePaymentTerms(scenario, 'family-hubs').sentence.replace(/&/g, '&amp;'));
  });

  it('leaves out the sections it was not given', () => {
    const html = htmlReport({ scenario, forecast });
    for (const id of ['enterprise', 'gaps', 'appendix']) expect(html).toContain(`<section id="${id}"`);
    for (const id of ['finance', 'matches', 'stress', 'commissioner']) expect(html).not.toContain(`<section id="${id}"`);
    expect(count(html, '<svg ')).toBe(1);
    // Without a covering plan the chart is before finance only.
    expect(html).toContain('<title>Daily cash before finance</title>');
    // Stress with only the table: no fan.
    const stress = htmlReport({ scenario, forecast, stress: { rows: delayScenarios(scenario) } });
    expect(stress).toContain('<section id="stress"');
    expect(count(stress, '<svg ')).toBe(1);
    // Late payment alone still makes the commissioner's section.
    const late = htmlReport({ scenario, forecast, latePayment: latePaymentOnReceipts(forecast.receipts) });
    expect(late).toContain('<section id="commissioner"');
  });

  it('is self-contained: no scripts, no external references, no network', () => {
    expect(full).not.toMatch(/<script/i);
    expect(full).not.toMatch(/\s(src|href|xmlns|xlink:href)=/i);
    expect(full).not.toMatch(/https?:/i);
    expect(full).not.toMatch(/url\(|@import/i);
    expect(full).not.toMatch(/<(link|iframe|object|embed|img)\b/i);
  });

  it('is accessible: captions on tables, role and title on every chart, lang and charset', () => {
    expect(count(full, '<table>')).toBeGreaterThan(5);
    expect(count(full, '<table>')).toBe(count(full, '<caption>'));
    const svgs = full.match(/<svg [^>]*>(<title>[^<]+<\/title>)?/g)!;
    expect(svgs).toHaveLength(4);
    for (const open of svgs) {
      expect(open).toContain('role="img"');
      expect(open).toMatch(/<title>[^<]+<\/title>$/);
    }
    expect(full).toContain('<html lang="en-GB">');
    expect(full).toContain('<meta charset="utf-8">');
    expect(full).toContain('@media print');
  });

  it('is deterministic', () => {
    expect(htmlReport(fullInput())).toBe(full);
  });

  it('shows special characters in user input as text and round-trips them', () => {
    const name = `<script>alert("x")</script> & Sons 'Ltd' — ünïcødé £€ 😀`;
    const s = parseScenario({ ...json, enterprise: { ...json.enterprise, name } });
    const html = htmlReport(fullInput(s));
    expect(html).not.toMatch(/<script/i);
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(unescape(title)).toBe(`Cash-flow report: ${name}`);
    const lede = /<p class="lede">([^<]*)<\/p>/.exec(html)![1]!;
    expect(unescape(lede).startsWith(name)).toBe(true);
  });

  it('escapes notes and product names', () => {
    const html = htmlReport({ scenario, forecast, notes: ['<b>bold</b> & "quoted"'], sized: [{ ...fullInput().sized![0]!, productName: '<i>RCF</i>' }] });
    expect(html).toContain('<p class="note">&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;</p>');
    expect(html).toContain('&lt;i&gt;RCF&lt;/i&gt;');
    expect(html).not.toContain('<i>RCF</i>');
  });
});
