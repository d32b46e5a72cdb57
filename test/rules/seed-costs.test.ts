// Building and research prices and durations of the seed ruleset, pinned to the worked
// examples of seed-reference.md §4.1, plus the reductions and their clamps.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedRuleset, UnknownUnitError } from '../../src/rules/index.js';
import { ctx, seed } from './helpers.js';

describe('seed building costs and times (§4.1 examples)', () => {
  const examples = [
    { type: 'metal_mine', level: 0, cost: [60, 15, 0], time: 60 },
    { type: 'metal_mine', level: 1, cost: [90, 22, 0], time: 72 },
    { type: 'metal_mine', level: 2, cost: [135, 33, 0], time: 86 },
    { type: 'metal_mine', level: 3, cost: [202, 50, 0], time: 103 },
    { type: 'shipyard', level: 0, cost: [400, 200, 100], time: 400 },
    { type: 'shipyard', level: 1, cost: [600, 300, 150], time: 480 },
  ];
  for (const { type, level, cost, time } of examples) {
    it(`${type} from level ${level}: ${cost.join('/')} in ${time} s`, () => {
      const [metal, crystal, deuterium] = cost;
      assert.deepEqual(seed.buildingCost(type, level), { metal, crystal, deuterium });
      assert.equal(seed.buildingBaseTime(type, level), time);
      // With no robot factory and no hyperspace technology nothing is reduced.
      assert.equal(seed.buildingTime(type, level, ctx()), time);
    });
  }

  it('prices every building from its table entry', () => {
    assert.deepEqual(seed.buildingCost('fusion_reactor', 0), {
      metal: 900,
      crystal: 500,
      deuterium: 200,
    });
    assert.deepEqual(seed.buildingCost('deuterium_tank', 1), {
      metal: 1200,
      crystal: 0,
      deuterium: 300,
    });
    assert.equal(seed.buildingBaseTime('research_lab', 0), 240);
  });
});

describe('seed building time reductions', () => {
  it('applies robot factory and hyperspace multiplicatively', () => {
    assert.equal(seed.buildingTime('metal_mine', 0, ctx({ robot_factory: 5 })), 54);
    assert.equal(seed.buildingTime('metal_mine', 0, ctx({}, { hyperspace: 5 })), 54);
    // 60 × 0.8 × 0.8 = 38.4 → 38
    assert.equal(
      seed.buildingTime('metal_mine', 0, ctx({ robot_factory: 10 }, { hyperspace: 10 })),
      38,
    );
  });

  it('never drops below half the base time', () => {
    // 0.6 × 0.6 = 0.36 is clamped to 0.5.
    assert.equal(
      seed.buildingTime('metal_mine', 0, ctx({ robot_factory: 20 }, { hyperspace: 20 })),
      30,
    );
    // Absurd levels would make a factor negative; each factor stops at 0, the product at 0.5.
    assert.equal(
      seed.buildingTime('metal_mine', 0, ctx({ robot_factory: 80 }, { hyperspace: 80 })),
      30,
    );
  });

  it('ignores the shipyard and the research lab', () => {
    assert.equal(seed.buildingTime('metal_mine', 0, ctx({ shipyard: 10, research_lab: 10 })), 60);
  });

  it('takes at least one second', () => {
    const fast = createSeedRuleset({ economySpeed: 1000 });
    assert.equal(fast.buildingTime('metal_mine', 0, ctx()), 1);
  });

  it('divides by the economy speed', () => {
    const fast = createSeedRuleset({ economySpeed: 2 });
    assert.equal(fast.buildingTime('metal_mine', 0, ctx()), 30);
    // The unreduced time of GET /building-costs stays the seed's.
    assert.equal(fast.buildingBaseTime('metal_mine', 0), 60);
  });
});

describe('seed building quote (GET /building-costs)', () => {
  it('returns the unreduced price and time of a known building', () => {
    assert.deepEqual(seed.buildingQuote('metal_mine', 3), {
      cost: { metal: 202, crystal: 50, deuterium: 0 },
      buildTimeSeconds: 103,
    });
  });

  it('prices an unknown type at zero with a 60 s base, as the Python route did', () => {
    assert.deepEqual(seed.buildingQuote('moon_base', 2), {
      cost: { metal: 0, crystal: 0, deuterium: 0 },
      buildTimeSeconds: 86,
    });
  });
});

describe('seed research costs and times (§4.1 examples)', () => {
  it('energy L0: 100/50/0 in 120 s; L1: 160/80/0 in 150 s', () => {
    assert.deepEqual(seed.researchCost('energy', 0), { metal: 100, crystal: 50, deuterium: 0 });
    assert.equal(seed.researchTime('energy', 0, ctx()), 120);
    assert.deepEqual(seed.researchCost('energy', 1), { metal: 160, crystal: 80, deuterium: 0 });
    assert.equal(seed.researchTime('energy', 1, ctx()), 150);
  });

  it('plasma L1: 6400/3200/1600 in 1125 s', () => {
    assert.deepEqual(seed.researchCost('plasma', 1), {
      metal: 6400,
      crystal: 3200,
      deuterium: 1600,
    });
    assert.equal(seed.researchTime('plasma', 1, ctx()), 1125);
    assert.equal(seed.researchBaseTime('plasma', 1), 1125);
  });

  it('laser L2: int(200 × 1.6²) and int(180 × 1.25²)', () => {
    assert.deepEqual(seed.researchCost('laser', 2), { metal: 512, crystal: 256, deuterium: 0 });
    assert.equal(seed.researchBaseTime('laser', 2), 281);
  });
});

describe('seed research time reductions', () => {
  it('shortens research by 3 % per research lab level', () => {
    assert.equal(seed.researchTime('energy', 0, ctx({ research_lab: 10 })), 84);
    // 120 × 0.52 = 62.4 → 62
    assert.equal(seed.researchTime('energy', 0, ctx({ research_lab: 16 })), 62);
  });

  it('clamps the lab factor at 0.5', () => {
    assert.equal(seed.researchTime('energy', 0, ctx({ research_lab: 17 })), 60);
    assert.equal(seed.researchTime('energy', 0, ctx({ research_lab: 50 })), 60);
  });

  it('is not reduced by hyperspace technology or the robot factory', () => {
    assert.equal(
      seed.researchTime('energy', 0, ctx({ robot_factory: 10 }, { hyperspace: 10 })),
      120,
    );
  });

  it('divides by the research speed', () => {
    assert.equal(createSeedRuleset({ researchSpeed: 4 }).researchTime('energy', 0, ctx()), 30);
  });
});

describe('seed cost lookups reject wrong types', () => {
  it('throws UnknownUnitError for unknown or miscategorised types', () => {
    assert.throws(() => seed.buildingCost('nanite_factory', 0), UnknownUnitError);
    assert.throws(() => seed.buildingCost('energy', 0), UnknownUnitError);
    assert.throws(() => seed.researchCost('metal_mine', 0), UnknownUnitError);
    assert.throws(() => seed.unitCost('shipyard'), UnknownUnitError);
  });
});
