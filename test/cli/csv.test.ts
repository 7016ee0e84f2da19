import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv, readCsvFile, splitCsv } from '../../src/cli/csv.js';
import { problemsThrownBy } from '../helpers/errors.js';

const FORMAT = { required: ['a', 'b'], optional: ['c'] } as const;


describe('splitCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and counts lines', () => {
    // Line 1: header; line 2: a record whose second field spans lines 2–3; line 4: the next record.
    const text = 'a,b\r\n"x, y","say ""hi""\r\nthere"\r\nlast,"""q"""\r\n';
    expect(splitCsv(text, 'in.csv', 10)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\r\nthere'] },
      { line: 4, fields: ['last', '"q"'] },
    ]);
  });

  it('treats CRLF, LF and a lone CR alike, with or without a final line break', () => {
    const expected = [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
    ];
    expect(splitCsv('a,b\r\n1,2\r\n', 'x', 10)).toEqual(expected);
    expect(splitCsv('a,b\n1,2', 'x', 10)).toEqual(expected);
    expect(splitCsv('a,b\r1,2\r', 'x', 10)).toEqual(expected);
  });

  it('drops a UTF-8 byte-order mark and keeps empty fields', () => {
    expect(splitCsv('\uFEFFa,b,c\n1,,3\n', 'x', 10)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '', '3'] },
    ]);
  });

  it('skips blank lines and lines of only commas, but counts them in line numbers', () => {
    expect(splitCsv('a,b\n\n,\n1,2\n \n', 'x', 10)).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('allows spaces around a quoted field', () => {
    expect(splitCsv('a, "b, c" ,d\n', 'x', 10)).toEqual([{ line: 1, fields: ['a', 'b, c', 'd'] }]);
  });

  it('rejects a bare quote, text after a closing quote, and an unclosed quote, naming the line', () => {
    expect(problemsThrownBy(() => splitCsv('a,b\n1,2"3\n', 'in.csv', 10))).toEqual([{ path: 'in.csv line 2', message: expect.stringContaining('" inside an unquoted field') }]);
    expect(problemsThrownBy(() => splitCsv('a,b\n"1"x,2\n', 'in.csv', 10))).toEqual([{ path: 'in.csv line 2', message: expect.stringContaining('after a closing quote') }]);
    // The quote opens on line 3 and is never closed.
    expect(problemsThrownBy(() => splitCsv('a,b\n1,2\n"3,4\n5,6\n', 'in.csv', 10))).toEqual([{ path: 'in.csv line 3', message: expect.stringContaining('never closed') }]);
  });

  it('stops after maxRecords + 1 records', () => {
    expect(splitCsv('1\n2\n3\n4\n5\n', 'x', 2)).toHaveLength(3);
  });

  it('round-trips any table written the RFC 4180 way (property, seeded)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\r\n', '\n', 'é', '1') });
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 5 })), (rows) => {
        // Every row has a non-blank first field, so none is skipped as blank.
        const table = rows.map((r) => ['x', ...r]);
        const text = table.map((r) => r.map(quote).join(',')).join('\r\n');
        expect(splitCsv(text, 'p', 100).map((r) => r.fields)).toEqual(table);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('parseCsv', () => {
  it('maps values to lower-cased header names, trimmed, with line numbers', () => {
    const table = parseCsv(' A ,B\n 1 , two \n', 'in.csv', FORMAT);
    expect(table.columns).toEqual(['a', 'b']);
    expect(table.rows).toEqual([{ line: 2, values: { a: '1', b: 'two' } }]);
  });

  it('names missing, unknown, repeated and unnamed columns', () => {
    expect(problemsThrownBy(() => parseCsv('a,c\n1,2\n', 'in.csv', FORMAT))).toEqual([{ path: 'in.csv line 1', message: 'the header lacks the column "b" (it has a,c)' }]);
    expect(problemsThrownBy(() => parseCsv('a,b,amount\n1,2,3\n', 'in.csv', FORMAT))).toEqual([{ path: 'in.csv line 1, column "amount"', message: 'is not a known column; the columns are a, b, c' }]);
    expect(problemsThrownBy(() => parseCsv('a,b,a\n1,2,3\n', 'in.csv', FORMAT))).toEqual([{ path: 'in.csv line 1, column "a"', message: 'appears twice in the header' }]);
    expect(problemsThrownBy(() => parseCsv('a,,b\n1,2,3\n', 'in.csv', FORMAT))).toEqual([{ path: 'in.csv line 1', message: 'column 2 of the header has no name' }]);
  });

  it('rejects an empty file and a file of blank lines', () => {
    expect(problemsThrownBy(() => parseCsv('', 'in.csv', FORMAT))[0]!.message).toContain('is empty');
    expect(problemsThrownBy(() => parseCsv('\uFEFF\r\n\r\n', 'in.csv', FORMAT))[0]!.message).toContain('is empty');
  });

  it('names every row whose field count differs from the header', () => {
    expect(problemsThrownBy(() => parseCsv('a,b\n1\n1,2\n1,2,3\n', 'in.csv', FORMAT))).toEqual([
      { path: 'in.csv line 2', message: 'has 1 fields; the header has 2 (a,b)' },
      { path: 'in.csv line 4', message: 'has 3 fields; the header has 2 (a,b)' },
    ]);
  });

  it('accepts exactly maxRows data rows and refuses one more', () => {
    const rows = (n: number) => `a,b\n${'1,2\n'.repeat(n)}`;
    expect(parseCsv(rows(3), 'in.csv', { ...FORMAT, maxRows: 3 }).rows).toHaveLength(3);
    expect(problemsThrownBy(() => parseCsv(rows(4), 'in.csv', { ...FORMAT, maxRows: 3, rowNoun: 'invoices' }))).toEqual([{ path: 'in.csv', message: 'has more than 3 invoices; split it or summarise it' }]);
  });

  it('refuses more than 100,000 rows by default', () => {
    const text = `a,b\n${'1,2\n'.repeat(100_001)}`;
    expect(problemsThrownBy(() => parseCsv(text, 'big.csv', FORMAT))[0]!.message).toBe('has more than 100,000 rows; split it or summarise it');
  });
});

describe('readCsvFile', () => {
  it('names a file that cannot be read', () => {
    expect(problemsThrownBy(() => readCsvFile('no/such/file.csv', FORMAT))).toEqual([{ path: 'no/such/file.csv', message: 'cannot be read (ENOENT)' }]);
  });

  it('reads a file with a BOM and CRLF line ends', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgefit-csv-'));
    const file = join(dir, 'in.csv');
    writeFileSync(file, '\uFEFFa,b\r\n1,"2\r\n3"\r\n', 'utf8');
    expect(readCsvFile(file, FORMAT).rows).toEqual([{ line: 2, values: { a: '1', b: '2\r\n3' } }]);
  });
});
