import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BridgefitInputError } from '../../src/money/errors.js';
import { createRandom, createRandomFromState, splitRandom, type RandomSource } from '../../src/stress/random.js';

const FC = { seed: 42, numRuns: 200 };

function take(random: RandomSource, n: number): number[] {
  return Array.from({ length: n }, () => random.nextUint32());
}

/**
 * Pearson's chi-square statistic of `n` floats from `draw` in 10 equal bins of [0, 1).
 * With 9 degrees of freedom, P(χ² > 27.877) = 0.001 (standard χ² table, e.g. NIST/SEMATECH
 * e-Handbook of Statistical Methods, 1.3.6.7.4): a fair generator fails a given seed 1 time in 1000.
 */
function chiSquare10(n: number, draw: (i: number) => number): number {
  const bins = new Array<number>(10).fill(0);
  for (let i = 0; i < n; i++) {
    const u = draw(i);
    bins[Math.floor(u * 10)]! += 1;
  }
  const expected = n / 10;
  return bins.reduce((sum, observed) => sum + (observed - expected) ** 2 / expected, 0);
}
const CHI_SQUARE_9_DF_P001 = 27.877;

describe('xoshiro128** core', () => {
  it('matches the published xoshiro128** test vector of edorfaus/xoshiro-6502', () => {
    // test-rom/testdata.asm of github.com/edorfaus/xoshiro-6502, generated with the reference C
    // implementation: state 964D4A0C D40AB895 AD7FDECB 3006F0F0 → starstar outputs
    // F1391922, 6FE53806, A5BE2840, F510EE70.
    const random = createRandomFromState([0x964d4a0c, 0xd40ab895, 0xad7fdecb, 0x3006f0f0]);
    expect(take(random, 4)).toEqual([0xf1391922, 0x6fe53806, 0xa5be2840, 0xf510ee70]);
  });

  it('steps the state [1, 2, 3, 4] as worked by hand from the reference C code', () => {
    // Output is rotl(s1·5, 7)·9 before the state update.
    // 1st: s1 = 2 → rotl(10, 7) = 1280, ·9 = 11520. Update: t = 2<<9 = 1024; s2 = 3^1 = 2;
    //      s3 = 4^2 = 6; s1 = 2^2 = 0; s0 = 1^6 = 7; s2 = 2^1024 = 1026; s3 = rotl(6, 11) = 12288.
    // 2nd: s1 = 0 → 0. Update: t = 0; s2 = 1026^7 = 1029; s3 = 12288; s1 = 0^1029 = 1029; s0 = 7^12288 = 12295.
    // 3rd: s1 = 1029 → 1029·5 = 5145, rotl 7 = 658560, ·9 = 5927040.
    // (The same three numbers come out of the C code in src/stress/random.ts compiled with gcc.)
    expect(take(createRandomFromState([1, 2, 3, 4]), 3)).toEqual([11520, 0, 5927040]);
  });

  it('rejects an all-zero or out-of-range state', () => {
    expect(() => createRandomFromState([0, 0, 0, 0])).toThrow(/state: must not be all zero/);
    expect(() => createRandomFromState([1, 2, 3, 2 ** 32])).toThrow(/state\[3\]: must be a whole number from 0 to 4294967295/);
  });
});

