import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceTo,
  call,
  connectWs,
  equip,
  fleetOf,
  join,
  listenWs,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

const IDLE = { solar_plant: 0 };

test('attack: a real battle with loot and debris, then a recycler collects the debris', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const url = await listenWs(ts);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { battleship: 20, cruiser: 1 },
    resources: { metal: 0, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });
  await equip(server, bob.planetId, {
    ships: { light_fighter: 5 },
    resources: { metal: 20_000, crystal: 10_000, deuterium: 5_000 },
    buildings: IDLE,
  });
  const aliceWs = await connectWs(t, url, alice);
  const bobWs = await connectWs(t, url, bob);

  const sent = await send(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { battleship: 20 },
  });
  // The defender is warned at dispatch: WebSocket, critical notification, and `incoming` with
  // the ships hidden.
  const warning = await bobWs.waitFor('incoming_attack');
  assert.equal(warning.attacker_user_id, alice.id);
  assert.equal(warning.eta, sent.arrival_time);
  assert.deepEqual(warning.target, target(bob.coords));
  const incoming = (await fleetOf(server, bob)).incoming;
  assert.equal(incoming.length, 1);
  assert.equal(incoming[0].mission, 'attack');
  assert.equal(incoming[0].ships, null);
  const notes = (await call(server, bob, 'GET', '/notifications')).body.notifications;
  const note = notes.find((n: { type: string }) => n.type === 'incoming_attack');
  assert.equal(note.priority, 'critical');

  await advanceTo(ts, sent.arrival_time);
  const aliceReport = await aliceWs.waitFor('battle_report');
  const bobReport = await bobWs.waitFor('battle_report');
  assert.equal(aliceReport.report_id, bobReport.report_id);

  // Battleships one-shot light fighters, whose shots bounce off their shields.
  const reports = (await call(server, alice, 'GET', '/battle-reports')).body.reports;
  assert.equal(reports.length, 1);
  const report = reports[0];
  assert.equal(report.attacker_user_id, alice.id);
  assert.equal(report.defender_user_id, bob.id);
  assert.deepEqual(report.location, {
    galaxy: bob.coords.galaxy,
    system: bob.coords.system,
    planet: bob.coords.position,
  });
  const outcome = report.outcome;
  assert.equal(outcome.winner, 'attacker');
  assert.equal(outcome.seed, report.seed);
  assert.deepEqual(outcome.defender_losses, { light_fighter: 5 });
  assert.deepEqual(outcome.attacker_losses, {});
  assert.deepEqual(outcome.attacker_remaining, { battleship: 20 });
  assert.equal(outcome.attacker_power, 20 * 1000);
  assert.equal(outcome.defender_power, 5 * 50);
  assert.equal(outcome.round_summaries.length, outcome.rounds);
  assert.ok(outcome.rounds >= 1);
  // Loot: half of each resource (cargo room 20 × 1500 is plenty).
  assert.deepEqual(outcome.loot, { metal: 10_000, crystal: 5_000, deuterium: 2_500 });
  // Debris: 30 % of five light fighters' metal and crystal.
  assert.deepEqual(outcome.debris, { metal: 450, crystal: 225, deuterium: 0 });
  assert.equal(outcome.moon_chance, 0);
  const detail = await call(server, bob, 'GET', `/battle-reports/${report.id}`);
  assert.equal(detail.status, 200);
  assert.deepEqual(detail.body, report);

  const robbed = await snapshot(server, bob);
  assert.equal(robbed.fleet.light_fighter, 0);
  assert.deepEqual(robbed.resources, { metal: 10_000, crystal: 5_000, deuterium: 2_500 });
  const returning = (await fleetOf(server, alice)).missions[0];
  assert.equal(returning.state, 'returning');
  assert.deepEqual(returning.cargo, { metal: 10_000, crystal: 5_000, deuterium: 2_500 });

  // A cruiser (800 cargo) collects the whole field (675) and brings it home.
  const recycle = await send(server, alice, {
    ...target(bob.coords),
    mission: 'recycle',
    ships: { cruiser: 1 },
  });
  await advanceTo(ts, sent.return_time);
  const home = await snapshot(server, alice);
  assert.equal(home.fleet.battleship, 20);
  assert.deepEqual(home.resources, { metal: 10_000, crystal: 5_000, deuterium: 2_500 });
  await advanceTo(ts, recycle.arrival_time);
  const collecting = (await fleetOf(server, alice)).missions[0];
  assert.deepEqual(collecting.cargo, { metal: 450, crystal: 225, deuterium: 0 });
  assert.equal(server.runtime.world.debrisFields.size, 0, 'the field is used up');
  await advanceTo(ts, recycle.return_time);
  assert.deepEqual((await snapshot(server, alice)).resources, {
    metal: 10_450,
    crystal: 5_225,
    deuterium: 2_500,
  });
});

