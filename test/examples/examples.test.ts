/**
 * The example scripts run as a user runs them (`npx tsx examples/<file>.ts` from the repo root),
 * exit 0, and print what their headers promise. The three start together, so the file takes about
 * as long as the slowest one.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/money/amount.js';

const run = promisify(execFile);
const out = mkdtempSync(join(tmpdir(), 'bridgefit-examples-'));
const outputs: Record<string, string> = {};

function script(file: string, args: string[] = []): Promise<void> {
  // Rejects (and fails the test) on a non-zero exit code.
  return run(process.execPath, ['--import', 'tsx', file, ...args], { cwd: process.cwd(), maxBuffer: 16 * 1024 * 1024 }).then(({ stdout }) => {
    outputs[file] = stdout;
  });
}

beforeAll(async () => {
  await Promise.all([
    script('examples/investor-platform.ts'),
    script('examples/notebook-analysis.ts', ['--paths', '50', '--out', out]),
    script('examples/commissioning-tool.ts'),
  ]);
}, 120_000);

// The example's peak need, by hand from examples/children-services.json: cash £180,000 on
// 2026-03-01; March +20,000 trading −6,000 rent −12,000 central −75,000 mobilisation → £107,000;
// April and May each +20,000 −137,500 −30,000 payroll −6,000 −12,000 (−165,500 net) → −£224,000;
// June +50,000 grant +35,000 ICB (April's invoice, paid on its due date 2 June) +20,000 −185,500
// → −£304,500; 1 July rent −6,000 → −£310,500, before the first county receipt (19 July).
// Shortfall below the £50,000 buffer: 50,000 + 310,500 = £360,500.00 on 2026-07-01.
const PEAK = '360500.00';

describe('examples/investor-platform.ts', () => {
  it('prints one JSON object: the need and the top 3 matches with exact string amounts', () => {
    const json = JSON.parse(outputs['examples/investor-platform.ts']!) as {
      response: { need: { peak: string; firstDayShort: string }; topMatches: { rank: number; limit: string; coversNeed: boolean; cost: { interest: string; fees: string; total: string } }[] };
      exampleRejection: { path: string }[];
    };
    expect(json.response.need.peak).toBe(PEAK);
    expect(json.response.topMatches.map((m) => m.rank)).toEqual([1, 2, 3]);
    for (const m of json.response.topMatches) {
      for (const amount of [m.limit, m.cost.interest, m.cost.fees, m.cost.total]) expect(amount).toMatch(/^\d+\.\d{2}$/);
      // Total cost is interest plus fees, to the penny.
      expect(parseAmount(m.cost.total)).toBe(parseAmount(m.cost.interest) + parseAmount(m.cost.fees));
      // The coverage gate ranks covering products first, and this need is coverable: the limit is at least the need.
      expect(m.coversNeed).toBe(true);
      expect(parseAmount(m.limit)).toBeGreaterThanOrEqual(parseAmount(PEAK));
    }
    // 2029-02-30 does not exist: the rejection names the field.
    expect(json.exampleRejection.map((p) => p.path)).toEqual(['horizon.end']);
  });
});

describe('examples/notebook-analysis.ts', () => {
  it('prints the months, the gaps and Monte Carlo percentiles, and writes two Vega-Lite specs', () => {
    const text = outputs['examples/notebook-analysis.ts']!;
    expect(text).toContain('2026-03   £180,000.00   £20,000.00   £93,000.00   £107,000.00');
    expect(text).toContain('peak need £360,500.00 on 2026-07-01');
    const [, p50, p90, p95] = /P50 £([\d,.]+)  P90 £([\d,.]+)  P95 £([\d,.]+)/.exec(text) ?? [];
    const pounds = (s: string | undefined) => parseAmount((s ?? '').replaceAll(',', ''));
    expect(pounds(p50)).toBeLessThanOrEqual(pounds(p90));
    expect(pounds(p90)).toBeLessThanOrEqual(pounds(p95));
    expect(text).toContain('50 paths, seed 42');
    for (const name of ['cash-curve.vl.json', 'cash-fan.vl.json']) {
      const file = join(out, name);
      expect(existsSync(file)).toBe(true);
      expect((JSON.parse(readFileSync(file, 'utf8')) as { $schema: string }).$schema).toBe('https://vega.github.io/schema/vega-lite/v5.json');
    }
  });
});

describe('examples/commissioning-tool.ts', () => {
  it('prints the late-payment claims and the payment-terms comparison', () => {
    const text = outputs['examples/commissioning-tool.ts']!;
    // 36 monthly invoices over three years, each paid 45 days after its due date.
    expect(text).toContain('36 of 36 forecast invoices paid after their due date');
    // £150,000 × (8% + Bank Rate 3.75% on 31 Dec 2025) × 45 / 365 = £2,172.945… → £2,172.95,
    // plus £100 fixed compensation for a debt of £10,000 or more.
    expect(text).toMatch(/family-hubs#1 +£150,000\.00 +2026-06-04 +2026-07-19 +45 +£2,172\.95 +£100\.00 +£2,272\.95/);
    expect(text).toContain('Monthly in advance');
    expect(text).toContain('Actual: monthly in arrears on 30-day terms, paid on average 45 days late  £360,500.00');
  });
});
