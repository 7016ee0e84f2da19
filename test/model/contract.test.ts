import { describe, expect, it } from 'vitest';
import { ContractSchema, parseScenario, type ContractInput } from '../../src/model/index.js';
import { contractInput, monthlyCost, scenarioInput } from '../helpers/scenario-builder.js';
import { scenarioProblemsOf } from '../helpers/errors.js';


/** Asserts that a scenario holding `contract` fails with a problem at `path` whose message matches `rule`. */
function expectProblem(contract: unknown, path: string, rule: RegExp): void {
  const input = scenarioInput({ contracts: [contract as ContractInput] });
  expect(scenarioProblemsOf(input)).toContainEqual({ path, message: expect.stringMatching(rule) });
  expect(() => parseScenario(input)).toThrow(new RegExp(`${path.replace(/[.[\]]/g, '\\$&')}: .*${rule.source}`));
}

const milestones = (...items: [string, string][]) => items.map(([date, amount]) => ({ date, amount }));
const milestoneContract = (items: [string, string][], total = '50000.00') =>
  contractInput({ value: { kind: 'total', amount: total }, billing: { frequency: 'milestones', milestones: milestones(...items) } });

describe('ContractSchema defaults', () => {
  it('bills in arrears, raises invoices at once, allows 30 days and has no costs unless told', () => {
    const parsed = ContractSchema.parse({
      id: 'c',
      commissionerId: 'council',
      title: 'T',
      start: '2026-01-01',
      end: '2026-12-31',
      value: { kind: 'total', amount: 1000 },
      billing: { frequency: 'monthly' },
    });
    expect(parsed.billing).toEqual({ frequency: 'monthly', timing: 'in-arrears', invoiceLagDays: 0, paymentTermsDays: 30 });
    expect(parsed.mobilisationCosts).toEqual([]);
    expect(parsed.deliveryCosts).toEqual([]);
    expect(parsed.value.amount).toBe('1000.00');
  });

  it('accepts milestones that add up to the value exactly', () => {
    // 19,999.50 + 20,000.00 + 10,000.50 = 50,000.00
    expect(() => parseScenario(scenarioInput({ contracts: [milestoneContract([['2026-01-31', '19999.50'], ['2026-03-15', '20000.00'], ['2026-06-30', '10000.50']])] }))).not.toThrow();
  });

  it('accepts a zero delivery cost and a one-day contract', () => {
    expect(() =>
      parseScenario(scenarioInput({ contracts: [contractInput({ start: '2026-03-01', end: '2026-03-01', deliveryCosts: [monthlyCost('0.00', 25)] })] })),
    ).not.toThrow();
  });
});

