import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBattle } from '../../../src/sim/battle/engine.js';
import { battle, custom, ogame } from './helpers.js';

/** A target that never dies of explosions (huge hull) and never hurts (0 attack). */
const wall = (shield: number, hull = 1e9) => custom('wall', 1, { attack: 0, shield, hull });

describe('battle engine: shots', () => {
  it('bounces shots below 1 % of the max shield, but not shots of exactly 1 %', () => {
    // Target: 10 000 shield, 100 hull. 101 shots of exactly 1 % (100) drain the shield in 100
    // hits and the 101st destroys the hull; 99.9-damage shots bounce forever.
    const target = custom('t', 1, { attack: 0, shield: 10_000, hull: 100 });
    const hits = runBattle(
      battle([custom('s', 101, { attack: 100, shield: 0, hull: 1 })], [target], 1, 1),
    );
    assert.equal(hits.defenders.losses['t'], 1);
    assert.equal(hits.winner, 'attacker');

    const bounced = runBattle(
      battle([custom('s', 5000, { attack: 99.9, shield: 0, hull: 1 })], [target]),
    );
    assert.equal(bounced.defenders.losses['t'], 0);
    assert.equal(bounced.winner, 'draw');
    for (const round of bounced.rounds) {
      // Equal up to float summation order (5 000 additions of 99.9 vs one product).
      assert.ok(Math.abs(round.attackers.damageAbsorbed - round.attackers.damageDealt) < 1e-6);
    }
  });

  it('lets the shield absorb in whole 1 % steps of the max shield', () => {
    // Shield 100 -> steps of 1. Shots of 1.5 each take exactly 1 point of shield (the 0.5 is
    // lost), so the shield stops 100 shots (150 damage) and the other 50 shots reach the hull.
    // A continuous shield would have stopped only 100 damage.
    const result = runBattle(
      battle([custom('s', 150, { attack: 1.5, shield: 0, hull: 1 })], [wall(100)], 1, 1),
    );
    const round = result.rounds[0]!.attackers;
    assert.equal(round.shots, 150);
    assert.equal(round.damageDealt, 225);
    assert.equal(round.damageAbsorbed, 150);
  });

  it('regenerates shields at the end of every round', () => {
    // 100 shots per round against a 100-step shield: fully absorbed in every round.
    const result = runBattle(
      battle([custom('s', 100, { attack: 1.5, shield: 0, hull: 1 })], [wall(100)]),
    );
    assert.equal(result.roundsFought, 6);
    for (const round of result.rounds) assert.equal(round.attackers.damageAbsorbed, 150);
  });

  it('explodes a unit below 70 % hull with probability 1 - hull/maxHull', () => {
    // One shot of `damage` on a shieldless 100-hull unit, over many seeds.
    const explodedShare = (damage: number, trials: number): number => {
      let exploded = 0;
      for (let seed = 1; seed <= trials; seed++) {
        const r = runBattle(
          battle(
            [custom('s', 1, { attack: damage, shield: 0, hull: 1 })],
            [custom('t', 1, { attack: 0, shield: 0, hull: 100 })],
            seed,
            1,
          ),
        );
        exploded += r.defenders.losses['t']!;
      }
      return exploded / trials;
    };
    const trials = 4000;
    // Hull 40 % -> p = 0.6; standard deviation sqrt(0.24 / 4000) ~ 0.0077, allow 4 sigma.
    assert.ok(Math.abs(explodedShare(60, trials) - 0.6) < 0.031, 'p(explode at 40 % hull)');
    // Hull 69 % -> p = 0.31.
    assert.ok(Math.abs(explodedShare(31, trials) - 0.31) < 0.03, 'p(explode at 69 % hull)');
    // Exactly 70 % is not below 70 %: never explodes.
    assert.equal(explodedShare(30, 500), 0);
    // Hull at or below 0: always destroyed.
    assert.equal(explodedShare(100, 200), 1);
  });

  it('fires ~n shots per unit with rapid fire n against a single target type', () => {
    // Cruiser vs rocket launcher: rapid fire 10 -> geometric, mean 10 shots per cruiser.
    // 1000 cruisers: mean 10 000 shots, standard deviation sqrt(1000 * 90) = 300.
    const rf10 = runBattle(
      battle([ogame('cruiser', 1000)], [ogame('rocket_launcher', 100_000)], 3, 1),
    );
    const shots10 = rf10.rounds[0]!.attackers.shots;
    assert.ok(Math.abs(shots10 - 10_000) < 1200, `cruiser vs RL shots ${shots10}`);
    // Cruiser vs light fighter: rapid fire 6; std sqrt(1000 * 30) ~ 173.
    const rf6 = runBattle(
      battle([ogame('cruiser', 1000)], [ogame('light_fighter', 100_000)], 3, 1),
    );
    const shots6 = rf6.rounds[0]!.attackers.shots;
    assert.ok(Math.abs(shots6 - 6000) < 700, `cruiser vs LF shots ${shots6}`);
    // No rapid fire: exactly one shot each.
    const none = runBattle(battle([ogame('cruiser', 1000)], [ogame('plasma_turret', 100)], 3, 1));
    assert.equal(none.rounds[0]!.attackers.shots, 1000);
  });

  it('rolls rapid fire on the type of each random target', () => {
    // Half rocket launchers (rapid fire 10), half gauss cannons (none): another shot with
    // probability 0.5 x 0.9 = 0.45, so 1 / 0.55 ~ 1.818 shots per cruiser (std ~ 0.045 per 1000).
    const result = runBattle(
      battle(
        [ogame('cruiser', 20_000)],
        [ogame('rocket_launcher', 500_000), ogame('gauss_cannon', 500_000)],
        5,
        1,
      ),
    );
    const perCruiser = result.rounds[0]!.attackers.shots / 20_000;
    assert.ok(Math.abs(perCruiser - 1 / 0.55) < 0.03, `shots per cruiser ${perCruiser}`);
  });

  it('accepts rapid fire as a Map as well as a record', () => {
    const shooter = { attack: 1, shield: 0, hull: 1 };
    const asMap = runBattle(
      battle(
        [{ type: 's', count: 1000, ...shooter, rapidFire: new Map([['wall', 4]]) }],
        [wall(0)],
        8,
        1,
      ),
    );
    const asRecord = runBattle(
      battle([custom('s', 1000, { ...shooter, rapidFire: { wall: 4 } })], [wall(0)], 8, 1),
    );
    assert.deepEqual(asMap, asRecord);
    assert.ok(Math.abs(asMap.rounds[0]!.attackers.shots - 4000) < 400);
  });
});
