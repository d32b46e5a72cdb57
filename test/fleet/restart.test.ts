import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { TEST_EPOCH, type TestServer } from '../helpers/server.js';
import {
  advanceTo,
  call,
  equip,
  fleetOf,
  freeSlotNear,
  join,
  planetsOf,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

const IDLE = { solar_plant: 0 };

for (const store of STORE_KINDS) {
  test(`fleets survive a restart in mid-flight; every arrival and return happens once (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const env = { COLONIZATION_TIME_SECONDS: '60' };
    const first = await startFleetServer(t, { store, clock, env });
    const again = (previous: TestServer) =>
      startFleetServer(t, {
        store,
        clock,
        env,
        dataDir: previous.dataDir ?? undefined,
        databaseUrl: previous.databaseUrl ?? undefined,
      });
    const alice = await join(first.server, 'alice');
    const bob = await join(first.server, 'bob');
    await equip(first.server, alice.planetId, {
      ships: { cruiser: 4, battleship: 10, colony_ship: 1, light_fighter: 3 },
      resources: { metal: 3000, crystal: 2000, deuterium: 1000 },
      buildings: IDLE,
    });
    await equip(first.server, bob.planetId, {
      resources: { metal: 10_000, crystal: 6_000, deuterium: 2_000 },
      buildings: IDLE,
    });
    const slot = freeSlotNear(first.server, alice.coords);
    const transfer = await send(first.server, alice, {
      ...target(bob.coords),
      ships: { cruiser: 2 },
      resources: { metal: 1000, crystal: 400, deuterium: 200 },
    });
    const attack = await send(first.server, alice, {
      ...target(bob.coords),
      mission: 'attack',
      ships: { battleship: 10 },
    });
    const colonize = await send(first.server, alice, {
      ...slot,
      mission: 'colonize',
      ships: { colony_ship: 1 },
    });
    const recalled = await send(first.server, alice, {
      ...target(bob.coords),
      ships: { light_fighter: 3 },
    });
    first.clock.advance(500);
    assert.equal(
      (
        await first.server.app.inject({
          method: 'POST',
          url: `/player/${alice.id}/fleet/${recalled.fleet_id}/recall`,
          headers: alice.auth,
        })
      ).statusCode,
      200,
    );
    const before = (await fleetOf(first.server, alice)).missions;
    assert.equal(before.length, 4);
    await first.stop();

    // Down until every arrival (and the colony) is due but no return yet.
    const arrivals = [transfer, attack, colonize].map((s) => Date.parse(s.arrival_time));
    const returns = [transfer, attack].map((s) => Date.parse(s.return_time));
    const middle = Math.max(...arrivals, Date.parse(colonize.arrival_time) + 60_000) + 1;
    assert.ok(
      middle < Math.min(...returns),
      'the flights are long enough for a restart in between',
    );
    clock.advance(middle - clock.now());
    const second = await again(first);
    const bobAfter = await snapshot(second.server, bob);
    // The transfer (1000/400/200) delivered once and the raid took half of what was there once,
    // in arrival order.
    const transferFirst = Date.parse(transfer.arrival_time) <= Date.parse(attack.arrival_time);
    const loot = transferFirst
      ? { metal: 5_500, crystal: 3_200, deuterium: 1_100 }
      : { metal: 5_000, crystal: 3_000, deuterium: 1_000 };
    const expectedBob = transferFirst ? loot : { metal: 6_000, crystal: 3_400, deuterium: 1_200 };
    assert.deepEqual(bobAfter.resources, expectedBob);
    const reports = (await call(second.server, bob, 'GET', '/battle-reports')).body.reports;
    assert.equal(reports.length, 1, 'one battle');
    assert.deepEqual(reports[0].outcome.loot, loot);
    assert.equal((await planetsOf(second.server, alice)).length, 2, 'one colony');
    const missions = (await fleetOf(second.server, alice)).missions;
    assert.deepEqual(missions.map((m: { state: string }) => m.state).sort(), [
      'returning',
      'returning',
    ]);
    await second.stop();

    // Down again until every fleet is home.
    clock.advance(Math.max(...returns) + 1 - clock.now());
    const third = await again(second);
    const home = await snapshot(third.server, alice);
    assert.equal(home.fleet.cruiser, 4);
    assert.equal(home.fleet.battleship, 10);
    assert.equal(home.fleet.light_fighter, 3);
    assert.equal(home.fleet.colony_ship, 0);
    // Alice: 3000/2000/1000 - the transfer's cargo + the loot.
    assert.deepEqual(home.resources, {
      metal: 2000 + loot.metal,
      crystal: 1600 + loot.crystal,
      deuterium: 800 + loot.deuterium,
    });
    assert.equal((await fleetOf(third.server, alice)).missions.length, 0);
    assert.equal((await call(third.server, bob, 'GET', '/battle-reports')).body.reports.length, 1);
    // A fresh dispatch after restarts gets a new fleet id (ids are never reused).
    const next = await send(third.server, alice, { ...target(bob.coords), ships: { cruiser: 1 } });
    assert.ok(next.fleet_id > Math.max(...before.map((m: { id: number }) => m.id)));
  });

  test(`a battle reserved for the worker resumes after a restart with the same seed (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const env = { BATTLE_WORKER_UNITS: '5' };
    const first = await startFleetServer(t, { store, clock, env });
    const alice = await join(first.server, 'alice');
    const bob = await join(first.server, 'bob');
    await equip(first.server, alice.planetId, { ships: { battleship: 10 }, buildings: IDLE });
    await equip(first.server, bob.planetId, {
      ships: { light_fighter: 10 },
      resources: { metal: 4000, crystal: 0, deuterium: 0 },
      buildings: IDLE,
    });
    const attack = await send(first.server, alice, {
      ...target(bob.coords),
      mission: 'attack',
      ships: { battleship: 10 },
    });
    clock.advance(Date.parse(attack.arrival_time) - clock.now());
    first.server.runtime.tick();
    await first.server.runtime.flush();
    const seed = first.server.runtime.world.fleets.get(attack.fleet_id)?.battleSeed;
    assert.equal(typeof seed, 'number', 'reserved, seed persisted');
    // Stopped before the worker's answer is applied (closing the service drops it).
    await first.stop();

    clock.advance(10_000);
    const second = await startFleetServer(t, {
      store,
      clock,
      env,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    await advanceTo(second, new Date(clock.now()).toISOString());
    const reports = (await call(second.server, bob, 'GET', '/battle-reports')).body.reports;
    assert.equal(reports.length, 1);
    assert.equal(reports[0].seed, seed);
    assert.equal(reports[0].outcome.resolved_at, attack.arrival_time);
    assert.deepEqual(reports[0].outcome.loot, { metal: 2000, crystal: 0, deuterium: 0 });
    assert.equal((await snapshot(second.server, bob)).resources.metal, 2000);
  });
}
