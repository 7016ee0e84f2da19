/**
 * The xoshiro128** starting state of stream `streamIndex` of `seed`, exactly as
 * `splitRandom(seed, streamIndex)` derives it (SplitMix64 of the key `streamIndex · 2³² + seed`,
 * first two outputs as four little-endian 32-bit words), but in 32-bit integer arithmetic instead
 * of BigInt: the Monte Carlo seeds one stream per path, and BigInt costs about 1 µs a stream.
 * Internal to the simulation; the tests check it against `splitRandom` word for word.
 */

/** Low and high 32-bit halves of a 64-bit value, as unsigned numbers. */
let lo = 0;
let hi = 0;

/** Unsigned 32 × 32 → 64-bit product into (lo, hi), by 16-bit limbs (every partial product < 2⁵³). */
function mul32(a: number, b: number): void {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const t0 = a0 * b0;
  const w0 = t0 % 65536;
  const t1 = a1 * b0 + Math.floor(t0 / 65536);
  const w1 = t1 % 65536;
  const w2 = Math.floor(t1 / 65536);
  const t2 = a0 * b1 + w1;
  lo = ((t2 % 65536) * 65536 + w0) >>> 0;
  hi = (a1 * b1 + w2 + Math.floor(t2 / 65536)) >>> 0;
}

/** (lo, hi) ← (xl, xh) · (cl, ch) mod 2⁶⁴. */
function mul64(xl: number, xh: number, cl: number, ch: number): void {
  mul32(xl, cl);
  hi = (hi + Math.imul(xl, ch) + Math.imul(xh, cl)) >>> 0;
}

/** SplitMix64's output function of a state (sl, sh) into (lo, hi). */
function mix(sl: number, sh: number): void {
  // z ^= z >> 30; z *= 0xbf58476d1ce4e5b9
  let zl = (sl ^ ((sl >>> 30) | (sh << 2))) >>> 0;
  let zh = (sh ^ (sh >>> 30)) >>> 0;
  mul64(zl, zh, 0x1ce4e5b9, 0xbf58476d);
  // z ^= z >> 27; z *= 0x94d049bb133111eb
  zl = (lo ^ ((lo >>> 27) | (hi << 5))) >>> 0;
  zh = (hi ^ (hi >>> 27)) >>> 0;
  mul64(zl, zh, 0x133111eb, 0x94d049bb);
  // z ^= z >> 31
  zl = (lo ^ ((lo >>> 31) | (hi << 1))) >>> 0;
  zh = (hi ^ (hi >>> 31)) >>> 0;
  lo = zl;
  hi = zh;
}

/** Adds (al, ah) to (bl, bh) mod 2⁶⁴ into (lo, hi). */
function add64(al: number, ah: number, bl: number, bh: number): void {
  const l = al + bl;
  lo = l >>> 0;
  hi = (ah + bh + (l > 0xffffffff ? 1 : 0)) >>> 0;
}

/**
 * Writes the xoshiro128** state of stream `streamIndex` of `seed` into `out` as signed 32-bit
 * words (the generator's internal form). Both arguments must already be whole numbers
 * 0 … 2³² − 1 (not checked: this runs once per Monte Carlo path).
 *
 * @example
 * ```ts
 * const state = new Int32Array(4);
 * streamState(42, 7, state); // the state splitRandom(42, 7) starts from
 * ```
 */
export function streamState(seed: number, streamIndex: number, out: Int32Array): void {
  // key + γ and key + 2γ, γ = 0x9e3779b97f4a7c15 (2γ mod 2⁶⁴ = 0x3c6ef372fe94f82a)
  add64(seed, streamIndex, 0x7f4a7c15, 0x9e3779b9);
  mix(lo, hi);
  out[0] = lo | 0;
  out[1] = hi | 0;
  add64(seed, streamIndex, 0xfe94f82a, 0x3c6ef372);
  mix(lo, hi);
  out[2] = lo | 0;
  out[3] = hi | 0;
}
