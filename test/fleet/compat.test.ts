// Compatibility with the Python server's clients (seed-reference.md §2.4): a dispatch without
// `ships` takes what its mission needs, a recall with a stale fleet id recalls the player's only
// fleet in flight, and `planet_id` addresses a planet other than the active one on build-ships,
// dispatch, preview and GET fleet.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireUser } from '../../src/sim/economy/lookup.js';
import { createPlanet } from '../../src/sim/universe.js';
import type { GameServer } from '../../src/server.js';
import { startTestServer } from '../helpers/server.js';
import {
  ADMIN,
  call,
  dispatch,
  equip,
  fleetOf,
  freeSlotNear,
  join,
  send,
  startFleetServer,
  target,
  type Coords,
  type Player,
} from './helpers.js';

const recall = (server: GameServer, p: Player, fleetId: number) =>
  call(server, p, 'POST', `/fleet/${fleetId}/recall`);

/** A second planet for the player, next to the homeworld (colonization is tested elsewhere). */
async function addColony(server: GameServer, p: Player): Promise<{ id: number; coords: Coords }> {
  const coords = freeSlotNear(server, p.coords);
  const planet = await server.runtime.execute(
    (ctx) => createPlanet(ctx, requireUser(ctx, p.id), coords, 'Colony'),
    undefined,
  );
  return { id: planet.id, coords };
}

test('dispatch without ships: espionage one fast ship (seed), colonize one colony ship, else all', async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const stationed = { light_fighter: 3, cruiser: 2, colony_ship: 2 };
  await equip(server, alice.planetId, { ships: stationed });

  // The seed has no probe and any ship spies: one of the fastest stationed (the cruiser).
  const spy = await send(server, alice, { ...target(bob.coords), mission: 'espionage' });
  assert.deepEqual(spy.ships_taken, { cruiser: 1 });
  assert.deepEqual(spy.fleet.ships, { cruiser: 1 });
  assert.equal(spy.message, 'Fleet dispatch queued');

  // `{}` is no selection either; colonize takes one colony ship and nothing else.
  const free = freeSlotNear(server, bob.coords, [alice.coords.position]);
  const colonize = await send(server, alice, {
    ...target(free),
    mission: 'colonize',
    ships: {},
  });
  assert.deepEqual(colonize.ships_taken, { colony_ship: 1 });
  const left = (await fleetOf(server, alice)).fleet;
  assert.deepEqual([left.light_fighter, left.cruiser, left.colony_ship], [3, 1, 1]);

  // The preview takes what the dispatch would, and sends nothing.
  const preview = await call(server, alice, 'POST', '/fleet/preview', {
    ...target(bob.coords),
    mission: 'attack',
  });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.deepEqual(preview.body.ships_taken, { light_fighter: 3, cruiser: 1, colony_ship: 1 });
  assert.equal(server.runtime.world.fleets.size, 2);

  // Any other mission: every ship stationed.
  const attack = await send(server, alice, { ...target(bob.coords), mission: 'attack' });
  assert.deepEqual(attack.ships_taken, { light_fighter: 3, cruiser: 1, colony_ship: 1 });
  const after = (await fleetOf(server, alice)).fleet as Record<string, number>;
  assert.ok(
    Object.values(after).every((n) => n === 0),
    JSON.stringify(after),
  );

  // Nothing left to take: the usual rejections, and nothing changes.
  const empty = await dispatch(server, alice, { ...target(bob.coords) });
  assert.equal(empty.status, 400, JSON.stringify(empty.body));
  assert.equal(empty.body.code, 'no_ships_selected');
  const noColonyShip = await dispatch(server, alice, { ...target(free), mission: 'colonize' });
  assert.equal(noColonyShip.status, 409, JSON.stringify(noColonyShip.body));
  assert.equal(noColonyShip.body.code, 'not_enough_ships');
  assert.equal(noColonyShip.body.ship_type, 'colony_ship');
  assert.equal(server.runtime.world.fleets.size, 3);

  // A request that names its ships is answered as before, without `ships_taken`.
  await equip(server, alice.planetId, { ships: { light_fighter: 1 } });
  const named = await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  assert.equal('ships_taken' in named, false);
});

