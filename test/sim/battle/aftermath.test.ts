import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OGAME_COMBAT_UNITS } from '../../../src/rules/ogame/combat-units.js';
import { addResources, computeDebris } from '../../../src/sim/battle/debris.js';
import { cargoCapacity, computeLoot } from '../../../src/sim/battle/loot.js';
import { moonChancePercent, rollMoon } from '../../../src/sim/battle/moon.js';
import { repairDefenses } from '../../../src/sim/battle/repair.js';
import { createRng } from '../../../src/sim/random.js';

const units = OGAME_COMBAT_UNITS;

describe('debris', () => {
  const destroyed = { cruiser: 10, rocket_launcher: 100 };

  it('is 30 % of the metal and crystal of destroyed ships, 0 % of defenses, by default', () => {
    // Cruiser 20 000 / 7 000 / 2 000: 10 x 30 % = 60 000 / 21 000; deuterium off.
    assert.deepEqual(computeDebris(destroyed, units), {
      metal: 60_000,
      crystal: 21_000,
      deuterium: 0,
    });
  });

  it('takes configurable percentages and optional deuterium', () => {
    const debris = computeDebris(destroyed, units, {
      shipPercent: 50,
      defensePercent: 30,
      includeDeuterium: true,
    });
    // Ships 50 %: 100 000 / 35 000 / 10 000. Rocket launchers 2 000 metal x 100 x 30 % = 60 000.
    assert.deepEqual(debris, { metal: 160_000, crystal: 35_000, deuterium: 10_000 });
  });

  it('floors once on the exact total and adds fields', () => {
    // Light fighter 3 000 / 1 000 at 33 %: 1 unit = 990 / 330; 3 units = 2 970 / 990.
    assert.deepEqual(computeDebris({ light_fighter: 3 }, units, { shipPercent: 33 }), {
      metal: 2970,
      crystal: 990,
      deuterium: 0,
    });
    assert.deepEqual(
      addResources(
        { metal: 1, crystal: 2, deuterium: 3 },
        { metal: 10, crystal: 20, deuterium: 30 },
      ),
      {
        metal: 11,
        crystal: 22,
        deuterium: 33,
      },
    );
  });

  it('rejects unknown unit types', () => {
    assert.throws(() => computeDebris({ tie_fighter: 1 }, units), RangeError);
  });
});

describe('loot', () => {
  it('matches the OGameX test: 100k/100k/10k with 25 000 capacity -> 10 000/10 000/5 000', () => {
    assert.deepEqual(computeLoot({ metal: 100_000, crystal: 100_000, deuterium: 10_000 }, 25_000), {
      metal: 10_000,
      crystal: 10_000,
      deuterium: 5000,
    });
  });

  it('takes 50 % of everything (floored) when the cargo room suffices', () => {
    assert.deepEqual(computeLoot({ metal: 1001, crystal: 500, deuterium: 3 }, 1_000_000), {
      metal: 500,
      crystal: 250,
      deuterium: 1,
    });
  });

  it('shares leftover room among the resources that still have loot', () => {
    // Want 0 / 50 000 / 50 000; a third of 30 000 each, then the 10 000 left split evenly.
    assert.deepEqual(computeLoot({ metal: 0, crystal: 100_000, deuterium: 100_000 }, 30_000), {
      metal: 0,
      crystal: 15_000,
      deuterium: 15_000,
    });
    // Want 3 500 / 100 000 / 1 000 with 9 000 room: 3 000 / 3 000 / 1 000 first; the 2 000 left
    // is split 1 000 each, but metal can take only 500 more; a second pass gives crystal the
    // last 500 -> 3 500 / 4 500 / 1 000, exactly the room.
    const loot = computeLoot({ metal: 7000, crystal: 200_000, deuterium: 2000 }, 9000);
    assert.deepEqual(loot, { metal: 3500, crystal: 4500, deuterium: 1000 });
    assert.equal(loot.metal + loot.crystal + loot.deuterium, 9000);
  });

  it('never exceeds the room, even with odd remainders', () => {
    const loot = computeLoot({ metal: 1e6, crystal: 1e6, deuterium: 1e6 }, 10);
    assert.deepEqual(loot, { metal: 4, crystal: 3, deuterium: 3 });
    assert.deepEqual(computeLoot({ metal: 1e6, crystal: 0, deuterium: 0 }, 0), {
      metal: 0,
      crystal: 0,
      deuterium: 0,
    });
  });

  it('supports another loot percentage', () => {
    assert.deepEqual(computeLoot({ metal: 1000, crystal: 1000, deuterium: 1000 }, 1e9, 75), {
      metal: 750,
      crystal: 750,
      deuterium: 750,
    });
  });

  it('computes fleet cargo capacity with the hyperspace technology bonus', () => {
    // 10 large cargo (25 000) + 5 small cargo (5 000) = 275 000; +5 % per level.
    assert.equal(cargoCapacity({ large_cargo: 10, small_cargo: 5 }, units), 275_000);
    assert.equal(cargoCapacity({ large_cargo: 10, small_cargo: 5 }, units, 2), 302_500);
  });
});

