import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerPlayer, startTestServer } from '../helpers/server.js';

const HOUR = 3_600_000;

test('a full economy loop over HTTP with an injected clock', async (t) => {
  const { server, clock } = await startTestServer(t);
  const { app, runtime } = server;
  const alice = await registerPlayer(server, 'alice');
  const get = async () =>
    (await app.inject({ method: 'GET', url: `/player/${alice.id}`, headers: alice.auth })).json();

  const start = await get();
  assert.deepEqual(start.resources, { metal: 500, crystal: 300, deuterium: 100 });
  assert.equal(start.buildings.metal_mine, 1);
  assert.equal(start.buildings.solar_plant, 1);
  assert.ok(start.production.metal > 0);
  assert.equal(start.energy.produced, 20);
  assert.equal(start.energy.consumed, 7);

  // Build metal mine level 2: costs 90/22 (seed formula at level 1) and takes 72 s unreduced.
  const build = await app.inject({
    method: 'POST',
    url: `/player/${alice.id}/build`,
    headers: alice.auth,
    payload: { building_type: 'metal_mine' },
  });
  assert.equal(build.statusCode, 200, build.body);
  assert.equal(build.json().message, 'Build command queued for metal_mine');
  const queued = await get();
  assert.equal(queued.build_queue.length, 1);
  assert.equal(queued.resources.metal, 500 - 90);
  assert.equal(queued.resources.crystal, 300 - 22);

  const completion = Date.parse(queued.build_queue[0].completion_time);
  assert.equal(completion - clock.now(), 72_000);
  clock.advance(71_999);
  runtime.tick();
  assert.equal((await get()).buildings.metal_mine, 1, 'not complete one millisecond early');
  clock.advance(1);
  runtime.tick();
  await runtime.flush();
  const done = await get();
  assert.equal(done.buildings.metal_mine, 2);
  assert.equal(done.build_queue.length, 0);
  assert.ok(done.production.metal > start.production.metal, 'production rises with the level');

  // One hour later the amount follows the higher rate exactly (size multiplier included).
  const before = done.resources.metal;
  clock.advance(HOUR);
  const later = await get();
  assert.ok(Math.abs(later.resources.metal - before - done.production.metal) <= 1);
});

test('unknown types, missing prerequisites and shortfalls are clear 4xx and cost nothing', async (t) => {
  const { server } = await startTestServer(t);
  const { app } = server;
  const bob = await registerPlayer(server, 'bob');
  const post = (url: string, payload: unknown) =>
    app.inject({
      method: 'POST',
      url: `/player/${bob.id}${url}`,
      headers: bob.auth,
      payload: payload as object,
    });

  const unknown = await post('/build', { building_type: 'death_star_factory' });
  assert.equal(unknown.statusCode, 400);
  assert.match(unknown.json().detail, /Invalid building_type/);
  assert.equal(unknown.json().code, 'unknown_type');
  const missingType = await post('/build', {});
  assert.equal(missingType.statusCode, 400);
  assert.equal(missingType.json().detail, 'building_type is required');
  assert.equal(missingType.json().code, 'missing_field');

  const prereq = await post('/build', { building_type: 'shipyard' });
  assert.equal(prereq.statusCode, 409);
  assert.match(prereq.json().detail, /robot_factory 2/);
  assert.equal(prereq.json().code, 'requirements_not_met');

  const poor = await post('/build', { building_type: 'robot_factory' });
  assert.equal(poor.statusCode, 409);
  assert.match(poor.json().detail, /Insufficient resources/);
  assert.equal(poor.json().code, 'insufficient_resources');
  assert.ok(poor.json().shortfall.metal > 0 || poor.json().shortfall.deuterium > 0);

  const ships = await post('/build-ships', { ship_type: 'light_fighter', quantity: 1 });
  assert.equal(ships.statusCode, 409);
  assert.match(ships.json().detail, /shipyard/);
  const badQty = await post('/build-ships', { ship_type: 'light_fighter', quantity: 'x' });
  assert.equal(badQty.statusCode, 400);
  assert.equal(badQty.json().detail, 'quantity must be an integer');
  assert.equal(badQty.json().code, 'invalid_field');
  const zeroQty = await post('/build-ships', { ship_type: 'light_fighter', quantity: 0 });
  assert.equal(zeroQty.json().detail, 'quantity must be > 0');

  const research = await post('/research', { research_type: 'alchemy' });
  assert.equal(research.statusCode, 400);
  const snap = (
    await app.inject({ method: 'GET', url: `/player/${bob.id}`, headers: bob.auth })
  ).json();
  assert.deepEqual(
    snap.resources,
    { metal: 500, crystal: 300, deuterium: 100 },
    'nothing was deducted',
  );
});

test('research, shipyard up to the fleet cap, ships delivered one by one', async (t) => {
  const { server, clock } = await startTestServer(t, { env: { ADMIN_TOKEN: 'root-secret' } });
  const { app, runtime } = server;
  const carol = await registerPlayer(server, 'carol');
  const admin = { authorization: 'Bearer root-secret' };
  const planetId = (
    await app.inject({ method: 'GET', url: `/player/${carol.id}`, headers: carol.auth })
  ).json().planet.id;
  const patch = await app.inject({
    method: 'PATCH',
    url: `/admin/planets/${planetId}`,
    headers: admin,
    payload: {
      resources: { metal: 1e6, crystal: 1e6, deuterium: 1e6 },
      buildings: { robot_factory: 2, shipyard: 1 },
    },
  });
  assert.equal(patch.statusCode, 200, patch.body);

  const research = await app.inject({
    method: 'POST',
    url: `/player/${carol.id}/research`,
    headers: carol.auth,
    payload: { research_type: 'computer' },
  });
  assert.equal(research.statusCode, 200, research.body);
  const second = await app.inject({
    method: 'POST',
    url: `/player/${carol.id}/research`,
    headers: carol.auth,
    payload: { research_type: 'energy' },
  });
  assert.equal(second.statusCode, 409, 'one research at a time');

  const order = (quantity: number) =>
    app.inject({
      method: 'POST',
      url: `/player/${carol.id}/build-ships`,
      headers: carol.auth,
      payload: { ship_type: 'light_fighter', quantity },
    });
  assert.equal((await order(10)).statusCode, 200);
  const capped = await order(41); // 10 queued + 41 > 50
  assert.equal(capped.statusCode, 409);
  assert.match(capped.json().detail, /Fleet size cap exceeded/);

  const fleet = async () =>
    (
      await app.inject({ method: 'GET', url: `/player/${carol.id}/fleet`, headers: carol.auth })
    ).json();
  const item = (await fleet()).ship_build_queue[0];
  const unit = item.unit_seconds * 1000;
  clock.advance(unit * 3);
  runtime.tick();
  assert.equal((await fleet()).fleet.light_fighter, 3);
  clock.advance(unit * 7);
  runtime.tick();
  await runtime.flush();
  const after = await fleet();
  assert.equal(after.fleet.light_fighter, 10);
  assert.equal(after.ship_build_queue.length, 0);

  // computer 1 raises the cap to 60 once the research completes.
  clock.advance(240_000);
  runtime.tick();
  const r = (
    await app.inject({ method: 'GET', url: `/player/${carol.id}/research`, headers: carol.auth })
  ).json();
  assert.equal(r.research.computer, 1);
  assert.equal((await order(50)).statusCode, 200);
});
