// OGame prices and durations (spec/ogame-rules.md §3.3–3.4), pinned to worked numbers.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOgameRuleset, UnknownUnitError } from '../../src/rules/index.js';
import { ctx, ogame } from './helpers.js';

describe('ogame level costs: ⌊base × factor^(level − 1)⌋', () => {
  it('prices buildings by the level built (currentLevel + 1)', () => {
    assert.deepEqual(ogame.buildingCost('metal_mine', 0), { metal: 60, crystal: 15, deuterium: 0 });
    assert.deepEqual(ogame.buildingCost('metal_mine', 4), {
      metal: 303,
      crystal: 75,
      deuterium: 0,
    });
    assert.deepEqual(ogame.buildingCost('crystal_mine', 1), {
      metal: 76,
      crystal: 38,
      deuterium: 0,
    });
    assert.deepEqual(ogame.buildingCost('fusion_reactor', 1), {
      metal: 1620,
      crystal: 648,
      deuterium: 324,
    });
    assert.deepEqual(ogame.buildingCost('robot_factory', 2), {
      metal: 1600,
      crystal: 480,
      deuterium: 800,
    });
    assert.deepEqual(ogame.buildingCost('nanite_factory', 0), {
      metal: 1_000_000,
      crystal: 500_000,
      deuterium: 100_000,
    });
  });

  it('asks energy where the game does, with the space dock growing it by 2.5', () => {
    assert.deepEqual(ogame.buildingCost('terraformer', 0), {
      metal: 0,
      crystal: 50_000,
      deuterium: 100_000,
      energy: 1000,
    });
    assert.deepEqual(ogame.buildingCost('space_dock', 1), {
      metal: 1000,
      crystal: 0,
      deuterium: 250,
      energy: 125,
    });
    assert.equal(ogame.buildingCost('space_dock', 2).energy, 312);
    assert.deepEqual(ogame.researchCost('graviton', 1), {
      metal: 0,
      crystal: 0,
      deuterium: 0,
      energy: 900_000,
    });
  });

  it('prices research the same way, astrophysics rounded to the nearest 100', () => {
    assert.deepEqual(ogame.researchCost('energy', 0), { metal: 0, crystal: 800, deuterium: 400 });
    assert.deepEqual(ogame.researchCost('weapons', 2), { metal: 3200, crystal: 800, deuterium: 0 });
    const astro = [0, 1, 2, 3].map((level) => ogame.researchCost('astrophysics', level));
    assert.deepEqual(
      astro.map((cost) => [cost.metal, cost.crystal, cost.deuterium]),
      [
        [4000, 8000, 4000],
        [7000, 14_000, 7000],
        [12_300, 24_500, 12_300], // 12 250 rounds half up
        [21_400, 42_900, 21_400],
      ],
    );
  });

  it('prices ships and defenses per unit, the live ion cannon at 5000/3000', () => {
    assert.deepEqual(ogame.unitCost('deathstar'), {
      metal: 5_000_000,
      crystal: 4_000_000,
      deuterium: 1_000_000,
    });
    assert.deepEqual(ogame.unitCost('ion_cannon'), { metal: 5000, crystal: 3000, deuterium: 0 });
    assert.deepEqual(ogame.unitCost('interplanetary_missile'), {
      metal: 12_500,
      crystal: 2500,
      deuterium: 10_000,
    });
  });

  it('throws UnknownUnitError for unknown or miscategorised types', () => {
    assert.throws(() => ogame.buildingCost('lunar_base', 0), UnknownUnitError);
    assert.throws(() => ogame.buildingCost('energy', 0), UnknownUnitError);
    assert.throws(() => ogame.researchCost('research_lab', 0), UnknownUnitError);
    assert.throws(() => ogame.unitCost('shipyard'), UnknownUnitError);
    assert.throws(() => ogame.buildingQuote('no_such_building', 0), UnknownUnitError);
  });
});

