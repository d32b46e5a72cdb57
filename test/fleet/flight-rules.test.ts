import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linearDistance } from '../../src/rules/flight.js';
import { createSeedRuleset } from '../../src/rules/index.js';
import { FULL_ESPIONAGE } from '../../src/rules/types.js';

const universe = { galaxies: 9, systems: 499, positions: 15 };
const at = (galaxy: number, system: number, position: number) => ({ galaxy, system, position });

test('seed distance: |dg|·499·15 + |ds|·15 + |dp| (seed-reference §4.1)', () => {
  assert.equal(linearDistance({ from: at(1, 1, 1), to: at(1, 1, 1), universe }), 0);
  assert.equal(linearDistance({ from: at(1, 1, 1), to: at(1, 1, 4), universe }), 3);
  assert.equal(linearDistance({ from: at(1, 10, 1), to: at(1, 7, 1), universe }), 45);
  assert.equal(linearDistance({ from: at(3, 1, 2), to: at(1, 2, 1), universe }), 2 * 7485 + 15 + 1);
});

test('seed duration: int(distance / (slowest speed × fraction) × 3600), at least 1 s; no fuel', () => {
  const seed = createSeedRuleset();
  const plan = (
    ships: Record<string, number>,
    speedFraction: number,
    to = at(1, 2, 1),
    research = {},
  ) => seed.flight!({ from: at(1, 1, 1), to, universe, ships, research, speedFraction });
  // 15 units at 10 000 (heavy fighter, the slowest of the two): 5.4 s -> 5 s.
  assert.deepEqual(plan({ heavy_fighter: 1, light_fighter: 9 }, 1), {
    distance: 15,
    durationSeconds: 5,
    fuel: 0,
    speed: 10_000,
  });
  // Half speed: 10.8 s -> 10 s.
  assert.equal(plan({ heavy_fighter: 1 }, 0.5).durationSeconds, 10);
  // One position at 12 500: 0.288 s -> the 1 s floor.
  assert.equal(plan({ light_fighter: 1 }, 1, at(1, 1, 2)).durationSeconds, 1);
  // Hyperspace 5 makes ships 10 % faster: 15 / 11 000 × 3600 = 4.9 s -> 4 s.
  assert.equal(plan({ heavy_fighter: 1 }, 1, at(1, 2, 1), { hyperspace: 5 }).speed, 11_000);
  assert.equal(plan({ heavy_fighter: 1 }, 1, at(1, 2, 1), { hyperspace: 5 }).durationSeconds, 4);
  // The universe's fleet speed divides durations.
  const fast = createSeedRuleset({ fleetSpeed: 2 });
  assert.equal(
    fast.flight!({
      from: at(1, 1, 1),
      to: at(2, 1, 1),
      universe,
      ships: { bomber: 1 },
      research: {},
      speedFraction: 1,
    }).durationSeconds,
    Math.trunc(((7485 / 5000) * 3600) / 2),
  );
  assert.throws(() => plan({}, 1), RangeError);
});

test('seed espionage: any fleet sees everything (the seed has no probes and no espionage technology)', () => {
  const seed = createSeedRuleset();
  assert.deepEqual(
    seed.espionage!({ shipsSent: { cruiser: 1 }, attackerResearch: {}, defenderResearch: {} }),
    FULL_ESPIONAGE,
  );
});
