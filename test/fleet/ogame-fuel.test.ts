// RULESET=ogame end to end: flights burn deuterium by the live game's formula (§3.7), paid from
// the origin planet as part of the atomic dispatch, shown by the preview, never refunded.

import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { loadConfig } from '../../src/config/index.js';
import { createOgameRuleset, type Levels } from '../../src/rules/index.js';
import type { GameServer } from '../../src/server.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import {
  advanceBy,
  advanceTo,
  call,
  dispatch,
  fleetOf,
  join,
  snapshot,
  target,
} from './helpers.js';
import type { Coords, Player } from './helpers.js';

const ADMIN = { authorization: 'Bearer x' };
const UNIVERSE = { galaxies: 9, systems: 499, positions: 15 };

function startOgame(t: TestContext, env: Record<string, string> = {}): Promise<TestServer> {
  // Long flights: the tokens must outlive the manual clock's jumps.
  const base = { RULESET: 'ogame', ADMIN_TOKEN: 'x', ACCESS_TOKEN_EXPIRE_MINUTES: '525600' };
  return startTestServer(t, { env: { ...base, ...env }, seed: 42 });
}

async function patchPlanet(server: GameServer, planetId: number, patch: object): Promise<void> {
  const res = await server.app.inject({
    method: 'PATCH',
    url: `/admin/planets/${planetId}`,
    headers: ADMIN,
    payload: patch,
  });
  assert.equal(res.statusCode, 200, res.body);
}

/** The flight the ogame ruleset plans (its formulas are pinned in test/rules/ogame-flight). */
function expectedFlight(
  from: Coords,
  to: Coords,
  ships: Levels,
  rules = createOgameRuleset(),
  speedFraction = 1,
) {
  return rules.flight!({ from, to, universe: UNIVERSE, ships, research: {}, speedFraction });
}

async function deuteriumOf(server: GameServer, p: Player): Promise<number> {
  return (await snapshot(server, p)).resources.deuterium as number;
}

test('RULESET=ogame: fuel matches the preview, is paid at dispatch and never refunded', async (t) => {
  const ts = await startOgame(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  // No synthesizer: deuterium stays put while the clock moves (OGame's basic income is 0).
  await patchPlanet(server, alice.planetId, {
    ships: { small_cargo: 10 },
    resources: { metal: 0, crystal: 0, deuterium: 5000 },
  });
  await patchPlanet(server, bob.planetId, { resources: { metal: 0, crystal: 0, deuterium: 0 } });
  const ships = { small_cargo: 4 };
  const body = { ...target(bob.coords), mission: 'transfer', ships, resources: { deuterium: 100 } };

  const expected = expectedFlight(alice.coords, bob.coords, ships);
  assert.ok(expected.fuel > 1, `a real flight burns fuel (${expected.fuel})`);
  const preview = await call(server, alice, 'POST', '/fleet/preview', body);
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.fuel, expected.fuel);
  assert.equal(preview.body.distance, expected.distance);
  assert.equal(preview.body.duration_seconds, expected.durationSeconds);
  assert.equal(preview.body.speed, 5000);
  // The preview changes nothing.
  assert.equal(await deuteriumOf(server, alice), 5000);

  const sent = await dispatch(server, alice, body);
  assert.equal(sent.status, 200, JSON.stringify(sent.body));
  assert.equal(sent.body.fuel, expected.fuel);
  assert.equal(sent.body.fleet.fuel, expected.fuel);
  assert.equal(sent.body.duration_seconds, expected.durationSeconds);
  const afterDispatch = 5000 - 100 - expected.fuel;
  assert.equal(await deuteriumOf(server, alice), afterDispatch);
  assert.equal((await snapshot(server, alice)).fleet.small_cargo, 6);

  await advanceTo(ts, sent.body.arrival_time);
  assert.equal(await deuteriumOf(server, bob), 100, 'the cargo is delivered, the fuel is not');
  await advanceTo(ts, sent.body.return_time);
  assert.equal((await fleetOf(server, alice)).missions.length, 0);
  assert.equal((await snapshot(server, alice)).fleet.small_cargo, 10);
  assert.equal(await deuteriumOf(server, alice), afterDispatch, 'nothing comes back');

  // Recalled half-way: home after the time flown, the fuel is still gone.
  const again = await dispatch(server, alice, { ...body, resources: {} });
  assert.equal(again.status, 200, JSON.stringify(again.body));
  const afterSecond = afterDispatch - expected.fuel;
  assert.equal(await deuteriumOf(server, alice), afterSecond);
  const halfway = Math.floor((expected.durationSeconds * 1000) / 2);
  await advanceBy(ts, halfway);
  const recall = await call(server, alice, 'POST', `/fleet/${again.body.fleet_id}/recall`);
  assert.equal(recall.status, 200, JSON.stringify(recall.body));
  assert.equal(Date.parse(recall.body.return_eta), ts.clock.now() + halfway);
  await advanceTo(ts, recall.body.return_eta);
  assert.equal((await fleetOf(server, alice)).missions.length, 0);
  assert.equal((await snapshot(server, alice)).fleet.small_cargo, 10);
  assert.equal(await deuteriumOf(server, alice), afterSecond, 'a recall refunds no fuel');
});

