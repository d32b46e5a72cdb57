// Ships of the seed ruleset: prices, batch durations, research-modified stats and the caps.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSeedRuleset, UnknownUnitError } from '../../src/rules/index.js';
import { ctx, seed } from './helpers.js';

describe('seed ship prices', () => {
  it('are per unit', () => {
    assert.deepEqual(seed.unitCost('light_fighter'), { metal: 300, crystal: 150, deuterium: 0 });
    assert.deepEqual(seed.unitCost('bomber'), { metal: 5000, crystal: 3000, deuterium: 1000 });
    assert.deepEqual(seed.unitCost('colony_ship'), { metal: 450, crystal: 225, deuterium: 0 });
  });

  it('hand out copies that callers may change', () => {
    const cost = seed.unitCost('cruiser');
    cost.metal = 0;
    assert.equal(seed.unitCost('cruiser').metal, 2000);
  });
});

describe('seed shipyard time', () => {
  it('per_time × quantity × (1 − 0.05·shipyard), truncated per batch', () => {
    assert.equal(seed.shipyardTime('light_fighter', 1, ctx({ shipyard: 1 })), 57);
    assert.equal(seed.shipyardTime('light_fighter', 3, ctx({ shipyard: 1 })), 171);
  });

  it('combines shipyard, robot factory and hyperspace', () => {
    // 180 × 0.9 × 0.96 = 155.52 → 155
    assert.equal(
      seed.shipyardTime('light_fighter', 3, ctx({ shipyard: 2, robot_factory: 2 })),
      155,
    );
    // 600 × 0.98 × 0.95 = 558.6 → 558
    assert.equal(seed.shipyardTime('battleship', 1, ctx({ shipyard: 1 }, { hyperspace: 1 })), 558);
  });

  it('clamps the factor at 0.5', () => {
    // 0.5 × 0.9 = 0.45 → 0.5
    assert.equal(
      seed.shipyardTime('light_fighter', 3, ctx({ shipyard: 10, robot_factory: 5 })),
      90,
    );
    assert.equal(
      seed.shipyardTime('light_fighter', 1, ctx({ shipyard: 30 }, { hyperspace: 60 })),
      30,
    );
  });

  it('takes at least one second', () => {
    // The colony ship's 1 s halved is 0.5 s, raised to 1.
    assert.equal(seed.shipyardTime('colony_ship', 1, ctx({ shipyard: 10 })), 1);
    assert.equal(seed.shipyardTime('colony_ship', 4, ctx({ shipyard: 10 })), 2);
  });

  it('rejects a quantity that is not a positive integer', () => {
    assert.throws(() => seed.shipyardTime('light_fighter', 0, ctx()), RangeError);
    assert.throws(() => seed.shipyardTime('light_fighter', 1.5, ctx()), RangeError);
  });

  it('rejects non-ships', () => {
    assert.throws(() => seed.shipyardTime('shipyard', 1, ctx()), UnknownUnitError);
  });
});

describe('seed ship requirements', () => {
  it('every ship needs a shipyard of level 1', () => {
    for (const ship of seed.units('ship')) {
      assert.deepEqual(seed.missingRequirements(ship.type, { buildings: {}, research: {} }), [
        { type: 'shipyard', level: 1 },
      ]);
      assert.deepEqual(
        seed.missingRequirements(ship.type, { buildings: { shipyard: 1 }, research: {} }),
        [],
      );
    }
  });
});

describe('seed ship stats', () => {
  it('without research, the base table; structure = metal + crystal price', () => {
    assert.deepEqual(seed.unitStats('light_fighter', {}), {
      attack: 50,
      shield: 10,
      structure: 450,
      speed: 12500,
      cargo: 50,
      fuel: 0,
    });
    assert.equal(seed.unitStats('battleship', {}).structure, 10_000);
    assert.equal(seed.unitStats('cruiser', {}).structure, 3500);
  });

  it('laser and plasma raise attack, ion shield, hyperspace speed and cargo (truncated)', () => {
    const stats = seed.unitStats('light_fighter', { laser: 10, plasma: 4, ion: 5, hyperspace: 5 });
    assert.equal(stats.attack, 56); // 50 × 1.12
    assert.equal(stats.shield, 10); // int(10.5)
    assert.equal(stats.speed, 13_750); // 12500 × 1.1
    assert.equal(stats.cargo, 55); // 50 × 1.1
    assert.equal(stats.structure, 450); // no seed research touches structure
    assert.deepEqual(seed.unitStats('battleship', { laser: 3, ion: 3, hyperspace: 3 }), {
      attack: 1030,
      shield: 206,
      structure: 10_000,
      speed: 10_600,
      cargo: 1590,
      fuel: 0,
    });
  });

  it('the colony ship has stats (the Python server lacked them)', () => {
    assert.deepEqual(seed.unitStats('colony_ship', {}), {
      attack: 50,
      shield: 100,
      structure: 675,
      speed: 2500,
      cargo: 7500,
      fuel: 0,
    });
    for (const ship of seed.units('ship')) assert.ok(ship.stats, `${ship.type} has stats`);
  });

  it('throws for units without stats', () => {
    assert.throws(() => seed.unitStats('metal_mine', {}), UnknownUnitError);
  });
});

describe('seed shipyard caps', () => {
  it('queue holds 2 + 1 × shipyard level items', () => {
    assert.equal(seed.shipyardQueueLimit({}), 2);
    assert.equal(seed.shipyardQueueLimit({ shipyard: 3 }), 5);
  });

  it('a planet holds 50 + 10 × computer ships by default', () => {
    assert.equal(seed.maxShipsPerPlanet({}), 50);
    assert.equal(seed.maxShipsPerPlanet({ computer: 3 }), 80);
  });

  it('fleet size knobs come from the options', () => {
    const custom = createSeedRuleset({ baseMaxFleetSize: 100, fleetSizePerComputerLevel: 5 });
    assert.equal(custom.maxShipsPerPlanet({ computer: 2 }), 110);
  });

  it('fleet slots are unlimited in the seed', () => {
    assert.equal(seed.maxFleetSlots({ computer: 5 }), undefined);
  });
});
