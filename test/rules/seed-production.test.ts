// Hourly production, energy and storage of the seed ruleset (ResourceProductionSystem).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedRuleset } from '../../src/rules/index.js';
import { sizeMultiplier, temperatureMultiplier } from '../../src/rules/seed/multipliers.js';
import { energyFactor } from '../../src/rules/seed/production.js';
import { homeworld, near, seed } from './helpers.js';

describe('seed production at the start (§4.1 example)', () => {
  it('mines 1, solar 1, size 163, temp 25: E 20, R 7, factor 1, 33/22/11 per hour', () => {
    const rates = seed.production(homeworld());
    assert.equal(rates.energyProduced, 20);
    assert.equal(rates.energyConsumed, 7);
    assert.equal(rates.factor, 1);
    near(rates.metal, 33);
    near(rates.crystal, 22);
    near(rates.deuterium, 11);
  });

  it('a level-0 mine still yields its base rate (30/20/10), as in the Python server', () => {
    const rates = seed.production(homeworld({ buildings: {} }));
    assert.equal(rates.factor, 1); // no demand at all
    near(rates.metal, 30);
    near(rates.crystal, 20);
    near(rates.deuterium, 10);
  });
});

describe('seed energy factor with the 0.25 soft floor', () => {
  it('is 1 without demand, even without supply', () => {
    assert.equal(energyFactor(0, 0), 1);
    assert.equal(energyFactor(20, 0), 1);
  });

  it('is 0 with demand but no supply', () => {
    assert.equal(energyFactor(0, 7), 0);
  });

  it('is E/R between the floor and 1', () => {
    assert.equal(energyFactor(50, 100), 0.5);
    assert.equal(energyFactor(25, 100), 0.25);
    assert.equal(energyFactor(100, 100), 1);
    assert.equal(energyFactor(200, 7), 1);
  });

  it('never drops below 0.25 while some energy is produced', () => {
    assert.equal(energyFactor(20, 100), 0.25);
    assert.equal(energyFactor(1, 1000), 0.25);
  });

  it('scales every mine by the factor', () => {
    // R = 3·20 + 2·10 + 2·10 = 100 against E = 20: the floor applies.
    const rates = seed.production(
      homeworld({
        buildings: { metal_mine: 20, crystal_mine: 10, deuterium_synthesizer: 10, solar_plant: 1 },
      }),
    );
    assert.equal(rates.energyConsumed, 100);
    assert.equal(rates.factor, 0.25);
    near(rates.metal, 30 * 1.1 ** 20 * 0.25);
    near(rates.crystal, 20 * 1.1 ** 10 * 0.25);
  });
});

describe('seed planet multipliers', () => {
  it('temperature multiplier, at each band boundary', () => {
    const table: [number, number][] = [
      [-100, 1.2],
      [-40, 1.2],
      [-39, 1.1],
      [0, 1.1],
      [1, 1.0],
      [25, 1.0],
      [26, 0.9],
      [50, 0.9],
      [51, 0.8],
      [120, 0.8],
    ];
    for (const [temperature, multiplier] of table) {
      assert.equal(temperatureMultiplier(temperature), multiplier, `t = ${temperature}`);
    }
  });

  it('size multiplier, at each band boundary', () => {
    const table: [number, number][] = [
      [140, 0.9],
      [150, 0.9],
      [151, 1.0],
      [175, 1.0],
      [176, 1.1],
      [200, 1.1],
    ];
    for (const [size, multiplier] of table) {
      assert.equal(sizeMultiplier(size), multiplier, `s = ${size}`);
    }
  });

  it('temperature acts on deuterium only; size on every resource', () => {
    const rates = seed.production(homeworld({ temperature: -50, size: 200 }));
    near(rates.metal, 33 * 1.1);
    near(rates.crystal, 22 * 1.1);
    near(rates.deuterium, 11 * 1.1 * 1.2);
  });

  it('a hot, small planet', () => {
    const rates = seed.production(homeworld({ temperature: 60, size: 140 }));
    near(rates.metal, 33 * 0.9);
    near(rates.deuterium, 11 * 0.9 * 0.8);
  });
});

describe('seed fusion reactor and energy technology', () => {
  it('fusion adds 30 energy per level and burns 5 deuterium per level and hour', () => {
    const rates = seed.production(
      homeworld({ buildings: { ...seed.startingBuildings(), fusion_reactor: 2 } }),
    );
    assert.equal(rates.energyProduced, 80);
    near(rates.deuterium, 11 - 10);
  });

  it('deuterium can go net negative when the reactor burns more than is made', () => {
    const rates = seed.production(
      homeworld({ buildings: { ...seed.startingBuildings(), fusion_reactor: 4 } }),
    );
    near(rates.deuterium, 11 - 20);
  });

  it('energy technology raises all produced energy by 2 % per level', () => {
    const buildings = { ...seed.startingBuildings(), fusion_reactor: 2 };
    const rates = seed.production(homeworld({ buildings, research: { energy: 5 } }));
    near(rates.energyProduced, 88);
  });

  it('energy technology can lift the factor', () => {
    // R = 3·10 + 2 + 2 = 34; E = 20 × 1.5 = 30 with energy 25.
    const buildings = { ...seed.startingBuildings(), metal_mine: 10 };
    const without = seed.production(homeworld({ buildings }));
    const withTech = seed.production(homeworld({ buildings, research: { energy: 25 } }));
    near(without.factor, 20 / 34);
    near(withTech.factor, 30 / 34);
    near(withTech.metal, 30 * 1.1 ** 10 * (30 / 34));
  });
});

describe('seed plasma technology', () => {
  it('adds 1 % metal, 0.6 % crystal and 2 % deuterium per level', () => {
    const rates = seed.production(homeworld({ research: { plasma: 10 } }));
    near(rates.metal, 33 * 1.1);
    near(rates.crystal, 22 * 1.06);
    near(rates.deuterium, 11 * 1.2);
  });

  it('does not boost the fusion reactor burn', () => {
    const buildings = { ...seed.startingBuildings(), fusion_reactor: 1 };
    const rates = seed.production(homeworld({ buildings, research: { plasma: 10 } }));
    near(rates.deuterium, 11 * 1.2 - 5);
  });
});

describe('seed economy speed', () => {
  it('multiplies production and the fusion burn, not energy', () => {
    const buildings = { ...seed.startingBuildings(), fusion_reactor: 1 };
    const rates = createSeedRuleset({ economySpeed: 3 }).production(homeworld({ buildings }));
    near(rates.metal, 99);
    near(rates.deuterium, 3 * (11 - 5));
    assert.equal(rates.energyProduced, 50);
  });
});

describe('seed storage capacity', () => {
  it('is 100000/75000/50000 on a normal-sized planet without storage buildings', () => {
    assert.deepEqual(seed.storageCapacity(homeworld()), {
      metal: 100_000,
      crystal: 75_000,
      deuterium: 50_000,
    });
  });

  it('doubles per storage level and follows the size multiplier', () => {
    const small = seed.storageCapacity(homeworld({ buildings: { metal_storage: 2 }, size: 140 }));
    near(small.metal, 360_000);
    near(small.crystal, 67_500);
    const large = seed.storageCapacity(
      homeworld({ buildings: { deuterium_tank: 1, crystal_storage: 3 }, size: 180 }),
    );
    near(large.deuterium, 110_000);
    near(large.crystal, 660_000);
    near(large.metal, 110_000);
  });
});
