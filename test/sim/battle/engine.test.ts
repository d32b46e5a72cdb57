import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBattle } from '../../../src/sim/battle/engine.js';
import { battle, custom, ogame } from './helpers.js';

describe('battle engine: rounds and outcome', () => {
  it('gives the same result for the same seed and input', () => {
    const input = battle(
      [ogame('light_fighter', 3000), ogame('cruiser', 300)],
      [ogame('rocket_launcher', 1500), ogame('heavy_laser', 150), ogame('light_fighter', 500)],
      12345,
    );
    const a = runBattle(input);
    const b = runBattle(input);
    assert.deepEqual(a, b);
    assert.equal(a.seed, 12345);
    const other = runBattle({ ...input, seed: 54321 });
    assert.notDeepEqual(other.rounds, a.rounds);
  });

  it('ends early when a side is wiped out and reports the attacker as winner', () => {
    const result = runBattle(battle([ogame('battleship', 100)], [ogame('rocket_launcher', 10)], 7));
    assert.equal(result.winner, 'attacker');
    assert.equal(result.roundsFought, 1);
    assert.equal(result.rounds.length, 1);
    assert.equal(result.defenders.survivors['rocket_launcher'], 0);
    assert.equal(result.defenders.losses['rocket_launcher'], 10);
    // 100 battleships fire 100 shots (no rapid fire vs rocket launchers) of 1000 damage.
    assert.equal(result.rounds[0]!.attackers.shots, 100);
    assert.equal(result.rounds[0]!.attackers.damageDealt, 100_000);
  });

  it('is a draw after exactly 6 rounds when nothing can die', () => {
    // 50 damage is below 1 % of a 10 000 shield: every shot bounces, both ways.
    const result = runBattle(battle([ogame('light_fighter', 50)], [ogame('large_shield_dome', 1)]));
    assert.equal(result.winner, 'draw');
    assert.equal(result.roundsFought, 6);
    assert.deepEqual(
      result.rounds.map((r) => r.round),
      [1, 2, 3, 4, 5, 6],
    );
    assert.equal(result.attackers.survivors['light_fighter'], 50);
    assert.equal(result.defenders.survivors['large_shield_dome'], 1);
  });

  it('honours maxRounds', () => {
    const result = runBattle(
      battle([ogame('light_fighter', 50)], [ogame('large_shield_dome', 1)], 1, 2),
    );
    assert.equal(result.roundsFought, 2);
    assert.equal(result.winner, 'draw');
  });

  it('lets the defender win when no attacker is left', () => {
    const result = runBattle(battle([ogame('light_fighter', 1)], [ogame('plasma_turret', 10)]));
    assert.equal(result.winner, 'defender');
    assert.equal(result.attackers.losses['light_fighter'], 1);
    assert.equal(result.defenders.survivors['plasma_turret'], 10);
  });

  it('fights no round when a side is empty from the start', () => {
    const result = runBattle(battle([ogame('small_cargo', 5)], []));
    assert.equal(result.winner, 'attacker');
    assert.equal(result.roundsFought, 0);
    assert.equal(result.attackers.survivors['small_cargo'], 5);
  });

  it('lets units destroyed in a round still fire in that round (simultaneous shots)', () => {
    // Each side has one unit that kills the other with its only shot.
    const duelist = { attack: 100, shield: 0, hull: 10 };
    const result = runBattle(battle([custom('a', 1, duelist)], [custom('d', 1, duelist)]));
    assert.equal(result.roundsFought, 1);
    assert.equal(result.winner, 'draw');
    assert.equal(result.attackers.survivors['a'], 0);
    assert.equal(result.defenders.survivors['d'], 0);
  });

  it('keeps per-round and per-group bookkeeping consistent', () => {
    const result = runBattle(
      battle(
        [ogame('cruiser', 400), ogame('cruiser', 100, { weapons: 5, shielding: 5, armour: 5 })],
        [ogame('rocket_launcher', 2000), ogame('gauss_cannon', 40)],
        99,
      ),
    );
    for (const side of [result.attackers, result.defenders]) {
      for (const g of side.groups) assert.equal(g.survivors + g.lost, g.initial);
      const last = result.rounds.at(-1)!;
      const lastSide = side === result.attackers ? last.attackers : last.defenders;
      assert.deepEqual(
        lastSide.survivorsByGroup,
        side.groups.map((g) => g.survivors),
      );
    }
    // Two groups of one type are reported separately and summed per type.
    assert.equal(result.attackers.groups.length, 2);
    assert.equal(
      result.attackers.survivors['cruiser'],
      result.attackers.groups[0]!.survivors + result.attackers.groups[1]!.survivors,
    );
    const lost = result.rounds.reduce((n, r) => n + r.defenders.unitsLost, 0);
    assert.equal(
      lost,
      result.defenders.losses['rocket_launcher']! + result.defenders.losses['gauss_cannon']!,
    );
  });

  it('rejects invalid groups', () => {
    assert.throws(
      () => runBattle(battle([custom('x', -1, { attack: 1, shield: 1, hull: 1 })], [])),
      RangeError,
    );
    assert.throws(
      () => runBattle(battle([custom('x', 1.5, { attack: 1, shield: 1, hull: 1 })], [])),
      RangeError,
    );
    assert.throws(
      () => runBattle(battle([custom('x', 1, { attack: 1, shield: 1, hull: 0 })], [])),
      RangeError,
    );
    assert.throws(
      () => runBattle(battle([custom('x', 1, { attack: NaN, shield: 1, hull: 1 })], [])),
      RangeError,
    );
    assert.throws(() => runBattle({ ...battle([], []), maxRounds: -1 }), RangeError);
  });
});
