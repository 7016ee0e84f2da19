import type { Scenario } from '../../model/scenario.js';
import { forecastCash } from '../../forecast/ledger.js';
import type { CashForecast } from '../../forecast/types.js';
import { forecastReport } from '../../report/forecast-report.js';
import type { Command, CommandArgs } from '../command.js';
import { matchSection } from './match.js';
import { sizeSection } from './size.js';
import { commissionerSection } from './terms.js';
import { writeHtmlReport } from './report.js';
import { stressSection } from './stress.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';

/** What every section of the main job receives. */
export interface StartContext {
  readonly scenario: Scenario;
  readonly forecast: CashForecast;
  readonly args: CommandArgs;
}

/** One section of the main job's report, in order. */
type Section = (ctx: StartContext) => string | Promise<string>;

const SECTIONS: readonly { title: string; render: Section }[] = [
  { title: 'Cash forecast and gaps', render: ({ scenario, forecast }) => forecastReport(scenario, forecast) },
  { title: 'Sized facilities, one of each kind', render: sizeSection },
  { title: 'Matching investors’ products', render: matchSection },
  { title: 'The commissioner’s view: payment terms and late payment', render: commissionerSection },
  { title: 'Stress: later payment and a Monte Carlo of delays, a facility sized to P90', render: stressSection },
];

export const startCommand: Command = {
  name: 'start',
  summary: 'The main job: the full report for a scenario (forecast, gaps, finance, matches, stress, commissioner view)',
  usage: 'bridgefit start <scenario.json> [--catalogue catalogue.json] [--out report.html]\n' + SCENARIO_CSV_USAGE,
  options: { catalogue: { type: 'string' }, out: { type: 'string' }, ...SCENARIO_CSV_OPTIONS },
  async run(args, io) {
    const file = args.positionals[0] ?? 'examples/children-services.json';
    const scenario = scenarioFromArgs(file, args.values);
    const ctx: StartContext = { scenario, forecast: forecastCash(scenario), args };
    for (const section of SECTIONS) {
      io.stdout(`\n=== ${section.title} ===\n`);
      io.stdout(await section.render(ctx));
    }
    io.stdout(`\n=== HTML report ===\n\nWritten to ${writeHtmlReport(scenario, args.values)} (open it in a browser; no network needed).`);
    return 0;
  },
};
