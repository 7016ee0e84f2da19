/**
 * Loading a scenario for the CLI: the JSON file, plus cash lines and commissioners' invoice
 * histories from CSV files (the formats a finance team exports from a spreadsheet).
 *
 * The CSV rows are turned into the scenario's JSON shapes and merged into the JSON *before*
 * `parseScenario`, so the schema stays the one judge of every value. Problems the schema finds in
 * a CSV row are reported at the row: `cash-lines.csv line 4, column "amount" (cashLines[6].amount): …`.
 */
import type { ParseArgsConfig } from 'node:util';
import { safeParseScenario, SCENARIO_LIMITS, type Scenario } from '../model/scenario.js';
import { DISTRIBUTION_LIMITS } from '../model/payment-distribution.js';
import { BridgefitInputError, type InputProblem } from '../money/errors.js';
import { csvPlace, readCsvFile, type CsvTable } from './csv.js';
import { readJsonFile, UsageError } from './io.js';

/** The columns of a cash-lines CSV: `id,description,direction,amount,frequency,start,end`. */
export const CASH_LINE_COLUMNS = Object.freeze({ required: ['id', 'description', 'direction', 'amount', 'frequency', 'start'] as const, optional: ['end'] as const });
/** The columns of an invoice-history CSV: `issued,paid,amount` (amount optional). */
export const INVOICE_HISTORY_COLUMNS = Object.freeze({ required: ['issued', 'paid'] as const, optional: ['amount'] as const });

const FREQUENCIES = ['one-off', 'weekly', 'monthly', 'quarterly', 'annually'] as const;

/** Where the JSON field of a cash line comes from in its CSV row. */
const CASH_LINE_FIELD_COLUMN: Readonly<Record<string, string>> = {
  id: 'id',
  description: 'description',
  direction: 'direction',
  amount: 'amount',
  schedule: 'frequency',
  'schedule.kind': 'frequency',
  'schedule.frequency': 'frequency',
  'schedule.date': 'start',
  'schedule.start': 'start',
  'schedule.end': 'end',
};

/** An invoice history to read from CSV for one commissioner. */
export interface HistoryCsv {
  /** The commissioner (in the scenario JSON) whose payment behaviour the history becomes. */
  readonly commissionerId: string;
  /** The CSV file: `issued,paid,amount`. */
  readonly file: string;
}

/** What {@link loadScenario} merges into the scenario JSON. */
export interface ScenarioCsvOptions {
  /** A cash-lines CSV; its lines are added after the JSON's `cashLines`. */
  readonly cashLinesCsv?: string;
  /** Invoice histories; each replaces its commissioner's `paymentBehaviour` with an `invoice-history`. */
  readonly historyCsv?: HistoryCsv | readonly HistoryCsv[];
}

