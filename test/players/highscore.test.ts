import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import { rebuildScores } from '../../src/sim/scores/refresh.js';
import type { PlayerScore } from '../../src/sim/scores/scores.js';
import type { World } from '../../src/sim/world.js';
import { ADMIN, ADMIN_TOKEN, call, patchPlanet, snapshot } from '../helpers/game.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH } from '../helpers/server.js';

/** Seed prices: starting mines and solar plant 552, robot factory 1+2 = 1800, shipyard 1+2 = 1750. */
const ECONOMY_SPENT = 552 + 1800 + 1750;
const FIGHTER_PRICE = 450;

const scoresOf = (world: World): Array<[number, PlayerScore]> =>
  [...world.users.keys()].sort((a, b) => a - b).map((id) => [id, { ...world.scores.get(id)! }]);

for (const store of STORE_KINDS) {
  test(`highscores follow completed builds, rank players and are rebuilt identically at load (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const first = await startTestServer(t, { store, clock, env: { ADMIN_TOKEN } });
    const { server } = first;
    const alice = await registerPlayer(server, 'alice');
    const bob = await registerPlayer(server, 'bob');
    const planet = (await snapshot(server, alice)).planet.id;
    await patchPlanet(server, planet, {
      resources: { metal: 1e6, crystal: 1e6, deuterium: 1e6 },
      buildings: { robot_factory: 2, shipyard: 2 },
    });
    const ships = await call(server, 'POST', `/player/${alice.id}/build-ships`, alice, {
      ship_type: 'light_fighter',
      quantity: 10,
    });
    assert.equal(ships.statusCode, 200, ships.body);
    const research = await server.app.inject({
      method: 'PATCH',
      url: `/admin/players/${bob.id}`,
      headers: ADMIN,
      payload: { research: { energy: 3 } },
    });
    assert.equal(research.statusCode, 200);

    const before = (await snapshot(server, alice)).highscore;
    assert.equal(before.military, 0, 'ships count once they are built');
    assert.equal(before.economy, Math.floor(ECONOMY_SPENT / 1000));

    clock.advance(3_600_000);
    server.runtime.tick();
    const mine = (await snapshot(server, alice)).highscore;
    assert.equal(mine.military, Math.floor((10 * FIGHTER_PRICE) / 1000));
    assert.equal(mine.points, Math.floor((ECONOMY_SPENT + 10 * FIGHTER_PRICE) / 1000));
    assert.equal(mine.rank, 1);
    assert.equal(mine.players, 2);
    // Energy research 1..3 costs 150 + 240 + 384 in the seed.
    const bobs = (await snapshot(server, bob)).highscore;
    assert.deepEqual([bobs.rank, bobs.research], [2, Math.floor(774 / 1000)]);

    const page = (await call(server, 'GET', '/highscore?category=military')).json();
    assert.equal(page.category, 'military');
    assert.equal(page.total_players, 2);
    assert.deepEqual(
      page.entries.map((e: { rank: number; user_id: number; player: string; points: number }) => [
        e.rank,
        e.user_id,
        e.player,
        e.points,
      ]),
      [
        [1, alice.id, 'alice', 4],
        [2, bob.id, 'bob', 0],
      ],
    );
    assert.equal(page.entries[0].activity, 'active');
    assert.equal(page.entries[0].marked_inactive, false);
    const second = (await call(server, 'GET', '/highscore?limit=1&offset=1')).json();
    assert.deepEqual(
      second.entries.map((e: { rank: number; player: string }) => [e.rank, e.player]),
      [[2, 'bob']],
    );
    assert.equal((await call(server, 'GET', '/highscore?category=luck')).statusCode, 422);

    // Incremental scores equal a rebuild from state.
    const incremental = scoresOf(server.runtime.world);
    rebuildScores(server.runtime.world, server.runtime.rules);
    assert.deepEqual(scoresOf(server.runtime.world), incremental);

    await first.stop();
    const again = await startTestServer(t, {
      store,
      clock,
      env: { ADMIN_TOKEN },
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    assert.deepEqual(scoresOf(again.server.runtime.world), incremental, 'recomputed at load');
    assert.deepEqual((await snapshot(again.server, alice)).highscore, mine);
  });
}

test('demolition and admin edits lower the score like a rebuild would', async (t) => {
  const { server } = await startTestServer(t, { env: { ADMIN_TOKEN } });
  const alice = await registerPlayer(server, 'alice');
  const planet = (await snapshot(server, alice)).planet.id;
  await patchPlanet(server, planet, { buildings: { metal_mine: 12, solar_plant: 12 } });
  const high = (await snapshot(server, alice)).highscore.economy;
  const res = await call(server, 'DELETE', `/player/${alice.id}/buildings/metal_mine`, alice);
  assert.equal(res.statusCode, 200, res.body);
  const lower = (await snapshot(server, alice)).highscore.economy;
  assert.ok(lower < high);
  const incremental = scoresOf(server.runtime.world);
  rebuildScores(server.runtime.world, server.runtime.rules);
  assert.deepEqual(scoresOf(server.runtime.world), incremental);
});
