/**
 * The smallest index `i` in `[0, count)` for which `covers(i)` is true, assuming `covers` is
 * (nearly) monotone: false below some index, true from it on.
 *
 * Exponential search from `start` (a lower bound worth trying first, e.g. the candidate nearest
 * the peak shortfall), outward in doubling steps until the answer is bracketed, then binary
 * search. Going up from a failing index `i`, the next probe is `max(i + stride, hint(i))`: a
 * `hint` (e.g. "the limit plus the shortfall it left") lets the search jump close to the answer,
 * while the doubling stride keeps the worst case at O(log count) evaluations. Finally the answer is **verified**: `covers(answer − 1)` must be false; if it is true
 * (monotonicity failed locally, e.g. through rounding of limit-proportional fees), the search
 * steps down one candidate at a time until it finds one that does not cover. So whenever an
 * answer is returned, it covers and the candidate just below it does not.
 *
 * Each index is evaluated at most once (results are cached).
 *
 * @param count - number of candidates (≥ 0)
 * @param start - first index to try, clamped to `[0, count)`
 * @param covers - the test; called with indices in `[0, count)`
 * @param hint - optional: after `covers(i)` is false, a smallest index that might cover
 * @returns the smallest covering index found, or `null` when even `count − 1` does not cover
 * @example
 * ```ts
 * smallestCovering(100, 10, (i) => i >= 42); // 42
 * smallestCovering(100, 10, () => false);    // null
 * ```
 */
export function smallestCovering(count: number, start: number, covers: (index: number) => boolean, hint?: (failedIndex: number) => number): number | null {
  if (count <= 0) return null;
  const cache = new Map<number, boolean>();
  const test = (i: number): boolean => {
    let result = cache.get(i);
    if (result === undefined) {
      result = covers(i);
      cache.set(i, result);
    }
    return result;
  };
  const first = Math.min(Math.max(0, Math.floor(start)), count - 1);
  // Invariant after bracketing: lo does not cover (or is −1), hi covers.
  let lo: number;
  let hi: number;
  if (test(first)) {
    hi = first;
    lo = -1;
    for (let stride = 1; hi - stride >= 0; stride *= 2) {
      const probe = hi - stride;
      if (test(probe)) hi = probe;
      else {
        lo = probe;
        break;
      }
    }
    if (lo === -1 && hi > 0) {
      // Ran out of strides before index 0: test it.
      if (test(0)) hi = 0;
      else lo = 0;
    }
  } else {
    lo = first;
    hi = -1;
    for (let stride = 1; ; stride *= 2) {
      const hinted = hint ? Math.floor(hint(lo)) : 0;
      const probe = Math.min(Math.max(lo + stride, Number.isFinite(hinted) ? hinted : 0), count - 1);
      if (test(probe)) {
        hi = probe;
        break;
      }
      lo = probe;
      if (probe === count - 1) return null;
    }
  }
  // A good hint often lands exactly on the answer: try the index just below before bisecting.
  if (hi - lo > 1 && !test(hi - 1)) lo = hi - 1;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (test(mid)) hi = mid;
    else lo = mid;
  }
  // Verify exactness: the candidate below must not cover; step down while it does.
  while (hi > 0 && test(hi - 1)) hi--;
  return hi;
}
