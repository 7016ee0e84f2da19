import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), stderrIsTty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('bridgefit match', () => {
  it('prints the ranked table and one line per excluded product', async () => {
    const { code, out } = await run(['match', 'examples/children-services.json', 'examples/catalogue.json']);
    expect(code).toBe(0);
    expect(out).toContain('Peak need £360,500.00; first day short 2026-04-25. 7 eligible, 5 excluded.');
    expect(out).toMatch(/Rank\s+Product\s+Limit\s+Term\s+Total cost\s+Eff\. rate\s+Covers need\?\s+Days to funds/);
    expect(out).toContain('  meridian-charity-bridge: legal form cic; product lends only to charity, cio');
  });

  it('--json prints the result as JSON', async () => {
    const { code, out } = await run(['match', 'examples/children-services.json', 'examples/catalogue.json', '--json']);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { matches: unknown[]; excluded: unknown[] };
    expect(result.matches).toHaveLength(7);
    expect(result.excluded).toHaveLength(5);
  });

  it('needs both files (usage error, exit 2)', async () => {
    expect((await run(['match', 'examples/children-services.json'])).code).toBe(2);
  });
});
