import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { streamState } from '../../src/stress/stream-seed.js';
import { createRandomFromState, splitRandom } from '../../src/stress/random.js';

/** The first `n` outputs of a generator started from a state written by streamState. */
function outputs(seed: number, stream: number, n: number): number[] {
  const state = new Int32Array(4);
  streamState(seed, stream, state);
  const random = createRandomFromState([state[0]! >>> 0, state[1]! >>> 0, state[2]! >>> 0, state[3]! >>> 0]);
  return Array.from({ length: n }, () => random.nextUint32());
}

function reference(seed: number, stream: number, n: number): number[] {
  const random = splitRandom(seed, stream);
  return Array.from({ length: n }, () => random.nextUint32());
}

describe('streamState (32-bit SplitMix64 seeding)', () => {
  it('starts where splitRandom starts at the corners of the key space', () => {
    // Carries out of the low word of key + γ (seed 2³² − 1) and the top of the 64-bit range.
    for (const [seed, stream] of [[0, 0], [1, 0], [0, 1], [42, 7], [0xffffffff, 0], [0xffffffff, 0xffffffff], [0x80b583eb, 0x61c88646]] as const) {
      expect(outputs(seed, stream, 4)).toEqual(reference(seed, stream, 4));
    }
  });

  it('starts where splitRandom starts for any seed and stream (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 0xffffffff }), (seed, stream) => {
        expect(outputs(seed, stream, 2)).toEqual(reference(seed, stream, 2));
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