describe('ogame building time', () => {
  it('is (M + C) / (2500 × (1 + robotics) × 2^nanite) h × 2/(8 − L) up to level 5', () => {
    // Level 1: 75 × 3600 / 2500 = 108 s, × 2/7 = 30.86 s.
    assert.equal(ogame.buildingTime('metal_mine', 0, ctx()), 30);
    // Level 2: 112 → 161.28 s × 2/6 = 53.76 s.
    assert.equal(ogame.buildingTime('metal_mine', 1, ctx()), 53);
    // Level 5: 378 → 544.32 s × 2/3 = 362.88 s.
    assert.equal(ogame.buildingTime('metal_mine', 4, ctx()), 362);
    // Level 6 and up: no factor (2/(8 − 6) = 1). 568 → 817.92 s.
    assert.equal(ogame.buildingTime('metal_mine', 5, ctx()), 817);
    // Robotics 2 divides by 3: 36 s × 2/7.
    assert.equal(ogame.buildingTime('metal_mine', 0, ctx({ robot_factory: 2 })), 10);
  });

  it('doubles the speed per nanite level; the nanite factory has no low-level factor', () => {
    // 1 500 000 × 3600 / (2500 × 11) = 196 363.6 s, with no 2/7.
    assert.equal(ogame.buildingTime('nanite_factory', 0, ctx({ robot_factory: 10 })), 196_363);
    const robots = ctx({ robot_factory: 10 });
    const nanites = ctx({ robot_factory: 10, nanite_factory: 2 });
    assert.equal(
      ogame.buildingTime('shipyard', 9, nanites),
      Math.floor(ogame.buildingTime('shipyard', 9, robots) / 4),
    );
  });

  it('divides by the economy speed and never goes below one second', () => {
    const fast = createOgameRuleset({ economySpeed: 2 });
    assert.equal(fast.buildingTime('metal_mine', 5, ctx()), 408); // 817.92 / 2
    const absurd = createOgameRuleset({ economySpeed: 1_000_000 });
    assert.equal(absurd.buildingTime('metal_mine', 0, ctx()), 1);
  });

  it('quotes the unreduced time: no robotics, no nanite, speed 1', () => {
    const fast = createOgameRuleset({ economySpeed: 4 });
    assert.equal(fast.buildingBaseTime('metal_mine', 5), 817);
    assert.deepEqual(fast.buildingQuote('metal_mine', 5), {
      cost: { metal: 455, crystal: 113, deuterium: 0 },
      buildTimeSeconds: 817,
    });
  });
});

describe('ogame research time', () => {
  it('is (M + C) / (1000 × (1 + lab)) h', () => {
    // Energy technology level 1 with a level-1 lab: 800 × 3600 / 2000 = 1440 s.
    assert.equal(ogame.researchTime('energy', 0, ctx({ research_lab: 1 })), 1440);
    // Weapons level 5 (12 800 + 3200) with a level-7 lab: 16 000 × 3600 / 8000 = 7200 s.
    assert.equal(ogame.researchTime('weapons', 4, ctx({ research_lab: 7 })), 7200);
    assert.equal(ogame.researchBaseTime('weapons', 4), 57_600);
  });

  it('links the N best other labs able to run the technology (intergalactic research network)', () => {
    const research = { intergalactic_research_network: 2 };
    const time = (others: number[]): number =>
      ogame.researchTime('weapons', 4, {
        buildings: { research_lab: 5 },
        research,
        otherLabLevels: others,
      });
    // Weapons needs lab 4: labs 8 and 6 join (5 + 8 + 6 = 19), lab 3 is too small, N = 2.
    assert.equal(time([8, 3, 6, 5]), (16_000 * 3600) / (1000 * 20));
    assert.equal(time([3, 2]), (16_000 * 3600) / (1000 * 6));
    // Without the network, other labs do not help.
    assert.equal(
      ogame.researchTime('weapons', 4, {
        buildings: { research_lab: 5 },
        research: {},
        otherLabLevels: [10, 10],
      }),
      9600,
    );
  });

  it('divides by the economy speed and the research speed', () => {
    const fast = createOgameRuleset({ economySpeed: 2, researchSpeed: 2 });
    assert.equal(fast.researchTime('energy', 0, ctx({ research_lab: 1 })), 360);
    assert.equal(fast.researchBaseTime('energy', 0), 2880);
  });

  it('takes one second for graviton, which costs only energy', () => {
    assert.equal(ogame.researchTime('graviton', 0, ctx({ research_lab: 12 })), 1);
  });
});

