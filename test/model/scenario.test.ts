import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_HORIZON_MONTHS, parseScenario, safeParseScenario, SCENARIO_LIMITS } from '../../src/model/index.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { commissionerInput, contractInput, oneOffLine, recurringLine, scenarioInput } from '../helpers/scenario-builder.js';
import { scenarioProblemsOf } from '../helpers/errors.js';


function expectProblem(input: unknown, path: string, rule: RegExp): void {
  expect(scenarioProblemsOf(input)).toContainEqual({ path, message: expect.stringMatching(rule) });
  expect(() => parseScenario(input)).toThrow(new RegExp(`${(path || '(root)').replace(/[.[\]()]/g, '\\$&')}: .*${rule.source}`));
}

const example = JSON.parse(readFileSync(new URL('../../examples/children-services.json', import.meta.url), 'utf8')) as unknown;

describe('parseScenario on good input', () => {
  it('parses the children’s-services example', () => {
    const scenario = parseScenario(example);
    expect(scenario.contracts.map((c) => c.id)).toEqual(['family-hubs', 'perinatal-mh']);
    expect(scenario.enterprise.openingCash).toBe('180000.00');
  });

  it('does not mutate its input', () => {
    const input = scenarioInput({ contracts: [contractInput()] });
    const before = structuredClone(input);
    parseScenario(input);
    expect(input).toEqual(before);
  });

  it('fills the commissioner’s default payment behaviour: on terms, on time', () => {
    const { paymentBehaviour, ...council } = commissionerInput();
    void paymentBehaviour;
    expect(parseScenario(scenarioInput({ commissioners: [council] })).commissioners[0]!.paymentBehaviour).toEqual({ kind: 'terms-plus-late', typicalDaysLate: 0 });
  });

  it('accepts a horizon of exactly 20 years and a horizon.start equal to the opening date', () => {
    // 2026-01-01 + 240 months = 2046-01-01
    expect(MAX_HORIZON_MONTHS).toBe(240);
    expect(() => parseScenario(scenarioInput({ horizon: { start: '2026-01-01', end: '2046-01-01' } }))).not.toThrow();
  });
});

describe('safeParseScenario', () => {
  it('returns { success: true, data } for good input', () => {
    const result = safeParseScenario(example);
    expect(result.success).toBe(true);
    if (result.success) expect(result.data).toEqual(parseScenario(example));
  });

  it('returns { success: false, error } instead of throwing, with every problem', () => {
    const input = scenarioInput({
      enterprise: { openingCash: '1.005' },
      contracts: [contractInput({ commissionerId: 'nhs' })],
    });
    let result: ReturnType<typeof safeParseScenario> | undefined;
    expect(() => {
      result = safeParseScenario(input);
    }).not.toThrow();
    expect(result?.success).toBe(false);
    if (result && !result.success) {
      expect(result.error).toBeInstanceOf(BridgefitInputError);
      expect(result.error.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['enterprise.openingCash']));
      expect(result.error.message).toMatch(/^Invalid scenario:\n/);
    }
  });

  it('turns non-objects into errors, not exceptions', () => {
    for (const junk of [null, undefined, 42, 'scenario', []]) {
      const result = safeParseScenario(junk);
      expect(result.success).toBe(false);
    }
  });
});

