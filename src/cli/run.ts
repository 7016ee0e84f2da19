import { parseArgs } from 'node:util';
import { BridgefitInputError } from '../money/errors.js';
import { COMMANDS } from './commands/index.js';
import { UsageError, type CliIo } from './io.js';

/** Exit codes: 0 ok, 1 input error (every problem listed by path), 2 usage. */
export const EXIT = Object.freeze({ ok: 0, input: 1, usage: 2 });

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'bridgefit: forecast the cash gap of a social enterprise paid in arrears, and size and match the finance that bridges it.',
    '',
    'Usage: bridgefit <command> [options]   (bridgefit <command> --help for more)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

/**
 * Runs the CLI with the given arguments and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['gaps', 'examples/children-services.json'], io);
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}".\n\n${help()}`);
    return EXIT.usage;
  }
  try {
    const parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      io.stdout(`${command.summary}\n\nUsage: ${command.usage}`);
      return EXIT.ok;
    }
    return await command.run({ positionals: parsed.positionals, values: parsed.values as Record<string, string | boolean | undefined> }, io);
  } catch (error) {
    if (error instanceof BridgefitInputError) {
      io.stderr(error.message);
      return EXIT.input;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`${(error as Error).message}\n\nUsage: ${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  }
}
