import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceTo,
  equip,
  fleetOf,
  join,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

// Planets without a solar plant produce nothing (energy factor 0), so resources add up exactly.
const IDLE = { solar_plant: 0 };

test('transfer: ships and cargo leave, the cargo is unloaded at arrival, the ships come home', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { light_fighter: 10, cruiser: 2 },
    resources: { metal: 5000, crystal: 3000, deuterium: 1000 },
    buildings: IDLE,
  });
  await equip(server, bob.planetId, {
    resources: { metal: 0, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });

  const sent = await send(server, alice, {
    ...target(bob.coords),
    mission: 'transfer',
    speed: 0.5,
    ships: { cruiser: 2 },
    resources: { metal: 1000, crystal: 500, deuterium: 100 },
  });
  assert.equal(sent.message, 'Fleet dispatch queued');
  assert.deepEqual(sent.target, target(bob.coords));
  assert.equal(sent.mission, 'transfer');
  assert.equal(typeof sent.fleet_id, 'number');
  const duration = (Date.parse(sent.arrival_time) - Date.parse(sent.departure_time)) / 1000;
  assert.equal(duration, sent.duration_seconds);
  assert.equal(Date.parse(sent.return_time) - Date.parse(sent.arrival_time), duration * 1000);

  // The ships and the cargo have left the planet at once.
  const home = await snapshot(server, alice);
  assert.equal(home.fleet.cruiser, 0);
  assert.equal(home.fleet.light_fighter, 10);
  assert.deepEqual(home.resources, { metal: 4000, crystal: 2500, deuterium: 900 });
  const listed = await fleetOf(server, alice);
  assert.equal(listed.missions.length, 1);
  assert.equal(listed.missions[0].state, 'outbound');
  assert.deepEqual(listed.missions[0].ships, { cruiser: 2 });
  // Bob sees a friendly transport coming, ships included.
  const incoming = (await fleetOf(server, bob)).incoming;
  assert.equal(incoming.length, 1);
  assert.equal(incoming[0].mission, 'transfer');
  assert.deepEqual(incoming[0].ships, { cruiser: 2 });

  await advanceTo(ts, sent.arrival_time);
  assert.deepEqual((await snapshot(server, bob)).resources, {
    metal: 1000,
    crystal: 500,
    deuterium: 100,
  });
  const returning = (await fleetOf(server, alice)).missions[0];
  assert.equal(returning.state, 'returning');
  assert.deepEqual(returning.cargo, { metal: 0, crystal: 0, deuterium: 0 });
  assert.equal((await fleetOf(server, bob)).incoming.length, 0);

  await advanceTo(ts, sent.return_time);
  const back = await snapshot(server, alice);
  assert.equal(back.fleet.cruiser, 2);
  assert.deepEqual(back.resources, { metal: 4000, crystal: 2500, deuterium: 900 });
  assert.equal((await fleetOf(server, alice)).missions.length, 0);
});

test('deploy: the ships and their cargo stay at another own planet', async (t) => {
  const ts = await startFleetServer(t, { env: { COLONIZATION_TIME_SECONDS: '0' } });
  const { server } = ts;
  const carol = await join(server, 'carol');
  await equip(server, carol.planetId, {
    ships: { heavy_fighter: 4, colony_ship: 1 },
    resources: { metal: 1000, crystal: 1000, deuterium: 1000 },
    buildings: IDLE,
  });
  // A second planet of her own, founded next door by a colony ship.
  const slot = { ...carol.coords, position: (carol.coords.position % 15) + 1 };
  const colony = await send(server, carol, {
    ...slot,
    mission: 'colonize',
    ships: { colony_ship: 1 },
  });
  await advanceTo(ts, colony.arrival_time);
  const planets = (
    await server.app.inject({
      method: 'GET',
      url: `/player/${carol.id}/planets`,
      headers: carol.auth,
    })
  ).json().planets;
  const second = planets.find((p: { position: number }) => p.position === slot.position);
  assert.ok(second, 'the colony exists');
  await equip(server, second.id, {
    resources: { metal: 0, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });

  const sent = await send(server, carol, {
    ...slot,
    mission: 'deploy',
    ships: { heavy_fighter: 4 },
    resources: { metal: 300 },
  });
  assert.equal(sent.return_time, null, 'a deployment does not come back');
  await advanceTo(ts, sent.arrival_time);
  const after = (
    await server.app.inject({
      method: 'GET',
      url: `/player/${carol.id}/planets`,
      headers: carol.auth,
    })
  ).json().planets;
  assert.equal(after.find((p: { id: number }) => p.id === second.id).resources.metal, 300);
  await server.app.inject({
    method: 'POST',
    url: `/player/${carol.id}/planets/${second.id}/select`,
    headers: carol.auth,
  });
  assert.equal((await snapshot(server, carol)).fleet.heavy_fighter, 4);
  assert.equal((await fleetOf(server, carol)).missions.length, 0);
});

test('recall: the fleet flies back for as long as it flew out; recalling again is idempotent', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const dave = await join(server, 'dave');
  const erin = await join(server, 'erin');
  await equip(server, dave.planetId, {
    ships: { battleship: 3 },
    resources: { metal: 800, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });
  await equip(server, erin.planetId, {
    resources: { metal: 0, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });
  const sent = await send(server, dave, {
    ...target(erin.coords),
    mission: 'transfer',
    ships: { battleship: 3 },
    resources: { metal: 800 },
  });
  const flight = Date.parse(sent.arrival_time) - Date.parse(sent.departure_time);
  assert.ok(flight >= 2000, 'long enough to recall halfway');
  // Recalled after three quarters of the way: home half a flight after the planned arrival.
  const elapsed = Math.floor((flight * 3) / 4);
  ts.clock.advance(elapsed);
  const recall = await server.app.inject({
    method: 'POST',
    url: `/player/${dave.id}/fleet/${sent.fleet_id}/recall`,
    headers: dave.auth,
  });
  assert.equal(recall.statusCode, 200, recall.body);
  const body = recall.json();
  assert.equal(body.message, 'Fleet recall queued');
  assert.equal(body.recalled, true);
  assert.equal(Date.parse(body.return_eta), ts.clock.now() + Math.max(1000, elapsed));
  const again = await server.app.inject({
    method: 'POST',
    url: `/player/${dave.id}/fleet/${sent.fleet_id}/recall`,
    headers: dave.auth,
  });
  assert.equal(again.statusCode, 200);
  assert.equal(again.json().return_eta, body.return_eta);

  // The original arrival time passes without effect; the fleet lands with its cargo.
  await advanceTo(ts, sent.arrival_time);
  assert.equal((await snapshot(server, erin)).resources.metal, 0, 'nothing delivered');
  assert.equal((await fleetOf(server, dave)).missions[0].state, 'returning');
  await advanceTo(ts, body.return_eta);
  const back = await snapshot(server, dave);
  assert.equal(back.fleet.battleship, 3);
  assert.equal(back.resources.metal, 800);
});
