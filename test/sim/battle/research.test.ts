import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OGAME_COMBAT_UNITS } from '../../../src/rules/ogame/combat-units.js';
import { runBattle } from '../../../src/sim/battle/engine.js';
import { combatGroup, researchedStats } from '../../../src/sim/battle/research.js';
import { battle, custom, ogame } from './helpers.js';

describe('research modifiers', () => {
  it('adds 10 % per level of weapons, shielding and armour; hull is a tenth of structure', () => {
    const cruiser = OGAME_COMBAT_UNITS.cruiser;
    assert.deepEqual(researchedStats(cruiser, { weapons: 0, shielding: 0, armour: 0 }), {
      attack: 400,
      shield: 50,
      hull: 2700,
    });
    assert.deepEqual(researchedStats(cruiser, { weapons: 10, shielding: 5, armour: 3 }), {
      attack: 800,
      shield: 75,
      hull: 3510,
    });
    // Exact decimal results, no float noise (400 x 1.1 would be 440.00000000000006).
    assert.equal(researchedStats(cruiser, { weapons: 1, shielding: 1, armour: 1 }).attack, 440);
  });

  it('builds engine groups carrying the unit rapid fire', () => {
    const group = combatGroup('cruiser', 7, OGAME_COMBAT_UNITS.cruiser, {
      weapons: 2,
      shielding: 0,
      armour: 1,
    });
    assert.equal(group.count, 7);
    assert.equal(group.attack, 480);
    assert.equal(group.hull, 2970);
    assert.equal((group.rapidFire as Record<string, number>)['rocket_launcher'], 10);
  });

  it('changes outcomes: enough shielding makes light fighter shots bounce off a dome', () => {
    // Light fighter attack 50 vs small shield dome 2 000 (1 % = 20): the shots hit. With
    // shielding 20 the shield is 6 000 (1 % = 60) and every shot bounces.
    const fighters = [ogame('light_fighter', 2000)];
    const plain = runBattle(battle(fighters, [ogame('small_shield_dome', 1)], 3));
    assert.equal(plain.defenders.losses['small_shield_dome'], 1);
    const shielded = runBattle(
      battle(
        fighters,
        [ogame('small_shield_dome', 1, { weapons: 0, shielding: 20, armour: 0 })],
        3,
      ),
    );
    assert.equal(shielded.defenders.losses['small_shield_dome'], 0);
    assert.equal(shielded.winner, 'draw');
  });

  it('weapons research turns a survivable shot into a sure kill', () => {
    // One shot of 90 on a shieldless 100-hull unit leaves 10 hull: it explodes with p = 0.9.
    // Weapons 2 makes the shot 108: always destroyed.
    const base = { structure: 10, shield: 0, attack: 90 };
    const kills = (weapons: number): number => {
      const { attack } = researchedStats(base, { weapons, shielding: 0, armour: 0 });
      let killed = 0;
      for (let seed = 1; seed <= 100; seed++) {
        const input = battle(
          [custom('s', 1, { attack, shield: 0, hull: 1 })],
          [custom('t', 1, { attack: 0, shield: 0, hull: 100 })],
          seed,
          1,
        );
        killed += runBattle(input).defenders.losses['t']!;
      }
      return killed;
    };
    const plain = kills(0);
    assert.ok(plain > 80 && plain < 100, `plain kills ${plain}`);
    assert.equal(kills(2), 100);
  });
});
