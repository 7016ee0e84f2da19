/**
 * Runs every `bench/*.bench.ts` file in this process and prints one table of timings, then each
 * file's notes (ratios against baselines, exactness checks). `npm run bench` runs this with tsx.
 * Exits 1 only when a bench throws or a correctness check fails; timings never fail the run.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchReport } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();

const reports: BenchReport[] = [];
let failed = false;
for (const file of files) {
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => BenchReport | Promise<BenchReport> };
    reports.push(await mod.default());
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

const table = reports.flatMap((r) => r.rows.map((row) => [r.name.split(' ')[0]!, row.label, row.ms.toFixed(2), row.minMs.toFixed(2), String(row.runs), row.detail ?? '']));
const header = ['bench', 'what', 'median ms', 'min ms', 'runs', 'detail'];
const widths = header.map((h, c) => Math.max(h.length, ...table.map((row) => row[c]!.length)));
const line = (cells: readonly string[]) => cells.map((cell, c) => (c >= 2 && c <= 4 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ');
console.log(`node ${process.version}, ${files.length} bench file${files.length === 1 ? '' : 's'}\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
for (const r of reports) {
  console.log(`\n${r.name}${r.ok ? '' : '  [CHECK FAILED]'}`);
  for (const l of r.lines) console.log(`  ${l}`);
  if (!r.ok) failed = true;
}
process.exitCode = failed ? 1 : 0;
