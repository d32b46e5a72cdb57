import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runBattle } from '../../../src/sim/battle/engine.js';
import { battle, ogame } from './helpers.js';

// Battle reports store only the seed and the fleets; a replay must give the same battle forever.
// If an intended change to the engine alters these numbers, stored reports no longer replay:
// version the engine (e.g. keep the old one for old reports) rather than just update the pins.
describe('battle replay pin', () => {
  it('reproduces a recorded mid-size battle exactly', () => {
    const result = runBattle(
      battle(
        [ogame('light_fighter', 10_000), ogame('cruiser', 1000)],
        [ogame('rocket_launcher', 5000), ogame('heavy_laser', 500), ogame('gauss_cannon', 100)],
        20_240_601,
      ),
    );
    assert.equal(result.winner, 'attacker');
    assert.equal(result.roundsFought, 3);
    assert.deepEqual(result.attackers.survivors, { light_fighter: 8760, cruiser: 987 });
    assert.deepEqual(result.defenders.survivors, {
      rocket_launcher: 0,
      heavy_laser: 0,
      gauss_cannon: 0,
    });
    assert.deepEqual(
      result.rounds.map((r) => [r.attackers.shots, r.defenders.shots]),
      [
        [15_212, 5600],
        [12_428, 1710],
        [9897, 114],
      ],
    );
  });
});
