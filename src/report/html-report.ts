/**
 * One self-contained HTML page for a scenario: the enterprise, its gaps and cash chart, sized
 * facilities, matches with reasons, stress tests and the commissioner's view. Inline CSS and
 * inline SVG only: no scripts, no fonts or images to fetch, nothing that needs a network, so the
 * file opens anywhere (a browser, an email attachment, a printer).
 *
 * Pure: a string from plain inputs. Every name and label is escaped, so text from user input
 * (an enterprise called `<script>…`) is shown, never run. The same input gives the same page.
 *
 * @module
 */
import { formatMoney, type Minor } from '../money/amount.js';
import type { Scenario } from '../model/scenario.js';
import type { CashForecast } from '../forecast/types.js';
import { fundingNeed } from '../forecast/gaps.js';
import type { SizedPlan } from '../sizing/size-product.js';
import type { MatchResult } from '../matching/match-products.js';
import type { StressRow } from '../stress/delay-scenarios.js';
import type { DelaySimulation } from '../stress/simulate-delays.js';
import type { TermsComparison } from '../commissioning/payment-terms.js';
import type { ReceiptClaimsSummary } from '../commissioning/receipt-claims.js';
import { monthlyCash } from './monthly-cash.js';
import { describeSpan } from './duration.js';
import { formatPercent } from '../money/percent.js';
import { escapeXml } from './svg/text.js';
import { cashCurveSvg, facilitySvg, fanChartSvg, termsBarsSvg } from './svg/charts.js';

/** A sized plan with the product's name, for headings. */
export type NamedSizedPlan = SizedPlan & { readonly productName?: string };

/** What {@link htmlReport} can show; every section but the enterprise and forecast is optional. */
export interface HtmlReportInput {
  /** The parsed scenario (enterprise, commissioners, contracts). */
  readonly scenario: Scenario;
  /** Its forecast from `forecastCash`. */
  readonly forecast: CashForecast;
  /** Sized facilities (from `sizeProduct`), each with its product's name. */
  readonly sized?: readonly NamedSizedPlan[];
  /**
   * The product whose plan is drawn as "after finance" on the cash chart. Default: the covered
   * sized plan with the lowest total cost; none when no sized plan covers the need.
   */
  readonly afterFinance?: string;
  /** Ranked matches with reasons (from `matchProducts` / `matchNeed`). */
  readonly match?: MatchResult;
  /** Deterministic stress rows (`delayScenarios`) and/or a Monte Carlo run (`simulateDelays`, with `bands: true` for the fan chart). */
  readonly stress?: {
    readonly rows?: readonly StressRow[];
    readonly simulation?: DelaySimulation;
    /** A sentence on how the simulation was run (shocks, paths). */
    readonly note?: string;
  };
  /** A payment-terms comparison (`comparePaymentTerms`). */
  readonly terms?: TermsComparison;
  /** Statutory late-payment interest and compensation on forecast receipts (`latePaymentOnReceipts`). */
  readonly latePayment?: ReceiptClaimsSummary & { readonly commissionerName?: string; readonly contractTitle?: string };
  /** Page title; default "Cash-flow report: <enterprise name>". */
  readonly title?: string;
  /** Short notes shown under the title (e.g. "the catalogue is illustrative"). */
  readonly notes?: readonly string[];
}

const CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #595959; --rule: #d9d9d9; --accent: #1f4e79; --bad: #b3261e; --good: #2f6f3e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; }
h1 { font-size: 1.7rem; margin: 0 0 4px; color: var(--accent); }
h2 { font-size: 1.3rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.05rem; margin: 22px 0 6px; }
p { margin: 6px 0 10px; }
.lede { color: var(--muted); margin-top: 0; }
.note { color: var(--muted); font-size: 0.9rem; }
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px 24px; margin: 12px 0; padding: 0; }
.facts div { border-left: 3px solid var(--rule); padding-left: 10px; }
.facts dt { color: var(--muted); font-size: 0.85rem; }
.facts dd { margin: 0; font-weight: 600; }
table { border-collapse: collapse; margin: 10px 0 16px; font-size: 0.9rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--ink); }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
th { text-align: left; background: #f4f6f8; font-weight: 600; }
td.date { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.short td { background: #fdf1f0; }
.yes { color: var(--good); font-weight: 600; }
.no { color: var(--bad); font-weight: 600; }
figure { margin: 12px 0 20px; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: 0.85rem; }
ul.reasons { margin: 4px 0 0; padding-left: 18px; font-size: 0.88rem; }
ul.reasons li.failed { color: var(--bad); }
ul.reasons li.unknown { color: var(--muted); }
.sentence { border-left: 4px solid var(--accent); background: #f4f6f8; padding: 8px 12px; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr, .plan { break-inside: avoid; }
  section { break-before: auto; }
}
@page { margin: 14mm; }
`;

const e = escapeXml;

const ISO_DATE = /^\d{4}-\d{2}(-\d{2})?$/;

type Cell = string | { readonly html: string; readonly num?: boolean; readonly cls?: string };

/** A table with a caption; cells are text (escaped) or `{ html }` (already escaped). */
function table(caption: string, headers: readonly (string | { text: string; num: boolean })[], rows: readonly (readonly Cell[])[], rowClass?: (i: number) => string | undefined): string {
  const head = headers.map((h) => (typeof h === 'string' ? `<th scope="col">${e(h)}</th>` : `<th scope="col" class="${h.num ? 'num' : ''}">${e(h.text)}</th>`)).join('');
  const body = rows
    .map((r, i) => {
      const cls = rowClass?.(i);
      const cells = r.map((c) => (typeof c === 'string' ? (ISO_DATE.test(c) ? `<td class="date">${e(c)}</td>` : `<td>${e(c)}</td>`) : `<td${c.num || c.cls ? ` class="${[c.num ? 'num' : '', c.cls ?? ''].filter(Boolean).join(' ')}"` : ''}>${c.html}</td>`)).join('');
      return `<tr${cls ? ` class="${cls}"` : ''}>${cells}</tr>`;
    })
    .join('');
  return `<table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const num = (text: string): Cell => ({ html: e(text), num: true });
const H = (text: string) => ({ text, num: true });
const yesNo = (ok: boolean, yes = 'yes', no = 'no'): Cell => ({ html: ok ? `<span class="yes">${e(yes)}</span>` : `<span class="no">${e(no)}</span>`, cls: '' });

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${e(caption)}</figcaption></figure>`;
}

function facts(items: readonly (readonly [string, string])[]): string {
  return `<dl class="facts">${items.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`;
}

function enterpriseSection(input: HtmlReportInput, money: (m: Minor) => string): string {
  const { scenario, forecast } = input;
  const ent = scenario.enterprise;
  const commissioners = new Map(scenario.commissioners.map((c) => [c.id, c.name]));
  const items: [string, string][] = [
    ['Legal form', ent.legalForm.toUpperCase()],
    ...(ent.region ? [['Region', ent.region] as [string, string]] : []),
    ...(ent.tradingSince ? [['Trading since', ent.tradingSince] as [string, string]] : []),
    ['Opening cash', `${money(forecast.openingBalance)} on ${forecast.start}`],
    ['Minimum cash buffer', money(forecast.buffer)],
    ['Horizon', `${forecast.start} to ${forecast.end}`],
  ];
  const contracts = table(
    'Contracts',
    ['Contract', 'Commissioner', 'From', 'To', H('Invoiced in horizon'), 'Billing'],
    scenario.contracts.map((c) => {
      const invoiced = forecast.invoices.filter((i) => i.contractId === c.id).reduce((s, i) => s + i.amount, 0);
      const billing = c.billing.frequency === 'milestones' ? 'milestones' : `${c.billing.frequency} ${c.billing.timing}, ${c.billing.paymentTermsDays}-day terms`;
      return [c.title, commissioners.get(c.commissionerId) ?? c.commissionerId, c.start, c.end, num(money(invoiced)), billing];
    }),
  );
  return `<section id="enterprise" aria-labelledby="h-enterprise"><h2 id="h-enterprise">The enterprise</h2>${facts(items)}${contracts}</section>`;
}

function chosenPlan(input: HtmlReportInput): NamedSizedPlan | undefined {
  const sized = input.sized ?? [];
  if (input.afterFinance !== undefined) return sized.find((s) => s.productId === input.afterFinance && s.plan);
  let best: NamedSizedPlan | undefined;
  for (const s of sized) if (s.covered && s.needed && s.plan && s.cost && (!best || s.cost.total < best.cost!.total)) best = s;
  return best;
}

function gapsSection(input: HtmlReportInput, money: (m: Minor) => string): string {
  const { forecast } = input;
  const need = fundingNeed(forecast);
  const after = chosenPlan(input);
  const out: string[] = ['<section id="gaps" aria-labelledby="h-gaps"><h2 id="h-gaps">Cash forecast and gaps</h2>'];
  out.push(
    need.gaps.length === 0
      ? `<p>No gaps: cash stays at or above the ${e(money(forecast.buffer))} buffer throughout.</p>`
      : `<p>Cash falls below the ${e(money(forecast.buffer))} buffer in <strong>${need.gaps.length}</strong> gap(s), <strong>${need.daysShort}</strong> days in all. The peak need is <strong>${e(money(need.peak))}</strong> on ${e(need.peakDate ?? '')}.</p>`,
  );
  out.push(
    figure(
      cashCurveSvg(forecast, after?.plan ?? undefined, { inline: true, width: 1000, height: 340, ...(after ? { title: `Daily cash before and after ${after.productName ?? after.productId}` } : {}) }),
      after ? `Daily closing cash before finance and after ${after.productName ?? after.productId} (limit ${money(after.limit)}); shaded: gaps below the buffer before finance.` : 'Daily closing cash before finance; shaded: gaps below the buffer.',
    ),
  );
  if (need.gaps.length > 0) {
    out.push(
      table(
        'Gaps below the buffer',
        ['First day short', 'Last day short', 'Length', H('Peak shortfall'), 'Peak on'],
        need.gaps.map((g) => [g.start, g.end, describeSpan(g.start, g.end), num(money(g.peakShortfall)), g.peakDate]),
      ),
    );
  }
  out.push('</section>');
  return out.join('');
}

function appendixSection(forecast: CashForecast, money: (m: Minor) => string): string {
  const out: string[] = ['<section id="appendix" aria-labelledby="h-appendix"><h2 id="h-appendix">Appendix: cash month by month</h2>'];
  const months = monthlyCash(forecast);
  out.push(
    table(
      'Cash month by month (months with days below the buffer are shaded)',
      ['Month', H('Opening'), H('In'), H('Out'), H('Closing'), H('Lowest'), H('Days short')],
      months.map((r) => [r.month, num(money(r.opening)), num(money(r.inflows)), num(money(r.outflows)), num(money(r.closing)), num(money(r.lowest)), num(r.daysShort ? String(r.daysShort) : '')]),
      (i) => (months[i]!.daysShort > 0 ? 'short' : undefined),
    ),
  );
  out.push('</section>');
  return out.join('');
}

function sizedSection(sized: readonly NamedSizedPlan[], money: (m: Minor) => string): string {
  const out: string[] = ['<section id="finance" aria-labelledby="h-finance"><h2 id="h-finance">Sized facilities</h2>'];
  out.push('<p class="lede">Each product sized to the smallest limit that keeps cash at or above the buffer every day, its own interest and fees included.</p>');
  if (sized.length === 0) out.push('<p>No products were sized.</p>');
  out.push(
    table(
      'Sized facilities compared',
      ['Product', 'Kind', H('Limit'), H('Term'), 'Covers the need?', H('Interest'), H('Fees'), H('Total cost'), H('Effective annual rate')],
      sized.map((s) => [
        s.productName ?? s.productId,
        s.productKind,
        num(s.needed ? money(s.limit) : '–'),
        num(s.termMonths === null ? '–' : `${s.termMonths} months`),
        !s.needed ? 'not needed' : yesNo(s.covered, 'yes', `no: short by up to ${money(s.residualShortfall)}`),
        num(s.cost ? money(s.cost.interest) : '–'),
        num(s.cost ? money(s.cost.fees) : '–'),
        num(s.cost ? money(s.cost.total) : '–'),
        num(formatPercent(s.cost?.effectiveAnnualRate ?? null)),
      ]),
    ),
  );
  for (const s of sized) {
    const name = s.productName ?? s.productId;
    out.push(`<div class="plan"><h3>${e(name)} <span class="note">(${e(s.productKind)})</span></h3><p>${e(s.explanation)}</p>`);
    if (s.plan) {
      const peak = s.cost ? `; peak drawn ${money(s.cost.peakDrawn)}, average ${money(s.cost.averageDrawn)}` : '';
      out.push(figure(facilitySvg(s.plan, { inline: true, width: 1000, height: 220, title: `${name}: drawn balance against its ${money(s.limit)} limit` }), `Principal drawn each day${peak}.`));
      if (s.plan.notes.length) out.push(`<ul class="reasons">${s.plan.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>`);
    }
    out.push('</div>');
  }
  out.push('</section>');
  return out.join('');
}

function matchSection(match: MatchResult, money: (m: Minor) => string): string {
  const out: string[] = ['<section id="matches" aria-labelledby="h-matches"><h2 id="h-matches">Matching investors’ products</h2>'];
  out.push(
    `<p>${match.need.amount > 0 ? `Peak need ${e(money(match.need.amount))}; first day short ${e(match.need.firstDayShort ?? '')}.` : 'No funding need.'} ${match.matches.length} product(s) eligible, ${match.excludedCount} excluded.</p>`,
  );
  if (match.matches.length > 0) {
    out.push(
      table(
        'Eligible products, best first (* on the Pareto front of total cost and coverage)',
        [H('Rank'), 'Product', 'Investor', H('Limit'), H('Term'), H('Total cost'), H('Eff. rate'), 'Covers need?', H('Days to funds'), H('Score')],
        match.matches.map((m) => [
          num(String(m.rank)),
          `${m.productName}${m.paretoEfficient ? ' *' : ''}`,
          m.investorName,
          num(money(m.limit)),
          num(m.termMonths === null ? '–' : `${m.termMonths} mo`),
          num(money(m.totalCost)),
          num(formatPercent(m.effectiveAnnualRate)),
          yesNo(m.coversNeed, 'yes', `no (${formatPercent(m.shareCovered)})`),
          num(`${m.daysToFunds}${m.fundsInTime ? '' : ' (late)'}`),
          num(String(m.score)),
        ]),
      ),
    );
    out.push('<h3>Why each product ranks where it does</h3>');
    for (const m of match.matches) {
      const reasons = m.eligibility.map((r) => `<li class="${e(r.outcome)}">${e(r.outcome === 'passed' ? '✓' : r.outcome === 'failed' ? '✗' : '?')} ${e(r.message)}</li>`).join('');
      out.push(`<p><strong>${m.rank}. ${e(m.productName)}</strong> (${e(m.investorName)}): ${e(m.explanation)}</p>${reasons ? `<ul class="reasons">${reasons}</ul>` : ''}`);
    }
  }
  if (match.notSized.length > 0) out.push(`<p class="note">Eligible but not sized: ${e(match.notSized.join(', '))}.</p>`);
  if (match.excluded.length > 0) {
    out.push(
      table(
        'Excluded products and why',
        ['Product', 'Investor', 'Why not'],
        match.excluded.map((x) => [x.productName, x.investorId, { html: `<ul class="reasons">${x.reasons.filter((r) => r.outcome === 'failed').map((r) => `<li class="failed">${e(r.message)}</li>`).join('')}</ul>` }]),
      ),
    );
  }
  out.push('</section>');
  return out.join('');
}

function stressSection(stress: NonNullable<HtmlReportInput['stress']>, forecast: CashForecast, money: (m: Minor) => string): string {
  const out: string[] = ['<section id="stress" aria-labelledby="h-stress"><h2 id="h-stress">Stress tests</h2>'];
  const rows = stress.rows ?? [];
  if (rows.length > 0) {
    const withFacility = rows.some((r) => r.facility !== null);
    const headers = ['Case', H('Peak need'), H('Change'), 'First day short', 'Last day short', H('Days short'), ...(withFacility ? [H('Facility'), 'Covered', H('Total cost')] : [])];
    out.push(
      table(
        'Deterministic stress: the base forecast and each case',
        headers,
        rows.map((r) => {
          const f = r.facility;
          return [
            r.label,
            num(money(r.peakNeed)),
            num((r.change > 0 ? '+' : '') + money(r.change)),
            r.firstDayShort ?? '–',
            r.lastDayShort ?? '–',
            num(String(r.daysShort)),
            ...(withFacility ? [num(f ? money(f.limit) : '–'), f ? (!f.needed ? 'not needed' : yesNo(f.covered)) : '–', num(f ? money(f.totalCost) : '–')] : []),
          ];
        }),
      ),
    );
  }
  const sim = stress.simulation;
  if (sim) {
    out.push(`<h3>Monte Carlo of payment delays</h3><p>${String(sim.paths).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} paths from seed ${sim.seed}.${stress.note ? ` ${e(stress.note)}` : ''}</p>`);
    out.push(
      table(
        'Simulated peak need and days short',
        ['Measure', H('P50'), H('P90'), H('P95'), H('P99'), H('Mean')],
        [
          ['Peak need', num(money(sim.peakNeed.p50)), num(money(sim.peakNeed.p90)), num(money(sim.peakNeed.p95)), num(money(sim.peakNeed.p99)), num(money(sim.peakNeed.mean))],
          ['Days short', num(String(sim.daysShort.p50)), num(String(sim.daysShort.p90)), num(String(sim.daysShort.p95)), num(String(sim.daysShort.p99)), num(String(sim.daysShort.mean))],
        ],
      ),
    );
    out.push(`<p>Short on ${e(formatPercent(sim.probabilityShort, 1))} of paths${sim.firstDayShort.p50 ? `; median first day short ${e(sim.firstDayShort.p50)}` : ''}.</p>`);
    if (sim.bands) {
      out.push(figure(fanChartSvg(sim.bands, { inline: true, width: 1000, height: 320, buffer: forecast.buffer, paths: sim.paths, currency: forecast.currency }), 'Closing cash across the simulated paths: 5th to 95th percentile shaded, median as a line, the buffer dashed.'));
    }
  }
  out.push('</section>');
  return out.join('');
}

function commissionerSection(input: HtmlReportInput, money: (m: Minor) => string): string {
  const out: string[] = ['<section id="commissioner" aria-labelledby="h-commissioner"><h2 id="h-commissioner">The commissioner’s view</h2>'];
  const { terms, latePayment, scenario } = input;
  if (terms) {
    const contract = scenario.contracts.find((c) => c.id === terms.contractId);
    const who = scenario.commissioners.find((c) => c.id === terms.commissionerId)?.name ?? terms.commissionerId;
    out.push(`<h3>Payment terms for ${e(contract?.title ?? terms.contractId)} (${e(who)})</h3>`);
    out.push(`<p class="sentence">${e(terms.sentence)}</p>`);
    out.push(
      table(
        `What each choice of payment terms costs the provider (contract worth ${money(terms.contractValue)} over ${terms.contractDays} days)`,
        ['Terms', H('Peak need'), H('Days short'), H('Finance cost'), H('Per contract year'), H('% of value')],
        terms.outcomes.map((o) => [
          o.label,
          num(money(o.peakNeed)),
          num(String(o.daysShort)),
          num(o.financeCost === null ? 'not covered' : money(o.financeCost)),
          num(o.costPerContractYear === null ? 'not covered' : money(o.costPerContractYear)),
          num(o.costPercentOfContractValue === null ? '–' : `${o.costPercentOfContractValue}%`),
        ]),
      ),
    );
    out.push(figure(termsBarsSvg(terms.outcomes.map((o) => ({ label: o.label, peakNeed: o.peakNeed, financeCost: o.financeCost })), { inline: true, width: 1000, currency: input.forecast.currency }), 'Peak need and finance cost under each alternative; each panel has its own scale.'));
    const warnings = terms.outcomes.flatMap((o) => o.warnings.map((w) => `${o.label}: ${w}`));
    if (warnings.length) out.push(`<ul class="reasons">${warnings.map((w) => `<li class="unknown">${e(w)}</li>`).join('')}</ul>`);
  }
  if (latePayment) {
    const who = latePayment.commissionerName ?? 'the commissioner';
    out.push(`<h3>Late payment owed${latePayment.contractTitle ? ` on ${e(latePayment.contractTitle)}` : ''}</h3>`);
    if (latePayment.lateInvoices === 0) out.push(`<p>${e(who)} is forecast to pay every invoice on time: no late-payment interest is due.</p>`);
    else {
      out.push(`<p>If ${e(who)} pays as forecast (${latePayment.lateInvoices} of ${latePayment.invoices} invoices late), ${e(scenario.enterprise.name)} could claim:</p>`);
      out.push(
        table(
          'Statutory late-payment claim (Late Payment of Commercial Debts (Interest) Act 1998)',
          ['Item', H('Amount')],
          [
            ['Statutory interest (8% over the reference rate)', num(money(latePayment.interest))],
            ['Fixed compensation', num(money(latePayment.compensation))],
            [{ html: '<strong>Total</strong>' }, { html: `<strong>${e(money(latePayment.total))}</strong>`, num: true }],
          ],
        ),
      );
      const [firstWarning] = latePayment.warnings;
      if (firstWarning !== undefined) {
        const more = latePayment.warnings.length - 1;
        out.push(`<p class="note">Note: ${e(firstWarning)}${more > 0 ? ` (and ${more} more reference date(s) like it)` : ''}.</p>`);
      }
    }
  }
  out.push('</section>');
  return out.join('');
}

/**
 * Renders a self-contained HTML report (inline CSS and SVG charts, no scripts, nothing fetched
 * from a network) of whatever was computed: the enterprise and its contracts, the gaps with the
 * cash chart and month-by-month table (always), then — each only when given — the sized
 * facilities with their drawn-balance charts, the matches with reasons and exclusions, the stress
 * table and Monte Carlo fan chart, and the commissioner's view (payment-terms comparison with
 * bars, and the late-payment claim).
 *
 * Accessible: one `<h1>`, an `<h2>` per section, captions on every table, and `role="img"` with
 * `<title>` and `<desc>` on every chart. Print-friendly. Amounts in the inputs are minor units;
 * the page prints them with the currency symbol. The output is deterministic (no dates of
 * generation, no random ids) and every piece of text is escaped.
 *
 * @param input - the scenario, its forecast, and any optional sections
 * @returns an HTML document as a string (UTF-8)
 * @throws BridgefitInputError when a plan does not cover the forecast's days
 * @example
 * ```ts
 * const forecast = forecastCash(scenario);
 * const html = htmlReport({ scenario, forecast, sized: products.map((p) => ({ ...sizeProduct(forecast, p), productName: p.name })) });
 * writeFileSync('report.html', html); // in Node; in a browser, show it in an iframe's srcdoc
 * ```
 */
export function htmlReport(input: HtmlReportInput): string {
  const currency = input.forecast.currency;
  const money = (m: Minor) => formatMoney(m, currency);
  const name = input.scenario.enterprise.name;
  const title = input.title ?? `Cash-flow report: ${name}`;
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en-GB"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${CSS}</style></head><body><main>`,
    `<h1>${e(title)}</h1>`,
    `<p class="lede">${e(name)}: forecast from ${e(input.forecast.start)} to ${e(input.forecast.end)}, amounts in ${e(currency)}.</p>`,
    ...(input.notes ?? []).map((n) => `<p class="note">${e(n)}</p>`),
    enterpriseSection(input, money),
    gapsSection(input, money),
  ];
  if (input.sized) parts.push(sizedSection(input.sized, money));
  if (input.match) parts.push(matchSection(input.match, money));
  if (input.stress && (input.stress.rows?.length || input.stress.simulation)) parts.push(stressSection(input.stress, input.forecast, money));
  if (input.terms || input.latePayment) parts.push(commissionerSection(input, money));
  parts.push(appendixSection(input.forecast, money));
  parts.push('<footer>Made with bridgefit. Charts are drawn from the figures above and are for display; the tables hold the exact amounts. Illustrative products and forecasts are not offers or advice.</footer>');
  parts.push('</main></body></html>\n');
  return parts.join('\n');
}
