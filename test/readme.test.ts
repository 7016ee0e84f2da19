import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The README's tour must run as written: its two TypeScript blocks are joined (the second uses
// the first's `scenario` and `forecast`, plus a product and catalogue taken from examples/) and
// run with tsx against src/, and what it prints is checked against the figures the README quotes.
describe('README tour', () => {
  it('runs as written and quotes the sentence it prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const src = resolve('src/index.ts');
    const imports = blocks.map((b) => /import \{([\s\S]*?)\} from 'bridgefit';/.exec(b)![1]!).join(',');
    const bodies = blocks.map((b) => b.replace(/import \{[\s\S]*?\} from 'bridgefit';\n/, ''));
    const script = [
      `import { readFileSync } from 'node:fs';`,
      `import {${imports}} from ${JSON.stringify(src)};`,
      `const catalogueJson = JSON.parse(readFileSync(${JSON.stringify(resolve('examples/catalogue.json'))}, 'utf8'));`,
      `const revolvingFacilityJson = catalogueJson.investors.flatMap((i: { products: unknown[] }) => i.products).find((p: { kind: string }) => p.kind === 'revolving-facility');`,
      bodies[0],
      bodies[1],
      `console.log(JSON.stringify({ sentence: terms.sentence, covered: sized.covered, matches: matches.length, p90: sim.peakNeed.p90 }));`,
    ].join('\n');
    const file = join(mkdtempSync(join(tmpdir(), 'bridgefit-readme-')), 'tour.ts');
    writeFileSync(file, script);
    const out = execFileSync(process.execPath, ['--import', 'tsx', file], { encoding: 'utf8' }).trim().split('\n');
    // The first block prints the peak need and the first and last day short.
    expect(out[0]).toMatch(/^£[\d,]+\.\d{2} \d{4}-\d{2}-\d{2} \d{4}-\d{2}-\d{2}$/);
    const result = JSON.parse(out.at(-1)!) as { sentence: string; covered: boolean; matches: number; p90: number };
    const quoted = /removes a (£[\d,]+) peak need/.exec(readme)![1]!;
    expect(result.sentence).toContain(`removes a ${quoted} peak need`);
    expect(result.covered).toBe(true);
    expect(result.matches).toBeGreaterThan(0);
    expect(Number.isSafeInteger(result.p90)).toBe(true);
  }, 60_000);
});
