import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { readJsonFile } from '../../src/cli/io.js';
import { parseScenario } from '../../src/model/scenario.js';
import { delayScenarios } from '../../src/stress/delay-scenarios.js';
import { simulateDelays } from '../../src/stress/simulate-delays.js';
import { stressTable } from '../../src/report/stress-table.js';
import { formatMoney } from '../../src/money/amount.js';

const EXAMPLE = 'examples/children-services.json';

async function run(argv: string[], tty = false) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: tty });
  return { code, out: out.join('\n'), err: err.join('') };
}

describe('bridgefit stress', () => {
  const scenario = parseScenario(readJsonFile(EXAMPLE));

  it('prints the +30/+60/+90 table and the Monte Carlo P50/P90/P95 need', async () => {
    const { code, out, err } = await run(['stress', EXAMPLE, '--paths', '1500', '--seed', '7', '--slow-quarter', '0.25:30']);
    expect(code).toBe(0);
    expect(out).toContain(stressTable(delayScenarios(scenario)));
    const sim = simulateDelays(scenario, { paths: 1500, seed: 7, slowQuarter: { probability: 0.25, extraDays: 30 } });
    expect(out).toContain(`P50 ${formatMoney(sim.peakNeed.p50)}   P90 ${formatMoney(sim.peakNeed.p90)}   P95 ${formatMoney(sim.peakNeed.p95)}`);
    expect(out).toContain('1,500 paths, seed 7');
    expect(err).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('draws a progress bar on stderr when it is a terminal', async () => {
    const { code, err } = await run(['stress', EXAMPLE, '--paths', '2500', '--seed', '1'], true);
    expect(code).toBe(0);
    expect(err).toContain('\rMonte Carlo [############..................] 1000/2500 paths');
    expect(err.endsWith('] 2500/2500 paths\n')).toBe(true);
  });

  it('sizes a catalogue product per case and to the percentile', async () => {
    const { code, out } = await run(['stress', EXAMPLE, '--paths', '1000', '--slow-quarter', '0.25:30', '--catalogue', 'examples/catalogue.json', '--product-id', 'harbourside-working-capital']);
    expect(code).toBe(0);
    expect(out).toMatch(/Facility\s+Covered\s+Total cost/);
    expect(out).toMatch(/sized to the P90 path \(path \d+, peak need £[\d,]+\.\d\d\): limit £[\d,]+\.\d\d/);
    expect(out).toMatch(/Probability it is not enough ≈ \d+\.\d%/);
  });

  it('--json prints the rows, the simulation (without per-path needs) and the sizing', async () => {
    const { code, out } = await run(['stress', EXAMPLE, '--paths', '500', '--json', '--catalogue', 'examples/catalogue.json', '--product-id', 'harbourside-working-capital']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { stress: unknown[]; monteCarlo: Record<string, unknown>; sizedToPercentile: { percentile: number } };
    expect(result.stress).toHaveLength(4);
    expect(result.monteCarlo.paths).toBe(500);
    expect(result.monteCarlo).not.toHaveProperty('pathPeakNeeds');
    expect(result.sizedToPercentile.percentile).toBe(0.9);
  });

  it('reports usage and input mistakes', async () => {
    expect((await run(['stress'])).code).toBe(2);
    expect((await run(['stress', EXAMPLE, '--paths', 'many'])).code).toBe(2);
    expect((await run(['stress', EXAMPLE, '--catalogue', 'examples/catalogue.json'])).code).toBe(2);
    expect((await run(['stress', EXAMPLE, '--catalogue', 'examples/catalogue.json', '--product-id', 'nope'])).code).toBe(2);
    const bad = await run(['stress', EXAMPLE, '--paths', '0']);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('paths');
  });
});
