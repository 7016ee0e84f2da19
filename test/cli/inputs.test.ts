import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvOptionsFrom, loadScenario, parseScenarioWithCsv, readCashLinesCsv, readInvoiceHistoryCsv } from '../../src/cli/inputs.js';
import { runCli } from '../../src/cli/run.js';
import { UsageError } from '../../src/cli/io.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { scenarioInput } from '../helpers/scenario-builder.js';
import { problemsThrownBy } from '../helpers/errors.js';

const EXAMPLE = 'examples/children-services.json';
const HEADER = 'id,description,direction,amount,frequency,start,end';

const dir = mkdtempSync(join(tmpdir(), 'bridgefit-inputs-'));
let n = 0;
function csvFile(text: string): string {
  const file = join(dir, `f${++n}.csv`);
  writeFileSync(file, text, 'utf8');
  return file;
}


function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stderrIsTty: false }, out, err };
}

describe('cash lines from CSV', () => {
  it('turns each row into a cash line: one-off dates from start, recurring with an optional end', () => {
    const file = csvFile(`${HEADER}\r\nrent,"Rent, main office",Outflow,6000.00,Monthly,2026-03-01,\r\ngrant,Grant,inflow,50000,one-off,2026-06-01,\r\nlease,Van lease,outflow,450.50,weekly,2026-03-02,2026-12-28\r\n`);
    expect(readCashLinesCsv(file)).toEqual([
      { id: 'rent', description: 'Rent, main office', direction: 'outflow', amount: '6000.00', schedule: { kind: 'recurring', frequency: 'monthly', start: '2026-03-01' } },
      { id: 'grant', description: 'Grant', direction: 'inflow', amount: '50000', schedule: { kind: 'one-off', date: '2026-06-01' } },
      { id: 'lease', description: 'Van lease', direction: 'outflow', amount: '450.50', schedule: { kind: 'recurring', frequency: 'weekly', start: '2026-03-02', end: '2026-12-28' } },
    ]);
  });

  it('accepts the file without an end column', () => {
    const file = csvFile('id,description,direction,amount,frequency,start\nrent,Rent,outflow,6000.00,monthly,2026-03-01\n');
    expect(readCashLinesCsv(file)).toHaveLength(1);
  });

  it('names the line and column of an unknown frequency, an end on a one-off line and a day-first date', () => {
    const file = csvFile(`${HEADER}\nrent,Rent,outflow,6000.00,fortnightly,2026-03-01,\ngrant,Grant,inflow,5.00,one-off,2026-06-01,2026-07-01\nfee,Fee,outflow,5.00,monthly,01/04/2026,\n`);
    expect(problemsThrownBy(() => readCashLinesCsv(file))).toEqual([
      { path: `${file} line 2, column "frequency"`, message: 'must be one of one-off, weekly, monthly, quarterly, annually (got "fortnightly")' },
      { path: `${file} line 3, column "end"`, message: 'must be empty for a one-off line (its date is the start column); got "2026-07-01"' },
      { path: `${file} line 4, column "start"`, message: 'must be an ISO date YYYY-MM-DD (got "01/04/2026": 2026-04-01 or 2026-01-04?); format the column as yyyy-mm-dd before exporting' },
    ]);
  });

  it('names a missing column', () => {
    const file = csvFile('id,description,direction,frequency,start\nrent,Rent,outflow,monthly,2026-03-01\n');
    expect(problemsThrownBy(() => readCashLinesCsv(file))).toEqual([{ path: `${file} line 1`, message: 'the header lacks the column "amount" (it has id,description,direction,frequency,start)' }]);
  });

  it('refuses more rows than a scenario may have cash lines (2000)', () => {
    const file = csvFile(`${HEADER}\n${Array.from({ length: 2001 }, (_, i) => `l${i},Line,outflow,1.00,one-off,2026-03-01,`).join('\n')}\n`);
    expect(problemsThrownBy(() => readCashLinesCsv(file))).toEqual([{ path: file, message: 'has more than 2,000 cash lines; split it or summarise it' }]);
  });
});

