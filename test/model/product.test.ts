import { describe, expect, it } from 'vitest';
import { BridgefitInputError } from '../../src/money/index.js';
import { PRODUCT_KINDS, parseProduct, safeParseProduct } from '../../src/model/index.js';

const loan = {
  kind: 'bridging-loan',
  id: 'bridge-1',
  investorId: 'social-fund',
  name: 'Contract bridge',
  minAmount: '25000.00',
  maxAmount: '250000.00',
  minTermMonths: 3,
  maxTermMonths: 24,
  pricing: { annualRate: '0.08' },
  daysToFunds: 21,
  drawdown: 'single',
  interestPayment: 'rolled-up',
  repayment: 'bullet',
};

function problems(input: unknown) {
  const result = safeParseProduct(input);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.problems;
}

describe('parseProduct', () => {
  it('fills defaults', () => {
    const p = parseProduct(loan);
    expect(p.currency).toBe('GBP');
    expect(p.pricing).toEqual({ annualRate: '0.08', dayCount: 'ACT/365F', arrangementFeeRate: '0', exitFeeRate: '0', otherFees: [] });
    expect(p.securityRequired).toEqual(['none']);
    expect(p.minAmount).toBe('25000.00');
  });

  it('parses each kind', () => {
    const base = { ...loan } as Record<string, unknown>;
    delete base.drawdown;
    delete base.interestPayment;
    delete base.repayment;
    const revolving = parseProduct({ ...base, kind: 'revolving-facility', commitmentFeeRate: '0.01', renewal: 'annual' });
    expect(revolving.kind).toBe('revolving-facility');
    const invoice = parseProduct({ ...base, kind: 'invoice-finance', advanceRate: '0.85', serviceFeeRate: '0.005' });
    expect(invoice.kind === 'invoice-finance' && invoice.concentrationLimit).toBe('1');
    const standby = parseProduct({ ...base, kind: 'standby-facility', trigger: { daysLateOver: 30 }, commitmentFeeRate: '0.005' });
    expect(standby.kind === 'standby-facility' && standby.trigger.daysLateOver).toBe(30);
    expect(PRODUCT_KINDS).toEqual(['bridging-loan', 'revolving-facility', 'invoice-finance', 'standby-facility']);
  });

  it('rejects a rate above 100% with a clear message', () => {
    const [p] = problems({ ...loan, pricing: { annualRate: '8' } });
    expect(p?.path).toBe('pricing.annualRate');
    expect(p?.message).toMatch(/above 100%/);
    expect(() => parseProduct({ ...loan, pricing: { annualRate: '1.01' } })).toThrow(BridgefitInputError);
    expect(parseProduct({ ...loan, pricing: { annualRate: '1' } }).pricing.annualRate).toBe('1');
  });

  it('rejects negative fees and rates, naming the field', () => {
    expect(problems({ ...loan, pricing: { annualRate: '0.08', arrangementFeeRate: '-0.01' } })).toEqual([{ path: 'pricing.arrangementFeeRate', message: 'must be ≥ 0 (got -0.01)' }]);
    expect(problems({ ...loan, pricing: { annualRate: '0.08', otherFees: [{ description: 'legal', amount: '-50.00', when: 'at-start' }] } })[0]?.path).toBe('pricing.otherFees[0].amount');
    expect(problems({ ...loan, pricing: { annualRate: '0.08', arrangementFeeMinimum: '-1' } })[0]?.path).toBe('pricing.arrangementFeeMinimum');
  });

  it('rejects max below min, naming the max field', () => {
    expect(problems({ ...loan, maxAmount: '10000.00' })).toEqual([{ path: 'maxAmount', message: 'must be ≥ minAmount (25000.00); got 10000.00' }]);
    expect(problems({ ...loan, maxTermMonths: 2 })).toEqual([{ path: 'maxTermMonths', message: 'must be ≥ minTermMonths (3); got 2' }]);
  });

  it('rejects terms outside 1–360 months, unknown kinds and unknown fields', () => {
    expect(problems({ ...loan, maxTermMonths: 361 })[0]?.path).toBe('maxTermMonths');
    expect(problems({ ...loan, minTermMonths: 0 })[0]?.path).toBe('minTermMonths');
    expect(problems({ ...loan, kind: 'mortgage' })[0]?.path).toBe('kind');
    expect(problems({ ...loan, colour: 'red' })[0]?.message).toMatch(/colour/);
    expect(problems({ ...loan, pricing: { annualRate: '0.08', dayCount: 'ACT/999' } })[0]?.path).toBe('pricing.dayCount');
  });
});
