/**
 * Bugs the hardening fuzzers found, one test each, so they stay fixed.
 */
import { describe, expect, it } from 'vitest';
import { findGaps, fundingNeed, forecastCash } from '../../src/forecast/index.js';
import { latePaymentClaim } from '../../src/commissioning/index.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { parseScenario, safeParseScenario } from '../../src/model/index.js';
import { expectInputError } from './fuzz-helpers.js';
import { compactScenarioInput } from './fixtures.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('findGaps / fundingNeed never loop forever', () => {
  // Before the fix a NaN (or undefined, or non-numeric) buffer or balance was neither >= nor <
  // the buffer, so the scan never advanced and filled memory with empty gaps until the process died.
  const forecast = forecastCash(parseScenario(compactScenarioInput()));
  it.each([Number.NaN, 'abc', Infinity, 1.5, true])('buffer %s is a BridgefitInputError naming buffer', (buffer) => {
    for (const fn of [findGaps, fundingNeed]) {
      const error = thrown(() => fn(forecast, { buffer: buffer as number }));
      expectInputError(error);
      expect(error.problems[0]!.path).toBe('buffer');
    }
  });

  it('a ledger-like object without a buffer is an input error, not a hang', () => {
    expectInputError(thrown(() => findGaps({ start: '2026-01-01', closing: [1, 2], buffer: undefined as unknown as number })));
  });

  it('a NaN balance is an input error naming the day', () => {
    const error = thrown(() => findGaps({ start: '2026-01-01', closing: [1, Number.NaN, 3], buffer: 0 }));
    expectInputError(error);
    expect(error.problems[0]!.path).toBe('closing[1]');
  });
});

it('latePaymentClaim with options null (as JSON gives it) reads it as no options, not a TypeError', () => {
  const claim = latePaymentClaim({ amount: '10000.00', dueDate: '2024-01-31' }, '2024-03-01', undefined, null as never);
  // £10,000 × (8% + 5.25%) × 30 / 365 = £108.90 (gov.uk method, see the function's TSDoc).
  expect(claim.interest).toBe(10890);
});

describe('an error message keeps one line per problem whatever the input', () => {
  it('an id with a line break cannot forge an extra problem line', () => {
    const input = compactScenarioInput();
    (input.contracts[5] as { commissionerId: string }).commissionerId = '2026-04-01\n  horizon.end: forged';
    const result = safeParseScenario(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    expectInputError(result.error);
    expect(result.error.message.split('\n')).toHaveLength(result.error.problems.length + 1);
    expect(result.error.message).not.toMatch(/^ {2}horizon\.end: forged$/m);
  });

  it('escapes CR, LF, U+2028 and U+2029 in paths and rules; problems keep the raw text', () => {
    const error = new BridgefitInputError([{ path: 'a\rb', message: 'x\ny\u2028z\u2029' }]);
    expect(error.message).toBe('Invalid input:\n  a\\u000db: x\\u000ay\\u2028z\\u2029');
    expect(error.problems[0]!.message).toBe('x\ny\u2028z\u2029');
  });
});
