import { forecastCash } from '../../forecast/ledger.js';
import { fundingNeed } from '../../forecast/gaps.js';
import { formatMoney } from '../../money/amount.js';
import { formatTable } from '../../report/table.js';
import { UsageError } from '../io.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';
import type { Command } from '../command.js';

export const gapsCommand: Command = {
  name: 'gaps',
  summary: 'The funding need: each gap below the buffer and the peak',
  usage: 'bridgefit gaps <scenario.json> [--cash-lines FILE.csv] [--history ID=FILE.csv] [--json]\n' + SCENARIO_CSV_USAGE + '\n  --json                  the funding need as JSON',
  options: { json: { type: 'boolean' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('gaps needs a scenario file');
    const need = fundingNeed(forecastCash(scenarioFromArgs(file, values)));
    if (values.json) {
      io.stdout(JSON.stringify(need, null, 2));
      return 0;
    }
    io.stdout(`Peak need ${formatMoney(need.peak)}${need.peakDate ? ` on ${need.peakDate}` : ''}; ${need.daysShort} days short.`);
    io.stdout(formatTable(['First day short', 'Last day short', 'Days', 'Peak shortfall', 'Peak on'], need.gaps.map((g) => [g.start, g.end, String(g.days), formatMoney(g.peakShortfall), g.peakDate]), ['left', 'left', 'right', 'right', 'left']));
    return 0;
  },
};
