/**
 * The CLI handed hostile files and arguments: exit 0, 1 (input error, every problem by path on
 * stderr) or 2 (usage); it never throws out of runCli and never touches a prototype.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { runCli } from '../../src/cli/run.js';
import { expectPrototypesClean, garbageJson, mutatedArb, params } from './fuzz-helpers.js';
import { compactScenarioInput } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'bridgefit-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await runCli(argv, { stdout: () => {}, stderr: (t) => err.push(t), stderrIsTty: false });
  return { code, err: err.join('\n') };
}

function expectCleanExit({ code, err }: { code: number; err: string }): void {
  expect([0, 1, 2], err).toContain(code);
  if (code === 1) for (const line of err.split('\n').slice(1).filter((l) => l.startsWith('  '))) expect(line).toMatch(/^ {2}\S.*?: .+/);
}

it('gaps / forecast on arbitrary JSON files and raw bytes: exit 0, 1 or 2, never a throw', async () => {
  const file = join(dir, 'garbage.json');
  await fc.assert(
    fc.asyncProperty(fc.oneof(garbageJson.map((j) => JSON.stringify(j) ?? 'null'), fc.string({ maxLength: 40 })), fc.constantFrom('gaps', 'forecast'), async (text, command) => {
      writeFileSync(file, text);
      expectCleanExit(await run([command, file, '--json']));
    }),
    params(2000),
  );
  expectPrototypesClean();
});

it('gaps on mutated valid scenarios: exit 0 or 1, never a throw', async () => {
  const file = join(dir, 'mutated.json');
  await fc.assert(
    fc.asyncProperty(mutatedArb(compactScenarioInput(), 1), async ({ value }) => {
      writeFileSync(file, JSON.stringify(value));
      const result = await run(['gaps', file, '--json']);
      expect([0, 1], result.err).toContain(result.code);
      expectCleanExit(result);
    }),
    params(300),
  );
  expectPrototypesClean();
});

it('arbitrary argv: exit 0, 1 or 2, never a throw', async () => {
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify(compactScenarioInput()));
  const token = fc.oneof(fc.constantFrom('gaps', 'forecast', 'match', 'schema', 'size', 'stress', 'terms', 'late-payment', '--json', '--help', '-h', '--paths', '--seed', '--product', '--rate', '--paid-on', '--', good, '/nonexistent', dir, '__proto__', 'NaN', '-1', '1e308'), fc.string({ maxLength: 8 }));
  await fc.assert(
    fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (argv) => {
      expectCleanExit(await run(argv));
    }),
    params(400),
  );
  expectPrototypesClean();
}, 120_000);