test('RULESET=ogame: a dispatch without ships spies with one espionage probe', async (t) => {
  const { server } = await startTestServer(t, {
    env: { RULESET: 'ogame', ADMIN_TOKEN: 'fleet-admin' },
  });
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const body = { ...target(bob.coords), mission: 'espionage' };
  // Two fleet slots (1 + computer).
  const slots = await server.app.inject({
    method: 'PATCH',
    url: `/admin/players/${alice.id}`,
    headers: ADMIN,
    payload: { research: { computer: 1 } },
  });
  assert.equal(slots.statusCode, 200, slots.body);
  await equip(server, alice.planetId, {
    ships: { small_cargo: 2, solar_satellite: 3 },
    resources: { deuterium: 100_000 },
  });
  const short = await dispatch(server, alice, body);
  assert.equal(short.status, 409, JSON.stringify(short.body));
  assert.equal(short.body.code, 'not_enough_ships');
  assert.equal(short.body.ship_type, 'espionage_probe');

  await equip(server, alice.planetId, { ships: { espionage_probe: 4 } });
  const sent = await send(server, alice, body);
  assert.deepEqual(sent.ships_taken, { espionage_probe: 1 });
  assert.equal((await fleetOf(server, alice)).fleet.espionage_probe, 3);

  // Every other mission takes what can fly: the satellites stay home.
  const transfer = await send(server, alice, { ...target(bob.coords), mission: 'transfer' });
  assert.deepEqual(transfer.ships_taken, { small_cargo: 2, espionage_probe: 3 });
  assert.equal((await fleetOf(server, alice)).fleet.solar_satellite, 3);
});

test('recall with an id that is not one of the player’s fleets: the only fleet in flight, else 400 or 404', async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, { ships: { light_fighter: 3 } });

  // None in flight: the reference server's 400.
  const none = await recall(server, alice, 12_345);
  assert.equal(none.status, 400, JSON.stringify(none.body));
  assert.deepEqual(none.body, {
    detail: 'No in-flight fleet to recall or fleet already arrived',
    code: 'no_fleet_in_flight',
  });

  // Exactly one in flight: that one is recalled, and the answer names it.
  const sent = await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  const one = await recall(server, alice, 12_345);
  assert.equal(one.status, 200, JSON.stringify(one.body));
  assert.equal(one.body.message, 'Fleet recall queued');
  assert.equal(one.body.recalled, true);
  assert.equal(one.body.fleet_id, sent.fleet_id);
  assert.equal(one.body.fleet.state, 'returning');
  assert.equal(server.runtime.world.fleets.get(sent.fleet_id)?.recalled, true);

  // The recalled fleet is not in flight any more: nothing left to fall back on.
  const again = await recall(server, alice, 12_345);
  assert.equal(again.status, 400);
  assert.equal(again.body.code, 'no_fleet_in_flight');
  // Its own id still answers idempotently.
  const same = await recall(server, alice, sent.fleet_id);
  assert.equal(same.status, 200);
  assert.equal(same.body.return_eta, one.body.return_eta);

  // Two in flight: the id must be right.
  const a = await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  const b = await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  const two = await recall(server, alice, 12_345);
  assert.equal(two.status, 404, JSON.stringify(two.body));
  assert.deepEqual(two.body, { detail: 'Fleet not found', code: 'fleet_not_found' });
  for (const id of [a.fleet_id, b.fleet_id])
    assert.equal(server.runtime.world.fleets.get(id)?.recalled, false);

  // Another player's fleet id is not theirs: bob (nothing in flight) recalls nothing.
  const byBob = await recall(server, bob, a.fleet_id);
  assert.equal(byBob.status, 400);
  assert.equal(server.runtime.world.fleets.get(a.fleet_id)?.recalled, false);
});

