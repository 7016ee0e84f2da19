/**
 * Spreading a Monte Carlo of payment delays over Node worker threads.
 *
 * The library's core is browser-safe and never starts threads itself; this example shows how a
 * Node service (or a portfolio run over many enterprises) can. Each worker compiles the scenario
 * and runs one contiguous block of paths with `simulateDelayPaths`; the main thread joins the
 * blocks with `summariseDelayPaths`. Path i always draws from stream (seed, i), so the answer is
 * identical to the single-threaded `simulateDelays` for the same seed, however many workers run.
 *
 * Run it:   npx tsx examples/parallel-monte-carlo.ts [scenario.json] [--paths N] [--seed S] [--workers W]
 *
 * Workers load this same file; as it is TypeScript, through tsx's `tsImport` (Node 20 does not
 * carry tsx's loader over to worker threads). Point `workerUrl` at compiled JavaScript to run
 * without tsx.
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { parseScenario, type Scenario } from '../src/model/scenario.js';
import { formatMoney } from '../src/money/amount.js';
import { compileDelayModel } from '../src/stress/delay-model.js';
import { simulateDelayPaths, simulateDelays, summariseDelayPaths, type DelaySimulation, type PathOutcomes, type SimulateOptions } from '../src/stress/simulate-delays.js';

/** What the main thread sends a worker. */
interface BlockJob {
  readonly kind: 'bridgefit-delay-block';
  readonly scenario: Scenario;
  readonly options: Omit<SimulateOptions, 'onProgress'>;
  readonly fromPath: number;
  readonly toPath: number;
}

/** How to start the workers. */
export interface WorkerPoolOptions {
  /** Number of worker threads (default: the machine's available parallelism, at most one per 1,000 paths). */
  readonly workers?: number;
  /** Node options for each worker. Default: the process's own. */
  readonly execArgv?: string[];
  /** The worker's module (default: this file). */
  readonly workerUrl?: URL;
}

/**
 * `simulateDelays` with the paths spread over worker threads: the same result for the same seed.
 *
 * @param scenario - a parsed scenario (sent to each worker; it is plain data)
 * @param options - as for `simulateDelays`; `onProgress` is called as each worker's block finishes
 * @param pool - number of workers, their Node options and module
 * @example
 * ```ts
 * const sim = await simulateDelaysInWorkers(scenario, { paths: 100_000, seed: 42 }, { workers: 4 });
 * ```
 */
export async function simulateDelaysInWorkers(scenario: Scenario, options: SimulateOptions, pool: WorkerPoolOptions = {}): Promise<DelaySimulation> {
  const { onProgress, ...plain } = options;
  // Validates the options in the main thread, so a bad seed fails before any worker starts.
  const model = compileDelayModel(scenario);
  simulateDelayPaths(model, plain, 0, 0);
  const count = Math.max(1, Math.min(pool.workers ?? availableParallelism(), Math.ceil(plain.paths / 1000)));
  const size = Math.ceil(plain.paths / count);
  const url = pool.workerUrl ?? new URL(import.meta.url);
  const execArgv = pool.execArgv;
  let done = 0;
  const jobs: Promise<PathOutcomes>[] = [];
  for (let w = 0; w < count; w++) {
    const fromPath = w * size;
    const toPath = Math.min(plain.paths, fromPath + size);
    if (fromPath >= toPath) break;
    const job: BlockJob = { kind: 'bridgefit-delay-block', scenario, options: plain, fromPath, toPath };
    jobs.push(
      new Promise<PathOutcomes>((resolve, reject) => {
        const worker = startWorker(url, job, execArgv);
        worker.once('message', (outcomes: PathOutcomes) => {
          done += toPath - fromPath;
          onProgress?.(done, plain.paths);
          resolve(outcomes);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`worker for paths ${fromPath}…${toPath - 1} exited with code ${code}`));
        });
      }),
    );
  }
  return summariseDelayPaths(model, plain, await Promise.all(jobs));
}

/**
 * Starts a worker on `url`. A TypeScript module is loaded through tsx's `tsImport` from a tiny
 * JavaScript bootstrap: Node 20 does not carry a `--import tsx` loader over to worker threads.
 */
function startWorker(url: URL, job: BlockJob, execArgv: string[] | undefined): Worker {
  const options = execArgv ? { workerData: job, execArgv } : { workerData: job };
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  // tsx's ESM API (the package's "import" export of tsx/esm/api, next to the "require" one).
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(url.href)}, ${JSON.stringify(url.href)}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** Worker side: run the block and send the typed arrays back without copying. */
function runBlock(job: BlockJob): void {
  const outcomes = simulateDelayPaths(compileDelayModel(job.scenario), job.options, job.fromPath, job.toPath);
  const buffers = [outcomes.peakNeed.buffer, outcomes.daysShort.buffer, outcomes.firstShort.buffer, ...(outcomes.closing ? [outcomes.closing.buffer] : [])];
  parentPort!.postMessage(outcomes, buffers as ArrayBuffer[]);
}

if (!isMainThread && (workerData as BlockJob | undefined)?.kind === 'bridgefit-delay-block') {
  runBlock(workerData as BlockJob);
} else if (isMainThread && process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ options: { paths: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' } }, allowPositionals: true });
  const scenario = parseScenario(JSON.parse(readFileSync(positionals[0] ?? 'examples/children-services.json', 'utf8')));
  const options: SimulateOptions = { paths: Number(values.paths ?? 50_000), seed: Number(values.seed ?? 42), slowQuarter: { probability: 0.25, extraDays: 30 } };
  const workers = Number(values.workers ?? availableParallelism());
  let t0 = performance.now();
  const parallel = await simulateDelaysInWorkers(scenario, options, { workers });
  const parallelMs = performance.now() - t0;
  t0 = performance.now();
  const single = simulateDelays(scenario, options);
  const singleMs = performance.now() - t0;
  const same = JSON.stringify(parallel) === JSON.stringify(single);
  console.log(`${options.paths} paths, seed ${options.seed}, slow quarters (25%, +30 days):`);
  console.log(`  ${workers} workers: ${parallelMs.toFixed(0)} ms (worker start-up and model compilation included); one thread: ${singleMs.toFixed(0)} ms`);
  console.log(`  peak need P50 ${formatMoney(parallel.peakNeed.p50)}, P90 ${formatMoney(parallel.peakNeed.p90)}, P95 ${formatMoney(parallel.peakNeed.p95)}`);
  console.log(`  identical to the single-threaded run: ${same ? 'yes' : 'NO'}`);
  process.exitCode = same ? 0 : 1;
}
