import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRng, seedState, sfc32Step } from '../../src/sim/random.js';

describe('seeded random source (sfc32)', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const seqA = Array.from({ length: 8 }, () => a.nextUint32());
    assert.deepEqual(
      seqA,
      Array.from({ length: 8 }, () => b.nextUint32()),
    );
    assert.notDeepEqual(
      seqA,
      Array.from({ length: 8 }, () => c.nextUint32()),
    );
  });

  it('is pinned to known values (replays must survive refactors)', () => {
    const rng = createRng(1);
    assert.deepEqual(
      Array.from({ length: 3 }, () => rng.nextUint32()),
      PINNED_SEED_1,
    );
  });

  it('yields floats in [0, 1) with mean ~0.5 and ints in range', () => {
    const rng = createRng(7);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = rng.next();
      assert.ok(x >= 0 && x < 1);
      sum += x;
    }
    // std of the mean: sqrt(1/12 / n) ~ 0.0009.
    assert.ok(Math.abs(sum / n - 0.5) < 0.004);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.int(6)]!++;
    for (const count of counts) assert.ok(Math.abs(count - 10_000) < 400, `${count}`);
  });

  it('exposes a state that sfc32Step advances like the generator', () => {
    const rng = createRng(99);
    const state = seedState(99);
    assert.deepEqual(rng.state, state);
    assert.equal(sfc32Step(state), rng.nextUint32());
    assert.deepEqual(rng.state, state);
  });
});

/** First three outputs for seed 1, recorded when the generator was written. */
const PINNED_SEED_1 = [1422497811, 2365969376, 3353355597];
