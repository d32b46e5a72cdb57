// Catalog, prerequisites, demolition, refunds, policies and description of the seed ruleset.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createRuleset, createSeedRuleset, UnknownUnitError } from '../../src/rules/index.js';
import { ctx, seed } from './helpers.js';

describe('seed catalog', () => {
  it('lists 11 buildings, 6 technologies, 6 ships and no defenses', () => {
    assert.deepEqual(
      seed.units('building').map((u) => u.type),
      [
        'metal_mine',
        'crystal_mine',
        'deuterium_synthesizer',
        'solar_plant',
        'robot_factory',
        'shipyard',
        'research_lab',
        'fusion_reactor',
        'metal_storage',
        'crystal_storage',
        'deuterium_tank',
      ],
    );
    assert.deepEqual(
      seed.units('research').map((u) => u.type),
      ['energy', 'laser', 'ion', 'hyperspace', 'plasma', 'computer'],
    );
    assert.deepEqual(
      seed.units('ship').map((u) => u.type),
      ['light_fighter', 'heavy_fighter', 'cruiser', 'battleship', 'bomber', 'colony_ship'],
    );
    assert.deepEqual(seed.units('defense'), []);
  });

  it('looks units up by type, undefined when unknown', () => {
    assert.equal(seed.unit('shipyard')?.category, 'building');
    assert.equal(seed.unit('shipyard')?.name, 'Shipyard');
    assert.equal(seed.unit('plasma')?.category, 'research');
    assert.equal(seed.unit('colony_ship')?.category, 'ship');
    assert.equal(seed.unit('deathstar'), undefined);
  });

  it('is frozen: nobody can change a price at run time', () => {
    const mine = seed.unit('metal_mine');
    assert.ok(mine);
    assert.throws(() => {
      (mine.baseCost as { metal: number }).metal = 1;
    }, TypeError);
  });

  it('starts a planet with mines 1, solar 1 and everything else 0', () => {
    const start = seed.startingBuildings();
    assert.deepEqual(start, {
      metal_mine: 1,
      crystal_mine: 1,
      deuterium_synthesizer: 1,
      solar_plant: 1,
      robot_factory: 0,
      shipyard: 0,
      research_lab: 0,
      fusion_reactor: 0,
      metal_storage: 0,
      crystal_storage: 0,
      deuterium_tank: 0,
    });
    start.metal_mine = 9;
    assert.equal(seed.startingBuildings().metal_mine, 1);
  });
});

describe('seed prerequisites', () => {
  const none = { buildings: {}, research: {} };

  it('shipyard needs robot factory 2', () => {
    assert.deepEqual(
      seed.missingRequirements('shipyard', { buildings: { robot_factory: 1 }, research: {} }),
      [{ type: 'robot_factory', level: 2 }],
    );
    assert.deepEqual(
      seed.missingRequirements('shipyard', { buildings: { robot_factory: 2 }, research: {} }),
      [],
    );
  });

  it('fusion reactor needs deuterium synthesizer 1', () => {
    assert.deepEqual(seed.missingRequirements('fusion_reactor', none), [
      { type: 'deuterium_synthesizer', level: 1 },
    ]);
    assert.deepEqual(
      seed.missingRequirements('fusion_reactor', {
        buildings: seed.startingBuildings(),
        research: {},
      }),
      [],
    );
  });

  it('research prerequisites are read from research levels (HEAD table)', () => {
    assert.deepEqual(seed.missingRequirements('ion', none), [{ type: 'laser', level: 4 }]);
    assert.deepEqual(
      seed.missingRequirements('hyperspace', { buildings: {}, research: { energy: 6, laser: 5 } }),
      [{ type: 'laser', level: 6 }],
    );
    assert.deepEqual(
      seed.missingRequirements('plasma', { buildings: {}, research: { energy: 8, ion: 4 } }),
      [{ type: 'ion', level: 5 }],
    );
    assert.deepEqual(
      seed.missingRequirements('plasma', { buildings: {}, research: { energy: 8, ion: 5 } }),
      [],
    );
    // A building level of the same name does not count for a research requirement.
    assert.deepEqual(seed.missingRequirements('ion', { buildings: { laser: 9 }, research: {} }), [
      { type: 'laser', level: 4 },
    ]);
  });

  it('energy, laser and computer have none', () => {
    for (const type of ['energy', 'laser', 'computer'])
      assert.deepEqual(seed.missingRequirements(type, none), []);
  });

  it('throws for an unknown type', () => {
    assert.throws(() => seed.missingRequirements('graviton', none), UnknownUnitError);
  });
});

