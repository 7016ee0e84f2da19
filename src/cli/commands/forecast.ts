import { parseScenario } from '../../model/scenario.js';
import { forecastCash } from '../../forecast/ledger.js';
import { forecastReport } from '../../report/forecast-report.js';
import { readJsonFile, UsageError } from '../io.js';
import type { Command } from '../command.js';

export const forecastCommand: Command = {
  name: 'forecast',
  summary: 'Daily cash forecast: a month-by-month table and the gaps below the buffer',
  usage: 'bridgefit forecast <scenario.json> [--json]\n  --json  print the full daily ledger as JSON',
  options: { json: { type: 'boolean' } },
  run({ positionals, values }, io) {
    const [file] = positionals;
    if (!file) throw new UsageError('forecast needs a scenario file');
    const scenario = parseScenario(readJsonFile(file));
    const forecast = forecastCash(scenario);
    io.stdout(values.json ? JSON.stringify(forecast, null, 2) : forecastReport(scenario, forecast));
    return 0;
  },
};