/** The CSV row a JSON path came from. */
interface Origin {
  readonly file: string;
  readonly line: number;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function dateHint(value: string): string | undefined {
  const m = DMY.exec(value);
  if (!m) return undefined;
  const [, a = '', b = '', year = ''] = m;
  const iso = (month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return `must be an ISO date YYYY-MM-DD (got ${JSON.stringify(value)}: ${iso(b, a)} or ${iso(a, b)}?); format the column as yyyy-mm-dd before exporting`;
}

function tooMany(problems: InputProblem[]): boolean {
  return problems.length >= 20;
}

/**
 * Turns a cash-lines CSV table into the scenario's `cashLines` JSON shape, row by row.
 *
 * `frequency` one-off makes `{ kind: 'one-off', date: start }` (and `end` must be empty); weekly,
 * monthly, quarterly or annually make a recurring schedule from `start` to `end` (empty: open-ended,
 * to the horizon's end). `direction` and `frequency` are read case-insensitively. Other values are
 * passed on as written, for the schema to judge.
 *
 * @param table - from {@link parseCsv} with {@link CASH_LINE_COLUMNS}
 * @param name - the file name, for errors
 * @returns the cash lines as JSON input, in file order, and the line each came from
 * @throws BridgefitInputError naming the line and column of an unknown frequency or a day-first date
 * @example
 * ```ts
 * const table = parseCsv('id,description,direction,amount,frequency,start,end\nrent,Rent,outflow,6000.00,monthly,2026-03-01,\n', 'c.csv', CASH_LINE_COLUMNS);
 * cashLinesFromTable(table, 'c.csv').lines[0];
 * // { id: 'rent', description: 'Rent', direction: 'outflow', amount: '6000.00',
 * //   schedule: { kind: 'recurring', frequency: 'monthly', start: '2026-03-01' } }
 * ```
 */
export function cashLinesFromTable(table: CsvTable, name: string): { lines: unknown[]; lineNumbers: number[] } {
  const problems: InputProblem[] = [];
  const lines: unknown[] = [];
  const at: number[] = [];
  for (const row of table.rows) {
    const v = row.values;
    const frequency = (v.frequency ?? '').toLowerCase();
    const start = v.start ?? '';
    const end = v.end ?? '';
    for (const column of ['start', 'end'] as const) {
      const hint = dateHint(v[column] ?? '');
      if (hint) problems.push({ path: csvPlace(name, row.line, column), message: hint });
    }
    let schedule: unknown;
    if (frequency === 'one-off') {
      if (end !== '') problems.push({ path: csvPlace(name, row.line, 'end'), message: `must be empty for a one-off line (its date is the start column); got ${JSON.stringify(end)}` });
      schedule = { kind: 'one-off', date: start };
    } else if ((FREQUENCIES as readonly string[]).includes(frequency)) {
      schedule = { kind: 'recurring', frequency, start, ...(end === '' ? {} : { end }) };
    } else {
      problems.push({ path: csvPlace(name, row.line, 'frequency'), message: `must be one of ${FREQUENCIES.join(', ')} (got ${JSON.stringify(v.frequency ?? '')})` });
    }
    if (tooMany(problems)) break;
    lines.push({ id: v.id, description: v.description, direction: (v.direction ?? '').toLowerCase(), amount: v.amount, schedule });
    at.push(row.line);
  }
  if (problems.length > 0) throw new BridgefitInputError(problems, 'Invalid cash lines CSV');
  return { lines, lineNumbers: at };
}

/**
 * Turns an invoice-history CSV table into the `invoices` of an `invoice-history` payment
 * behaviour. An empty `amount` cell leaves the invoice's amount out (it is optional).
 *
 * @param table - from {@link parseCsv} with {@link INVOICE_HISTORY_COLUMNS}
 * @param name - the file name, for errors
 * @throws BridgefitInputError naming the line and column of a day-first date
 * @example
 * ```ts
 * const table = parseCsv('issued,paid,amount\n2025-04-01,2025-05-14,1250.00\n', 'h.csv', INVOICE_HISTORY_COLUMNS);
 * invoicesFromTable(table, 'h.csv').invoices; // [{ issued: '2025-04-01', paid: '2025-05-14', amount: '1250.00' }]
 * ```
 */
export function invoicesFromTable(table: CsvTable, name: string): { invoices: unknown[]; lineNumbers: number[] } {
  const problems: InputProblem[] = [];
  const invoices: unknown[] = [];
  const at: number[] = [];
  for (const row of table.rows) {
    const v = row.values;
    for (const column of ['issued', 'paid'] as const) {
      const hint = dateHint(v[column] ?? '');
      if (hint) problems.push({ path: csvPlace(name, row.line, column), message: hint });
    }
    if (tooMany(problems)) break;
    const amount = v.amount ?? '';
    invoices.push({ issued: v.issued, paid: v.paid, ...(amount === '' ? {} : { amount }) });
    at.push(row.line);
  }
  if (problems.length > 0) throw new BridgefitInputError(problems, 'Invalid invoice history CSV');
  return { invoices, lineNumbers: at };
}

/**
 * Reads a cash-lines CSV file into the scenario's `cashLines` JSON shape (at most
 * `SCENARIO_LIMITS.cashLines` rows).
 *
 * @example
 * ```ts
 * const lines = readCashLinesCsv('examples/cash-lines.csv');
 * ```
 */
export function readCashLinesCsv(file: string): unknown[] {
  return cashLinesFromTable(readCsvFile(file, { ...CASH_LINE_COLUMNS, maxRows: SCENARIO_LIMITS.cashLines, rowNoun: 'cash lines' }), file).lines;
}

/**
 * Reads an invoice-history CSV file into an `invoice-history` payment behaviour (JSON input
 * shape; at most 100,000 rows).
 *
 * @example
 * ```ts
 * const behaviour = readInvoiceHistoryCsv('examples/invoice-history.csv');
 * // { kind: 'invoice-history', invoices: [{ issued: '2024-04-05', paid: '2024-06-15', amount: '142500.00' }, …] }
 * ```
 */
export function readInvoiceHistoryCsv(file: string): { kind: 'invoice-history'; invoices: unknown[] } {
  const table = readCsvFile(file, { ...INVOICE_HISTORY_COLUMNS, maxRows: DISTRIBUTION_LIMITS.maxInvoices, rowNoun: 'invoices' });
  return { kind: 'invoice-history', invoices: invoicesFromTable(table, file).invoices };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Merges CSV inputs into scenario JSON and parses it; the CSV-reading part of {@link loadScenario},
 * for callers that already hold the JSON.
 *
 * @param json - the scenario JSON (untrusted)
 * @param name - the JSON's file name, for errors
 * @param options - the CSV files to merge
 * @throws BridgefitInputError listing every problem by path; problems in CSV rows name the file, line and column
 * @example
 * ```ts
 * const scenario = parseScenarioWithCsv(JSON.parse(text), 'scenario.json', { cashLinesCsv: 'cash-lines.csv' });
 * ```
 */
export function parseScenarioWithCsv(json: unknown, name: string, options: ScenarioCsvOptions = {}): Scenario {
  const histories = options.historyCsv === undefined ? [] : Array.isArray(options.historyCsv) ? (options.historyCsv as readonly HistoryCsv[]) : [options.historyCsv as HistoryCsv];
  if (options.cashLinesCsv === undefined && histories.length === 0) {
    const result = safeParseScenario(json);
    if (!result.success) throw result.error;
    return result.data;
  }
  // Leave a JSON that is not an object as it is: the schema says what is wrong with it.
  if (!isObject(json)) {
    const result = safeParseScenario(json);
    if (!result.success) throw result.error;
    return result.data;
  }
  const input: Record<string, unknown> = { ...json };
  const cashLineOrigins = new Map<number, Origin>();
  if (options.cashLinesCsv !== undefined) {
    const file = options.cashLinesCsv;
    const table = readCsvFile(file, { ...CASH_LINE_COLUMNS, maxRows: SCENARIO_LIMITS.cashLines, rowNoun: 'cash lines' });
    const { lines, lineNumbers } = cashLinesFromTable(table, file);
    const existing = input.cashLines === undefined ? [] : input.cashLines;
    if (!Array.isArray(existing)) throw new BridgefitInputError([{ path: 'cashLines', message: `must be a list to add the lines of ${file} to` }], `Invalid scenario (${name})`);
    lineNumbers.forEach((line, i) => cashLineOrigins.set(existing.length + i, { file, line }));
    input.cashLines = [...existing, ...lines];
  }
  const historyOrigins = new Map<number, { file: string; lines: number[] }>();
  if (histories.length > 0) {
    const commissioners = input.commissioners;
    if (!Array.isArray(commissioners)) throw new BridgefitInputError([{ path: 'commissioners', message: `must be a list to give the invoice history of ${histories[0]!.file} to` }], `Invalid scenario (${name})`);
    const copy = [...commissioners];
    for (const history of histories) {
      const index = copy.findIndex((c) => isObject(c) && c.id === history.commissionerId);
      if (index < 0) {
        const known = copy.filter(isObject).map((c) => String(c.id)).join(', ');
        throw new BridgefitInputError([{ path: `--history ${history.commissionerId}=${history.file}`, message: `no commissioner "${history.commissionerId}" in ${name} (its commissioners: ${known || 'none'})` }], 'Invalid invoice history');
      }
      if (historyOrigins.has(index)) {
        throw new BridgefitInputError([{ path: `--history ${history.commissionerId}=${history.file}`, message: `commissioner "${history.commissionerId}" already has a history from ${historyOrigins.get(index)!.file}` }], 'Invalid invoice history');
      }
      const table = readCsvFile(history.file, { ...INVOICE_HISTORY_COLUMNS, maxRows: DISTRIBUTION_LIMITS.maxInvoices, rowNoun: 'invoices' });
      const { invoices, lineNumbers } = invoicesFromTable(table, history.file);
      const commissioner = copy[index] as Record<string, unknown>;
      const before = commissioner.paymentBehaviour;
      // Keep the JSON's choice of expected figure, if it states one.
      const expectedBy = isObject(before) && before.expectedBy !== undefined ? { expectedBy: before.expectedBy } : {};
      copy[index] = { ...commissioner, paymentBehaviour: { kind: 'invoice-history', invoices, ...expectedBy } };
      historyOrigins.set(index, { file: history.file, lines: lineNumbers });
    }
    input.commissioners = copy;
  }
  const result = safeParseScenario(input);
  if (result.success) return result.data;
  const problems = result.error.problems.map((p) => ({ path: placeOf(p.path, cashLineOrigins, historyOrigins), message: p.message }));
  throw new BridgefitInputError(problems, `Invalid scenario (${name} with its CSV inputs)`);
}

/** Rewrites a JSON path that came from a CSV row as `file line N, column "c" (json.path)`. */
function placeOf(path: string, cashLines: ReadonlyMap<number, Origin>, histories: ReadonlyMap<number, { file: string; lines: number[] }>): string {
  const cash = /^cashLines\[(\d+)\](?:\.(.+))?$/.exec(path);
  if (cash) {
    const origin = cashLines.get(Number(cash[1]));
    if (origin) return `${csvPlace(origin.file, origin.line, CASH_LINE_FIELD_COLUMN[cash[2] ?? ''])} (${path})`;
    return path;
  }
  const history = /^commissioners\[(\d+)\]\.paymentBehaviour\.invoices(?:\[(\d+)\](?:\.(\w+))?)?$/.exec(path);
  if (history) {
    const origin = histories.get(Number(history[1]));
    if (!origin) return path;
    if (history[2] === undefined) return `${origin.file} (${path})`;
    const line = origin.lines[Number(history[2])];
    return line === undefined ? `${origin.file} (${path})` : `${csvPlace(origin.file, line, history[3])} (${path})`;
  }
  return path;
}

/**
 * Loads a scenario from a JSON file, with cash lines and invoice histories from CSV files merged
 * in before it is parsed.
 *
 * - `cashLinesCsv`: `id,description,direction,amount,frequency,start,end`; the lines are added
 *   after any `cashLines` in the JSON (ids must stay unique across both).
 * - `historyCsv`: `issued,paid,amount`; the commissioner's `paymentBehaviour` becomes
 *   `{ kind: 'invoice-history', invoices }` (keeping the JSON's `expectedBy`, if it has one).
 *
 * @param file - the scenario JSON file
 * @param options - the CSV files
 * @returns the parsed scenario
 * @throws BridgefitInputError listing every problem; a problem in a CSV row names the file, the
 *   line and the column, and the JSON path it became
 * @example
 * ```ts
 * const scenario = loadScenario('examples/children-services.json', {
 *   cashLinesCsv: 'examples/cash-lines.csv',
 *   historyCsv: { commissionerId: 'county-council', file: 'examples/invoice-history.csv' },
 * });
 * ```
 */
export function loadScenario(file: string, options: ScenarioCsvOptions = {}): Scenario {
  return parseScenarioWithCsv(readJsonFile(file), file, options);
}

/** The `parseArgs` options for the CSV inputs of a scenario: spread them into a command's options. */
export const SCENARIO_CSV_OPTIONS = Object.freeze({
  'cash-lines': { type: 'string' },
  history: { type: 'string', multiple: true },
} satisfies NonNullable<ParseArgsConfig['options']>);

/** The `--help` lines for {@link SCENARIO_CSV_OPTIONS}. */
export const SCENARIO_CSV_USAGE =
  '  --cash-lines FILE.csv   add cash lines from CSV: id,description,direction,amount,frequency,start,end\n' +
  '  --history ID=FILE.csv   commissioner ID pays like this invoice history: issued,paid,amount (repeatable)';

/**
 * Reads `--cash-lines` and `--history` from a command's parsed options.
 *
 * @param values - the command's `values` from `parseArgs`
 * @throws UsageError when a `--history` value is not `commissionerId=file.csv`
 * @example
 * ```ts
 * csvOptionsFrom({ 'cash-lines': 'c.csv', history: ['county-council=h.csv'] });
 * // { cashLinesCsv: 'c.csv', historyCsv: [{ commissionerId: 'county-council', file: 'h.csv' }] }
 * ```
 */
export function csvOptionsFrom(values: Readonly<Record<string, unknown>>): ScenarioCsvOptions {
  const cash = values['cash-lines'];
  const raw = values.history;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const historyCsv = list.map((value): HistoryCsv => {
    const text = String(value);
    const eq = text.indexOf('=');
    if (eq <= 0 || eq === text.length - 1) throw new UsageError(`--history must be commissionerId=file.csv (got ${JSON.stringify(text)})`);
    return { commissionerId: text.slice(0, eq), file: text.slice(eq + 1) };
  });
  return { ...(typeof cash === 'string' ? { cashLinesCsv: cash } : {}), ...(historyCsv.length > 0 ? { historyCsv } : {}) };
}

/**
 * Loads a command's scenario: the JSON file plus any `--cash-lines` / `--history` CSV files.
 * Commands that accept {@link SCENARIO_CSV_OPTIONS} call this instead of `parseScenario(readJsonFile(file))`.
 *
 * @param file - the scenario JSON file
 * @param values - the command's parsed options
 * @example
 * ```ts
 * const scenario = scenarioFromArgs(positionals[0], values);
 * ```
 */
export function scenarioFromArgs(file: string, values: Readonly<Record<string, unknown>>): Scenario {
  return loadScenario(file, csvOptionsFrom(values));
}