describe('seed demolition', () => {
  it('is blocked when another built building would lose its prerequisite', () => {
    assert.deepEqual(seed.demolishBlock('robot_factory', { robot_factory: 2, shipyard: 1 }), {
      reason: 'required_by',
      blockedBy: 'shipyard',
      blockedByName: 'Shipyard',
      requiredLevel: 2,
    });
    assert.deepEqual(
      seed.demolishBlock('deuterium_synthesizer', { deuterium_synthesizer: 1, fusion_reactor: 1 }),
      {
        reason: 'required_by',
        blockedBy: 'fusion_reactor',
        blockedByName: 'Fusion Reactor',
        requiredLevel: 1,
      },
    );
  });

  it('is allowed when the prerequisite still holds, or the dependant is not built', () => {
    assert.equal(seed.demolishBlock('robot_factory', { robot_factory: 3, shipyard: 1 }), undefined);
    assert.equal(seed.demolishBlock('robot_factory', { robot_factory: 2, shipyard: 0 }), undefined);
    assert.equal(seed.demolishBlock('metal_mine', { metal_mine: 1 }), undefined);
  });

  it('needs a level to remove', () => {
    assert.deepEqual(seed.demolishBlock('metal_mine', { metal_mine: 0 }), { reason: 'not_built' });
    assert.deepEqual(seed.demolishBlock('shipyard', {}), { reason: 'not_built' });
  });

  it('refunds 30 % of cost(new level), truncated, at once and free of charge', () => {
    // metal_mine 3 → 2: cost(2) = 135/33/0
    assert.deepEqual(seed.demolition('metal_mine', 3, ctx()), {
      cost: { metal: 0, crystal: 0, deuterium: 0 },
      refund: { metal: 40, crystal: 9, deuterium: 0 },
      timeSeconds: 0,
    });
    // shipyard 2 → 1: cost(1) = 600/300/150
    assert.deepEqual(seed.demolition('shipyard', 2, ctx()).refund, {
      metal: 180,
      crystal: 90,
      deuterium: 45,
    });
  });

  it('throws for non-buildings', () => {
    assert.throws(() => seed.demolishBlock('energy', { energy: 1 }), UnknownUnitError);
  });
});

describe('seed cancel refund', () => {
  it('gives back 50 % of what was paid, truncated', () => {
    assert.equal(seed.policies.cancelRefundRate, 0.5);
    assert.deepEqual(seed.cancelRefund({ metal: 135, crystal: 33, deuterium: 0 }), {
      metal: 67,
      crystal: 16,
      deuterium: 0,
    });
  });
});

describe('seed policies and options', () => {
  it('research is player-wide, one project at a time', () => {
    assert.equal(seed.policies.researchScope, 'player');
    assert.equal(seed.policies.maxConcurrentResearch, 1);
    assert.equal(seed.policies.colonizationTimeSeconds, 1);
  });

  it('defaults every speed to 1', () => {
    assert.deepEqual(seed.speeds, { economySpeed: 1, researchSpeed: 1, fleetSpeed: 1 });
  });

  it('takes knobs from options, not the environment', () => {
    const custom = createSeedRuleset({ colonizationTimeSeconds: 30, fleetSpeed: 2 });
    assert.equal(custom.policies.colonizationTimeSeconds, 30);
    assert.equal(custom.speeds.fleetSpeed, 2);
  });

  it('rejects meaningless knobs', () => {
    assert.throws(() => createSeedRuleset({ economySpeed: 0 }), RangeError);
    assert.throws(() => createSeedRuleset({ baseMaxFleetSize: -1 }), RangeError);
    assert.throws(() => createSeedRuleset({ researchSpeed: Number.NaN }), RangeError);
  });
});

describe('seed description (GET /rules)', () => {
  const description = seed.describe();

  it('is plain JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(description)), description);
  });

  it('lists every unit with prices, factors, times, stats and prerequisites', () => {
    assert.equal(description.id, 'seed');
    assert.equal(description.units.building.length, 11);
    assert.equal(description.units.research.length, 6);
    assert.equal(description.units.ship.length, 6);
    assert.deepEqual(description.units.defense, []);
    const shipyard = description.units.building.find((u) => u.type === 'shipyard');
    assert.deepEqual(shipyard, {
      type: 'shipyard',
      category: 'building',
      name: 'Shipyard',
      baseCost: { metal: 400, crystal: 200, deuterium: 100 },
      costFactor: 1.5,
      baseTimeSeconds: 400,
      timeFactor: 1.2,
      requires: [{ type: 'robot_factory', level: 2 }],
    });
    for (const ship of description.units.ship) assert.ok(ship.stats);
    assert.equal(description.constants.energyDeficitSoftFloor, 0.25);
    assert.equal(description.constants.baseMaxFleetSize, 50);
  });

  it('is a copy: changing it does not change the ruleset', () => {
    const copy = seed.describe();
    const mine = copy.units.building[0];
    assert.ok(mine);
    mine.baseCost.metal = 1;
    assert.equal(seed.buildingCost('metal_mine', 0).metal, 60);
  });
});

describe('createRuleset', () => {
  it('builds the seed ruleset', () => {
    const rules = createRuleset('seed', { baseMaxFleetSize: 70 });
    assert.equal(rules.id, 'seed');
    assert.equal(rules.maxShipsPerPlanet({}), 70);
  });

  it('builds the ogame ruleset', () => {
    const rules = createRuleset('ogame', { economySpeed: 2 });
    assert.equal(rules.id, 'ogame');
    assert.equal(rules.speeds.economySpeed, 2);
    assert.equal(rules.maxShipsPerPlanet({}), undefined);
  });
});
