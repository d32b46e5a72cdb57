// The OGame catalog, requirements, policies and GET /rules description.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  createOgameRuleset,
  createRuleset,
  UnknownUnitError,
  type UnitCategory,
} from '../../src/rules/index.js';
import { COMBAT_UNIT_IDS, OGAME_COMBAT_UNITS } from '../../src/rules/ogame/combat-units.js';
import { ogame } from './helpers.js';

const none = { buildings: {}, research: {} };
const ids = (category: UnitCategory): string[] => ogame.units(category).map((u) => u.type);

describe('ogame catalog', () => {
  it('has the 16 planet buildings and no moon building', () => {
    assert.deepEqual(ids('building'), [
      'metal_mine',
      'crystal_mine',
      'deuterium_synthesizer',
      'solar_plant',
      'fusion_reactor',
      'robot_factory',
      'nanite_factory',
      'shipyard',
      'metal_storage',
      'crystal_storage',
      'deuterium_tank',
      'research_lab',
      'terraformer',
      'alliance_depot',
      'space_dock',
      'missile_silo',
    ]);
    for (const moon of ['lunar_base', 'sensor_phalanx', 'jump_gate']) {
      assert.equal(ogame.unit(moon), undefined, moon);
    }
  });

  it('has the 16 technologies', () => {
    assert.deepEqual(ids('research').sort(), [
      'armour',
      'astrophysics',
      'combustion_drive',
      'computer',
      'energy',
      'espionage',
      'graviton',
      'hyperspace',
      'hyperspace_drive',
      'impulse_drive',
      'intergalactic_research_network',
      'ion',
      'laser',
      'plasma',
      'shielding',
      'weapons',
    ]);
  });

  it('has every ship and defense of the battle table, plus the two missiles', () => {
    const fighting = [...ids('ship'), ...ids('defense')].filter(
      (type) => !type.endsWith('_missile'),
    );
    assert.deepEqual([...fighting].sort(), [...COMBAT_UNIT_IDS].sort());
    assert.equal(ids('ship').length, 17);
    assert.deepEqual(ids('defense').slice(-2), [
      'anti_ballistic_missile',
      'interplanetary_missile',
    ]);
  });

  it('takes prices, stats and rapid fire from combat-units.ts', () => {
    for (const id of COMBAT_UNIT_IDS) {
      const unit = ogame.unit(id);
      const combat = OGAME_COMBAT_UNITS[id];
      assert.ok(unit?.stats, id);
      assert.equal(unit.category, combat.kind, id);
      assert.deepEqual(unit.baseCost, { ...combat.cost }, id);
      assert.equal(unit.costFactor, 1, id);
      assert.deepEqual(
        [unit.stats.attack, unit.stats.shield, unit.stats.structure, unit.stats.cargo],
        [combat.attack, combat.shield, combat.structure, combat.cargo],
        id,
      );
      assert.deepEqual(unit.rapidFire, { ...combat.rapidFire }, id);
    }
  });

  it('limits each shield dome to one per planet', () => {
    assert.equal(ogame.unit('small_shield_dome')?.maxCount, 1);
    assert.equal(ogame.unit('large_shield_dome')?.maxCount, 1);
    assert.equal(ogame.unit('rocket_launcher')?.maxCount, undefined);
  });

  it('starts a planet with every building at 0', () => {
    const start = ogame.startingBuildings();
    assert.deepEqual(Object.keys(start), ids('building'));
    assert.ok(Object.values(start).every((level) => level === 0));
    start.metal_mine = 5;
    assert.equal(ogame.startingBuildings().metal_mine, 0);
  });

  it('freezes the catalog', () => {
    const mine = ogame.unit('metal_mine');
    assert.ok(mine);
    assert.throws(() => {
      (mine.baseCost as { metal: number }).metal = 1;
    }, TypeError);
  });
});

