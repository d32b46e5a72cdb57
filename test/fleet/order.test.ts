import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceTo,
  call,
  equip,
  fleetOf,
  join,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

const IDLE = { solar_plant: 0 };

test('two fleets arriving at the same planet within one tick are processed in arrival order', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const bob = await join(server, 'bob');
  const alice = await join(server, 'alice');
  const carol = await join(server, 'carol');
  await equip(server, bob.planetId, {
    resources: { metal: 40_000, crystal: 20_000, deuterium: 8_000 },
    buildings: IDLE,
  });
  for (const p of [alice, carol]) {
    await equip(server, p.planetId, {
      ships: { battleship: 40 },
      resources: { metal: 0, crystal: 0, deuterium: 0 },
      buildings: IDLE,
    });
  }
  // Carol leaves first at 30 % speed, Alice second at full speed: the arrival order decides.
  const fromCarol = await send(server, carol, {
    ...target(bob.coords),
    mission: 'attack',
    speed: 0.3,
    ships: { battleship: 40 },
  });
  const fromAlice = await send(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { battleship: 40 },
  });
  const byArrival = [
    { who: carol, sent: fromCarol },
    { who: alice, sent: fromAlice },
  ].sort(
    (a, b) =>
      Date.parse(a.sent.arrival_time) - Date.parse(b.sent.arrival_time) ||
      a.sent.fleet_id - b.sent.fleet_id,
  );
  const [first, second] = byArrival as [(typeof byArrival)[0], (typeof byArrival)[0]];

  // One tick after both arrivals.
  await advanceTo(ts, second.sent.arrival_time);
  const reports = (await call(server, bob, 'GET', '/battle-reports')).body.reports;
  assert.equal(reports.length, 2);
  const [newer, older] = reports; // newest first
  assert.equal(older.attacker_user_id, first.who.id, 'the first to arrive fights first');
  assert.equal(newer.attacker_user_id, second.who.id);
  assert.ok(Date.parse(older.created_at) <= Date.parse(newer.created_at));
  // The first takes half of everything, the second half of what is left.
  assert.deepEqual(older.outcome.loot, { metal: 20_000, crystal: 10_000, deuterium: 4_000 });
  assert.deepEqual(newer.outcome.loot, { metal: 10_000, crystal: 5_000, deuterium: 2_000 });
  assert.deepEqual((await snapshot(server, bob)).resources, {
    metal: 10_000,
    crystal: 5_000,
    deuterium: 2_000,
  });
});

test('ships away on a mission take no part in a battle at home, and their cargo is not looted', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const bob = await join(server, 'bob');
  const raider = await join(server, 'raider');
  await equip(server, bob.planetId, {
    ships: { cruiser: 2 },
    resources: { metal: 10_000, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });
  await equip(server, raider.planetId, { ships: { battleship: 50 }, buildings: IDLE });
  const attack = await send(server, raider, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { battleship: 50 },
  });
  // Bob's own cruisers leave with 1 600 metal to come back only after the raid.
  const trip = await send(server, bob, {
    ...target(raider.coords),
    mission: 'transfer',
    speed: 0.1,
    ships: { cruiser: 2 },
    resources: { metal: 1600 },
  });
  assert.ok(Date.parse(trip.return_time) > Date.parse(attack.arrival_time));
  await advanceTo(ts, attack.arrival_time);
  const report = (await call(server, bob, 'GET', '/battle-reports')).body.reports[0];
  assert.deepEqual(report.outcome.loot.metal, 4_200, 'half of the 8 400 at home');
  assert.deepEqual(report.outcome.defender_losses, {}, 'the cruisers were away');
  const mine = (await fleetOf(server, bob)).missions;
  assert.equal(mine.length, 1);
});
