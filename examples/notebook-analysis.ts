/**
 * A notebook-style analysis: the kind of cells an analyst runs in Jupyter (with a JS/TS kernel),
 * Observable or a tsx script.
 *
 *   1. load the scenario and forecast its cash, day by day;
 *   2. roll the ledger up into months and list the gaps below the buffer;
 *   3. write Vega-Lite specs (the cash curve with its gaps; a Monte Carlo fan chart) to files that
 *      any Vega-Lite renderer opens (in Jupyter: display them with the `application/vnd.vegalite.v5+json` MIME type);
 *   4. ask "what if the county council's lateness varies?": give it a distribution of days to pay
 *      from its payment-practices report, and read the P50 / P90 / P95 peak need from a seeded
 *      Monte Carlo (the same seed always gives the same answer).
 *
 * Run it:   npx tsx examples/notebook-analysis.ts [--paths N] [--out DIR]
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  fanChartSpec,
  forecastCash,
  formatMoney,
  formatTable,
  fundingNeed,
  monthlyCash,
  parseScenario,
  simulateDelays,
  toVegaLite,
  type ScenarioInput,
} from '../src/index.js';

const { values } = parseArgs({ options: { paths: { type: 'string', default: '2000' }, out: { type: 'string' } } });
const paths = Number(values.paths);
const outDir = values.out ?? mkdtempSync(join(tmpdir(), 'bridgefit-notebook-'));
mkdirSync(outDir, { recursive: true });

// Cell 1: the scenario and its daily forecast.
const input = JSON.parse(readFileSync('examples/children-services.json', 'utf8')) as ScenarioInput;
const scenario = parseScenario(input);
const forecast = forecastCash(scenario);
const money = (minor: number) => formatMoney(minor, forecast.currency);
console.log(`# ${scenario.enterprise.name}: ${forecast.start} to ${forecast.end}, buffer ${money(forecast.buffer)}\n`);

// Cell 2: months, and the gaps.
const months = monthlyCash(forecast).slice(0, 12);
console.log('## The first twelve months');
console.log(
  formatTable(
    ['Month', 'Opening', 'In', 'Out', 'Closing', 'Lowest', 'Days short'],
    months.map((m) => [m.month, money(m.opening), money(m.inflows), money(m.outflows), money(m.closing), money(m.lowest), String(m.daysShort)]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  ),
);
const need = fundingNeed(forecast);
console.log(`\n## Gaps below the buffer: peak need ${money(need.peak)} on ${need.peakDate}, ${need.daysShort} days short`);
console.log(
  formatTable(
    ['From', 'To', 'Days', 'Peak shortfall', 'Peak on'],
    need.gaps.map((g) => [g.start, g.end, String(g.days), money(g.peakShortfall), g.peakDate]),
    ['left', 'left', 'right', 'right', 'left'],
  ),
);

// Cell 3: the cash curve as a Vega-Lite spec.
const curveFile = join(outDir, 'cash-curve.vl.json');
writeFileSync(curveFile, JSON.stringify(toVegaLite(forecast, undefined, { title: `${scenario.enterprise.name}: closing cash` }), null, 2));

// Cell 4: the county council's lateness as a distribution, from its payment-practices report
// (the share of invoices paid within 30 days, in 31–60 days and later), and a Monte Carlo.
const varied = parseScenario({
  ...input,
  commissioners: input.commissioners.map((c) =>
    c.id === 'county-council'
      ? { ...c, paymentBehaviour: { kind: 'reported-buckets', averageDaysToPay: 72, percentWithin30Days: 10, percentWithin31To60Days: 25, percentLaterThan60Days: 65 } }
      : c,
  ),
});
const sim = simulateDelays(varied, { paths, seed: 42, bands: true });
console.log(`\n## Monte Carlo of the county council's payment days (${sim.paths.toLocaleString('en-GB')} paths, seed ${sim.seed})`);
console.log(`Peak need  P50 ${money(sim.peakNeed.p50)}  P90 ${money(sim.peakNeed.p90)}  P95 ${money(sim.peakNeed.p95)}  (deterministic forecast: ${money(fundingNeed(forecastCash(varied)).peak)})`);
console.log(`Short on ${(sim.probabilityShort * 100).toFixed(1)}% of paths; days short P50 ${sim.daysShort.p50}, P90 ${sim.daysShort.p90}.`);
const fanFile = join(outDir, 'cash-fan.vl.json');
if (sim.bands) writeFileSync(fanFile, JSON.stringify(fanChartSpec({ ...sim.bands, label: 'Closing cash' }, { currency: forecast.currency, title: 'Closing cash, P5–P95 of the simulated paths' }), null, 2));

console.log(`\nVega-Lite specs written:\n  ${curveFile}\n  ${fanFile}`);