describe('loadScenario with CSV', () => {
  it('adds the CSV lines after the JSON lines, and the forecast counts them', () => {
    // examples/cash-lines.csv adds a £14,500 one-off on 2026-04-20, among others.
    const plain = loadScenario(EXAMPLE);
    const merged = loadScenario(EXAMPLE, { cashLinesCsv: 'examples/cash-lines.csv' });
    expect(merged.cashLines.map((l) => l.id)).toEqual([...plain.cashLines.map((l) => l.id), 'insurance', 'sessional-staff', 'hub-kits', 'community-fund']);
    const events = forecastCash(merged).events.filter((e) => e.sourceId === 'hub-kits');
    expect(events).toEqual([expect.objectContaining({ date: '2026-04-20', amount: -1_450_000, kind: 'cash-line' })]);
  });

  it('reports a bad amount at its CSV line and column, with the JSON path it became', () => {
    // The example JSON has 4 cash lines, so the CSV's first row is cashLines[4] and its second cashLines[5].
    const file = csvFile(`${HEADER}\nok,Fine,outflow,10.00,one-off,2026-04-01,\nbad,"Bad, amount",outflow,"12,500.00",one-off,2026-04-01,\n`);
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { cashLinesCsv: file }))).toEqual([
      { path: `${file} line 3, column "amount" (cashLines[5].amount)`, message: 'must be an amount with at most 2 decimal places, such as "12500.00" (got "12,500.00")' },
    ]);
  });

  it('reports a negative amount, a bad direction and a bad date at their rows', () => {
    const file = csvFile(`${HEADER}\nneg,Neg,outflow,-5.00,one-off,2026-04-01,\ndir,Dir,out,5.00,one-off,2026-04-01,\nday,Day,inflow,5.00,monthly,2026-02-30,\n`);
    const paths = problemsThrownBy(() => loadScenario(EXAMPLE, { cashLinesCsv: file })).map((p) => p.path);
    expect(paths).toEqual([
      `${file} line 2, column "amount" (cashLines[4].amount)`,
      `${file} line 3, column "direction" (cashLines[5].direction)`,
      `${file} line 4, column "start" (cashLines[6].schedule.start)`,
    ]);
  });

  it('reports an id that repeats one in the JSON at the CSV row (the cross-checks run once every field is valid)', () => {
    const file = csvFile(`${HEADER}\nrent,Again,outflow,5.00,one-off,2026-04-01,\n`);
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { cashLinesCsv: file }))).toEqual([
      { path: `${file} line 2, column "id" (cashLines[4].id)`, message: 'duplicates the id "rent" of cashLines[0]; ids must be unique' },
    ]);
  });

  it('leaves problems in the JSON itself at their JSON paths', () => {
    const json = { ...scenarioInput(), horizon: { end: 'soon' } };
    const file = csvFile(`${HEADER}\nrent,Rent,outflow,6000.00,monthly,2026-03-01,\n`);
    expect(problemsThrownBy(() => parseScenarioWithCsv(json, 's.json', { cashLinesCsv: file })).map((p) => p.path)).toEqual(['horizon.end']);
  });

  it('makes an invoice history the commissioner’s payment behaviour, and the forecast pays by its median', () => {
    const scenario = loadScenario(EXAMPLE, { historyCsv: { commissionerId: 'county-council', file: 'examples/invoice-history.csv' } });
    const behaviour = scenario.commissioners.find((c) => c.id === 'county-council')!.paymentBehaviour;
    expect(behaviour.kind).toBe('invoice-history');
    expect(behaviour.kind === 'invoice-history' && behaviour.invoices.length).toBe(24);
    // The 24 days-to-pay sorted: 59 61 62 66 68 70 71 73 74 75 75 75 | 76 77 …; the nearest-rank
    // median is the smallest value with at least half the invoices at or below it: the 12th, 75.
    const receipt = forecastCash(scenario).receipts.find((r) => r.commissionerId === 'county-council')!;
    expect(receipt.daysToPay).toBe(75);
  });

  it('keeps the JSON’s expectedBy and accepts a history without amounts', () => {
    const json = scenarioInput({ commissioners: [{ id: 'council', name: 'Council', kind: 'local-authority', paymentBehaviour: { kind: 'invoice-history', invoices: [{ issued: '2025-01-01', paid: '2025-01-31' }], expectedBy: 'p90' } }] });
    const file = csvFile('issued,paid\n2025-01-01,2025-02-10\n2025-02-01,2025-03-15\n');
    const scenario = parseScenarioWithCsv(json, 's.json', { historyCsv: [{ commissionerId: 'council', file }] });
    expect(scenario.commissioners[0]!.paymentBehaviour).toEqual({ kind: 'invoice-history', expectedBy: 'p90', invoices: [{ issued: '2025-01-01', paid: '2025-02-10' }, { issued: '2025-02-01', paid: '2025-03-15' }] });
  });

  it('reports a paid date before its issue date at the CSV row, and an empty history at the file', () => {
    const bad = csvFile('issued,paid,amount\n2025-01-01,2025-02-10,100.00\n2025-03-01,2025-02-15,100.00\n');
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { historyCsv: { commissionerId: 'icb', file: bad } }))).toEqual([
      { path: `${bad} line 3, column "paid" (commissioners[1].paymentBehaviour.invoices[1].paid)`, message: 'must be on or after issued (2025-03-01) (got 2025-02-15)' },
    ]);
    const empty = csvFile('issued,paid,amount\r\n');
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { historyCsv: { commissionerId: 'icb', file: empty } }))).toEqual([
      { path: `${empty} (commissioners[1].paymentBehaviour.invoices)`, message: 'must list at least one paid invoice' },
    ]);
  });

  it('names an unknown commissioner and a history given twice', () => {
    const file = 'examples/invoice-history.csv';
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { historyCsv: { commissionerId: 'nobody', file } }))).toEqual([
      { path: `--history nobody=${file}`, message: `no commissioner "nobody" in ${EXAMPLE} (its commissioners: county-council, icb)` },
    ]);
    expect(problemsThrownBy(() => loadScenario(EXAMPLE, { historyCsv: [{ commissionerId: 'icb', file }, { commissionerId: 'icb', file }] }))[0]!.message).toContain('already has a history');
  });
});

