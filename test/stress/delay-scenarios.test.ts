import { describe, expect, it } from 'vitest';
import { BridgefitInputError } from '../../src/money/errors.js';
import { delayScenarios, DEFAULT_STRESS_CASES, stressForecast } from '../../src/stress/delay-scenarios.js';
import { stressTable } from '../../src/report/stress-table.js';
import { forecastCash } from '../../src/forecast/ledger.js';
import { buildScenario, commissionerInput, contractInput, monthlyCost } from '../helpers/scenario-builder.js';
import { productOf } from '../finance/fixtures.js';

/*
 * The hand-calculated scenario: opening cash £0, buffer £0; one contract of £12,000 a month,
 * January–December 2026, invoiced on the last day of each month, paid on 30-day terms on time;
 * payroll £11,000 on the 25th. Invoice k (month k) is paid 30 days after month-end: Jan → 2 Mar,
 * Feb → 30 Mar, Mar → 30 Apr, …, Nov → 30 Dec; December's is paid in 2027.
 *
 * Base: by 25 Feb two payrolls and no receipt: −£22,000, the peak. After receipt k, k + 1 payrolls
 * have gone: 12,000k − 11,000(k + 1) = 1,000k − 11,000, and the next payroll takes it to
 * 1,000k − 22,000 > −£22,000. After receipt 11 (30 Dec) cash is £0: not short. So short every day
 * from 25 Jan to 29 Dec: 7 (Jan) + 303 (Feb–Nov) + 29 (Dec) = 339 days.
 *
 * +30 days: receipt k lands after payroll k + 2: by 25 Mar three payrolls, −£33,000, the peak
 * (+£11,000). Receipts from 1 Apr; after receipt 10 (30 Dec) cash is −£12,000 to 31 Dec: short
 * 25 Jan … 31 Dec, 341 days.
 */
function handScenario(value?: { kind: 'total'; amount: string }) {
  return buildScenario({ contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)], ...(value ? { value } : {}) })] });
}

/** A revolving facility with no interest or fees: the limit is the peak rounded up to £1,000. */
const freeFacility = productOf('revolving-facility', { annualRate: '0' });