describe('ogame requirements', () => {
  it('checks research prerequisites against the planet’s buildings (research lab)', () => {
    assert.deepEqual(ogame.missingRequirements('energy', none), [
      { type: 'research_lab', level: 1 },
    ]);
    assert.deepEqual(
      ogame.missingRequirements('intergalactic_research_network', {
        buildings: { research_lab: 10 },
        research: { computer: 8, hyperspace: 7 },
      }),
      [{ type: 'hyperspace', level: 8 }],
    );
    assert.deepEqual(
      ogame.missingRequirements('graviton', { buildings: { research_lab: 12 }, research: {} }),
      [],
    );
  });

  it('gives the ships their §3.5 prerequisites', () => {
    const needs = (type: string) => ogame.missingRequirements(type, none);
    assert.deepEqual(needs('light_fighter'), [
      { type: 'shipyard', level: 1 },
      { type: 'combustion_drive', level: 1 },
    ]);
    assert.deepEqual(needs('small_cargo'), [
      { type: 'shipyard', level: 2 },
      { type: 'combustion_drive', level: 2 },
    ]);
    assert.deepEqual(needs('cruiser'), [
      { type: 'shipyard', level: 5 },
      { type: 'impulse_drive', level: 4 },
      { type: 'ion', level: 2 },
    ]);
    assert.deepEqual(needs('battlecruiser'), [
      { type: 'shipyard', level: 8 },
      { type: 'hyperspace_drive', level: 5 },
      { type: 'hyperspace', level: 5 },
      { type: 'laser', level: 12 },
    ]);
    assert.deepEqual(needs('espionage_probe'), [
      { type: 'shipyard', level: 3 },
      { type: 'combustion_drive', level: 3 },
      { type: 'espionage', level: 2 },
    ]);
    assert.deepEqual(needs('reaper'), [
      { type: 'shipyard', level: 10 },
      { type: 'hyperspace', level: 6 },
      { type: 'hyperspace_drive', level: 7 },
      { type: 'shielding', level: 6 },
    ]);
    assert.deepEqual(needs('pathfinder'), [
      { type: 'shipyard', level: 5 },
      { type: 'hyperspace_drive', level: 2 },
    ]);
    assert.deepEqual(needs('crawler'), [
      { type: 'shipyard', level: 5 },
      { type: 'combustion_drive', level: 4 },
      { type: 'armour', level: 4 },
      { type: 'laser', level: 4 },
    ]);
    assert.deepEqual(
      ogame.missingRequirements('deathstar', {
        buildings: { shipyard: 12 },
        research: { hyperspace_drive: 7, hyperspace: 6 },
      }),
      [{ type: 'graviton', level: 1 }],
    );
  });

  it('gives buildings and defenses theirs', () => {
    assert.deepEqual(
      ogame.missingRequirements('fusion_reactor', {
        buildings: { deuterium_synthesizer: 5 },
        research: { energy: 2 },
      }),
      [{ type: 'energy', level: 3 }],
    );
    assert.deepEqual(ogame.missingRequirements('nanite_factory', none), [
      { type: 'robot_factory', level: 10 },
      { type: 'computer', level: 10 },
    ]);
    assert.deepEqual(ogame.missingRequirements('interplanetary_missile', none), [
      { type: 'missile_silo', level: 4 },
      { type: 'impulse_drive', level: 1 },
    ]);
    assert.deepEqual(
      ogame.missingRequirements('large_shield_dome', {
        buildings: { shipyard: 6 },
        research: { shielding: 6 },
      }),
      [],
    );
  });

  it('names only types that exist in the catalog', () => {
    for (const unit of ogame
      .units('building')
      .concat(ogame.units('research'), ogame.units('ship'), ogame.units('defense'))) {
      for (const req of unit.requires)
        assert.ok(ogame.unit(req.type), `${unit.type} → ${req.type}`);
    }
  });

  it('throws for an unknown type', () => {
    assert.throws(() => ogame.missingRequirements('jump_gate', none), UnknownUnitError);
  });
});

describe('ogame policies and options', () => {
  it('has player research, one at a time, full cancel refunds', () => {
    assert.deepEqual(ogame.policies, {
      researchScope: 'player',
      maxConcurrentResearch: 1,
      cancelRefundRate: 1,
      colonizationTimeSeconds: 0,
      espionageShipTypes: ['espionage_probe'],
    });
  });

  it('has no fleet-size cap, 1 + computer fleet slots and an unlimited shipyard queue', () => {
    assert.equal(ogame.maxShipsPerPlanet({ computer: 10 }), undefined);
    assert.equal(ogame.maxFleetSlots({}), 1);
    assert.equal(ogame.maxFleetSlots({ computer: 7 }), 8);
    assert.ok(ogame.shipyardQueueLimit({}) >= Number.MAX_SAFE_INTEGER);
  });

  it('takes speeds and colonization time from options and ignores the seed’s fleet cap', () => {
    const rules = createOgameRuleset({
      economySpeed: 3,
      researchSpeed: 2,
      fleetSpeed: 4,
      colonizationTimeSeconds: 30,
      baseMaxFleetSize: 50,
    });
    assert.deepEqual(rules.speeds, { economySpeed: 3, researchSpeed: 2, fleetSpeed: 4 });
    assert.equal(rules.policies.colonizationTimeSeconds, 30);
    assert.equal(rules.maxShipsPerPlanet({}), undefined);
  });

  it('rejects meaningless knobs', () => {
    assert.throws(() => createOgameRuleset({ economySpeed: 0 }), RangeError);
    assert.throws(() => createOgameRuleset({ fleetSpeed: -1 }), RangeError);
    assert.throws(() => createOgameRuleset({ baseMaxFleetSize: Number.NaN }), RangeError);
  });

  it('is what createRuleset("ogame") builds', () => {
    const rules = createRuleset('ogame', { economySpeed: 2 });
    assert.equal(rules.id, 'ogame');
    assert.equal(rules.buildingTime('metal_mine', 5, { buildings: {}, research: {} }), 408);
  });
});

describe('ogame description (GET /rules)', () => {
  const description = ogame.describe();

  it('round-trips through JSON', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(description)), description);
  });

  it('lists the whole catalog with its quirks as data', () => {
    assert.equal(description.id, 'ogame');
    assert.equal(description.units.building.length, 16);
    assert.equal(description.units.research.length, 16);
    assert.equal(description.units.ship.length, 17);
    assert.equal(description.units.defense.length, 10);
    const dock = description.units.building.find((u) => u.type === 'space_dock');
    assert.deepEqual(dock?.baseCost, { metal: 200, crystal: 0, deuterium: 50, energy: 50 });
    assert.equal(dock?.costFactor, 5);
    assert.equal(dock?.energyCostFactor, 2.5);
    const astro = description.units.research.find((u) => u.type === 'astrophysics');
    assert.equal(astro?.costRoundTo, 100);
    assert.deepEqual(description.startingBuildings, ogame.startingBuildings());
    assert.deepEqual(description.policies, ogame.policies);
    assert.equal(description.constants.storageUnit, 5000);
    assert.ok(description.formulas.buildingTime?.includes('2 / (8 − L)'));
  });

  it('is a copy: changing it does not change the ruleset', () => {
    const copy = ogame.describe();
    const mine = copy.units.building[0];
    assert.ok(mine);
    mine.baseCost.metal = 1;
    assert.equal(ogame.buildingCost('metal_mine', 0).metal, 60);
  });
});
