import { readFileSync, statSync } from 'node:fs';
import { BridgefitInputError } from '../money/errors.js';

/** Where a command writes: injected so tests can capture output. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress bars only then). */
  readonly stderrIsTty: boolean;
}

/** A usage mistake: exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Largest input file the CLI reads, in bytes (50 MB). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/**
 * Reads and parses a JSON file, turning unreadable or malformed files into input errors.
 *
 * @example
 * ```ts
 * const json = readJsonFile('examples/children-services.json');
 * ```
 */
export function readJsonFile(path: string): unknown {
  const text = readTextFile(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new BridgefitInputError([{ path, message: `is not valid JSON (${(error as Error).message})` }], 'Invalid JSON');
  }
}

/**
 * Reads a UTF-8 text file of at most {@link MAX_INPUT_BYTES}, checking its size on disk first so
 * an oversized file is refused before it is loaded into memory.
 *
 * @throws BridgefitInputError naming the file when it cannot be read or is too large
 * @example
 * ```ts
 * const text = readTextFile('examples/cash-lines.csv');
 * ```
 */
export function readTextFile(path: string): string {
  try {
    if (statSync(path).size > MAX_INPUT_BYTES) throw new BridgefitInputError([{ path, message: `is larger than ${MAX_INPUT_BYTES} bytes` }], 'Input too large');
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof BridgefitInputError) throw error;
    throw new BridgefitInputError([{ path, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` }], 'Cannot read input');
  }
}
