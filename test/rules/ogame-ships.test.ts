// OGame ship and defense stats under research (spec/ogame-rules.md §3.5).

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UnknownUnitError } from '../../src/rules/index.js';
import { ogame } from './helpers.js';

describe('ogame unit stats', () => {
  it('has the base figures of §3.5 without research', () => {
    assert.deepEqual(ogame.unitStats('cruiser', {}), {
      attack: 400,
      shield: 50,
      structure: 27_000,
      speed: 15_000,
      cargo: 800,
      fuel: 300,
    });
    assert.deepEqual(ogame.unitStats('deathstar', {}), {
      attack: 200_000,
      shield: 50_000,
      structure: 9_000_000,
      speed: 100,
      cargo: 1_000_000,
      fuel: 1,
    });
    assert.equal(ogame.unitStats('espionage_probe', {}).speed, 100_000_000);
    assert.equal(ogame.unitStats('solar_satellite', {}).speed, 0);
  });

  it('adds 10 % per weapons, shielding and armour level, truncated', () => {
    const techs = { weapons: 3, shielding: 1, armour: 10 };
    const fighter = ogame.unitStats('light_fighter', techs);
    assert.equal(fighter.attack, 65);
    assert.equal(fighter.shield, 11);
    assert.equal(fighter.structure, 8000);
    assert.equal(ogame.unitStats('heavy_fighter', { shielding: 1 }).shield, 27); // 27.5
  });

  it('speeds ships up by 10/20/30 % per level of their drive', () => {
    assert.equal(ogame.unitStats('light_fighter', { combustion_drive: 6 }).speed, 20_000);
    assert.equal(ogame.unitStats('cruiser', { impulse_drive: 5 }).speed, 30_000);
    assert.equal(ogame.unitStats('battleship', { hyperspace_drive: 4 }).speed, 22_000);
    // Other drives do nothing for them.
    assert.equal(ogame.unitStats('cruiser', { combustion_drive: 10 }).speed, 15_000);
  });

  it('switches drives where the game does', () => {
    // Small cargo: impulse from level 5, base 10 000 and double fuel.
    const small4 = ogame.unitStats('small_cargo', { combustion_drive: 6, impulse_drive: 4 });
    assert.deepEqual([small4.speed, small4.fuel], [8000, 10]);
    const small5 = ogame.unitStats('small_cargo', { combustion_drive: 6, impulse_drive: 5 });
    assert.deepEqual([small5.speed, small5.fuel], [20_000, 20]);
    // Bomber: hyperspace from level 8, base 5000.
    assert.equal(ogame.unitStats('bomber', { impulse_drive: 6, hyperspace_drive: 7 }).speed, 8800);
    assert.equal(
      ogame.unitStats('bomber', { impulse_drive: 6, hyperspace_drive: 8 }).speed,
      17_000,
    );
    // Recycler: impulse 17 → 4000 (fuel × 2), hyperspace 15 → 6000 (fuel × 3).
    const impulse = ogame.unitStats('recycler', { combustion_drive: 10, impulse_drive: 17 });
    assert.deepEqual([impulse.speed, impulse.fuel], [17_600, 600]);
    const hyper = ogame.unitStats('recycler', { impulse_drive: 17, hyperspace_drive: 15 });
    assert.deepEqual([hyper.speed, hyper.fuel], [33_000, 900]);
  });

  it('adds 5 % of the base cargo per hyperspace technology level', () => {
    assert.equal(ogame.unitStats('large_cargo', { hyperspace: 8 }).cargo, 35_000);
    assert.equal(ogame.unitStats('small_cargo', { hyperspace: 3 }).cargo, 5750);
    assert.equal(ogame.unitStats('espionage_probe', { hyperspace: 10 }).cargo, 0);
  });

  it('gives defenses combat figures only', () => {
    assert.deepEqual(ogame.unitStats('plasma_turret', { weapons: 10, shielding: 10, armour: 10 }), {
      attack: 6000,
      shield: 600,
      structure: 200_000,
      speed: 0,
      cargo: 0,
      fuel: 0,
    });
    assert.equal(ogame.unitStats('anti_ballistic_missile', {}).structure, 8000);
    assert.equal(ogame.unitStats('interplanetary_missile', { weapons: 1 }).attack, 13_200);
  });

  it('throws for buildings and research', () => {
    assert.throws(() => ogame.unitStats('shipyard', {}), UnknownUnitError);
    assert.throws(() => ogame.unitStats('weapons', {}), UnknownUnitError);
  });
});
