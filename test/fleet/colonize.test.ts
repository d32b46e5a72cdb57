import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceBy,
  advanceTo,
  call,
  dispatch,
  equip,
  fleetOf,
  freeSlotNear,
  join,
  planetsOf,
  send,
  snapshot,
  startFleetServer,
} from './helpers.js';

test('colonize: after COLONIZATION_TIME_SECONDS a new planet appears and the colony ship is consumed', async (t) => {
  const ts = await startFleetServer(t, { env: { COLONIZATION_TIME_SECONDS: '30' } });
  const { server } = ts;
  const alice = await join(server, 'alice');
  await equip(server, alice.planetId, {
    ships: { colony_ship: 1, light_fighter: 2 },
    resources: { metal: 1000, crystal: 1000, deuterium: 1000 },
    buildings: { solar_plant: 0 },
  });
  const slot = freeSlotNear(server, alice.coords);
  const sent = await send(server, alice, {
    ...slot,
    mission: 'colonize',
    ships: { colony_ship: 1, light_fighter: 2 },
    resources: { metal: 400, crystal: 100 },
  });
  assert.equal(sent.return_time, null);

  await advanceTo(ts, sent.arrival_time);
  const holding = (await fleetOf(server, alice)).missions[0];
  assert.equal(holding.state, 'holding');
  assert.equal(Date.parse(holding.hold_until) - Date.parse(sent.arrival_time), 30_000);
  assert.equal(
    (await planetsOf(server, alice)).length,
    1,
    'not founded before the colonization time',
  );

  await advanceBy(ts, 29_999);
  assert.equal((await planetsOf(server, alice)).length, 1);
  await advanceBy(ts, 1);
  const planets = await planetsOf(server, alice);
  assert.equal(planets.length, 2);
  const colony = planets.find((p) => p.position === slot.position && p.system === slot.system)!;
  assert.equal(colony.name, 'Colony');
  // The ruleset's starting resources plus the unloaded cargo.
  assert.deepEqual(colony.resources, { metal: 500 + 400, crystal: 300 + 100, deuterium: 100 });
  const notes = (await call(server, alice, 'GET', '/notifications')).body.notifications;
  assert.ok(notes.some((n: { type: string }) => n.type === 'colony_founded'));

  // The escort flies home; the colony ship is gone for good.
  const escort = (await fleetOf(server, alice)).missions[0];
  assert.equal(escort.state, 'returning');
  assert.deepEqual(escort.ships, { light_fighter: 2 });
  await advanceTo(ts, escort.return_time);
  const home = await snapshot(server, alice);
  assert.equal(home.fleet.colony_ship, 0);
  assert.equal(home.fleet.light_fighter, 2);
});

test('colonize an occupied position: the first colony ship wins, the second flies home with its ship', async (t) => {
  const ts = await startFleetServer(t, { env: { COLONIZATION_TIME_SECONDS: '0' } });
  const { server } = ts;
  const bob = await join(server, 'bob');
  const carol = await join(server, 'carol');
  for (const p of [bob, carol]) await equip(server, p.planetId, { ships: { colony_ship: 1 } });
  const slot = freeSlotNear(server, bob.coords);
  const first = await send(server, bob, {
    ...slot,
    mission: 'colonize',
    ships: { colony_ship: 1 },
  });
  const second = await send(server, carol, {
    ...slot,
    mission: 'colonize',
    ships: { colony_ship: 1 },
  });
  const [early, late, winner, loser] =
    Date.parse(first.arrival_time) <= Date.parse(second.arrival_time)
      ? [first, second, bob, carol]
      : [second, first, carol, bob];
  // Both arrive within one tick: they are processed in arrival order.
  await advanceTo(ts, late.arrival_time);
  assert.ok(Date.parse(early.arrival_time) <= Date.parse(late.arrival_time));
  assert.equal(server.runtime.world.planetAt(slot)?.ownerId, winner.id);
  const back = (await fleetOf(server, loser)).missions[0];
  assert.equal(back.state, 'returning');
  assert.deepEqual(back.ships, { colony_ship: 1 });
  const notes = (await call(server, loser, 'GET', '/notifications')).body.notifications;
  assert.ok(notes.some((n: { type: string }) => n.type === 'colonization_failed'));
  await advanceTo(ts, back.return_time);
  assert.equal((await snapshot(server, loser)).fleet.colony_ship, 1);
  assert.equal((await planetsOf(server, loser)).length, 1);

  // Dispatching to a position that is already taken is refused at once.
  await equip(server, loser.planetId, { ships: { colony_ship: 1 } });
  const refused = await dispatch(server, loser, {
    ...slot,
    mission: 'colonize',
    ships: { colony_ship: 1 },
  });
  assert.equal(refused.status, 409);
  assert.equal(refused.body.detail, 'Target position is already occupied');
});
