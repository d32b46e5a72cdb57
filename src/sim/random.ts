// The simulation's seeded random source. Nothing in src/sim may call Math.random(): every
// random decision comes from an Rng built from a stored seed, so any battle or event can be
// replayed exactly.
//
// The generator is sfc32 (Chris Doty-Humphrey's "small fast chaotic" PRNG, 128-bit state,
// passes PractRand/BigCrush) seeded through splitmix32. It needs only 32-bit integer operations,
// which V8 compiles to plain machine instructions, and its four state words fit in local
// variables, so hot loops (the battle engine) can inline the step and stay on the same stream.

/** 2^-32: turns a uint32 into a float in [0, 1) exactly (a power of two never rounds). */
export const UINT32_TO_UNIT = 1 / 4294967296;

/** Number of outputs dropped after seeding so that similar seeds give unrelated streams. */
const WARM_UP_STEPS = 12;

const SPLITMIX32_GAMMA = 0x9e3779b9;

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n) for 1 <= n <= 2^32. */
  int(n: number): number;
  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number;
  /** The current 128-bit state (4 words), e.g. to hand the stream to an inlined loop. */
  readonly state: Uint32Array;
}

/** splitmix32 step, used only to spread a seed over sfc32's four state words. */
function splitmix32(x: number): number {
  let z = (x + SPLITMIX32_GAMMA) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Advances an sfc32 state held in a Uint32Array by one step and returns the uint32 output.
 * Hot loops copy the four words into locals and repeat these same lines inline instead.
 */
export function sfc32Step(s: Uint32Array): number {
  let a = s[0]! | 0;
  let b = s[1]! | 0;
  let c = s[2]! | 0;
  let d = s[3]! | 0;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  s[0] = a;
  s[1] = b;
  s[2] = c;
  s[3] = d;
  return t >>> 0;
}

/** Builds a warmed-up sfc32 state from any number (the integer part's low 32 bits are used). */
export function seedState(seed: number): Uint32Array {
  const state = new Uint32Array(4);
  let x = Math.trunc(seed) >>> 0;
  for (let i = 0; i < 4; i++) {
    x = splitmix32(x);
    state[i] = x;
  }
  for (let i = 0; i < WARM_UP_STEPS; i++) sfc32Step(state);
  return state;
}

class Sfc32 implements Rng {
  constructor(readonly state: Uint32Array) {}

  nextUint32(): number {
    return sfc32Step(this.state);
  }

  next(): number {
    return sfc32Step(this.state) * UINT32_TO_UNIT;
  }

  int(n: number): number {
    // u * n < 2^32 * n <= 2^64 would lose precision for huge n, but for n <= 2^21 the product
    // stays below 2^53 and is exact; larger n still gives a correct (very slightly biased) value.
    return Math.floor(sfc32Step(this.state) * UINT32_TO_UNIT * n);
  }
}

/** A seeded generator; the same seed always yields the same sequence. */
export function createRng(seed: number): Rng {
  return new Sfc32(seedState(seed));
}
