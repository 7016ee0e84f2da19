import { parseCatalogue } from '../../model/catalogue.js';
import { formatMoney } from '../../money/amount.js';
import { formatPercent } from '../../money/percent.js';
import { fundingNeed } from '../../forecast/gaps.js';
import { forecastCash } from '../../forecast/ledger.js';
import { matchNeed, type MatchResult } from '../../matching/match-products.js';
import { needFrom } from '../../matching/need.js';
import { prepareCatalogue } from '../../matching/prepare.js';
import { formatTable } from '../../report/table.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';
import type { StartContext } from './start.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

/** The catalogue the main job uses when `--catalogue` is not given. */
export const DEFAULT_CATALOGUE_FILE = 'examples/catalogue.json';


/**
 * The matches as text: one table row per ranked product, then one line per excluded product.
 *
 * @param result - from `matchProducts` / `matchNeed`
 * @param currency - for money
 * @example
 * ```ts
 * io.stdout(matchText(matchProducts(scenario, catalogue), 'GBP'));
 * ```
 */
export function matchText(result: MatchResult, currency: string): string {
  const money = (m: number) => formatMoney(m, currency);
  const lines: string[] = [];
  lines.push(
    result.need.amount > 0
      ? `Peak need ${money(result.need.amount)}; first day short ${result.need.firstDayShort}. ${result.matches.length} eligible, ${result.excludedCount} excluded.`
      : `No funding need. ${result.matches.length} eligible, ${result.excludedCount} excluded.`,
  );
  lines.push('');
  lines.push(
    formatTable(
      ['Rank', 'Product', 'Limit', 'Term', 'Total cost', 'Eff. rate', 'Covers need?', 'Days to funds', 'Score'],
      result.matches.map((m) => [
        String(m.rank),
        `${m.productId}${m.paretoEfficient ? ' *' : ''}`,
        money(m.limit),
        m.termMonths === null ? '–' : `${m.termMonths} mo`,
        money(m.totalCost),
        formatPercent(m.effectiveAnnualRate),
        m.coversNeed ? 'yes' : `no (${formatPercent(String(m.shareCovered))})`,
        `${m.daysToFunds}${m.fundsInTime ? '' : ' (late)'}`,
        String(m.score),
      ]),
      ['right', 'left', 'right', 'right', 'right', 'right', 'left', 'right', 'right'],
    ),
  );
  lines.push('* on the Pareto front of total cost and coverage.');
  if (result.notSized.length > 0) lines.push(`Eligible but not sized: ${result.notSized.join(', ')}.`);
  if (result.excluded.length > 0) {
    lines.push('');
    lines.push('Excluded:');
    for (const e of result.excluded) {
      const failed = e.reasons.filter((r) => r.outcome === 'failed').map((r) => r.message);
      lines.push(`  ${e.productId}: ${failed.join('; ')}`);
    }
  }
  const best = result.matches[0];
  if (best) {
    lines.push('');
    lines.push(best.explanation);
  }
  return lines.join('\n');
}

/**
 * The main job's matching section: the catalogue from `--catalogue` or the illustrative default.
 *
 * @example
 * ```ts
 * io.stdout(matchSection({ scenario, forecast, args }));
 * ```
 */
export function matchSection({ scenario, forecast, args }: StartContext): string {
  const file = typeof args.values.catalogue === 'string' ? args.values.catalogue : DEFAULT_CATALOGUE_FILE;
  const catalogue = parseCatalogue(readJsonFile(file));
  const result = matchNeed({ enterprise: scenario.enterprise, need: needFrom(scenario, forecast, fundingNeed(forecast)), forecast }, prepareCatalogue(catalogue));
  const notice = file === DEFAULT_CATALOGUE_FILE ? `Catalogue: ${file} (illustrative: names are fictional, no real offer is implied).\n` : `Catalogue: ${file}.\n`;
  return notice + matchText(result, scenario.enterprise.currency);
}

export const matchCommand: Command = {
  name: 'match',
  summary: 'Rank the products of a catalogue against the funding need, with reasons for each exclusion',
  usage: 'bridgefit match <scenario.json> <catalogue.json> [--json]\n' + SCENARIO_CSV_USAGE,
  options: { json: { type: 'boolean' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [scenarioFile, catalogueFile] = positionals;
    if (!scenarioFile || !catalogueFile) throw new UsageError('match needs a scenario file and a catalogue file');
    const scenario = scenarioFromArgs(scenarioFile, values);
    const catalogue = parseCatalogue(readJsonFile(catalogueFile));
    const forecast = forecastCash(scenario);
    const result = matchNeed({ enterprise: scenario.enterprise, need: needFrom(scenario, forecast, fundingNeed(forecast)), forecast }, prepareCatalogue(catalogue));
    io.stdout(values.json ? JSON.stringify(result, null, 2) : matchText(result, scenario.enterprise.currency));
    return 0;
  },
};