test('a defender that wins keeps its planet; the attacker loses its fleet and gets no loot', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const carol = await join(server, 'carol');
  const dave = await join(server, 'dave');
  await equip(server, carol.planetId, { ships: { light_fighter: 3 }, buildings: IDLE });
  await equip(server, dave.planetId, {
    ships: { battleship: 10 },
    resources: { metal: 5000, crystal: 5000, deuterium: 5000 },
    buildings: IDLE,
  });
  const sent = await send(server, carol, {
    ...target(dave.coords),
    mission: 'attack',
    ships: { light_fighter: 3 },
  });
  await advanceTo(ts, sent.arrival_time);
  const report = (await call(server, dave, 'GET', '/battle-reports')).body.reports[0];
  assert.equal(report.outcome.winner, 'defender');
  assert.deepEqual(report.outcome.loot, { metal: 0, crystal: 0, deuterium: 0 });
  assert.deepEqual(report.outcome.attacker_losses, { light_fighter: 3 });
  assert.deepEqual(report.outcome.debris, { metal: 270, crystal: 135, deuterium: 0 });
  assert.equal((await fleetOf(server, carol)).missions.length, 0, 'no survivor flies home');
  assert.equal((await snapshot(server, dave)).resources.metal, 5000);
  assert.equal((await snapshot(server, dave)).fleet.battleship, 10);
});

test('espionage: a report of resources, buildings, fleet and research for the sender', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const erin = await join(server, 'erin');
  const frank = await join(server, 'frank');
  await equip(server, erin.planetId, { ships: { light_fighter: 1 } });
  await equip(server, frank.planetId, {
    ships: { cruiser: 7 },
    resources: { metal: 1234, crystal: 567, deuterium: 89 },
    buildings: { ...IDLE, metal_mine: 4 },
  });
  await server.app.inject({
    method: 'PATCH',
    url: `/admin/players/${frank.id}`,
    headers: { authorization: 'Bearer fleet-admin' },
    payload: { research: { laser: 3 } },
  });
  const sent = await send(server, erin, {
    ...target(frank.coords),
    mission: 'espionage',
    ships: { light_fighter: 1 },
  });
  assert.equal((await fleetOf(server, frank)).incoming[0].ships, null, 'spies hide their ships');
  await advanceTo(ts, sent.arrival_time);
  const list = (await call(server, erin, 'GET', '/espionage-reports')).body.reports;
  assert.equal(list.length, 1);
  const snap = list[0].snapshot;
  assert.deepEqual(snap.resources, { metal: 1234, crystal: 567, deuterium: 89 });
  assert.equal(snap.buildings.metal_mine, 4);
  assert.equal(snap.fleet.cruiser, 7);
  assert.equal(snap.research.laser, 3);
  assert.equal(snap.planet.name, 'Homeworld');
  const detail = await call(server, frank, 'GET', `/espionage-reports/${list[0].id}`);
  assert.equal(detail.status, 200, 'the spied-on player may read it too');
  await advanceTo(ts, sent.return_time);
  assert.equal((await snapshot(server, erin)).fleet.light_fighter, 1);
});
