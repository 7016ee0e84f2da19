/**
 * The library core runs in browsers (DESIGN.md, Packaging): esbuild bundles `src/index.ts` for
 * `platform: 'browser'`, and the test fails if anything it reaches — our code or a dependency —
 * imports a Node built-in (`node:*`, fs, path, …) or the CLI. The bundle is then run in a bare
 * `vm` context (no `process`, `Buffer`, `require`) through a tiny hand-checked forecast.
 */
import { describe, expect, it } from 'vitest';
import { builtinModules } from 'node:module';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Records every import of a Node built-in (with its importer) and leaves it external. */
function builtinTrap(found: string[]): Plugin {
  return {
    name: 'node-builtin-trap',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        const bare = args.path.split('/')[0]!;
        if (args.path.startsWith('node:') || NODE_BUILTINS.has(args.path) || (NODE_BUILTINS.has(bare) && !args.path.startsWith('.'))) {
          found.push(`${args.importer.replace(process.cwd() + '/', '')} imports "${args.path}"`);
          return { path: args.path, external: true };
        }
        return undefined;
      });
    },
  };
}

async function bundle(format: 'esm' | 'iife') {
  const found: string[] = [];
  const result = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    platform: 'browser',
    format,
    globalName: format === 'iife' ? 'bridgefit' : undefined,
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [builtinTrap(found)],
  });
  return { found, result, text: result.outputFiles[0]!.text };
}

describe('browser bundle of src/index.ts', () => {
  it('reaches no Node built-in and not the CLI', async () => {
    const { found, result } = await bundle('esm');
    expect(result.errors).toEqual([]);
    expect(found).toEqual([]);
    const inputs = Object.keys(result.metafile!.inputs);
    expect(inputs.filter((p) => p.startsWith('src/cli/'))).toEqual([]);
    expect(inputs).toContain('src/index.ts');
  });

  it('loads and runs a tiny forecast with no Node globals', async () => {
    const { text } = await bundle('iife');
    const context = vm.createContext({});
    vm.runInContext(text, context);
    expect(vm.runInContext('typeof process + typeof Buffer + typeof require', context)).toBe('undefinedundefinedundefined');
    // £1,000 opening cash, one £1,500 outflow on 10 Jan 2026, buffer £0: closing on 10 Jan is
    // 100000 − 150000 = −50000 pence, and the one gap runs 10–31 Jan (22 days), peak 50000.
    context.input = JSON.stringify({
      enterprise: { id: 'se', name: 'Tiny CIC', legalForm: 'cic', openingCash: '1000.00', openingCashDate: '2026-01-01', minimumCashBuffer: '0.00', currency: 'GBP' },
      commissioners: [],
      contracts: [],
      cashLines: [{ id: 'rent', description: 'rent', direction: 'outflow', amount: '1500.00', schedule: { kind: 'one-off', date: '2026-01-10' } }],
      horizon: { end: '2026-01-31' },
    });
    const out = JSON.parse(
      vm.runInContext(
        `(() => {
          const forecast = bridgefit.forecastCash(bridgefit.parseScenario(JSON.parse(input)));
          const gap = bridgefit.findGaps(forecast)[0];
          const spec = bridgefit.cashCurveSpec(forecast);
          return JSON.stringify({ day10: forecast.closing[9], start: gap.start, end: gap.end, days: gap.days, peak: gap.peakShortfall, layers: spec.layer.length });
        })()`,
        context,
      ) as string,
    );
    expect(out).toEqual({ day10: -50000, start: '2026-01-10', end: '2026-01-31', days: 22, peak: 50000, layers: 3 });
  });
});
