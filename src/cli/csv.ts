/**
 * A small RFC 4180 CSV reader for the CLI's spreadsheet inputs (cash lines, invoice histories).
 *
 * Why not a library: the CLI reads two narrow formats a finance team exports from a spreadsheet,
 * and RFC 4180 is about 60 lines of code (quoted fields, doubled quotes, CRLF). A dependency
 * would add supply-chain surface and install size for every user of the library, while this
 * reader lives at the I/O edge (`src/cli`), is bounded (file size and row count) and gives errors
 * that name the file, the line and the column, which a generic parser would not.
 *
 * What it accepts:
 * - records separated by CRLF, LF or a lone CR; a final line break is optional;
 * - fields separated by commas; a field in double quotes may contain commas, line breaks and
 *   doubled quotes (`""` is one `"`);
 * - a UTF-8 byte-order mark at the start (Excel writes one) is dropped;
 * - the first record is the header; blank lines, and lines of only commas (what spreadsheets
 *   export for empty rows), are skipped;
 * - values are trimmed of surrounding spaces (quoted ones too).
 *
 * What it rejects, with the line number: a quote inside an unquoted field, text after a closing
 * quote, a quoted field never closed, a record whose field count differs from the header's, a
 * header with an empty, repeated or unknown column, a missing required column, and more rows
 * than allowed.
 */
import { BridgefitInputError, type InputProblem } from '../money/errors.js';
import { MAX_INPUT_BYTES, readTextFile } from './io.js';

/** Most data rows a CSV input may have (the invoice-history limit). */
export const MAX_CSV_ROWS = 100_000;

/** One data row of a CSV file: its values by column name, and the line it starts on (1-based). */
export interface CsvRow {
  /** Physical line the record starts on, counting the header as line 1 (blank lines count too). */
  readonly line: number;
  /** Values by (lower-case) column name, trimmed. A column absent from the header is absent here. */
  readonly values: Readonly<Record<string, string>>;
}

/** A parsed CSV table. */
export interface CsvTable {
  /** The header's column names, lower-cased and trimmed, in file order. */
  readonly columns: readonly string[];
  readonly rows: readonly CsvRow[];
}

/** What a CSV file must look like. */
export interface CsvFormat {
  /** Columns that must be in the header. */
  readonly required: readonly string[];
  /** Columns that may be in the header. Any other column is an error. */
  readonly optional?: readonly string[];
  /** Most data rows allowed (default {@link MAX_CSV_ROWS}). */
  readonly maxRows?: number;
  /** What one row is, for the too-many-rows message (default "rows"). */
  readonly rowNoun?: string;
}

/**
 * Where a CSV problem is: `file line 4, column "amount"`.
 *
 * @example
 * ```ts
 * csvPlace('cash-lines.csv', 4, 'amount'); // 'cash-lines.csv line 4, column "amount"'
 * ```
 */
export function csvPlace(name: string, line: number, column?: string): string {
  return `${name} line ${line}${column === undefined ? '' : `, column "${column}"`}`;
}

function fail(name: string, line: number | undefined, message: string, column?: string): never {
  const path = line === undefined ? name : csvPlace(name, line, column);
  throw new BridgefitInputError([{ path, message }], 'Invalid CSV');
}

/**
 * Splits CSV text into records of raw fields (RFC 4180), each with the line it starts on.
 * Blank records (empty, or only commas and spaces) are skipped. Stops after `maxRecords + 1`
 * records, so the caller can tell "too many" without the whole file being split.
 *
 * @param text - the file's text
 * @param name - the file name, for errors
 * @param maxRecords - most non-blank records (header included) wanted
 * @throws BridgefitInputError naming the line of a malformed quote
 * @example
 * ```ts
 * splitCsv('a,b\r\n"x, y","say ""hi"""\r\n', 'in.csv', 10);
 * // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', 'say "hi"'] }]
 * ```
 */
