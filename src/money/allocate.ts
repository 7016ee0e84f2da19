import { inputError } from './errors.js';
import { assertMinor, type Minor } from './amount.js';

/**
 * Splits a total into parts proportional to whole-number weights, without losing or inventing
 * a penny. Each part gets the floor of its exact share; the pennies left over go one each to the
 * parts with the largest remainders, earliest first on ties (so the split is deterministic).
 *
 * @param total - amount in minor units (may be negative)
 * @param weights - non-negative safe integers, at least one positive (e.g. days in each period)
 * @returns parts that sum exactly to `total`
 * @throws BridgefitInputError when weights are empty, negative or all zero
 * @example
 * ```ts
 * allocate(10000, [1, 1, 1]);   // [3334, 3333, 3333]
 * allocate(10000, [31, 28, 31]); // [3445, 3111, 3444]
 * ```
 */
export function allocate(total: Minor, weights: readonly number[]): Minor[] {
  assertMinor(total, 'total');
  if (weights.length === 0) inputError('weights', 'must not be empty');
  let sum = 0n;
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) inputError('weights', `must be whole numbers ≥ 0 (got ${w})`);
    sum += BigInt(w);
  }
  if (sum === 0n) inputError('weights', 'must not all be zero');
  const sign = total < 0 ? -1n : 1n;
  const abs = BigInt(Math.abs(total));
  const parts: bigint[] = [];
  const remainders: { index: number; rem: bigint }[] = [];
  let given = 0n;
  weights.forEach((w, index) => {
    const exact = abs * BigInt(w);
    const part = exact / sum;
    parts.push(part);
    remainders.push({ index, rem: exact % sum });
    given += part;
  });
  remainders.sort((a, b) => (a.rem === b.rem ? a.index - b.index : a.rem > b.rem ? -1 : 1));
  for (let i = 0; given < abs; i++, given++) {
    const slot = remainders[i % remainders.length]!.index;
    parts[slot] = parts[slot]! + 1n;
  }
  return parts.map((p) => Number(p * sign));
}
