import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  advanceTo,
  call,
  dispatch,
  equip,
  freeSlotNear,
  join,
  send,
  snapshot,
  startFleetServer,
  target,
} from './helpers.js';

test('every invalid dispatch is a clear 4xx at once and changes nothing', async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { light_fighter: 2, heavy_fighter: 1 },
    resources: { metal: 100, crystal: 100, deuterium: 100 },
    buildings: { solar_plant: 0 },
  });
  const before = await snapshot(server, alice);
  const at = target(bob.coords);
  const free = freeSlotNear(server, bob.coords);
  const lf = { light_fighter: 1 };
  const cases: Array<[string, object, number, string | RegExp]> = [
    [
      'coordinates not integers',
      { ...at, galaxy: 'one', ships: lf },
      400,
      'galaxy, system, position must be integers',
    ],
    ['coordinate zero', { ...at, position: 0, ships: lf }, 400, 'Invalid coordinates'],
    [
      'galaxy outside the universe',
      { ...at, galaxy: 10, ships: lf },
      400,
      'galaxy must be in [1, 9]',
    ],
    [
      'system outside the universe',
      { ...at, system: 500, ships: lf },
      400,
      'system must be in [1, 499]',
    ],
    [
      'position outside the universe',
      { ...at, position: 16, ships: lf },
      400,
      'position must be in [1, 15]',
    ],
    ['speed zero', { ...at, speed: 0, ships: lf }, 400, /^speed must be a number in \(0, 1\]/],
    ['speed above 1', { ...at, speed: 1.5, ships: lf }, 400, /^speed must be a number in \(0, 1\]/],
    [
      'speed not a number',
      { ...at, speed: 'fast', ships: lf },
      400,
      /^speed must be a number in \(0, 1\]/,
    ],
    [
      'unknown mission',
      { ...at, mission: 'pillage', ships: lf },
      400,
      /^Invalid mission: "pillage"\. Valid values: transfer, deploy, attack, espionage, colonize, recycle$/,
    ],
    // Without ships (absent or {}) the mission takes its default: see compat.test.ts.
    [
      'ships not an object',
      { ...at, ships: [1] },
      400,
      'ships must be an object mapping ship_type to count',
    ],
    [
      'ships a string',
      { ...at, ships: 'all' },
      400,
      'ships must be an object mapping ship_type to count',
    ],
    ['only zero counts', { ...at, ships: { light_fighter: 0 } }, 400, /^No ships selected/],
    [
      'negative count',
      { ...at, ships: { light_fighter: -1 } },
      400,
      'ships.light_fighter must be a whole number >= 0',
    ],
    [
      'fractional count',
      { ...at, ships: { light_fighter: 1.5 } },
      400,
      'ships.light_fighter must be a whole number >= 0',
    ],
    ['unknown ship', { ...at, ships: { death_star: 1 } }, 400, /^Invalid ship_type: "death_star"/],
    [
      'not enough ships',
      { ...at, ships: { light_fighter: 3 } },
      409,
      'Not enough light_fighter: have 2, requested 3',
    ],
    [
      'cargo over capacity',
      { ...at, ships: lf, resources: { metal: 51 } },
      400,
      'Cargo exceeds capacity: 51 > 50',
    ],
    [
      'bad resource amount',
      { ...at, ships: lf, resources: { metal: -5 } },
      400,
      'resources.metal must be a whole number >= 0',
    ],
    [
      'unknown resource',
      { ...at, ships: lf, resources: { gold: 5 } },
      400,
      /^resources: unknown resource "gold"/,
    ],
    [
      'not enough resources',
      { ...at, ships: { heavy_fighter: 1, light_fighter: 2 }, resources: { metal: 101 } },
      409,
      /^Insufficient resources for cargo and fuel: missing 1 metal/,
    ],
    [
      'attack on an own planet',
      { ...target(alice.coords), mission: 'attack', ships: lf },
      400,
      'Cannot attack your own planet',
    ],
    [
      'spying on an own planet',
      { ...target(alice.coords), mission: 'espionage', ships: lf },
      400,
      'Cannot spy on your own planet',
    ],
    [
      'colonize without a colony ship',
      { ...free, mission: 'colonize', ships: lf },
      400,
      'A colonize mission needs a colony_ship',
    ],
    [
      'deploy to another player',
      { ...at, mission: 'deploy', ships: lf },
      400,
      'Deploy target must be one of your planets',
    ],
    [
      'transfer to nowhere',
      { ...free, mission: 'transfer', ships: lf },
      400,
      'No planet at the target coordinates',
    ],
    [
      'attack on nowhere',
      { ...free, mission: 'attack', ships: lf },
      400,
      'No planet at the target coordinates',
    ],
    [
      'transfer to the origin',
      { ...target(alice.coords), mission: 'transfer', ships: lf },
      400,
      'The target is the origin planet',
    ],
    [
      'recycle without a debris field',
      { ...at, mission: 'recycle', ships: lf },
      409,
      'No debris field at the target coordinates',
    ],
    [
      'origin planet of another player',
      { ...at, ships: lf, origin_planet_id: bob.planetId },
      404,
      'Planet not found or not owned by user',
    ],
  ];
  for (const [name, body, status, detail] of cases) {
    const res = await dispatch(server, alice, body);
    assert.equal(res.status, status, `${name}: ${JSON.stringify(res.body)}`);
    if (typeof detail === 'string') assert.equal(res.body.detail, detail, name);
    else assert.match(res.body.detail, detail, name);
    // The preview applies the same checks, except what is on hand.
    if (status === 400) {
      const preview = await call(server, alice, 'POST', '/fleet/preview', body);
      assert.equal(preview.status, 400, `preview: ${name}`);
    }
  }
  const after = await snapshot(server, alice);
  assert.deepEqual(after.fleet, before.fleet);
  assert.deepEqual(after.resources, before.resources);

  // Another player's id in the path, or no token at all.
  const forbidden = await server.app.inject({
    method: 'POST',
    url: `/player/${bob.id}/fleet/dispatch`,
    headers: alice.auth,
    payload: { ...at, ships: lf },
  });
  assert.equal(forbidden.statusCode, 403);
  assert.equal(forbidden.json().detail, 'Forbidden: user_id mismatch');
  assert.equal(forbidden.json().code, 'user_mismatch');
  const anonymous = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/fleet/dispatch`,
    payload: {},
  });
  assert.equal(anonymous.statusCode, 401);
  assert.equal(anonymous.json().code, 'not_authenticated');
});

test('preview answers distance, duration, fuel and arrival by the seed formula without sending', async (t) => {
  const { server, clock } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const slot = {
    galaxy: alice.coords.galaxy,
    system: alice.coords.system,
    position: alice.coords.position,
  };
  const body = (dg: number, ds: number, dp: number, speed = 1) => ({
    galaxy: ((slot.galaxy - 1 + dg) % 9) + 1,
    system: ((slot.system - 1 + ds) % 499) + 1,
    position: ((slot.position - 1 + dp) % 15) + 1,
    speed,
    mission: 'colonize',
    ships: { colony_ship: 1, light_fighter: 5 },
  });
  // One system away: 15 units; the slowest ship (colony ship, 2 500) sets the pace.
  const near = await call(server, alice, 'POST', '/fleet/preview', body(0, 1, 0));
  assert.equal(near.status, 200, JSON.stringify(near.body));
  const distance = near.body.distance;
  assert.equal(distance, Math.abs(body(0, 1, 0).system - slot.system) * 15);
  const far = await call(server, alice, 'POST', '/fleet/preview', body(1, 0, 1));
  const dg = Math.abs(body(1, 0, 1).galaxy - slot.galaxy);
  const dp = Math.abs(body(1, 0, 1).position - slot.position);
  assert.equal(far.body.distance, dg * 499 * 15 + dp);
  const expected = Math.max(1, Math.trunc((distance / 2_500) * 3600));
  assert.equal(near.body.duration_seconds, expected);
  assert.equal(near.body.fuel, 0);
  assert.equal(Date.parse(near.body.arrival_time), clock.now() + expected * 1000);
  // Half speed doubles the time (truncated), at least one second.
  const slow = await call(server, alice, 'POST', '/fleet/preview', body(0, 1, 0, 0.5));
  assert.equal(slow.body.duration_seconds, Math.max(1, Math.trunc((distance / 1_250) * 3600)));
  // The preview does not need the ships on hand, and sends nothing.
  assert.equal((await snapshot(server, alice)).fleet.colony_ship, 0);
  assert.equal(server.runtime.world.fleets.size, 0);
});

test("recall never touches another player's fleet; 404 for an unknown id among several; 400 once arrived", async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, { ships: { light_fighter: 2 } });
  const sent = await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 1 } });
  // Bob has no fleet in flight: alice's id is not his, so there is nothing to recall.
  const byBob = await server.app.inject({
    method: 'POST',
    url: `/player/${bob.id}/fleet/${sent.fleet_id}/recall`,
    headers: bob.auth,
  });
  assert.equal(byBob.statusCode, 400);
  assert.equal(byBob.json().detail, 'No in-flight fleet to recall or fleet already arrived');
  assert.equal(byBob.json().code, 'no_fleet_in_flight');
  assert.equal(server.runtime.world.fleets.get(sent.fleet_id)?.recalled, false);
  // Alice has two fleets in flight: an unknown id cannot pick one (compat.test.ts: with one).
  const unknown = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/fleet/999/recall`,
    headers: alice.auth,
  });
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().detail, 'Fleet not found');
  assert.equal(unknown.json().code, 'fleet_not_found');
  await advanceTo(ts, sent.arrival_time);
  const late = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/fleet/${sent.fleet_id}/recall`,
    headers: alice.auth,
  });
  assert.equal(late.statusCode, 400);
  assert.equal(late.json().detail, 'No in-flight fleet to recall or fleet already arrived');
  assert.equal(late.json().code, 'no_fleet_in_flight');
});

test("ships away on a mission still count toward the planet's fleet size cap", async (t) => {
  const { server } = await startFleetServer(t);
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  await equip(server, alice.planetId, {
    ships: { light_fighter: 40 },
    resources: { metal: 100_000, crystal: 100_000, deuterium: 0 },
    buildings: { robot_factory: 2, shipyard: 1 },
  });
  await send(server, alice, { ...target(bob.coords), ships: { light_fighter: 30 } });
  const order = await call(server, alice, 'POST', '/build-ships', {
    ship_type: 'light_fighter',
    quantity: 20,
  });
  assert.equal(order.status, 409);
  assert.match(order.body.detail, /^Fleet size cap exceeded: 40 ships/);
  assert.equal(order.body.code, 'fleet_size_cap');
  assert.equal(
    (
      await call(server, alice, 'POST', '/build-ships', {
        ship_type: 'light_fighter',
        quantity: 10,
      })
    ).status,
    200,
  );
});
