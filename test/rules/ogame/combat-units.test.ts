import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMBAT_UNIT_IDS,
  isCombatUnitId,
  OGAME_COMBAT_UNITS,
} from '../../../src/rules/ogame/combat-units.js';

describe('OGame combat units', () => {
  it('lists the 17 fighting ships and 8 defenses, no missiles', () => {
    assert.equal(COMBAT_UNIT_IDS.length, 25);
    const kinds = Object.values(OGAME_COMBAT_UNITS).map((u) => u.kind);
    assert.equal(kinds.filter((k) => k === 'ship').length, 17);
    assert.equal(kinds.filter((k) => k === 'defense').length, 8);
    assert.equal(isCombatUnitId('interplanetary_missile'), false);
    assert.equal(isCombatUnitId('cruiser'), true);
  });

  it('has structural integrity = metal + crystal and the §3.5 stats', () => {
    for (const unit of Object.values(OGAME_COMBAT_UNITS)) {
      assert.equal(unit.structure, unit.cost.metal + unit.cost.crystal, unit.id);
    }
    const { cruiser, deathstar, ion_cannon, plasma_turret, large_cargo } = OGAME_COMBAT_UNITS;
    assert.deepEqual(
      [cruiser.structure, cruiser.shield, cruiser.attack, cruiser.cargo],
      [27_000, 50, 400, 800],
    );
    assert.deepEqual(
      [deathstar.structure, deathstar.shield, deathstar.attack],
      [9_000_000, 50_000, 200_000],
    );
    assert.deepEqual(ion_cannon.cost, { metal: 5000, crystal: 3000, deuterium: 0 });
    assert.deepEqual(
      [plasma_turret.shield, plasma_turret.attack, plasma_turret.cargo],
      [300, 3000, 0],
    );
    assert.equal(large_cargo.cargo, 25_000);
  });

  it('has the live (AG) rapid-fire table', () => {
    const rf = (shooter: keyof typeof OGAME_COMBAT_UNITS) => OGAME_COMBAT_UNITS[shooter].rapidFire;
    assert.equal(rf('cruiser').rocket_launcher, 10);
    assert.equal(rf('cruiser').light_fighter, 6);
    assert.equal(rf('deathstar').espionage_probe, 1250);
    assert.equal(rf('deathstar').gauss_cannon, 50);
    assert.equal(rf('deathstar').plasma_turret, undefined);
    assert.equal(rf('bomber').gauss_cannon, undefined);
    assert.equal(rf('reaper').battleship, 7);
    assert.equal(rf('reaper').light_fighter, undefined);
    assert.equal(rf('pathfinder').cruiser, 3);
    assert.equal(rf('ion_cannon').reaper, 2);
    assert.equal(rf('battlecruiser').battleship, 7);
    assert.deepEqual(rf('espionage_probe'), {});
    // Every combat ship but the fodder itself shoots probes, satellites and crawlers 5x.
    for (const id of ['small_cargo', 'recycler', 'battleship', 'reaper'] as const) {
      assert.equal(rf(id).solar_satellite, 5, id);
      assert.equal(rf(id).crawler, 5, id);
    }
  });
});