test('RULESET=ogame: a dispatch that cannot pay its fuel is refused whole with 409 naming the shortfall', async (t) => {
  const ts = await startOgame(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const ships = { large_cargo: 20 };
  const fuel = expectedFlight(alice.coords, bob.coords, ships).fuel;
  await patchPlanet(server, alice.planetId, {
    ships: { large_cargo: 20 },
    resources: { metal: 1000, crystal: 0, deuterium: fuel - 1 },
  });

  const body = { ...target(bob.coords), mission: 'transfer', ships };
  const short = await dispatch(server, alice, body);
  assert.equal(short.status, 409);
  assert.equal(
    short.body.detail,
    `Insufficient resources for cargo and fuel: missing 1 deuterium (the flight burns ${fuel} deuterium)`,
  );
  assert.deepEqual(short.body.shortfall, { deuterium: 1 });
  assert.equal(short.body.fuel, fuel);
  // Nothing moved: ships, resources, fleets.
  const snap = await snapshot(server, alice);
  assert.equal(snap.fleet.large_cargo, 20);
  assert.equal(snap.resources.deuterium, fuel - 1);
  assert.equal(snap.resources.metal, 1000);
  assert.equal((await fleetOf(server, alice)).missions.length, 0);

  // Cargo and fuel are checked together: the deuterium carried counts too.
  await patchPlanet(server, alice.planetId, { resources: { deuterium: fuel + 10 } });
  const both = await dispatch(server, alice, { ...body, resources: { deuterium: 11 } });
  assert.equal(both.status, 409);
  assert.deepEqual(both.body.shortfall, { deuterium: 1 });

  // The preview still answers (it plans the flight; it does not check the stock).
  const preview = await call(server, alice, 'POST', '/fleet/preview', body);
  assert.equal(preview.status, 200);
  assert.equal(preview.body.fuel, fuel);

  // Exactly enough: the planet is left with nothing.
  const ok = await dispatch(server, alice, { ...body, resources: { deuterium: 10, metal: 1000 } });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  const left = (await snapshot(server, alice)).resources;
  assert.equal(left.deuterium, 0);
  assert.equal(left.metal, 0);
});

test('RULESET=ogame: FLEET_SPEED, DONUT_SYSTEM and DEUTERIUM_SAVE_FACTOR reach the flight rules', async (t) => {
  const env = { FLEET_SPEED: '4', DONUT_SYSTEM: 'false', DEUTERIUM_SAVE_FACTOR: '0.5' };
  const ts = await startOgame(t, env);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const rules = (await server.app.inject({ method: 'GET', url: '/rules' })).json();
  assert.equal(rules.speeds.fleetSpeed, 4);
  assert.equal(rules.constants.donutSystem, false);
  assert.equal(rules.constants.donutGalaxy, true);
  assert.equal(rules.constants.deuteriumSaveFactor, 0.5);

  // The farthest system of the galaxy: the long way round without donut systems.
  const farSystem = alice.coords.system <= 250 ? 499 : 1;
  const far: Coords = { ...alice.coords, system: farSystem };
  const ships = { colony_ship: 1, large_cargo: 3 };
  const configured = createOgameRuleset({
    fleetSpeed: 4,
    donutSystem: false,
    deuteriumSaveFactor: 0.5,
  });
  const expected = expectedFlight(alice.coords, far, ships, configured, 0.7);
  assert.equal(expected.distance, 2700 + 95 * Math.abs(farSystem - alice.coords.system));
  const preview = await call(server, alice, 'POST', '/fleet/preview', {
    ...target(far),
    mission: 'colonize',
    ships,
    speed: 0.7,
  });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.distance, expected.distance);
  assert.equal(preview.body.duration_seconds, expected.durationSeconds);
  assert.equal(preview.body.fuel, expected.fuel);
  // The same flight under the real game's defaults is slower (fleet speed 1) and burns more
  // per distance unit (save factor 1).
  const defaults = expectedFlight(alice.coords, far, ships, createOgameRuleset(), 0.7);
  assert.ok(defaults.durationSeconds > expected.durationSeconds);
  assert.ok(defaults.distance <= expected.distance);

  // The real game's defaults when nothing is set.
  assert.deepEqual(loadConfig({}).rulesetOptions, {
    economySpeed: 1,
    researchSpeed: 1,
    fleetSpeed: 1,
    donutGalaxy: true,
    donutSystem: true,
    deuteriumSaveFactor: 1,
  });
});
