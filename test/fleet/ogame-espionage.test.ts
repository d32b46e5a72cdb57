// RULESET=ogame end to end: only probes spy, the report shows the sections the probes and the
// espionage technology difference allow (§3.10), and counter-espionage may catch the probes,
// which then fight the planet's ships (seeded battle, battle report, debris).

import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { GameServer } from '../../src/server.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { advanceTo, call, dispatch, fleetOf, join, send, snapshot, target } from './helpers.js';
import type { Player } from './helpers.js';

const ADMIN = { authorization: 'Bearer x' };
const SECTIONS = ['resources', 'fleet', 'defenses', 'buildings', 'research'] as const;

function startOgame(t: TestContext): Promise<TestServer> {
  return startTestServer(t, { env: { RULESET: 'ogame', ADMIN_TOKEN: 'x' }, seed: 42 });
}

async function admin(server: GameServer, url: string, payload: object): Promise<void> {
  const res = await server.app.inject({ method: 'PATCH', url, headers: ADMIN, payload });
  assert.equal(res.statusCode, 200, res.body);
}

const patchPlanet = (server: GameServer, p: Player, patch: object) =>
  admin(server, `/admin/planets/${p.planetId}`, patch);
const research = (server: GameServer, p: Player, levels: Record<string, number>) =>
  admin(server, `/admin/players/${p.id}`, { research: levels });

/** Sends `probes` probes from alice to bob; returns the dispatch answer. */
function spy(server: GameServer, from: Player, to: Player, probes: number) {
  return send(server, from, {
    ...target(to.coords),
    mission: 'espionage',
    ships: { espionage_probe: probes },
  });
}

/** The espionage report a fleet brought back. */
async function reportOf(server: GameServer, p: Player, fleetId: number) {
  const list = (await call(server, p, 'GET', '/espionage-reports')).body.reports as Array<{
    fleet_id: number;
    snapshot: Record<string, unknown>;
  }>;
  const report = list.find((r) => r.fleet_id === fleetId);
  assert.ok(report, `a report for fleet ${fleetId}`);
  return report.snapshot;
}

const shown = (snap: Record<string, unknown>) => SECTIONS.filter((s) => snap[s] !== null);

