// Numeric helpers shared by the rulesets.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reductionFactor, truncate } from '../../src/rules/math.js';

describe('truncate', () => {
  it("behaves like Python's int() on non-negative values", () => {
    assert.equal(truncate(86.4), 86);
    assert.equal(truncate(202.5), 202);
    assert.equal(truncate(0.99), 0);
    assert.equal(truncate(0), 0);
  });

  it('does not lose an integer to floating-point noise', () => {
    // Products such as 0.1 × 3 × 1600 land a hair above or below the integer they stand for.
    assert.equal(truncate(479.99999999999994), 480);
    assert.equal(truncate(0.1 * 3 * 1600), 480);
  });
});

describe('reductionFactor', () => {
  it('is 1 − perLevel × level, never negative', () => {
    assert.equal(reductionFactor(0.05, 0), 1);
    assert.equal(reductionFactor(0.05, 10), 0.5);
    assert.equal(reductionFactor(0.05, 40), 0);
  });
});
