import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io.js';

/** The parsed arguments a command receives. */
export interface CommandArgs {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

/** One `bridgefit` subcommand. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Usage line(s) and option help for `--help`. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Runs the command; returns the exit code. Throws BridgefitInputError (exit 1) or UsageError (exit 2). */
  run(args: CommandArgs, io: CliIo): number | Promise<number>;
}
