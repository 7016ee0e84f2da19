import { forecastCash } from '../../forecast/ledger.js';
import { forecastReport } from '../../report/forecast-report.js';
import { UsageError } from '../io.js';
import { SCENARIO_CSV_OPTIONS, SCENARIO_CSV_USAGE, scenarioFromArgs } from '../inputs.js';
import type { Command } from '../command.js';

export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Daily cash forecast: a month-by-month table and the gaps below the buffer',
  usage: 'bridgefit forecast <scenario.json> [--cash-lines FILE.csv] [--history ID=FILE.csv] [--json]\n' + SCENARIO_CSV_USAGE + '\n  --json                  print the full daily ledger as JSON',
  options: { json: { type: 'boolean' }, ...SCENARIO_CSV_OPTIONS },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('forecast needs a scenario file');
    const scenario = scenarioFromArgs(file, values);
    const forecast = forecastCash(scenario);
    io.stdout(values.json ? JSON.stringify(forecast, null, 2) : forecastReport(scenario, forecast));
    return 0;
  },
};
