import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runBattle } from '../../src/sim/battle/index.js';
import { call, equip, fleetOf, join, send, snapshot, startFleetServer, target } from './helpers.js';

const IDLE = { solar_plant: 0 };

test('a battle above BATTLE_WORKER_UNITS runs on the worker; arrivals behind it wait their turn', async (t) => {
  // Any battle with more than 10 units goes to the worker.
  const ts = await startFleetServer(t, { env: { BATTLE_WORKER_UNITS: '10' } });
  const { server, clock } = ts;
  const bob = await join(server, 'bob');
  const alice = await join(server, 'alice');
  const carol = await join(server, 'carol');
  await equip(server, bob.planetId, {
    ships: { light_fighter: 30 },
    resources: { metal: 8_000, crystal: 4_000, deuterium: 2_000 },
    buildings: IDLE,
  });
  await equip(server, alice.planetId, { ships: { battleship: 30 }, buildings: IDLE });
  await equip(server, carol.planetId, {
    ships: { cruiser: 1 },
    resources: { metal: 800, crystal: 0, deuterium: 0 },
    buildings: IDLE,
  });

  // The transport lands 1 ms after the attack: both fall due in the same tick.
  const attackBody = { ...target(bob.coords), mission: 'attack', ships: { battleship: 30 } };
  const giftBody = {
    ...target(bob.coords),
    mission: 'transfer',
    ships: { cruiser: 1 },
    resources: { metal: 800 },
  };
  const attackSecs = (await call(server, alice, 'POST', '/fleet/preview', attackBody)).body
    .duration_seconds;
  const giftSecs = (await call(server, carol, 'POST', '/fleet/preview', giftBody)).body
    .duration_seconds;
  let attack;
  let gift;
  if (attackSecs * 1000 >= giftSecs * 1000 + 1) {
    attack = await send(server, alice, attackBody);
    clock.advance(attackSecs * 1000 - giftSecs * 1000 + 1);
    gift = await send(server, carol, giftBody);
  } else {
    gift = await send(server, carol, giftBody);
    clock.advance(giftSecs * 1000 - attackSecs * 1000 - 1);
    attack = await send(server, alice, attackBody);
  }
  const giftLands = Date.parse(gift.arrival_time);
  assert.equal(giftLands, Date.parse(attack.arrival_time) + 1);

  clock.advance(giftLands - clock.now());
  server.runtime.tick();
  await server.runtime.flush();
  // The battle is reserved: the attack fleet holds at the target with its seed persisted, and
  // the transport behind it has not unloaded yet.
  const world = server.runtime.world;
  const fleet = world.fleets.get(attack.fleet_id)!;
  assert.equal(fleet.state, 'holding');
  assert.ok(fleet.battleSeed !== null);
  assert.ok(world.fleets.reservedBattles.has(attack.fleet_id));
  assert.equal(world.fleets.get(gift.fleet_id)!.state, 'outbound');
  // Bob cannot send his fleet away while the battle is being fought.
  const escape = await call(server, bob, 'POST', '/fleet/dispatch', {
    ...target(alice.coords),
    mission: 'transfer',
    ships: { light_fighter: 30 },
  });
  assert.equal(escape.status, 409);
  assert.match(escape.body.detail, /battle is being fought/);

  await server.services.battles.idle();
  server.runtime.tick();
  await server.runtime.flush();
  const report = (await call(server, bob, 'GET', '/battle-reports')).body.reports[0];
  assert.equal(report.outcome.resolved_at, attack.arrival_time, 'applied at the arrival time');
  // Same seed, same battle as on the main thread.
  const input = {
    seed: report.seed,
    attackers: {
      groups: [{ type: 'battleship', count: 30, attack: 1000, shield: 200, hull: 1000 }],
    },
    defenders: { groups: [{ type: 'light_fighter', count: 30, attack: 50, shield: 10, hull: 45 }] },
  };
  assert.equal(runBattle(input).roundsFought, report.outcome.rounds);
  assert.deepEqual(report.outcome.loot, { metal: 4_000, crystal: 2_000, deuterium: 1_000 });
  // Then the transport: unloaded after the raid, so its 800 metal stayed with Bob.
  assert.equal(world.fleets.get(gift.fleet_id)!.state, 'returning');
  assert.deepEqual((await snapshot(server, bob)).resources, {
    metal: 4_800,
    crystal: 2_000,
    deuterium: 1_000,
  });
  assert.equal((await fleetOf(server, alice)).missions[0].state, 'returning');
});
