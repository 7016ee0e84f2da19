import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/calendar/index.js';
import {
  DEFAULT_REFERENCE_RATES,
  DEFAULT_REFERENCE_RATES_CHECKED_THROUGH,
  parseReferenceRateTable,
  referenceRateFor,
} from '../../src/commissioning/index.js';
import { inputErrorOf } from '../helpers/errors.js';


describe('DEFAULT_REFERENCE_RATES', () => {
  it('passes its own schema (sorted, unique dates, rates 0..1)', () => {
    expect(() => parseReferenceRateTable(DEFAULT_REFERENCE_RATES)).not.toThrow();
  });

  it('starts at 5.5% from 2007-12-06 and ends at the last change it claims to include', () => {
    expect(DEFAULT_REFERENCE_RATES[0]).toEqual({ effective: '2007-12-06', rate: '0.055' });
    expect(DEFAULT_REFERENCE_RATES.at(-1)).toEqual({ effective: '2025-12-18', rate: '0.0375' });
    expect(DEFAULT_REFERENCE_RATES_CHECKED_THROUGH >= DEFAULT_REFERENCE_RATES.at(-1)!.effective).toBe(true);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(DEFAULT_REFERENCE_RATES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_REFERENCE_RATES[0])).toBe(true);
  });
});

describe('referenceRateFor', () => {
  // External reference: payontime.co.uk's table of reference periods gives
  // "1st January - 30th June 2024: reference rate 5.25%, interest rate 13.25%".
  it('uses Bank Rate on 31 December 2023 (5.25%, set 2023-08-03) for January–June 2024', () => {
    expect(referenceRateFor('2024-01-01')).toEqual({
      date: '2024-01-01',
      fixedOn: '2023-12-31',
      rate: '0.0525',
      effective: '2023-08-03',
    });
    expect(referenceRateFor('2024-06-30').fixedOn).toBe('2023-12-31');
  });

  it('switches to Bank Rate on 30 June for July–December', () => {
    // 30 June 2024: the 5.25% of 2023-08-03 was still in force (the cut to 5% came on 2024-08-01).
    expect(referenceRateFor('2024-07-01')).toMatchObject({ fixedOn: '2024-06-30', rate: '0.0525' });
    // 31 December 2024: 4.75% from 2024-11-07.
    expect(referenceRateFor('2025-01-01')).toMatchObject({ fixedOn: '2024-12-31', rate: '0.0475', effective: '2024-11-07' });
    // 30 June 2025: 4.25% from 2025-05-08.
    expect(referenceRateFor('2025-12-31')).toMatchObject({ fixedOn: '2025-06-30', rate: '0.0425', effective: '2025-05-08' });
    // 31 December 2025: 3.75% from 2025-12-18.
    expect(referenceRateFor('2026-03-01')).toMatchObject({ fixedOn: '2025-12-31', rate: '0.0375' });
  });

  // External reference: debtcollectionservice.uk quotes a statutory rate of 11.5% p.a., i.e. a 3.5%
  // reference rate: Bank Rate on 31 December 2022 (3.5% from 2022-12-15), for January–June 2023.
  it('gives 3.5% for January–June 2023 and 5% for July–December 2023', () => {
    expect(referenceRateFor('2023-03-15').rate).toBe('0.035');
    // 5% took effect 2023-06-22, so it was in force on 30 June 2023.
    expect(referenceRateFor('2023-09-01').rate).toBe('0.05');
  });

  it('counts a change that takes effect on the reference date itself', () => {
    const table = [
      { effective: '2020-01-01', rate: '0.01' },
      { effective: '2020-06-30', rate: '0.02' },
    ];
    expect(referenceRateFor('2020-07-01', table)).toMatchObject({ fixedOn: '2020-06-30', rate: '0.02', effective: '2020-06-30' });
  });

  it('says clearly when the table does not reach back to the reference date', () => {
    // 2008-01-01 needs Bank Rate on 2007-12-31: the first row (2007-12-06) covers it.
    expect(referenceRateFor('2008-01-01').rate).toBe('0.055');
    // 2007-12-31 needs Bank Rate on 2007-06-30: before the table starts.
    const error = inputErrorOf(() => referenceRateFor('2007-12-31'));
    expect(error.problems[0]!.path).toBe('referenceRates');
    expect(error.message).toContain('no Bank Rate in force on 2007-06-30');
  });

  it('rejects a date that does not exist, naming the field', () => {
    const error = inputErrorOf(() => referenceRateFor('2026-02-30'));
    expect(error.problems).toEqual([{ path: 'date', message: '2026-02-30 is not a real date' }]);
  });
});

describe('parseReferenceRateTable', () => {
  it('accepts a valid caller table unchanged', () => {
    const table = [
      { effective: '2026-03-19', rate: '0.035' },
      { effective: '2026-05-07', rate: '0.0325' },
    ];
    expect(parseReferenceRateTable(table)).toEqual(table);
  });

  it('rejects an empty table', () => {
    expect(inputErrorOf(() => parseReferenceRateTable([])).problems).toEqual([
      { path: 'referenceRates', message: 'must list at least one rate' },
    ]);
  });

  it('names the row that is out of order or repeated', () => {
    const unsorted = inputErrorOf(() =>
      parseReferenceRateTable([
        { effective: '2022-02-03', rate: '0.005' },
        { effective: '2021-12-16', rate: '0.0025' },
      ]),
    );
    expect(unsorted.problems[0]!.path).toBe('referenceRates[1].effective');
    expect(unsorted.problems[0]!.message).toContain('must be after row 0 (2022-02-03)');

    const repeated = inputErrorOf(() =>
      parseReferenceRateTable([
        { effective: '2022-02-03', rate: '0.005' },
        { effective: '2022-02-03', rate: '0.0075' },
      ]),
    );
    expect(repeated.problems[0]!.path).toBe('referenceRates[1].effective');
    expect(repeated.problems[0]!.message).toContain('repeats the date of row 0');
  });

  it('rejects rates outside 0..1 or not written as a decimal fraction, naming the row', () => {
    for (const rate of ['1.5', '5.25', '-0.01', '5%', '', '0.1234567890123']) {
      const error = inputErrorOf(() => parseReferenceRateTable([{ effective: '2024-08-01', rate }]));
      expect(error.problems[0]!.path).toBe('referenceRates[0].rate');
    }
    for (const rate of ['0', '1', '1.0', '0.0525']) {
      expect(() => parseReferenceRateTable([{ effective: '2024-08-01', rate }])).not.toThrow();
    }
  });

  it('rejects a bad or missing date, and a number where a string is required', () => {
    const error = inputErrorOf(() =>
      parseReferenceRateTable([
        { effective: '2024-02-30', rate: '0.05' },
        { rate: '0.05' },
        { effective: '2024-03-01', rate: 0.05 },
      ]),
    );
    expect(error.problems.map((p) => p.path)).toEqual([
      'referenceRates[0].effective',
      'referenceRates[1].effective',
      'referenceRates[2].rate',
    ]);
    expect(error.problems[0]!.message).toBe('2024-02-30 is not a real date');
    expect(error.problems[1]!.message).toBe('is required');
  });
});

describe('bounded input', () => {
  it('accepts at most 10,000 rate changes and names the rule beyond', () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => ({ effective: formatDay(parseDay('1900-01-01') + i), rate: '0.05' }));
    expect(() => parseReferenceRateTable(rows)).toThrow(/must list at most 10000 rate changes/);
  });
});