describe('csvOptionsFrom', () => {
  it('reads --cash-lines and repeated --history', () => {
    expect(csvOptionsFrom({ 'cash-lines': 'c.csv', history: ['a=h1.csv', 'b=dir/h=2.csv'] })).toEqual({
      cashLinesCsv: 'c.csv',
      historyCsv: [{ commissionerId: 'a', file: 'h1.csv' }, { commissionerId: 'b', file: 'dir/h=2.csv' }],
    });
    expect(csvOptionsFrom({})).toEqual({});
  });

  it('is a usage error without commissionerId=file', () => {
    expect(() => csvOptionsFrom({ history: ['h.csv'] })).toThrow(UsageError);
    expect(() => csvOptionsFrom({ history: ['a='] })).toThrow(UsageError);
  });
});

describe('forecast and gaps with CSV flags', () => {
  it('gaps: the CSV lines make the need larger, exit 0', async () => {
    const plain = capture();
    expect(await runCli(['gaps', EXAMPLE, '--json'], plain.io)).toBe(0);
    const withCsv = capture();
    expect(await runCli(['gaps', EXAMPLE, '--cash-lines', 'examples/cash-lines.csv', '--history', 'county-council=examples/invoice-history.csv', '--json'], withCsv.io)).toBe(0);
    const a = JSON.parse(plain.out.join('')) as { peak: number };
    const b = JSON.parse(withCsv.out.join('')) as { peak: number };
    // The CSV adds net outflows (insurance, sessional staff, kits) before the grant, and the history pays ~30 days later.
    expect(b.peak).toBeGreaterThan(a.peak);
  });

  it('forecast: a bad CSV row exits 1 and names the line and column', async () => {
    const file = csvFile(`${HEADER}\nx,X,outflow,abc,one-off,2026-04-01,\n`);
    const r = capture();
    expect(await runCli(['forecast', EXAMPLE, '--cash-lines', file], r.io)).toBe(1);
    expect(r.err.join('\n')).toContain(`${file} line 2, column "amount" (cashLines[4].amount): must be an amount`);
  });

  it('forecast: a malformed --history is a usage error (2)', async () => {
    const r = capture();
    expect(await runCli(['forecast', EXAMPLE, '--history', 'examples/invoice-history.csv'], r.io)).toBe(2);
  });

  it('the example CSV files are what the guide says they are', () => {
    expect(readFileSync('examples/cash-lines.csv', 'utf8').split('\n')[0]).toBe(HEADER);
    expect(readInvoiceHistoryCsv('examples/invoice-history.csv').invoices).toHaveLength(24);
  });
});