test('RULESET=ogame: only espionage probes fly espionage missions (400 naming the others, 409 when short)', async (t) => {
  const { server } = await startOgame(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await patchPlanet(server, alice, {
    ships: { espionage_probe: 2, cruiser: 1, small_cargo: 1 },
    resources: { deuterium: 100_000 },
  });
  const spyWith = (ships: Record<string, number>) =>
    dispatch(server, alice, { ...target(bob.coords), mission: 'espionage', ships });

  const cruiser = await spyWith({ cruiser: 1 });
  assert.equal(cruiser.status, 400);
  assert.equal(
    cruiser.body.detail,
    'Only espionage_probe can fly an espionage mission; remove cruiser from the fleet',
  );
  assert.deepEqual(cruiser.body.allowed_ship_types, ['espionage_probe']);
  assert.deepEqual(cruiser.body.not_allowed, ['cruiser']);

  const mixed = await spyWith({ espionage_probe: 1, small_cargo: 1 });
  assert.equal(mixed.status, 400);
  assert.match(mixed.body.detail, /remove small_cargo from the fleet$/);

  const preview = await call(server, alice, 'POST', '/fleet/preview', {
    ...target(bob.coords),
    mission: 'espionage',
    ships: { cruiser: 1 },
  });
  assert.equal(preview.status, 400);
  assert.match(preview.body.detail, /^Only espionage_probe can fly an espionage mission/);

  const short = await spyWith({ espionage_probe: 5 });
  assert.equal(short.status, 409);
  assert.equal(short.body.detail, 'Not enough espionage_probe: have 2, requested 5');

  // Nothing was spent or sent by the refusals.
  const snap = await snapshot(server, alice);
  assert.equal(snap.resources.deuterium, 100_000);
  assert.equal(snap.fleet.espionage_probe, 2);
  assert.equal((await fleetOf(server, alice)).missions.length, 0);

  // Probes alone fly, and pay their fuel.
  const ok = await spyWith({ espionage_probe: 2 });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.ok(ok.body.fuel >= 2);
  assert.equal((await snapshot(server, alice)).resources.deuterium, 100_000 - ok.body.fuel);
});

test('RULESET=ogame: the report shows sections by probes sent and espionage technology difference', async (t) => {
  const ts = await startOgame(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await research(server, alice, { computer: 10 }); // fleet slots for several spies at once
  await patchPlanet(server, alice, {
    ships: { espionage_probe: 40 },
    resources: { deuterium: 1_000_000 },
  });
  // Bob has no ship, so there is no counter-espionage.
  await patchPlanet(server, bob, {
    buildings: { metal_mine: 4 },
    defenses: { rocket_launcher: 3 },
  });
  await research(server, bob, { energy: 2 });

  // Equal technology (0 / 0): 2 / 3 / 5 / 7 probes for fleet / defenses / buildings / research.
  const counts = [1, 2, 3, 4, 5, 7];
  const wave = [];
  for (const n of counts) wave.push(await spy(server, alice, bob, n));
  await advanceTo(ts, wave[0]!.arrival_time);
  const seen = [];
  for (const sent of wave) seen.push(shown(await reportOf(server, alice, sent.fleet_id)));
  assert.deepEqual(seen, [
    ['resources'],
    ['resources', 'fleet'],
    ['resources', 'fleet', 'defenses'],
    ['resources', 'fleet', 'defenses'],
    ['resources', 'fleet', 'defenses', 'buildings'],
    ['resources', 'fleet', 'defenses', 'buildings', 'research'],
  ]);
  const full = await reportOf(server, alice, wave[5]!.fleet_id);
  assert.equal((full.defenses as Record<string, number>).rocket_launcher, 3);
  assert.equal((full.buildings as Record<string, number>).metal_mine, 4);
  assert.equal((full.research as Record<string, number>).energy, 2);
  assert.equal(full.counter_espionage_chance, 0);
  await advanceTo(ts, wave[0]!.return_time);
  assert.equal((await snapshot(server, alice)).fleet.espionage_probe, 40, 'every probe is home');

  // A lead of 4 levels shows everything to a single probe.
  await research(server, alice, { espionage: 4 });
  const lead = await spy(server, alice, bob, 1);
  await advanceTo(ts, lead.arrival_time);
  assert.equal(shown(await reportOf(server, alice, lead.fleet_id)).length, 5);
  await advanceTo(ts, lead.return_time);

  // A defender lead of 2 costs 4 probes: 4 see only resources, 7 count as 3.
  await research(server, bob, { espionage: 6 });
  const four = await spy(server, alice, bob, 4);
  const seven = await spy(server, alice, bob, 7);
  await advanceTo(ts, seven.arrival_time);
  assert.deepEqual(shown(await reportOf(server, alice, four.fleet_id)), ['resources']);
  assert.deepEqual(shown(await reportOf(server, alice, seven.fleet_id)), [
    'resources',
    'fleet',
    'defenses',
  ]);
});

test('RULESET=ogame: counter-espionage catches the probes, which fight the planet’s ships (seed 42)', async (t) => {
  const ts = await startOgame(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await patchPlanet(server, alice, {
    ships: { espionage_probe: 3 },
    resources: { deuterium: 100_000 },
  });
  // 4 fighters against 1 probe at equal technology: ⌊4 × 1 / 4 × 100⌋ = 100 %.
  await patchPlanet(server, bob, { ships: { light_fighter: 4 } });

  const caught = await spy(server, alice, bob, 1);
  await advanceTo(ts, caught.arrival_time);
  // The report got out before the fight, with the chance it ran.
  const report = await reportOf(server, alice, caught.fleet_id);
  assert.equal(report.counter_espionage_chance, 100);
  assert.deepEqual(shown(report), ['resources']);
  const battles = (await call(server, alice, 'GET', '/battle-reports')).body.reports;
  assert.equal(battles.length, 1);
  const battle = battles[0];
  assert.equal(battle.fleet_id, caught.fleet_id);
  assert.equal(battle.defender_user_id, bob.id);
  assert.equal(battle.outcome.winner, 'defender');
  assert.deepEqual(battle.outcome.attacker_losses, { espionage_probe: 1 });
  assert.deepEqual(battle.outcome.defender_remaining, { light_fighter: 4 });
  // 30 % of the probe's 1000 crystal is left as debris.
  assert.deepEqual(battle.outcome.debris, { metal: 0, crystal: 300, deuterium: 0 });
  assert.equal((await call(server, bob, 'GET', '/battle-reports')).body.reports.length, 1);
  // The probe is gone: no fleet, nothing comes home.
  assert.equal((await fleetOf(server, alice)).missions.length, 0);
  await advanceTo(ts, caught.return_time);
  assert.equal((await snapshot(server, alice)).fleet.espionage_probe, 2);

  // Solar satellites catch a probe too but cannot destroy it: a draw, and the probe flies home.
  await patchPlanet(server, bob, { ships: { light_fighter: 0, solar_satellite: 4 } });
  const scratched = await spy(server, alice, bob, 1);
  await advanceTo(ts, scratched.arrival_time);
  const draw = (await call(server, alice, 'GET', '/battle-reports')).body.reports.find(
    (r: { fleet_id: number }) => r.fleet_id === scratched.fleet_id,
  );
  assert.equal(draw.outcome.winner, 'draw');
  assert.deepEqual(draw.outcome.attacker_remaining, { espionage_probe: 1 });
  await advanceTo(ts, scratched.return_time);
  assert.equal((await snapshot(server, alice)).fleet.espionage_probe, 2);

  // A spy one espionage level ahead is never caught (the factor def − att + 1 is 0).
  await research(server, alice, { espionage: 1 });
  await patchPlanet(server, bob, { ships: { light_fighter: 50 } });
  const safe = await spy(server, alice, bob, 2);
  await advanceTo(ts, safe.arrival_time);
  const safeReport = await reportOf(server, alice, safe.fleet_id);
  assert.equal(safeReport.counter_espionage_chance, 0);
  assert.deepEqual(shown(safeReport), ['resources', 'fleet']);
  assert.equal((await call(server, alice, 'GET', '/battle-reports')).body.reports.length, 2);
  await advanceTo(ts, safe.return_time);
  assert.equal((await snapshot(server, alice)).fleet.espionage_probe, 2);
});

test('RULESET=ogame: a counter-espionage battle too big for the game loop runs on the battle worker', async (t) => {
  const ts = await startTestServer(t, {
    env: { RULESET: 'ogame', ADMIN_TOKEN: 'x', BATTLE_WORKER_UNITS: '0' },
    seed: 42,
  });
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await patchPlanet(server, alice, {
    ships: { espionage_probe: 1 },
    resources: { deuterium: 100_000 },
  });
  await patchPlanet(server, bob, { ships: { cruiser: 10 } });
  const caught = await spy(server, alice, bob, 1);
  await advanceTo(ts, caught.arrival_time);
  assert.equal((await reportOf(server, alice, caught.fleet_id)).counter_espionage_chance, 100);
  const battles = (await call(server, alice, 'GET', '/battle-reports')).body.reports;
  assert.equal(battles.length, 1);
  assert.deepEqual(battles[0].outcome.attacker_losses, { espionage_probe: 1 });
  assert.equal((await fleetOf(server, alice)).missions.length, 0);
});
