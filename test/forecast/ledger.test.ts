import { describe, expect, it } from 'vitest';
import { cashOn, findGaps, forecastCash, fundingNeed } from '../../src/forecast/index.js';
import { BridgefitInputError } from '../../src/money/index.js';
import { buildScenario, contractInput, monthlyCost, oneOffLine, recurringLine } from '../helpers/scenario-builder.js';

/**
 * The hand-calculated case. Opening £10,000 on 1 Jan 2026, buffer £0. One contract, £12,000 a
 * month, 1 Jan – 30 Jun 2026, monthly in arrears, invoice lag 0, 30-day terms, paid on terms.
 * Payroll £11,000 on the 25th. Horizon 1 Jan – 30 Jun 2026.
 *
 * Invoices (issued on the month's last day, due 30 days later, paid then):
 *   Jan → 31 Jan + 30 = 2 Mar;  Feb → 28 Feb + 30 = 30 Mar;  Mar → 31 Mar + 30 = 30 Apr;
 *   Apr → 30 Apr + 30 = 30 May; May → 31 May + 30 = 30 Jun;  Jun → 30 Jun + 30 = 30 Jul (after the horizon).
 *
 * Cash, day by day (£):
 *   1 Jan  10,000
 *   25 Jan 10,000 − 11,000 = −1,000   ← first day short (gap 1 starts)
 *   25 Feb −1,000 − 11,000 = −12,000  ← the peak: £12,000 short
 *   2 Mar  −12,000 + 12,000 = 0       ← not short (0 is not below a £0 buffer): gap 1 is 25 Jan – 1 Mar
 *   25 Mar 0 − 11,000 = −11,000       ← gap 2
 *   30 Mar −11,000 + 12,000 = 1,000   ← gap 2 is 25–29 Mar (5 days), peak 11,000
 *   25 Apr 1,000 − 11,000 = −10,000; 30 Apr + 12,000 = 2,000 ← gap 3: 25–29 Apr, peak 10,000
 *   25 May 2,000 − 11,000 = −9,000;  30 May + 12,000 = 3,000  ← gap 4: 25–29 May, peak 9,000
 *   25 Jun 3,000 − 11,000 = −8,000;  30 Jun + 12,000 = 4,000  ← gap 5: 25–29 Jun, peak 8,000
 * Check: 10,000 + 5 × 12,000 − 6 × 11,000 = 4,000 on 30 June.
 *
 * Gap 1 lasts 7 (25–31 Jan) + 28 (Feb) + 1 (1 Mar) = 36 days; its shortfall-days are
 * 31 days × 1,000 (25 Jan – 24 Feb) + 5 days × 12,000 (25 Feb – 1 Mar) = 31,000 + 60,000 = £91,000·days.
 */
function handCase() {
  return buildScenario({
    enterprise: { openingCash: '10000.00' },
    contracts: [contractInput({ end: '2026-06-30', deliveryCosts: [monthlyCost('11000.00', 25)] })],
    horizon: { end: '2026-06-30' },
  });
}

const pounds = (p: number) => p * 100;

