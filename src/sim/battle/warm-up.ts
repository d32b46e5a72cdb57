// A tiny synthetic battle run once per thread before the first real one. V8 optimizes the
// volley loop while the first battle is running (on-stack replacement); any branch that had
// not run yet at that moment (a bounce, a shield drained to exactly zero, an explosion roll,
// the end-of-volley bookkeeping) has no type feedback and deoptimizes the loop when first hit,
// and which code V8 ends up with then varies from run to run. Measured on the 800 000 vs
// 120 000 benchmark battle: without warm-up, 2-5 deoptimizations and 55-125 ms per battle;
// with one warm-up battle none and a steady ~55 ms, but the first big battle still took
// 95-145 ms while V8 compiled the loop; with five (~7 ms in all) the loop is usually already
// optimized when the first real battle starts, which then takes 60-80 ms.
// The groups below are chosen so that every branch runs.

import type { BattleInput } from './types.js';

/** Enough calls for V8 to optimize the engine's functions before the first real battle. */
export const WARM_UP_REPETITIONS = 5;

export const WARM_UP_BATTLE: BattleInput = Object.freeze({
  seed: 1,
  attackers: {
    groups: [
      // Rapid fire against 'fodder', breaks shields and kills outright.
      {
        type: 'gunship',
        count: 200,
        attack: 400,
        shield: 50,
        hull: 2700,
        rapidFire: { fodder: 10 },
      },
      // Shieldless units (every shot at them reaches the hull) whose own shots bounce.
      { type: 'drone', count: 50, attack: 1, shield: 0, hull: 10 },
      // Zero-damage shots always bounce.
      { type: 'probe', count: 5, attack: 0, shield: 0, hull: 100 },
    ],
  },
  defenders: {
    groups: [
      { type: 'fodder', count: 300, attack: 80, shield: 20, hull: 200 },
      // Big hull: the shield breaks, then explosion rolls below 70 % hull.
      { type: 'tank', count: 20, attack: 3000, shield: 300, hull: 10_000 },
      // 400-damage shots drain this shield to exactly zero after two hits.
      { type: 'dome', count: 2, attack: 1, shield: 800, hull: 2000, rapidFire: new Map() },
    ],
  },
});
