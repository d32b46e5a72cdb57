// The closed-form accrual helpers shared by every ruleset.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  advanceAmount,
  advanceResources,
  hoursUntilFull,
  hoursUntilFullByResource,
} from '../../src/rules/index.js';
import { near } from './helpers.js';

const CAP = { metal: 1000, crystal: 1000, deuterium: 1000 };

describe('advanceResources', () => {
  it('grows each stock by rate × hours below the cap', () => {
    const out = advanceResources(
      { metal: 0, crystal: 100, deuterium: 0 },
      { metal: 100, crystal: 50, deuterium: 0 },
      CAP,
      2,
    );
    assert.deepEqual(out, { metal: 200, crystal: 200, deuterium: 0 });
  });

  it('stops production at the cap', () => {
    assert.equal(advanceAmount(900, 100, 1000, 2), 1000);
    assert.equal(advanceAmount(1000, 100, 1000, 2), 1000);
  });

  it('leaves a stock already above the cap as it is while the rate is positive', () => {
    assert.equal(advanceAmount(1500, 100, 1000, 5), 1500);
  });

  it('drains with a negative net rate, down to zero and no further', () => {
    assert.equal(advanceAmount(100, -30, 1000, 2), 40);
    assert.equal(advanceAmount(100, -80, 1000, 2), 0);
    // A negative rate drains a stock above the cap too; the cap does not clip it.
    assert.equal(advanceAmount(1500, -100, 1000, 1), 1400);
  });

  it('changes nothing over zero or negative time', () => {
    assert.equal(advanceAmount(10, 100, 1000, 0), 10);
    assert.equal(advanceAmount(10, 100, 1000, -1), 10);
  });

  it('returns a new object and leaves its input alone', () => {
    const amounts = { metal: 1, crystal: 2, deuterium: 3 };
    const out = advanceResources(amounts, { metal: 0, crystal: 0, deuterium: 0 }, CAP, 1);
    assert.notEqual(out, amounts);
    assert.deepEqual(amounts, { metal: 1, crystal: 2, deuterium: 3 });
  });

  it('is additive in time: advancing h1 then h2 equals advancing h1 + h2', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2e6, noNaN: true }),
        fc.double({ min: -1e4, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (amount, rate, capacity, h1, h2) => {
          const stepwise = advanceAmount(
            advanceAmount(amount, rate, capacity, h1),
            rate,
            capacity,
            h2,
          );
          const once = advanceAmount(amount, rate, capacity, h1 + h2);
          return Math.abs(stepwise - once) <= 1e-6 * Math.max(1, Math.abs(once));
        },
      ),
    );
  });
});

describe('hoursUntilFull', () => {
  it('is the remaining room divided by the rate', () => {
    assert.equal(hoursUntilFull(0, 100, 1000), 10);
    near(hoursUntilFull(250, 33, 1000) ?? NaN, 750 / 33);
  });

  it('is 0 for a stock already at or above its cap', () => {
    assert.equal(hoursUntilFull(1000, 100, 1000), 0);
    assert.equal(hoursUntilFull(1200, -5, 1000), 0);
  });

  it('is undefined when the stock never fills', () => {
    assert.equal(hoursUntilFull(0, 0, 1000), undefined);
    assert.equal(hoursUntilFull(0, -1, 1000), undefined);
  });

  it('per resource, leaving out those that never fill', () => {
    const out = hoursUntilFullByResource(
      { metal: 0, crystal: 1000, deuterium: 0 },
      { metal: 100, crystal: 10, deuterium: -5 },
      CAP,
    );
    assert.deepEqual(out, { metal: 10, crystal: 0 });
  });

  it('agrees with advanceResources: after that many hours the stock is full', () => {
    const hours = hoursUntilFull(123, 45.6, 1000) ?? NaN;
    near(advanceAmount(123, 45.6, 1000, hours), 1000);
  });
});
