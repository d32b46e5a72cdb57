import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebuildScores } from '../../src/sim/scores/refresh.js';
import { equip, join, send, snapshot, startFleetServer, target } from '../fleet/helpers.js';

test('ships in flight keep counting for military points', async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { cruiser: 10 },
    resources: { metal: 0, crystal: 0, deuterium: 10_000 },
  });
  const military = async () => (await snapshot(server, alice)).highscore.military;
  const home = await military();
  assert.equal(home, Math.floor((10 * 3700) / 1000), 'cruisers cost 2000 + 1500 + 200 in the seed');

  await send(server, alice, { ...target(bob.coords), mission: 'transfer', ships: { cruiser: 10 } });
  assert.equal((await snapshot(server, alice)).fleet.cruiser, 0, 'the ships left the planet');
  assert.equal(await military(), home, 'but still count while they fly');

  const incremental = server.runtime.world.scores.get(alice.id);
  rebuildScores(server.runtime.world, server.runtime.rules);
  assert.deepEqual(server.runtime.world.scores.get(alice.id), incremental);
});