describe('moon chance', () => {
  it('is 1 % per 100 000 debris (metal + crystal), capped at 20 %', () => {
    assert.equal(moonChancePercent({ metal: 99_999, crystal: 0, deuterium: 0 }), 0);
    assert.equal(moonChancePercent({ metal: 60_000, crystal: 40_000, deuterium: 0 }), 1);
    assert.equal(moonChancePercent({ metal: 1_500_000, crystal: 499_999, deuterium: 0 }), 19);
    assert.equal(moonChancePercent({ metal: 5_000_000, crystal: 5_000_000, deuterium: 0 }), 20);
  });

  it('counts deuterium only when asked', () => {
    const debris = { metal: 100_000, crystal: 0, deuterium: 150_000 };
    assert.equal(moonChancePercent(debris), 1);
    assert.equal(moonChancePercent(debris, { includeDeuterium: true }), 2);
  });

  it('rolls with the given chance', () => {
    const rng = createRng(11);
    let moons = 0;
    for (let i = 0; i < 10_000; i++) if (rollMoon(20, rng)) moons++;
    // p = 0.2, std = 40.
    assert.ok(Math.abs(moons - 2000) < 160, `moons ${moons}`);
    assert.equal(rollMoon(0, rng), false);
  });
});

describe('defense repair', () => {
  it('repairs each destroyed defense with 70 % probability and never ships', () => {
    const repaired = repairDefenses({ rocket_launcher: 10_000, cruiser: 50 }, units, createRng(4));
    assert.deepEqual(Object.keys(repaired), ['rocket_launcher']);
    // Binomial(10 000, 0.7): std ~ 45.8.
    assert.ok(
      Math.abs(repaired['rocket_launcher']! - 7000) < 185,
      `${repaired['rocket_launcher']}`,
    );
  });

  it('is deterministic for a seed and honours 0 % and 100 %', () => {
    const lost = { light_laser: 37, gauss_cannon: 3 };
    assert.deepEqual(
      repairDefenses(lost, units, createRng(9)),
      repairDefenses(lost, units, createRng(9)),
    );
    assert.deepEqual(repairDefenses(lost, units, createRng(9), { ratePercent: 0 }), {
      gauss_cannon: 0,
      light_laser: 0,
    });
    assert.deepEqual(repairDefenses(lost, units, createRng(9), { ratePercent: 100 }), lost);
  });

  it('classic method: bulk 60-80 % from 10 destroyed units up', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const repaired = repairDefenses({ rocket_launcher: 1000 }, units, createRng(seed), {
        method: 'classic',
      })['rocket_launcher']!;
      assert.ok(repaired >= 600 && repaired <= 800, `${repaired}`);
      // ⌊1000 x r / 100⌋ with a whole percent r: a multiple of 10.
      assert.equal(repaired % 10, 0);
    }
  });
});