describe('forecastCash: the hand-calculated single contract', () => {
  const forecast = forecastCash(handCase());

  it('has one closing balance per day of the horizon and ends at £4,000', () => {
    // 31 + 28 + 31 + 30 + 31 + 30 = 181 days
    expect(forecast.closing).toHaveLength(181);
    expect(forecast.start).toBe('2026-01-01');
    expect(forecast.end).toBe('2026-06-30');
    expect(forecast.openingBalance).toBe(pounds(10_000));
    expect(forecast.closing.at(-1)).toBe(pounds(4_000));
  });

  it('finds the five gaps with their dates and peaks to the penny', () => {
    expect(findGaps(forecast)).toEqual([
      { start: '2026-01-25', end: '2026-03-01', days: 36, peakShortfall: pounds(12_000), peakDate: '2026-02-25', shortfallDays: pounds(91_000) },
      { start: '2026-03-25', end: '2026-03-29', days: 5, peakShortfall: pounds(11_000), peakDate: '2026-03-25', shortfallDays: pounds(55_000) },
      { start: '2026-04-25', end: '2026-04-29', days: 5, peakShortfall: pounds(10_000), peakDate: '2026-04-25', shortfallDays: pounds(50_000) },
      { start: '2026-05-25', end: '2026-05-29', days: 5, peakShortfall: pounds(9_000), peakDate: '2026-05-25', shortfallDays: pounds(45_000) },
      { start: '2026-06-25', end: '2026-06-29', days: 5, peakShortfall: pounds(8_000), peakDate: '2026-06-25', shortfallDays: pounds(40_000) },
    ]);
  });

  it('reports the funding need: £12,000 on 25 February, 56 days short', () => {
    const need = fundingNeed(forecast);
    expect(need.peak).toBe(pounds(12_000));
    expect(need.peakDate).toBe('2026-02-25');
    expect(need.firstDayShort).toBe('2026-01-25');
    expect(need.lastDayShort).toBe('2026-06-29');
    expect(need.daysShort).toBe(36 + 4 * 5);
    // Worst day in each month: Jan −1,000; Feb −12,000; Mar −12,000 (on 1 Mar); Apr −10,000; May −9,000; Jun −8,000.
    expect(need.monthlyPeaks).toEqual([
      { month: '2026-01', peakShortfall: pounds(1_000) },
      { month: '2026-02', peakShortfall: pounds(12_000) },
      { month: '2026-03', peakShortfall: pounds(12_000) },
      { month: '2026-04', peakShortfall: pounds(10_000) },
      { month: '2026-05', peakShortfall: pounds(9_000) },
      { month: '2026-06', peakShortfall: pounds(8_000) },
    ]);
  });

  it('with a £5,000 buffer the first gap starts earlier and the peak is £5,000 deeper', () => {
    // With a buffer of 5,000 the days between payrolls and receipts (cash 0, 1,000, … 4,000) are short too:
    // after 25 Jan cash never gets back to 5,000, so one gap from 25 Jan to the horizon's end (30 Jun).
    // Peak shortfall 5,000 − (−12,000) = 17,000.
    const need = fundingNeed(forecast, { buffer: pounds(5_000) });
    expect(need.peak).toBe(pounds(17_000));
    expect(need.gaps).toHaveLength(1);
    expect(need.gaps[0]).toMatchObject({ start: '2026-01-25', end: '2026-06-30' });
  });

  it('puts the June invoice’s receipt (30 July) in outsideHorizon, not in the ledger', () => {
    expect(forecast.outsideHorizon).toEqual([
      expect.objectContaining({ date: '2026-07-30', amount: pounds(12_000), kind: 'receipt', sourceId: 'contract', reference: 'contract#6' }),
    ]);
    expect(forecast.events.filter((e) => e.kind === 'receipt')).toHaveLength(5);
  });

  it('explains a day with cashOn: 2 March, when the January invoice is paid', () => {
    expect(cashOn(forecast, '2026-03-02')).toEqual({
      date: '2026-03-02',
      opening: -pounds(12_000),
      inflows: pounds(12_000),
      outflows: 0,
      closing: 0,
      events: [expect.objectContaining({ date: '2026-03-02', amount: pounds(12_000), kind: 'receipt', reference: 'contract#1' })],
    });
  });

  it('explains a day with cashOn: 25 February, the payroll that makes the peak', () => {
    const day = cashOn(forecast, '2026-02-25');
    expect(day).toMatchObject({ opening: -pounds(1_000), inflows: 0, outflows: pounds(11_000), closing: -pounds(12_000) });
    expect(day.events).toEqual([expect.objectContaining({ amount: -pounds(11_000), kind: 'delivery-cost', reference: 'Payroll' })]);
  });

  it('cashOn on the first day opens with the opening balance; a quiet day has no events', () => {
    expect(cashOn(forecast, '2026-01-01')).toEqual({ date: '2026-01-01', opening: pounds(10_000), inflows: 0, outflows: 0, closing: pounds(10_000), events: [] });
  });

  it('cashOn refuses a day outside the horizon, naming the field', () => {
    expect(() => cashOn(forecast, '2026-07-01')).toThrow(BridgefitInputError);
    expect(() => cashOn(forecast, '2025-12-31')).toThrow(/date: must be within the horizon 2026-01-01…2026-06-30/);
    expect(() => cashOn(forecast, '2026-02-30')).toThrow(/date: 2026-02-30 is not a real date/);
  });
});