describe('seeding by SplitMix64', () => {
  it('seeds from the published SplitMix64 outputs for seed 1234567', () => {
    // Rosetta Code, "Pseudo-random numbers/Splitmix64": seed 1234567 gives
    // 6457827717110365317 = 0x599ed017_fb08fc85 and 3203168211198807973 = 0x2c73f084_58540fa5.
    // The state is [low(a), high(a), low(b), high(b)].
    const fromSeed = createRandom(1234567);
    const fromState = createRandomFromState([0xfb08fc85, 0x599ed017, 0x58540fa5, 0x2c73f084]);
    expect(take(fromSeed, 20)).toEqual(take(fromState, 20));
  });

  it('seeds from the published SplitMix64 outputs for seed 0', () => {
    // splitmix64.c seeded with x = 0 first returns 0xe220a8397b1dcdaf, then 0x6e789e6aa1b965f4.
    const fromSeed = createRandom(0);
    const fromState = createRandomFromState([0x7b1dcdaf, 0xe220a839, 0xa1b965f4, 0x6e789e6a]);
    expect(take(fromSeed, 20)).toEqual(take(fromState, 20));
  });

  it('matches the reference C code (splitmix64.c seeding xoshiro128starstar.c) end to end', () => {
    // Reference outputs from this C program, compiled with gcc -O2 (Vigna's next() bodies verbatim):
    //   x = (stream << 32) | seed;                  // splitmix64 state
    //   a = sm_next(); b = sm_next();
    //   s[0] = (uint32_t)a; s[1] = a >> 32; s[2] = (uint32_t)b; s[3] = b >> 32;
    //   for (i = 0; i < 6; i++) printf("0x%08x ", next());
    expect(take(createRandom(42), 6)).toEqual([0x69e85a2a, 0xf843fad0, 0x0105185f, 0x8a1f1ea6, 0xa66be2a9, 0x9844904e]);
    expect(take(createRandom(0), 6)).toEqual([0xdec9045d, 0x9a089d75, 0xab77d362, 0xc3e16405, 0x5c95a8da, 0x60dea056]);
    expect(take(splitRandom(42, 1), 6)).toEqual([0xc6df9edb, 0xda7e99e4, 0xf0fef6f8, 0x7b4e6c9a, 0x5ab5b7dc, 0xa3e4385a]);
    expect(take(splitRandom(4294967295, 7), 6)).toEqual([0xd72068ff, 0x8abfc115, 0xbd55d07f, 0xf65284b7, 0x691fef25, 0x738da2e3]);
  });

  it('makes createRandom(seed) the same as stream 0 of that seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        expect(take(createRandom(seed), 8)).toEqual(take(splitRandom(seed, 0), 8));
      }),
      FC,
    );
  });

  it('rejects seeds and stream indices that are not whole numbers from 0 to 2^32 − 1', () => {
    for (const bad of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => createRandom(bad)).toThrow(BridgefitInputError);
      expect(() => createRandom(bad)).toThrow(/seed: must be a whole number from 0 to 4294967295/);
      expect(() => splitRandom(1, bad)).toThrow(/streamIndex: must be a whole number from 0 to 4294967295/);
    }
  });
});

describe('reproducibility', () => {
  it('gives the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (seed, stream) => {
        const a = splitRandom(seed, stream);
        const b = splitRandom(seed, stream);
        for (let i = 0; i < 50; i++) {
          expect(a.nextUint32()).toBe(b.nextUint32());
          expect(a.nextFloat()).toBe(b.nextFloat());
        }
      }),
      FC,
    );
  });

  it("gives path i the same numbers however paths are spread over workers", () => {
    // Worker layout A: one worker runs paths 0..9 in order. Layout B: two workers interleave
    // the odd and the even paths, one draw at a time. Path i's draws must not change.
    const seed = 2026;
    const draws = 25;
    const sequential = Array.from({ length: 10 }, (_, i) => take(splitRandom(seed, i), draws));
    const sources = Array.from({ length: 10 }, (_, i) => splitRandom(seed, i));
    const interleaved: number[][] = Array.from({ length: 10 }, () => []);
    for (let k = 0; k < draws; k++) {
      for (const i of [1, 3, 5, 7, 9, 0, 2, 4, 6, 8]) interleaved[i]!.push(sources[i]!.nextUint32());
    }
    expect(interleaved).toEqual(sequential);
  });

  it('gives different streams different sequences', () => {
    const firstDraws = new Set<string>();
    for (let i = 0; i < 10_000; i++) firstDraws.add(take(splitRandom(7, i), 2).join(','));
    expect(firstDraws.size).toBe(10_000);
  });
});

describe('distribution of the output', () => {
  it('returns unsigned 32-bit integers and floats in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (seed) => {
        const random = createRandom(seed);
        for (let i = 0; i < 100; i++) {
          const n = random.nextUint32();
          const u = random.nextFloat();
          if (!(Number.isInteger(n) && n >= 0 && n <= 0xffffffff && u >= 0 && u < 1)) return false;
        }
        return true;
      }),
      FC,
    );
  });

  it('passes a chi-square test of uniformity on 10 bins (100,000 floats, seed 42, bound 27.877 at p = 0.001)', () => {
    const random = createRandom(42);
    expect(chiSquare10(100_000, () => random.nextFloat())).toBeLessThan(CHI_SQUARE_9_DF_P001);
  });

  it('spreads the first draws of consecutive streams uniformly (10,000 streams, same bound)', () => {
    // Checks that neighbouring stream indices are not correlated through the seeding.
    expect(chiSquare10(10_000, (i) => splitRandom(42, i).nextFloat())).toBeLessThan(CHI_SQUARE_9_DF_P001);
  });

  it('uses all 32 bits: the low byte is uniform too (80,000 draws, 8 bins, bound 24.322 at p = 0.001)', () => {
    const random = createRandom(99);
    // 8 equal bins of 32 byte values each; χ² with 7 degrees of freedom, 0.001 bound 24.322 (same table).
    const bins = new Array<number>(8).fill(0);
    const n = 80_000;
    for (let i = 0; i < n; i++) bins[(random.nextUint32() & 0xff) >>> 5]! += 1;
    const chi = bins.reduce((sum, observed) => sum + (observed - n / 8) ** 2 / (n / 8), 0);
    expect(chi).toBeLessThan(24.322);
  });
});
