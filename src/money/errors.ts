/** One problem with the caller's input: where it is (`path`) and what rule it broke. */
export interface InputProblem {
  /** Dotted path to the offending field, e.g. `contracts[2].billing.paymentTermsDays`. */
  readonly path: string;
  /** The rule that was broken, in words a user can act on. */
  readonly message: string;
}

/**
 * The one error bridgefit throws for bad input. Its message lists every problem as
 * `path: rule`, one per line; `problems` carries them as data.
 *
 * @example
 * ```ts
 * try {
 *   parseScenario(json);
 * } catch (error) {
 *   if (error instanceof BridgefitInputError) console.error(error.problems);
 * }
 * ```
 */
export class BridgefitInputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[], context = 'Invalid input') {
    // Paths and rules can quote the caller's own text (an id, an unknown key): escape line breaks
    // so every problem stays on one line and input cannot forge extra `path: rule` lines.
    const lines = problems.map((p) => `  ${oneLine(p.path) || '(root)'}: ${oneLine(p.message)}`);
    super(`${context}:\n${lines.join('\n')}`);
    this.name = 'BridgefitInputError';
    this.problems = problems;
  }
}

/** Escapes CR, LF, U+2028 and U+2029 so a text prints on one line. */
function oneLine(text: string): string {
  return String(text).replace(/[\r\n\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Throws a {@link BridgefitInputError} with a single problem.
 *
 * @example
 * ```ts
 * if (paths < 1) inputError('paths', 'must be at least 1');
 * ```
 */
export function inputError(path: string, message: string): never {
  throw new BridgefitInputError([{ path, message }]);
}
