import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocate, BridgefitInputError } from '../../src/money/index.js';

describe('allocate', () => {
  it('splits £100.00 three ways: the spare penny goes to the first part', () => {
    // 10000 / 3 = 3333.33…: floors 3333 × 3 = 9999, 1 penny left; all remainders tie, earliest wins.
    expect(allocate(10_000, [1, 1, 1])).toEqual([3334, 3333, 3333]);
  });

  it('splits by days in the month, the spare penny to the largest remainder', () => {
    // 10000 × 31/90 = 3444 r 40/90; 10000 × 28/90 = 3111 r 10/90; floors sum 9999.
    // Largest remainders tie (40) between parts 1 and 3: the earliest (part 1) takes the penny.
    expect(allocate(10_000, [31, 28, 31])).toEqual([3445, 3111, 3444]);
  });

  it('splits £100,000.00 over 12 equal months to the penny', () => {
    // 10,000,000 / 12 = 833,333.33…: floors 833,333 × 12 = 9,999,996, 4 pennies left → months 1–4.
    const parts = allocate(10_000_000, new Array<number>(12).fill(1));
    expect(parts).toEqual([833_334, 833_334, 833_334, 833_334, ...new Array<number>(8).fill(833_333)]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(10_000_000);
  });

  it('splits negative totals symmetrically (the spare penny goes the same way)', () => {
    expect(allocate(-10_000, [1, 1, 1])).toEqual([-3334, -3333, -3333]);
  });

  it('gives nothing to a zero weight', () => {
    // 101 × 1/2 = 50.5 each; floors 50 + 50 = 100, the spare penny to the first; the middle gets 0.
    expect(allocate(101, [1, 0, 1])).toEqual([51, 0, 50]);
  });

  it('rejects empty, negative, fractional or all-zero weights and fractional totals', () => {
    expect(() => allocate(100, [])).toThrow(BridgefitInputError);
    expect(() => allocate(100, [1, -1])).toThrow(/weights/);
    expect(() => allocate(100, [0.5, 1])).toThrow(/weights/);
    expect(() => allocate(100, [0, 0])).toThrow(/must not all be zero/);
    expect(() => allocate(1.5, [1])).toThrow(BridgefitInputError);
  });

  const totals = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
  const weights = fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 40 }).filter((ws) => ws.some((w) => w > 0));

  it('never loses or invents a penny, and each part is within a penny of its exact share (property)', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        // Exact sum in BigInt so the check cannot itself round.
        expect(parts.reduce((s, p) => s + BigInt(p), 0n)).toBe(BigInt(total));
        const sum = ws.reduce((s, w) => s + BigInt(w), 0n);
        ws.forEach((w, i) => {
          // |part − total·w/sum| < 1  ⇔  |part·sum − total·w| < sum
          const diff = BigInt(parts[i]!) * sum - BigInt(total) * BigInt(w);
          expect(diff < sum && diff > -sum).toBe(true);
          if (w === 0) expect(parts[i]).toBe(0);
        });
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is deterministic and does not mutate its weights (property)', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        const copy = [...ws];
        expect(allocate(total, ws)).toEqual(allocate(total, ws));
        expect(ws).toEqual(copy);
      }),
      { seed: 7, numRuns: 100 },
    );
  });
});
