/**
 * A small, fast, seeded pseudo-random source. Every event is derived from (seed, stream, index)
 * alone, so any event can be regenerated on its own — no hidden state, no Math.random — which is
 * what makes the data identical across runs, restarts and the benchmark's bulk mode.
 */

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of (seed, stream, index); index may exceed 2^32 (folded in as two halves). */
export function hashKey(seed: number, stream: number, index: number): number {
  const low = index >>> 0;
  const high = Math.floor(index / 0x1_0000_0000) >>> 0;
  let h = fmix32(seed ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(stream + 1, 0x27d4eb2d));
  h = fmix32(h ^ low);
  return fmix32(h ^ Math.imul(high, 0x165667b1));
}

/** A mulberry32 generator: returns floats in [0, 1). */
export type Random = () => number;

export function mulberry32(state: number): Random {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The random source of one event of one stream. */
export function randomFor(seed: number, stream: number, index: number): Random {
  return mulberry32(hashKey(seed, stream, index));
}
