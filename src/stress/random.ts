import { inputError } from '../money/errors.js';

/**
 * A seeded source of uniform random numbers. The only randomness bridgefit uses: the same seed
 * always gives the same sequence, on any machine.
 *
 * A source is stateful (each call advances it), so give each simulation path its own source from
 * {@link splitRandom} rather than sharing one across paths or workers.
 */
export interface RandomSource {
  /** The next uniform unsigned 32-bit integer, 0 ≤ n ≤ 4294967295. */
  nextUint32(): number;
  /** The next uniform number in [0, 1) with 32 random bits: `nextUint32() / 2³²`. */
  nextFloat(): number;
}

/** The largest seed and stream index accepted: 2³² − 1. */
export const MAX_SEED = 0xffffffff;

const TWO_POW_MINUS_32 = 1 / 4294967296;

/**
 * xoshiro128** 1.0 (David Blackman and Sebastiano Vigna, 2018), a 128-bit-state generator with
 * period 2¹²⁸ − 1 that passes BigCrush and PractRand. Translated from the public-domain reference
 * C code at https://prng.di.unimi.it/xoshiro128starstar.c:
 *
 * ```c
 * static inline uint32_t rotl(const uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
 * uint32_t next(void) {
 *   const uint32_t result = rotl(s[1] * 5, 7) * 9;
 *   const uint32_t t = s[1] << 9;
 *   s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3];
 *   s[2] ^= t;
 *   s[3] = rotl(s[3], 11);
 *   return result;
 * }
 * ```
 *
 * State words are held as signed 32-bit integers (`| 0`); only the returned value is made
 * unsigned (`>>> 0`). No allocation per call.
 */
class Xoshiro128StarStar implements RandomSource {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 | 0;
    this.s1 = s1 | 0;
    this.s2 = s2 | 0;
    this.s3 = s3 | 0;
  }

  nextUint32(): number {
    const s0 = this.s0;
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    const s2 = this.s2 ^ s0;
    const s3 = this.s3 ^ s1;
    this.s1 = s1 ^ s2;
    this.s0 = s0 ^ s3;
    this.s2 = s2 ^ t;
    this.s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  }

  nextFloat(): number {
    return this.nextUint32() * TWO_POW_MINUS_32;
  }
}

const MASK_64 = (1n << 64n) - 1n;

/**
 * One step of SplitMix64 (Guy Steele, Doug Lea, Christine Flood, 2014; the seeding generator
 * Vigna recommends for xoshiro), from https://prng.di.unimi.it/splitmix64.c:
 *
 * ```c
 * uint64_t next() {
 *   uint64_t z = (x += 0x9e3779b97f4a7c15);
 *   z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
 *   z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
 *   return z ^ (z >> 31);
 * }
 * ```
 *
 * BigInt is fine here: it runs twice per stream, never per draw.
 */
function splitMix64Output(state: bigint): bigint {
  let z = state & MASK_64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
  return z ^ (z >> 31n);
}

const GOLDEN_GAMMA = 0x9e3779b97f4a7c15n;

function checkWord(value: number, path: string): void {
  if (!Number.isInteger(value) || value < 0 || value > MAX_SEED) {
    inputError(path, `must be a whole number from 0 to ${MAX_SEED} (got ${value})`);
  }
}

/**
 * A random source for one stream of a seeded run: stream `streamIndex` of `seed`.
 *
 * Give simulation path *i* the stream `splitRandom(seed, i)`: its numbers then depend only on
 * `(seed, i)`, so results are identical however the paths are spread over workers or reordered.
 *
 * Algorithm: the 64-bit key `streamIndex · 2³² + seed` seeds SplitMix64; its first two outputs
 * `a`, `b` become the xoshiro128** state `[low32(a), high32(a), low32(b), high32(b)]` (the
 * little-endian layout of `uint64_t[2]{a, b}` read as `uint32_t[4]`). SplitMix64's output is a
 * bijection of its state, so distinct `(seed, streamIndex)` pairs always start from distinct
 * states, and the state is never all zero.
 *
 * @param seed - whole number 0 … 4294967295
 * @param streamIndex - whole number 0 … 4294967295 (e.g. the path number)
 * @throws BridgefitInputError when `seed` or `streamIndex` is not a whole number in range
 * @example
 * ```ts
 * const path7 = splitRandom(42, 7);
 * path7.nextFloat(); // the same number on every machine and in every worker
 * ```
 */
export function splitRandom(seed: number, streamIndex: number): RandomSource {
  checkWord(seed, 'seed');
  checkWord(streamIndex, 'streamIndex');
  const key = (BigInt(streamIndex) << 32n) | BigInt(seed);
  const a = splitMix64Output(key + GOLDEN_GAMMA);
  const b = splitMix64Output(key + 2n * GOLDEN_GAMMA);
  return new Xoshiro128StarStar(
    Number(a & 0xffffffffn),
    Number(a >> 32n),
    Number(b & 0xffffffffn),
    Number(b >> 32n),
  );
}

/**
 * A seeded random source (xoshiro128** seeded by SplitMix64): the same seed, the same numbers.
 * The same as `splitRandom(seed, 0)`.
 *
 * @param seed - whole number 0 … 4294967295
 * @throws BridgefitInputError when `seed` is not a whole number in range
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.nextUint32(); // 0x69e85a2a (1776835114)
 * random.nextFloat();  // a number in [0, 1)
 * ```
 */
export function createRandom(seed: number): RandomSource {
  return splitRandom(seed, 0);
}

/**
 * A xoshiro128** source started from an explicit 128-bit state, for checking against published
 * test vectors or resuming a recorded state. Most callers want {@link createRandom}.
 *
 * @param state - four unsigned 32-bit words `s[0]…s[3]`, not all zero
 * @throws BridgefitInputError when a word is out of range or all four are zero
 * @example
 * ```ts
 * createRandomFromState([1, 2, 3, 4]).nextUint32(); // 11520 (rotl(2·5, 7)·9)
 * ```
 */
export function createRandomFromState(state: readonly [number, number, number, number]): RandomSource {
  state.forEach((word, i) => checkWord(word, `state[${i}]`));
  if (state.every((word) => word === 0)) inputError('state', 'must not be all zero (xoshiro128** would only return 0)');
  return new Xoshiro128StarStar(state[0], state[1], state[2], state[3]);
}