export function splitCsv(text: string, name: string, maxRecords: number): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      let value = '';
      // Spaces before an opening quote are padding (`a, "b"`).
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '"') i = j;
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) fail(name, quoteLine, 'has a quoted field that is never closed (a " with no closing ")');
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\r') {
            // A line break inside quotes is part of the value; count it as one line.
            if (text[i + 1] === '\n') {
              value += '\r\n';
              i += 2;
            } else {
              value += '\r';
              i++;
            }
            line++;
            continue;
          }
          if (ch === '\n') line++;
          value += ch;
          i++;
        }
        // Spaces may pad a quoted field; anything else after the closing quote is an error.
        while (text[i] === ' ' || text[i] === '\t') i++;
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          fail(name, line, `has ${JSON.stringify(text[i])} after a closing quote; a quoted field must end at a comma or the end of the line`);
        }
      } else {
        const from = i;
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          if (text[i] === '"') fail(name, line, 'has a " inside an unquoted field; put the field in double quotes and double the quote ("")');
          i++;
        }
        value = text.slice(from, i);
      }
      fields.push(value);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // The record ends at a line break (CRLF, LF or CR) or at the end of the text.
    if (text[i] === '\r') i += text[i + 1] === '\n' ? 2 : 1;
    else if (text[i] === '\n') i++;
    line++;
    if (isBlank(fields)) continue;
    records.push({ line: startLine, fields });
    if (records.length > maxRecords) return records;
  }
  return records;
}

function isBlank(fields: readonly string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

/**
 * Parses CSV text with a header into rows of values by column, checking the header against a
 * format and bounding the number of rows.
 *
 * @param text - the CSV text
 * @param name - the file name used in errors, e.g. "cash-lines.csv"
 * @param format - required and optional columns, the row limit
 * @throws BridgefitInputError naming the file, the line and the column of each problem
 * @example
 * ```ts
 * const table = parseCsv('issued,paid\n2025-04-01,2025-05-14\n', 'history.csv', { required: ['issued', 'paid'] });
 * table.rows[0]; // { line: 2, values: { issued: '2025-04-01', paid: '2025-05-14' } }
 * ```
 */
export function parseCsv(text: string, name: string, format: CsvFormat): CsvTable {
  const maxRows = format.maxRows ?? MAX_CSV_ROWS;
  const records = splitCsv(text, name, maxRows + 1);
  const header = records[0];
  if (!header) fail(name, undefined, `is empty; the first line must be the header: ${format.required.join(',')}`);
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const allowed = new Set([...format.required, ...(format.optional ?? [])]);
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    if (column === '') problems.push({ path: csvPlace(name, header.line), message: `column ${i + 1} of the header has no name` });
    else if (seen.has(column)) problems.push({ path: csvPlace(name, header.line, column), message: 'appears twice in the header' });
    else if (!allowed.has(column)) problems.push({ path: csvPlace(name, header.line, column), message: `is not a known column; the columns are ${[...allowed].join(', ')}` });
    seen.add(column);
  });
  const missing = format.required.filter((c) => !seen.has(c));
  if (missing.length > 0) {
    problems.push({ path: csvPlace(name, header.line), message: `the header lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')} (it has ${columns.join(',')})` });
  }
  if (problems.length > 0) throw new BridgefitInputError(problems, 'Invalid CSV');
  const data = records.slice(1);
  if (data.length > maxRows) fail(name, undefined, `has more than ${maxRows.toLocaleString('en-GB')} ${format.rowNoun ?? 'rows'}; split it or summarise it`);
  const rows: CsvRow[] = [];
  for (const record of data) {
    if (record.fields.length !== columns.length) {
      problems.push({ path: csvPlace(name, record.line), message: `has ${record.fields.length} fields; the header has ${columns.length} (${columns.join(',')})` });
      if (problems.length >= 20) break;
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      values[column] = record.fields[i]!.trim();
    });
    rows.push({ line: record.line, values });
  }
  if (problems.length > 0) throw new BridgefitInputError(problems, 'Invalid CSV');
  return { columns, rows };
}

/**
 * Reads a CSV file (at most {@link MAX_INPUT_BYTES}) and parses it with {@link parseCsv}.
 *
 * @param path - the file to read; also the name used in errors
 * @param format - required and optional columns, the row limit
 * @throws BridgefitInputError when the file cannot be read, is too large or is malformed
 * @example
 * ```ts
 * const table = readCsvFile('examples/invoice-history.csv', { required: ['issued', 'paid'], optional: ['amount'] });
 * ```
 */
export function readCsvFile(path: string, format: CsvFormat): CsvTable {
  return parseCsv(readTextFile(path), path, format);
}
