import { describe, expect, it } from 'vitest';
import { EnterpriseSchema, parseScenario, type ScenarioInput } from '../../src/model/index.js';
import { enterpriseInput, scenarioInput } from '../helpers/scenario-builder.js';
import { scenarioProblemsOf } from '../helpers/errors.js';


function expectProblem(input: unknown, path: string, rule: RegExp): void {
  const problems = scenarioProblemsOf(input);
  expect(problems).toContainEqual({ path, message: expect.stringMatching(rule) });
  // The thrown message names the path and the rule on one line.
  expect(() => parseScenario(input)).toThrow(new RegExp(`${path.replace(/[.[\]]/g, '\\$&')}: .*${rule.source}`));
}

const withEnterprise = (overrides: Record<string, unknown>): ScenarioInput => scenarioInput({ enterprise: overrides as never });

describe('EnterpriseSchema', () => {
  it('fills defaults and normalises amounts to exact two-decimal strings', () => {
    const { minimumCashBuffer, currency, ...rest } = enterpriseInput({ openingCash: 12500 });
    void minimumCashBuffer;
    void currency;
    const parsed = EnterpriseSchema.parse(rest);
    expect(parsed.minimumCashBuffer).toBe('0.00'); // default
    expect(parsed.currency).toBe('GBP'); // default
    expect(parsed.openingCash).toBe('12500.00'); // the number 12500 becomes "12500.00"
  });

  it('accepts a negative opening balance (an overdrawn account)', () => {
    expect(parseScenario(withEnterprise({ openingCash: '-2500.50' })).enterprise.openingCash).toBe('-2500.50');
  });

  it('rejects opening cash with three decimal places', () => {
    expectProblem(withEnterprise({ openingCash: '1.005' }), 'enterprise.openingCash', /at most 2 decimal places/);
  });

  it('rejects a negative buffer', () => {
    expectProblem(withEnterprise({ minimumCashBuffer: '-1.00' }), 'enterprise.minimumCashBuffer', /must be ≥ 0/);
  });

  it('rejects an opening date that does not exist', () => {
    expectProblem(withEnterprise({ openingCashDate: '2026-02-30' }), 'enterprise.openingCashDate', /must be a real date as YYYY-MM-DD/);
  });

  it('rejects a lower-case or unknown currency code', () => {
    expectProblem(withEnterprise({ currency: 'gbp' }), 'enterprise.currency', /three-letter ISO 4217 code/);
  });

  it('rejects an unknown legal form', () => {
    expectProblem(withEnterprise({ legalForm: 'plc' }), 'enterprise.legalForm', /expected one of/);
  });

  it('rejects an id with spaces and an empty name', () => {
    expectProblem(withEnterprise({ id: 'two words' }), 'enterprise.id', /must not contain spaces/);
    expectProblem(withEnterprise({ id: 'bell\u0007' }), 'enterprise.id', /control characters/);
    // A missing amount says it is required, not merely malformed.
    const noCash = scenarioInput();
    delete (noCash.enterprise as Record<string, unknown>).openingCash;
    expectProblem(noCash, 'enterprise.openingCash', /is required: an amount/);
    expectProblem(withEnterprise({ name: '   ' }), 'enterprise.name', /must not be empty/);
  });

  it('rejects unknown keys (a misspelt field is an error, not silently ignored)', () => {
    expectProblem(withEnterprise({ openingcash: '5.00' }), 'enterprise', /Unrecognized key: "openingcash"/);
  });
});
