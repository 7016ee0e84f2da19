import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkEligibility, lendAmount, needFrom, wholeMonths, DEFAULT_ELIGIBILITY_RULES, type EligibilityRule, type Reason } from '../../src/matching/index.js';
import { forecastCash } from '../../src/forecast/index.js';
import { parseDay } from '../../src/calendar/index.js';
import { buildScenario, contractInput, commissionerInput } from '../helpers/scenario-builder.js';
import { enterprise, loan, need } from './fixtures.js';

/** The reason for one criterion, or undefined when the product did not state it. */
function reasonFor(criterion: string, ...args: Parameters<typeof checkEligibility>): Reason | undefined {
  return checkEligibility(...args).reasons.find((r) => r.criterion === criterion);
}

describe('wholeMonths', () => {
  it('counts whole calendar months, clamping month ends', () => {
    // 2019-06-01 → 2026-03-01: 6 years 9 months = 81.
    expect(wholeMonths(parseDay('2019-06-01'), parseDay('2026-03-01'))).toBe(81);
    // 2019-06-01 → 2026-02-28: one day short of 81.
    expect(wholeMonths(parseDay('2019-06-01'), parseDay('2026-02-28'))).toBe(80);
    // 31 Jan + 1 month clamps to 28 Feb, so 28 Feb completes one month.
    expect(wholeMonths(parseDay('2026-01-31'), parseDay('2026-02-28'))).toBe(1);
    expect(wholeMonths(parseDay('2026-03-01'), parseDay('2026-02-01'))).toBe(0);
  });
});

describe('lendAmount', () => {
  const product = loan({ minAmount: '25000.00', maxAmount: '500000.00' });
  it('is the need, raised to the minimum and capped at the maximum', () => {
    expect(lendAmount(10_000_000, product)).toBe(10_000_000);
    expect(lendAmount(1_000_000, product)).toBe(2_500_000); // £10k need → £25k minimum
    expect(lendAmount(90_000_000, product)).toBe(50_000_000); // £900k need → £500k maximum
    expect(lendAmount(0, product)).toBe(0);
  });
});

describe('needFrom', () => {
  it('takes the peak, days short, contract values (sum of invoices) and months remaining', () => {
    // £12,000 a month for 2026, payroll £13,000 on the 25th from January: short from 25 Jan.
    const scenario = buildScenario({
      commissioners: [commissionerInput({ kind: 'nhs-body' })],
      contracts: [contractInput({ deliveryCosts: [{ amount: '13000.00', frequency: 'monthly', payDay: 25 }] })],
    });
    const n = needFrom(scenario, forecastCash(scenario));
    expect(n.asOf).toBe('2026-01-01');
    expect(n.firstDayShort).toBe('2026-01-25');
    // 12 monthly invoices of £12,000 = £144,000; 2026-01-01 → 2027-01-01 = 12 months.
    expect(n.contracts).toEqual([{ id: 'contract', value: 14_400_000, monthsRemaining: 12, commissionerKind: 'nhs-body' }]);
    expect(n.amount).toBeGreaterThan(0);
  });
});