describe('ContractSchema rules (each error names the field path and the rule)', () => {
  it('end before start', () => {
    expectProblem(contractInput({ start: '2026-05-01', end: '2026-04-30' }), 'contracts[0].end', /must be on or after start \(2026-05-01\); got 2026-04-30/);
  });

  it('milestones that do not add up to the value', () => {
    // 20,000.00 + 29,999.99 = 49,999.99 ≠ 50,000.00
    expectProblem(
      milestoneContract([['2026-02-01', '20000.00'], ['2026-05-01', '29999.99']]),
      'contracts[0].billing.milestones',
      /must add up to the contract value 50000\.00; they add up to 49999\.99/,
    );
  });

  it('milestones with monthly billing', () => {
    expectProblem(
      contractInput({ billing: { frequency: 'monthly', milestones: milestones(['2026-02-01', '1.00']) } }),
      'contracts[0].billing.milestones',
      /are only allowed when billing\.frequency is "milestones" \(it is "monthly"\)/,
    );
  });

  it('milestone billing without milestones', () => {
    expectProblem(contractInput({ value: { kind: 'total', amount: '10.00' }, billing: { frequency: 'milestones' } }), 'contracts[0].billing.milestones', /are required/);
  });

  it('milestone billing of a periodic fee', () => {
    expectProblem(
      contractInput({ billing: { frequency: 'milestones', milestones: milestones(['2026-02-01', '12000.00']) } }),
      'contracts[0].value.kind',
      /must be "total" when billing by milestones/,
    );
  });

  it('negative and zero amounts', () => {
    expectProblem(contractInput({ value: { kind: 'total', amount: '-5.00' } }), 'contracts[0].value.amount', /must be > 0 \(got -5\.00\)/);
    expectProblem(contractInput({ value: { kind: 'periodic', amount: 0, per: 'month' } }), 'contracts[0].value.amount', /must be > 0/);
    expectProblem(contractInput({ deliveryCosts: [monthlyCost('-1.00', 25)] }), 'contracts[0].deliveryCosts[0].amount', /must be ≥ 0 \(got -1\.00\)/);
    expectProblem(contractInput({ mobilisationCosts: [{ date: '2026-01-01', amount: '-100.00' }] }), 'contracts[0].mobilisationCosts[0].amount', /must be > 0/);
  });

  it('amounts with three decimal places', () => {
    expectProblem(contractInput({ value: { kind: 'total', amount: '12000.005' } }), 'contracts[0].value.amount', /at most 2 decimal places/);
    expectProblem(contractInput({ value: { kind: 'total', amount: 0.001 } }), 'contracts[0].value.amount', /at most 2 decimal places/);
    expectProblem(milestoneContract([['2026-02-01', '50000.001']]), 'contracts[0].billing.milestones[0].amount', /at most 2 decimal places/);
  });

  it('dates that do not exist', () => {
    expectProblem(contractInput({ start: '2026-13-01' }), 'contracts[0].start', /must be a real date as YYYY-MM-DD/);
    expectProblem(contractInput({ end: '2026-02-29' }), 'contracts[0].end', /must be a real date/);
    expectProblem(milestoneContract([['2026-04-31', '50000.00']]), 'contracts[0].billing.milestones[0].date', /must be a real date/);
  });

  it('unknown keys at every level (strict objects)', () => {
    expectProblem({ ...contractInput(), valu: 1 }, 'contracts[0]', /Unrecognized key: "valu"/);
    expectProblem(contractInput({ billing: { paymentTerms: 30 } as never }), 'contracts[0].billing', /Unrecognized key: "paymentTerms"/);
    expectProblem(contractInput({ value: { kind: 'total', amount: '1.00', per: 'month' } as never }), 'contracts[0].value', /Unrecognized key: "per"/);
    expectProblem(contractInput({ deliveryCosts: [{ ...monthlyCost('1.00', 25), day: 3 } as never] }), 'contracts[0].deliveryCosts[0]', /Unrecognized key: "day"/);
  });

  it('a weekly cost paid on "day 9" of the week', () => {
    expectProblem(
      contractInput({ deliveryCosts: [{ amount: '100.00', frequency: 'weekly', payDay: 9 }] }),
      'contracts[0].deliveryCosts[0].payDay',
      /must be an ISO weekday 1–7 for weekly costs \(got 9\)/,
    );
  });

  it('a monthly pay day outside 1–31 or not whole', () => {
    expectProblem(contractInput({ deliveryCosts: [monthlyCost('1.00', 32)] }), 'contracts[0].deliveryCosts[0].payDay', /must be ≤ 31/);
    expectProblem(contractInput({ deliveryCosts: [monthlyCost('1.00', 0)] }), 'contracts[0].deliveryCosts[0].payDay', /must be ≥ 1/);
    expectProblem(contractInput({ deliveryCosts: [monthlyCost('1.00', 2.5)] }), 'contracts[0].deliveryCosts[0].payDay', /must be a whole number/);
  });

  it('a delivery cost that ends before it starts (its start defaults to the contract start)', () => {
    expectProblem(contractInput({ deliveryCosts: [{ ...monthlyCost('1.00', 25), end: '2025-12-31' }] }), 'contracts[0].deliveryCosts[0].end', /must be on or after the cost’s start/);
  });

  it('payment terms and invoice lag outside 0–365 whole days', () => {
    expectProblem(contractInput({ billing: { paymentTermsDays: -5 } }), 'contracts[0].billing.paymentTermsDays', /must be ≥ 0 days/);
    expectProblem(contractInput({ billing: { paymentTermsDays: 366 } }), 'contracts[0].billing.paymentTermsDays', /must be ≤ 365 days/);
    expectProblem(contractInput({ billing: { invoiceLagDays: 1.5 } }), 'contracts[0].billing.invoiceLagDays', /must be a whole number of days/);
  });

  it('a payment-behaviour override outside its range', () => {
    expectProblem(contractInput({ paymentBehaviour: { kind: 'fixed-days', daysToPay: 731 } }), 'contracts[0].paymentBehaviour.daysToPay', /must be ≤ 730 days/);
  });

  it('more than 500 milestones', () => {
    const many = Array.from({ length: 501 }, () => ({ date: '2026-02-01', amount: '1.00' }));
    expectProblem(
      contractInput({ value: { kind: 'total', amount: '501.00' }, billing: { frequency: 'milestones', milestones: many } }),
      'contracts[0].billing.milestones',
      /must list at most 500 milestones/,
    );
  });
});