describe('delayScenarios', () => {
  it('gives the hand-calculated base and +30 rows, and +60/+90 by default', () => {
    const rows = delayScenarios(handScenario());
    expect(rows.map((r) => r.label)).toEqual(['Base', '+30 days (all commissioners)', '+60 days (all commissioners)', '+90 days (all commissioners)']);
    expect(rows[0]).toMatchObject({ case: null, peakNeed: 2_200_000, change: 0, peakDate: '2026-02-25', firstDayShort: '2026-01-25', lastDayShort: '2026-12-29', daysShort: 339, facility: null });
    expect(rows[1]).toMatchObject({ case: { kind: 'delay', days: 30 }, peakNeed: 3_300_000, change: 1_100_000, peakDate: '2026-03-25', firstDayShort: '2026-01-25', lastDayShort: '2026-12-31', daysShort: 341 });
    // +60: four payrolls (25 Jan … 25 Apr) before the first receipt (1 May): −£44,000.
    expect(rows[2]!.peakNeed).toBe(4_400_000);
    expect(rows[3]!.peakNeed).toBe(5_500_000);
    expect(DEFAULT_STRESS_CASES.map((c) => (c as { days: number }).days)).toEqual([30, 60, 90]);
  });

  it('sizes a product for every row', () => {
    const rows = delayScenarios(handScenario(), [{ kind: 'delay', days: 30 }], { product: freeFacility });
    // No interest or fees: the smallest £1,000 multiple at or above the peak; 12 months from 1 Jan spans 29 Dec.
    expect(rows[0]!.facility).toEqual({ productId: 'p1', covered: true, needed: true, limit: 2_200_000, termMonths: 12, totalCost: 0 });
    expect(rows[1]!.facility).toMatchObject({ covered: true, limit: 3_300_000, totalCost: 0 });
  });

  it('applies a delay only to the named commissioner', () => {
    const scenario = buildScenario({
      commissioners: [commissionerInput(), commissionerInput({ id: 'trust', name: 'Trust', kind: 'nhs-body' })],
      contracts: [contractInput({ deliveryCosts: [monthlyCost('11000.00', 25)] }), contractInput({ id: 'other', commissionerId: 'trust', value: { kind: 'periodic', amount: '1000.00', per: 'month' } })],
    });
    const [, trustLate, councilLate] = delayScenarios(scenario, [{ kind: 'delay', days: 30, commissionerId: 'trust' }], {}).concat(delayScenarios(scenario, [{ kind: 'delay', days: 30 }], { commissionerId: 'council' })[1]!);
    expect(trustLate!.label).toBe('+30 days (trust)');
    expect(councilLate!.label).toBe('+30 days (council)');
    // Trust's £1,000 a month arrives a month later: by 25 Feb nothing of it had arrived anyway, so the
    // peak (25 Feb, −£22,000) is unchanged. With only the council late, 25 Mar is the hand case's
    // −£33,000 plus trust's January £1,000, paid on time on 2 Mar: −£32,000.
    expect(trustLate!.peakNeed).toBe(2_200_000);
    expect(councilLate!.peakNeed).toBe(3_200_000);
  });

  it('ends a contract early: invoices and payroll stop, as worked by hand', () => {
    // Ends 30 June: six invoices (paid 2 Mar … 30 Jul) and six payrolls. After the 30 Jun receipt,
    // 5 · 12,000 − 6 · 11,000 = −£6,000; after 30 Jul +£6,000. Short 25 Jan … 29 Jul:
    // 7 + 28 + 31 + 30 + 31 + 30 + 29 = 186 days; the peak (25 Feb) is unchanged.
    const [, row] = delayScenarios(handScenario(), [{ kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-06-30' }]);
    expect(row).toMatchObject({ label: 'contract ends 2026-06-30', peakNeed: 2_200_000, change: 0, lastDayShort: '2026-07-29', daysShort: 186 });
  });

  it('cuts a contract total in proportion to the service left', () => {
    // £144,000 for the year, ended after six full months: £72,000, i.e. the same £12,000 invoices.
    const periodic = stressForecast(handScenario(), { kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-06-30' });
    const total = stressForecast(handScenario({ kind: 'total', amount: '144000.00' }), { kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-06-30' });
    expect(total.invoices.map((i) => i.amount)).toEqual(new Array(6).fill(1_200_000));
    expect(total.closing).toEqual(periodic.closing);
  });

  it('withholds a payment', () => {
    // January's £12,000 never arrives: from 2 Mar every balance is £12,000 lower than the base.
    // 25 Mar: base −£21,000 → −£33,000, the peak; 30 Dec: 0 → −£12,000, short to 31 Dec (341 days).
    const [base, row] = delayScenarios(handScenario(), [{ kind: 'payment-withheld', invoiceId: 'contract#1' }]);
    expect(row).toMatchObject({ label: 'contract#1 withheld', peakNeed: 3_300_000, change: 1_100_000, peakDate: '2026-03-25', lastDayShort: '2026-12-31', daysShort: 341 });
    expect(base!.peakNeed).toBe(2_200_000);
    const forecast = stressForecast(handScenario(), { kind: 'payment-withheld', invoiceId: 'contract#1' });
    expect(forecast.receipts.map((r) => r.invoiceId)).not.toContain('contract#1');
    expect(forecast.invoices.map((i) => i.id)).toContain('contract#1');
  });

  it('rebuilds the forecast exactly when nothing is withheld or moved', () => {
    const scenario = handScenario();
    expect(stressForecast(scenario, { kind: 'delay', days: 0 })).toEqual(forecastCash(scenario));
  });

  it('names every unknown id', () => {
    let error: unknown;
    try {
      delayScenarios(handScenario(), [
        { kind: 'contract-ends-early', contractId: 'nope', endsOn: '2026-06-30' },
        { kind: 'payment-withheld', invoiceId: 'contract#99' },
        { kind: 'delay', days: 30, commissionerId: 'ghost' },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BridgefitInputError);
    const problems = (error as BridgefitInputError).problems;
    expect(problems.map((p) => p.path)).toEqual(['cases[0].contractId', 'cases[1].invoiceId', 'cases[2].commissionerId']);
    expect(problems[0]!.message).toContain('"nope"');
    expect(problems[1]!.message).toContain('"contract#99"');
    expect(problems[2]!.message).toContain('"ghost"');
    expect(() => delayScenarios(handScenario(), undefined, { commissionerId: 'ghost' })).toThrow(/options.commissionerId/);
  });

  it('rejects cases that break their schema, naming the field', () => {
    const check = (cases: unknown[], path: string) => {
      try {
        delayScenarios(handScenario(), cases);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(BridgefitInputError);
        expect((e as BridgefitInputError).problems.map((p) => p.path)).toContain(path);
      }
    };
    check([{ kind: 'delay', days: -5 }], 'cases[0].days');
    check([{ kind: 'delay', days: 30 }, { kind: 'delay', days: 1.5 }], 'cases[1].days');
    check([{ kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-02-30' }], 'cases[0].endsOn');
    check([{ kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-12-31' }], 'cases[0].endsOn'); // not before the end
    check([{ kind: 'late', days: 30 }], 'cases[0].kind');
    check([{ kind: 'delay', days: 30, extra: true }], 'cases[0]');
  });

  it('does not change the scenario', () => {
    const scenario = handScenario();
    const before = structuredClone(scenario);
    delayScenarios(scenario, [{ kind: 'contract-ends-early', contractId: 'contract', endsOn: '2026-06-30' }, { kind: 'payment-withheld', invoiceId: 'contract#2' }]);
    expect(scenario).toEqual(before);
  });
});

describe('stressTable', () => {
  it('prints the rows, with facility columns when a product was sized', () => {
    const table = stressTable(delayScenarios(handScenario(), [{ kind: 'delay', days: 30 }], { product: freeFacility }));
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^Case\s+Peak need\s+Change\s+First short\s+Last short\s+Days short\s+Facility\s+Covered\s+Total cost$/);
    expect(lines[2]).toMatch(/^Base\s+£22,000.00\s+£0.00\s+2026-01-25\s+2026-12-29\s+339\s+£22,000.00\s+yes\s+£0.00$/);
    expect(lines[3]).toMatch(/^\+30 days \(all commissioners\)\s+£33,000.00\s+\+£11,000.00\s+2026-01-25\s+2026-12-31\s+341\s+£33,000.00\s+yes\s+£0.00$/);
  });

  it('leaves the facility columns out when no product was sized', () => {
    expect(stressTable(delayScenarios(handScenario())).split('\n')[0]).not.toContain('Facility');
  });
});