describe('checkEligibility: one test per criterion (passed, failed, unknown)', () => {
  const e = enterprise({
    legalForm: 'cic',
    tradingSince: '2024-11-01', // 14 whole months before 2026-01-01
    annualTurnover: '400000.00',
    region: 'South East',
    sectors: ['children-services'],
    impactThemes: ['families'],
    securityAvailable: ['debenture'],
  });
  const bare = enterprise();

  it('currency', () => {
    expect(reasonFor('currency', e, need(), loan())?.outcome).toBe('passed');
    const r = reasonFor('currency', e, need(), loan({ currency: 'EUR' }));
    expect(r).toEqual({ criterion: 'currency', outcome: 'failed', message: 'enterprise works in GBP; product lends in EUR' });
  });

  it('legal form', () => {
    expect(reasonFor('legal-form', e, need(), loan({ eligibility: { legalForms: ['cic', 'charity'] } }))?.outcome).toBe('passed');
    const r = reasonFor('legal-form', e, need(), loan({ eligibility: { legalForms: ['charity', 'cio'] } }));
    expect(r).toEqual({ criterion: 'legal-form', outcome: 'failed', message: 'legal form cic; product lends only to charity, cio' });
    expect(reasonFor('legal-form', e, need(), loan())).toBeUndefined();
  });

  it('months trading: from tradingSince to asOf; missing is unknown', () => {
    const r = reasonFor('months-trading', e, need(), loan({ eligibility: { minMonthsTrading: 24 } }));
    // 2024-11-01 → 2026-01-01 = 14 months.
    expect(r).toEqual({ criterion: 'months-trading', outcome: 'failed', message: 'trading 14 months (since 2024-11-01 to 2026-01-01); product needs 24' });
    expect(reasonFor('months-trading', e, need(), loan({ eligibility: { minMonthsTrading: 14 } }))?.outcome).toBe('passed');
    expect(reasonFor('months-trading', bare, need(), loan({ eligibility: { minMonthsTrading: 14 } }))?.outcome).toBe('unknown');
  });

  it('turnover range', () => {
    const range = { minTurnover: '250000.00', maxTurnover: '5000000.00' };
    expect(reasonFor('turnover', e, need(), loan({ eligibility: range }))?.message).toBe('turnover £400,000.00; product needs £250,000.00 to £5,000,000.00');
    expect(reasonFor('turnover', e, need(), loan({ eligibility: range }))?.outcome).toBe('passed');
    const r = reasonFor('turnover', e, need(), loan({ eligibility: { minTurnover: '500000.00' } }));
    expect(r).toEqual({ criterion: 'turnover', outcome: 'failed', message: 'turnover £400,000.00; product needs at least £500,000.00' });
    expect(reasonFor('turnover', e, need(), loan({ eligibility: { maxTurnover: '399999.99' } }))?.outcome).toBe('failed');
    expect(reasonFor('turnover', bare, need(), loan({ eligibility: range }))?.outcome).toBe('unknown');
  });

  it('sectors (case-insensitive)', () => {
    expect(reasonFor('sector', e, need(), loan({ eligibility: { sectors: ['Children-Services', 'housing'] } }))?.outcome).toBe('passed');
    expect(reasonFor('sector', e, need(), loan({ eligibility: { sectors: ['housing'] } }))?.outcome).toBe('failed');
    expect(reasonFor('sector', bare, need(), loan({ eligibility: { sectors: ['housing'] } }))?.outcome).toBe('unknown');
  });

  it('regions', () => {
    expect(reasonFor('region', e, need(), loan({ eligibility: { regions: ['south east'] } }))?.outcome).toBe('passed');
    const r = reasonFor('region', e, need(), loan({ eligibility: { regions: ['North West', 'Wales'] } }));
    expect(r).toEqual({ criterion: 'region', outcome: 'failed', message: 'region South East; product lends in only North West, Wales' });
    expect(reasonFor('region', bare, need(), loan({ eligibility: { regions: ['Wales'] } }))?.outcome).toBe('unknown');
  });

  it('impact themes', () => {
    expect(reasonFor('impact-theme', e, need(), loan({ eligibility: { impactThemes: ['families'] } }))?.outcome).toBe('passed');
    expect(reasonFor('impact-theme', e, need(), loan({ eligibility: { impactThemes: ['environment'] } }))?.outcome).toBe('failed');
    expect(reasonFor('impact-theme', bare, need(), loan({ eligibility: { impactThemes: ['families'] } }))?.outcome).toBe('unknown');
  });

  it('requires a public contract: local authority / NHS / central government yes; housing association no; other unknown', () => {
    const p = loan({ eligibility: { requiresPublicContract: true } });
    expect(reasonFor('public-contract', e, need(), p)?.outcome).toBe('passed');
    const housing = need({ contracts: [{ id: 'h', value: 1, monthsRemaining: 12, commissionerKind: 'housing-association' }] });
    expect(reasonFor('public-contract', e, housing, p)?.outcome).toBe('failed');
    const other = need({ contracts: [{ id: 'o', value: 1, monthsRemaining: 12, commissionerKind: 'other' }] });
    expect(reasonFor('public-contract', e, other, p)?.outcome).toBe('unknown');
    expect(reasonFor('public-contract', e, need({ contracts: [] }), p)?.outcome).toBe('failed');
  });

  it('min contract months remaining (the longest contract)', () => {
    const two = need({
      contracts: [
        { id: 'a', value: 1, monthsRemaining: 6, commissionerKind: 'nhs-body' },
        { id: 'b', value: 1, monthsRemaining: 18, commissionerKind: 'nhs-body' },
      ],
    });
    expect(reasonFor('contract-months-remaining', e, two, loan({ eligibility: { minContractMonthsRemaining: 18 } }))?.outcome).toBe('passed');
    const r = reasonFor('contract-months-remaining', e, two, loan({ eligibility: { minContractMonthsRemaining: 24 } }));
    expect(r?.outcome).toBe('failed');
    expect(r?.message).toBe('longest contract has 18 months left (from 2026-01-01); product needs 24');
    // No contracts: failed, not unknown (the scenario lists all of them).
    expect(reasonFor('contract-months-remaining', e, need({ contracts: [] }), loan({ eligibility: { minContractMonthsRemaining: 1 } }))?.outcome).toBe('failed');
  });

  it('max share of turnover, on the amount the product would lend', () => {
    // Need £100,000; turnover £400,000; 25% cap = £100,000 exactly → passed.
    const r = reasonFor('share-of-turnover', e, need(), loan({ eligibility: { maxShareOfTurnover: '0.25' } }));
    expect(r).toEqual({
      criterion: 'share-of-turnover',
      outcome: 'passed',
      message: 'borrowing £100,000.00 would be 25% of turnover £400,000.00; product lends up to 25% of turnover (£100,000.00)',
    });
    // 20% cap = £80,000 < £100,000 → failed.
    expect(reasonFor('share-of-turnover', e, need(), loan({ eligibility: { maxShareOfTurnover: '0.2' } }))?.outcome).toBe('failed');
    // A need of £10,000 is raised to the £25,000 minimum: 25,000 / 400,000 = 6.25% > 5% → failed.
    expect(reasonFor('share-of-turnover', e, need({ amount: 1_000_000 }), loan({ eligibility: { maxShareOfTurnover: '0.05' } }))?.outcome).toBe('failed');
    // options.amount (e.g. a sized limit) overrides: £20,000 = 5% → passed.
    expect(reasonFor('share-of-turnover', e, need(), loan({ eligibility: { maxShareOfTurnover: '0.05' } }), { amount: 2_000_000 })?.outcome).toBe('passed');
    expect(reasonFor('share-of-turnover', bare, need(), loan({ eligibility: { maxShareOfTurnover: '0.25' } }))?.outcome).toBe('unknown');
  });

  it('max share of contract value', () => {
    // £100,000 of £400,000 contract value = 25%.
    expect(reasonFor('share-of-contract-value', e, need(), loan({ eligibility: { maxShareOfContractValue: '0.25' } }))?.outcome).toBe('passed');
    const r = reasonFor('share-of-contract-value', e, need(), loan({ eligibility: { maxShareOfContractValue: '0.1' } }));
    expect(r?.outcome).toBe('failed');
    expect(r?.message).toBe('borrowing £100,000.00 would be 25% of contract value £400,000.00; product lends up to 10% of contract value (£40,000.00)');
  });

  it('security: none always passes; missing data is unknown; every required kind must be offered', () => {
    expect(reasonFor('security', bare, need(), loan())).toEqual({ criterion: 'security', outcome: 'passed', message: 'product asks for no security' });
    expect(reasonFor('security', e, need(), loan({ securityRequired: ['debenture'] }))?.outcome).toBe('passed');
    expect(reasonFor('security', e, need(), loan({ securityRequired: ['debenture', 'charge-on-property'] }))?.outcome).toBe('failed');
    expect(reasonFor('security', bare, need(), loan({ securityRequired: ['debenture'] }))?.outcome).toBe('unknown');
  });

  it('amount range: never fails; a need above the maximum is partial cover, below the minimum is reported', () => {
    const p = loan({ minAmount: '25000.00', maxAmount: '50000.00' });
    const above = reasonFor('amount', e, need(), p);
    expect(above).toEqual({ criterion: 'amount', outcome: 'passed', message: "need £100,000.00 is above the product's maximum £50,000.00: it can cover part of it" });
    const below = reasonFor('amount', e, need({ amount: 1_000_000 }), p);
    expect(below?.outcome).toBe('passed');
    expect(below?.message).toContain('below the product');
    expect(reasonFor('amount', e, need({ amount: 0 }), p)?.message).toContain('no funding need');
  });

  it('eligible means no failed reason; unknowns do not exclude', () => {
    const p = loan({ eligibility: { minMonthsTrading: 12, regions: ['Wales'] } });
    expect(checkEligibility(bare, need(), p).eligible).toBe(true); // both unknown
    expect(checkEligibility(e, need(), p).eligible).toBe(false); // region fails
  });

  it('a platform can add its own rule', () => {
    const noCharityBank: EligibilityRule = ({ product }) => (product.investorId === 'inv' ? { criterion: 'platform', outcome: 'failed', message: 'investor paused' } : null);
    const result = checkEligibility(e, need(), loan(), { rules: [...DEFAULT_ELIGIBILITY_RULES, noCharityBank] });
    expect(result.eligible).toBe(false);
    expect(result.reasons.at(-1)).toEqual({ criterion: 'platform', outcome: 'failed', message: 'investor paused' });
  });

  it('never mutates its arguments (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (amount) => {
        const n = need({ amount });
        const p = loan({ eligibility: { maxShareOfTurnover: '0.3' } });
        const before = JSON.stringify([e, n, p]);
        checkEligibility(e, n, p);
        return JSON.stringify([e, n, p]) === before;
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