describe('ogame shipyard time', () => {
  it('is (M + C) / (2500 × (1 + shipyard) × 2^nanite) h per unit, floored per unit', () => {
    // Light fighter: 4000 × 3600 / 7500 = 1920 s each with a level-2 shipyard.
    assert.equal(ogame.shipyardTime('light_fighter', 1, ctx({ shipyard: 2 })), 1920);
    assert.equal(ogame.shipyardTime('light_fighter', 10, ctx({ shipyard: 2 })), 19_200);
    // Rocket launcher with shipyard 6 and nanite 1: 2000 × 3600 / 35 000 = 205.7 s.
    assert.equal(
      ogame.shipyardTime('rocket_launcher', 3, ctx({ shipyard: 6, nanite_factory: 1 })),
      615,
    );
    // At least one second per unit.
    const fast = createOgameRuleset({ economySpeed: 10_000 });
    assert.equal(fast.shipyardTime('espionage_probe', 5, ctx({ shipyard: 12 })), 5);
  });

  it('rejects non-positive or fractional quantities', () => {
    assert.throws(() => ogame.shipyardTime('light_fighter', 0, ctx()), RangeError);
    assert.throws(() => ogame.shipyardTime('light_fighter', 1.5, ctx()), RangeError);
    assert.throws(() => ogame.shipyardTime('shipyard', 1, ctx()), UnknownUnitError);
  });
});

describe('ogame demolition and cancel', () => {
  it('costs the removed level’s price × (1 − 0.04 × ion) and takes its build time', () => {
    // Metal mine level 10 costs 2306/576; ion 5 takes 20 % off.
    const quote = ogame.demolition('metal_mine', 10, ctx({}, { ion: 5 }));
    assert.deepEqual(quote.cost, { metal: 1844, crystal: 460, deuterium: 0 });
    assert.deepEqual(quote.refund, { metal: 0, crystal: 0, deuterium: 0 });
    assert.equal(quote.timeSeconds, 4150);
    assert.equal(quote.timeSeconds, ogame.buildingTime('metal_mine', 9, ctx()));
  });

  it('is queued (takes time) and leaves energy out of the price', () => {
    const quote = ogame.demolition('terraformer', 1, ctx({ robot_factory: 10, nanite_factory: 1 }));
    assert.ok(quote.timeSeconds > 0);
    assert.deepEqual(quote.cost, { metal: 0, crystal: 50_000, deuterium: 100_000 });
    const free = ogame.demolition('robot_factory', 3, ctx({}, { ion: 25 }));
    assert.deepEqual(free.cost, { metal: 0, crystal: 0, deuterium: 0 });
  });

  it('is blocked while a built building requires the level', () => {
    assert.deepEqual(ogame.demolishBlock('shipyard', { shipyard: 2, space_dock: 1 }), {
      reason: 'required_by',
      blockedBy: 'space_dock',
      blockedByName: 'Space Dock',
      requiredLevel: 2,
    });
    assert.equal(ogame.demolishBlock('shipyard', { shipyard: 3, space_dock: 1 }), undefined);
    assert.deepEqual(ogame.demolishBlock('metal_mine', {}), { reason: 'not_built' });
  });

  it('refunds 100 % of what a cancelled item cost', () => {
    assert.deepEqual(ogame.cancelRefund({ metal: 303, crystal: 75, deuterium: 1 }), {
      metal: 303,
      crystal: 75,
      deuterium: 1,
    });
    assert.equal(ogame.policies.cancelRefundRate, 1);
  });
});
