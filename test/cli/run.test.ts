import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { COMMANDS } from '../../src/cli/commands/index.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), stderrIsTty: false }, out, err };
}

const EXAMPLE = 'examples/children-services.json';

describe('bridgefit CLI', () => {
  it('lists every command with --help and exits 0; no command at all is a usage error (2)', async () => {
    const help = capture();
    expect(await runCli(['--help'], help.io)).toBe(0);
    for (const c of COMMANDS) expect(help.out.join('\n')).toContain(c.name);
    expect(await runCli([], capture().io)).toBe(2);
  });

  it('gives every command its own --help, exit 0', async () => {
    for (const c of COMMANDS) {
      const r = capture();
      expect(await runCli([c.name, '--help'], r.io)).toBe(0);
      expect(r.out.join('\n')).toContain(`Usage: ${c.usage.split('\n')[0]}`);
    }
  });

  it('exits 2 for an unknown command or an unknown option', async () => {
    const unknown = capture();
    expect(await runCli(['frobnicate'], unknown.io)).toBe(2);
    expect(unknown.err.join('\n')).toContain('Unknown command "frobnicate"');
    const badOption = capture();
    expect(await runCli(['gaps', EXAMPLE, '--nope'], badOption.io)).toBe(2);
  });

  it('exits 1 and lists every problem by path for invalid input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bridgefit-cli-'));
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ enterprise: { id: 'x', name: 'X', legalForm: 'cic', openingCash: '1.005', openingCashDate: '2026-02-30' }, commissioners: [], contracts: [], horizon: { end: '2026-12-31' } }));
    const r = capture();
    expect(await runCli(['gaps', file], r.io)).toBe(1);
    const message = r.err.join('\n');
    expect(message).toContain('enterprise.openingCash: must be an amount with at most 2 decimal places');
    expect(message).toContain('enterprise.openingCashDate: must be a real date');
  });

  it('exits 1 for a missing file and for malformed JSON, naming the file', async () => {
    const missing = capture();
    expect(await runCli(['gaps', '/nonexistent/scenario.json'], missing.io)).toBe(1);
    expect(missing.err.join('\n')).toContain('/nonexistent/scenario.json: cannot be read');
    const dir = mkdtempSync(join(tmpdir(), 'bridgefit-cli-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "enterprise": ');
    const broken = capture();
    expect(await runCli(['forecast', file], broken.io)).toBe(1);
    expect(broken.err.join('\n')).toContain(`${file}: is not valid JSON`);
  });

  it('gaps --json prints the funding need as JSON whose peak matches the text report', async () => {
    const json = capture();
    expect(await runCli(['gaps', EXAMPLE, '--json'], json.io)).toBe(0);
    const need = JSON.parse(json.out.join('\n')) as { peak: number; peakDate: string };
    const text = capture();
    await runCli(['gaps', EXAMPLE], text.io);
    expect(text.out[0]).toContain(`on ${need.peakDate}`);
    expect(Number.isSafeInteger(need.peak)).toBe(true);
  });

  it('schema prints JSON Schemas and rejects an unknown one with exit 2', async () => {
    const r = capture();
    expect(await runCli(['schema', 'catalogue'], r.io)).toBe(0);
    expect(JSON.parse(r.out.join('\n'))).toHaveProperty('properties.investors');
    expect(await runCli(['schema', 'nope'], capture().io)).toBe(2);
  });

  it('every command that reads a scenario takes the CSV inputs too', async () => {
    for (const name of ['forecast', 'gaps', 'size', 'match', 'stress', 'terms', 'report', 'start']) {
      const r = capture();
      expect(await runCli([name, '--help'], r.io)).toBe(0);
      expect(r.out.join('\n')).toContain('--cash-lines FILE.csv');
      expect(r.out.join('\n')).toContain('--history ID=FILE.csv');
    }
    // match with the example's extra CSV cash lines sees a different need from match without them.
    const plain = capture();
    await runCli(['match', EXAMPLE, 'examples/catalogue.json', '--json'], plain.io);
    const withCsv = capture();
    expect(await runCli(['match', EXAMPLE, 'examples/catalogue.json', '--json', '--cash-lines', 'examples/cash-lines.csv'], withCsv.io)).toBe(0);
    const need = (out: string[]) => (JSON.parse(out.join('\n')) as { need: { amount: number } }).need.amount;
    expect(need(withCsv.out)).not.toBe(need(plain.out));
  });
});
