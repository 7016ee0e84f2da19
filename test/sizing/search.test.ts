import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallestCovering } from '../../src/sizing/search.js';

describe('smallestCovering', () => {
  it('finds the threshold of a monotone test from any start', () => {
    for (const start of [0, 1, 10, 41, 42, 43, 99, 500]) {
      expect(smallestCovering(100, start, (i) => i >= 42)).toBe(42);
    }
    expect(smallestCovering(100, 50, () => true)).toBe(0);
    expect(smallestCovering(100, 50, () => false)).toBeNull();
    expect(smallestCovering(1, 0, () => true)).toBe(0);
    expect(smallestCovering(0, 0, () => true)).toBeNull();
  });

  it('evaluates each index at most once and only O(log n) of them', () => {
    const seen: number[] = [];
    const answer = smallestCovering(1_000_000, 3, (i) => {
      seen.push(i);
      return i >= 777_777;
    });
    expect(answer).toBe(777_777);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeLessThan(60); // ~2·log2(10⁶) ≈ 40
  });

  it('steps down when monotonicity fails just below the binary-search answer', () => {
    // covers: i ≥ 40, except 41 does not (a local dip). Start at 41: it fails, so the search goes
    // up to 42 and stops; verification finds 41 fails. Start at 45: bracket (44 ok, 43 ok, 41 fails)
    // → binary search gives 42; 41 fails → 42. Either way the answer covers and answer − 1 does not.
    const covers = (i: number) => i >= 40 && i !== 41;
    for (const start of [0, 41, 45, 90]) {
      const a = smallestCovering(100, start, covers)!;
      expect(covers(a)).toBe(true);
      expect(covers(a - 1)).toBe(false);
    }
  });

  it('the answer always covers and the index below never does (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 5000 }), (count, threshold, start) => {
        const a = smallestCovering(count, start, (i) => i >= threshold);
        if (threshold >= count) expect(a).toBeNull();
        else expect(a).toBe(threshold);
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