describe('cross-checks (each error names the field path and the rule)', () => {
  it('a contract naming an unknown commissioner: the message names both ids', () => {
    expectProblem(
      scenarioInput({ contracts: [contractInput({ id: 'family-hubs', commissionerId: 'nhs-kent' })] }),
      'contracts[0].commissionerId',
      /contract "family-hubs" names commissioner "nhs-kent", which is not in commissioners/,
    );
  });

  it('duplicate ids in contracts, commissioners and cash lines', () => {
    expectProblem(
      scenarioInput({ contracts: [contractInput({ id: 'a' }), contractInput({ id: 'b' }), contractInput({ id: 'a' })] }),
      'contracts[2].id',
      /duplicates the id "a" of contracts\[0\]; ids must be unique/,
    );
    expectProblem(scenarioInput({ commissioners: [commissionerInput(), commissionerInput()] }), 'commissioners[1].id', /duplicates the id "council"/);
    expectProblem(
      scenarioInput({ cashLines: [oneOffLine('grant', 'inflow', '1.00', '2026-02-01'), oneOffLine('grant', 'inflow', '2.00', '2026-03-01')] }),
      'cashLines[1].id',
      /duplicates the id "grant"/,
    );
  });

  it('a horizon longer than 20 years', () => {
    // 2026-01-01 + 240 months = 2046-01-01; one day more is too long.
    expectProblem(scenarioInput({ horizon: { end: '2046-01-02' } }), 'horizon.end', /must be at most 20 years after the horizon's start \(2026-01-01\)/);
  });

  it('a horizon that ends before it starts', () => {
    expectProblem(scenarioInput({ horizon: { end: '2025-12-31' } }), 'horizon.end', /must be on or after the horizon's start \(2026-01-01\)/);
  });

  it('a horizon.start other than the opening-cash date', () => {
    expectProblem(
      scenarioInput({ horizon: { start: '2026-02-01', end: '2026-12-31' } }),
      'horizon.start',
      /must equal enterprise\.openingCashDate \(2026-01-01\), where the ledger starts; got 2026-02-01/,
    );
  });

  it('a horizon end that is not a date', () => {
    expectProblem(scenarioInput({ horizon: { end: '31/12/2026' } }), 'horizon.end', /must be a real date as YYYY-MM-DD/);
  });

  it(`more than ${SCENARIO_LIMITS.contracts} contracts`, () => {
    const contracts = Array.from({ length: SCENARIO_LIMITS.contracts + 1 }, (_, i) => contractInput({ id: `c${i}` }));
    expectProblem(scenarioInput({ contracts }), 'contracts', /must list at most 2000 contracts/);
  });

  it('unknown keys at the top level and in the horizon', () => {
    expectProblem({ ...scenarioInput(), contract: [] }, '', /Unrecognized key: "contract"/);
    expectProblem(scenarioInput({ horizon: { end: '2026-12-31', months: 12 } as never }), 'horizon', /Unrecognized key: "months"/);
  });

  it('a negative scenario buffer', () => {
    expectProblem(scenarioInput({ buffer: '-10.00' }), 'buffer', /must be ≥ 0/);
  });

  it('a commissioner of an unknown kind or with an unknown payment behaviour', () => {
    expectProblem(scenarioInput({ commissioners: [commissionerInput({ kind: 'parish' as never })] }), 'commissioners[0].kind', /expected one of/);
    expectProblem(
      scenarioInput({ commissioners: [commissionerInput({ paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: -1 } })] }),
      'commissioners[0].paymentBehaviour.typicalDaysLate',
      /must be ≥ 0 days/,
    );
  });

  it('cash lines: zero amount, bad dates, unknown frequency, unknown keys', () => {
    expectProblem(scenarioInput({ cashLines: [oneOffLine('x', 'inflow', '0.00', '2026-02-01')] }), 'cashLines[0].amount', /must be > 0/);
    expectProblem(scenarioInput({ cashLines: [oneOffLine('x', 'inflow', '1.00', '2026-02-30')] }), 'cashLines[0].schedule.date', /must be a real date/);
    expectProblem(
      scenarioInput({ cashLines: [recurringLine('x', 'outflow', '1.00', 'fortnightly' as never, '2026-01-01')] }),
      'cashLines[0].schedule.frequency',
      /expected one of/,
    );
    expectProblem(
      scenarioInput({ cashLines: [{ ...oneOffLine('x', 'inflow', '1.00', '2026-02-01'), note: 'hi' } as never] }),
      'cashLines[0]',
      /Unrecognized key: "note"/,
    );
  });
});

describe('prototype pollution', () => {
  it('__proto__ and constructor keys in JSON are rejected as unknown keys and do not touch Object.prototype', () => {
    const good = JSON.stringify(scenarioInput({ contracts: [contractInput()] }));
    const hostile = [
      good.replace(/^\{/, '{"__proto__":{"polluted":"yes"},'),
      good.replace('"enterprise":{', '"enterprise":{"__proto__":{"polluted":"yes"},'),
      good.replace('"billing":{', '"billing":{"constructor":{"prototype":{"polluted":"yes"}},'),
      good.replace('"horizon":{', '"horizon":{"__proto__":{"isAdmin":true},'),
    ];
    for (const text of hostile) {
      const input = JSON.parse(text) as unknown;
      const problems = scenarioProblemsOf(input);
      expect(problems.some((p) => /Unrecognized key: "(__proto__|constructor)"/.test(p.message))).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    }
  });
});