describe('forecastCash: other hand-calculated cases', () => {
  it('billing in advance with invoice lag = payment terms leaves no gap when payroll is the only cost', () => {
    // Opening £0. Each month's £12,000 invoice is issued 30 days before the month and due (paid) on its 1st;
    // payroll £11,000 goes out on the 25th. Cash after the n-th payroll is n × £1,000 ≥ 0; on each 1st it is
    // (n − 1) × 1,000 + 12,000. Never below zero.
    const forecast = forecastCash(
      buildScenario({
        contracts: [contractInput({ end: '2026-06-30', billing: { timing: 'in-advance', invoiceLagDays: 30, paymentTermsDays: 30 }, deliveryCosts: [monthlyCost('11000.00', 25)] })],
        horizon: { end: '2026-06-30' },
      }),
    );
    expect(findGaps(forecast)).toEqual([]);
    const need = fundingNeed(forecast);
    expect(need.peak).toBe(0);
    expect(need.peakDate).toBeNull();
    expect(need.firstDayShort).toBeNull();
    expect(Math.min(...forecast.closing)).toBe(pounds(1_000)); // after January's payroll: 12,000 − 11,000
    expect(forecast.closing.at(-1)).toBe(pounds(6_000)); // 6 × 12,000 − 6 × 11,000
    expect(forecast.receipts.map((r) => r.date)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
  });

  it('a commissioner 45 days late deepens and lengthens the gap', () => {
    // Same as the hand case but every receipt 45 days later: Jan's 2 Mar + 45 = 16 Apr, Feb's 30 Mar + 45 = 14 May,
    // Mar's 30 Apr + 45 = 14 Jun, Apr's 30 May + 45 = 14 Jul (after the horizon).
    // Cash: 25 Jan −1,000; 25 Feb −12,000; 25 Mar −23,000; 16 Apr −11,000; 25 Apr −22,000; 14 May −10,000;
    // 25 May −21,000; 14 Jun −9,000; 25 Jun −20,000. The peak is £23,000 on 25 March.
    const scenario = buildScenario({
      enterprise: { openingCash: '10000.00' },
      commissioners: [{ id: 'council', name: 'Council', kind: 'local-authority', paymentBehaviour: { kind: 'terms-plus-late', typicalDaysLate: 45 } }],
      contracts: [contractInput({ end: '2026-06-30', deliveryCosts: [monthlyCost('11000.00', 25)] })],
      horizon: { end: '2026-06-30' },
    });
    const need = fundingNeed(forecastCash(scenario));
    expect(need.peak).toBe(pounds(23_000));
    expect(need.peakDate).toBe('2026-03-25');
    // The same shift given as a stress option gives the same answer.
    expect(fundingNeed(forecastCash(handCase(), { extraDaysToPay: 45 })).peak).toBe(pounds(23_000));
    // A stress aimed at another commissioner changes nothing.
    expect(fundingNeed(forecastCash(handCase(), { extraDaysToPay: 45, commissionerId: 'someone-else' })).peak).toBe(pounds(12_000));
  });

  it('movements outside the horizon land in outsideHorizon, in date order, and are not counted', () => {
    // Horizon 1 Jan – 31 Mar. Inside: Jan's receipt on 2 Mar and Feb's on 30 Mar (+24,000).
    // Outside: mobilisation £5,000 on 15 Dec 2025 (before the opening date), March's receipt on 30 Apr,
    // a one-off grant on 1 Jun.
    const forecast = forecastCash(
      buildScenario({
        contracts: [contractInput({ end: '2026-03-31', mobilisationCosts: [{ date: '2025-12-15', amount: '5000.00', description: 'Recruitment' }] })],
        cashLines: [oneOffLine('grant', 'inflow', '1000.00', '2026-06-01')],
        horizon: { end: '2026-03-31' },
      }),
    );
    expect(forecast.outsideHorizon.map((e) => [e.date, e.kind, e.amount])).toEqual([
      ['2025-12-15', 'mobilisation-cost', -pounds(5_000)],
      ['2026-04-30', 'receipt', pounds(12_000)],
      ['2026-06-01', 'cash-line', pounds(1_000)],
    ]);
    expect(forecast.events.map((e) => [e.date, e.amount])).toEqual([
      ['2026-03-02', pounds(12_000)],
      ['2026-03-30', pounds(12_000)],
    ]);
    expect(forecast.closing.at(-1)).toBe(pounds(24_000)); // 0 + 12,000 + 12,000
  });

  it('a recurring line whose own end is after the horizon reports the rest in one outsideHorizon entry', () => {
    // Rent £600 monthly from 31 Jan to 31 Dec 2026; horizon ends 31 Mar.
    // Inside: 31 Jan, 28 Feb, 31 Mar. After: 30 Apr … 31 Dec = 9 payments, 9 × £600 = £5,400,
    // reported once, dated at the first of them (30 Apr).
    const forecast = forecastCash(
      buildScenario({
        cashLines: [recurringLine('rent', 'outflow', '600.00', 'monthly', '2026-01-31', '2026-12-31')],
        horizon: { end: '2026-03-31' },
      }),
    );
    expect(forecast.events.filter((e) => e.sourceId === 'rent').map((e) => e.date)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(forecast.outsideHorizon.filter((e) => e.sourceId === 'rent').map((e) => [e.date, e.amount, e.description])).toEqual([
      ['2026-04-30', -pounds(5_400), 'rent: 9 occurrences after the horizon, to 2026-12-31'],
    ]);
  });

  it('cash lines: a one-off inflow and a month-end rent move the ledger on the right days', () => {
    // Opening £1,000. Rent £600 monthly from 31 Jan (31 Jan, 28 Feb, 31 Mar), grant £500 on 10 Feb.
    // 31 Jan: 400; 10 Feb: 900; 28 Feb: 300; 31 Mar: −300 → short on 31 Mar only, by £300.
    const forecast = forecastCash(
      buildScenario({
        enterprise: { openingCash: '1000.00' },
        cashLines: [recurringLine('rent', 'outflow', '600.00', 'monthly', '2026-01-31'), oneOffLine('grant', 'inflow', '500.00', '2026-02-10')],
        horizon: { end: '2026-03-31' },
      }),
    );
    expect(forecast.events.map((e) => [e.date, e.sourceId, e.amount])).toEqual([
      ['2026-01-31', 'rent', -60_000],
      ['2026-02-10', 'grant', 50_000],
      ['2026-02-28', 'rent', -60_000],
      ['2026-03-31', 'rent', -60_000],
    ]);
    expect(findGaps(forecast)).toEqual([{ start: '2026-03-31', end: '2026-03-31', days: 1, peakShortfall: 30_000, peakDate: '2026-03-31', shortfallDays: 30_000 }]);
  });

  it('does not mutate the scenario', () => {
    const scenario = handCase();
    const before = structuredClone(scenario);
    forecastCash(scenario, { extraDaysToPay: 10 });
    expect(scenario).toEqual(before);
  });

  it('returns plain JSON: serialising and parsing gives the same object', () => {
    const forecast = forecastCash(handCase());
    expect(JSON.parse(JSON.stringify(forecast))).toEqual(forecast);
  });
});