test('planet_id: build-ships, dispatch, preview and GET fleet act on a planet other than the active one', async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const colony = await addColony(server, alice);
  await equip(server, colony.id, {
    buildings: { shipyard: 1 },
    resources: { metal: 100_000, crystal: 100_000, deuterium: 100_000 },
    ships: { heavy_fighter: 2 },
  });

  // GET fleet: the active planet by default, the colony when named.
  const home = await fleetOf(server, alice);
  assert.equal(home.planet_id, alice.planetId);
  assert.equal(home.fleet.heavy_fighter, 0);
  const there = await call(server, alice, 'GET', `/fleet?planet_id=${colony.id}`);
  assert.equal(there.status, 200, JSON.stringify(there.body));
  assert.equal(there.body.planet_id, colony.id);
  assert.equal(there.body.fleet.heavy_fighter, 2);

  // build-ships at the colony's shipyard (the homeworld has none: it would be 409).
  const atHome = await call(server, alice, 'POST', '/build-ships', { ship_type: 'light_fighter' });
  assert.equal(atHome.status, 409, JSON.stringify(atHome.body));
  const order = await call(server, alice, 'POST', '/build-ships', {
    ship_type: 'light_fighter',
    quantity: 2,
    planet_id: colony.id,
  });
  assert.equal(order.status, 200, JSON.stringify(order.body));
  assert.equal(order.body.message, 'Ship build queued: light_fighter x2');
  assert.equal(order.body.item.ordered, 2);
  const queued = (await call(server, alice, 'GET', `/fleet?planet_id=${colony.id}`)).body;
  assert.equal(queued.ship_build_queue.length, 1);
  assert.equal((await fleetOf(server, alice)).ship_build_queue.length, 0);

  // Dispatch and preview from the colony with `planet_id` (a synonym of origin_planet_id).
  const body = { ...target(bob.coords), ships: { heavy_fighter: 1 }, planet_id: colony.id };
  const preview = await call(server, alice, 'POST', '/fleet/preview', body);
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  const sent = await send(server, alice, body);
  assert.equal(sent.fleet.origin.planet_id, colony.id);
  assert.deepEqual(sent.fleet.origin, { ...colony.coords, planet_id: colony.id });
  const same = await send(server, alice, { ...body, origin_planet_id: colony.id });
  assert.equal(same.fleet.origin.planet_id, colony.id);
  assert.equal(
    (await call(server, alice, 'GET', `/fleet?planet_id=${colony.id}`)).body.fleet.heavy_fighter,
    0,
  );

  // Both names, different planets: 400; another player's planet: 404; nothing is sent.
  const fleets = server.runtime.world.fleets.size;
  const both = await dispatch(server, alice, { ...body, origin_planet_id: alice.planetId });
  assert.equal(both.status, 400, JSON.stringify(both.body));
  assert.equal(both.body.code, 'invalid_field');
  for (const payload of [
    { ...body, planet_id: bob.planetId },
    { ship_type: 'light_fighter', planet_id: bob.planetId },
  ]) {
    const url = 'ship_type' in payload ? '/build-ships' : '/fleet/dispatch';
    const res = await call(server, alice, 'POST', url, payload);
    assert.equal(res.status, 404, `${url}: ${JSON.stringify(res.body)}`);
    assert.deepEqual(res.body, {
      detail: 'Planet not found or not owned by user',
      code: 'planet_not_found',
    });
  }
  const foreign = await call(server, alice, 'GET', `/fleet?planet_id=${bob.planetId}`);
  assert.equal(foreign.status, 404);
  assert.equal(foreign.body.code, 'planet_not_found');
  const badId = await dispatch(server, alice, { ...body, planet_id: 'colony' });
  assert.equal(badId.status, 400);
  assert.equal(badId.body.detail, 'planet_id must be a positive integer');
  assert.equal(server.runtime.world.fleets.size, fleets);
});
