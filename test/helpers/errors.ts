import { expect } from 'vitest';
import { BridgefitInputError, type InputProblem } from '../../src/money/index.js';
import { parseScenario, safeParseScenario } from '../../src/model/index.js';

/**
 * Runs `fn` and returns the BridgefitInputError it throws, so a test can look at its paths and
 * rules. Fails when `fn` returns or throws anything else.
 */
export function inputErrorOf(fn: () => unknown): BridgefitInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BridgefitInputError) return error;
    throw error;
  }
  throw new Error('expected a BridgefitInputError');
}

/** The problems `fn` reports by throwing a BridgefitInputError. */
export function problemsThrownBy(fn: () => unknown): InputProblem[] {
  return [...inputErrorOf(fn).problems];
}

/**
 * The problems parseScenario reports for `input` (it must throw BridgefitInputError);
 * safeParseScenario must report the same problems without throwing.
 */
export function scenarioProblemsOf(input: unknown): readonly InputProblem[] {
  const error = inputErrorOf(() => parseScenario(input));
  const safe = safeParseScenario(input);
  expect(safe.success).toBe(false);
  if (!safe.success) expect(safe.error.problems).toEqual(error.problems);
  return error.problems;
}
