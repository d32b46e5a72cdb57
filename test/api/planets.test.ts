import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requireUser } from '../../src/sim/economy/lookup.js';
import { playerSnapshot } from '../../src/sim/views/player.js';
import type { GameServer } from '../../src/server.js';
import { ADMIN, ADMIN_TOKEN, addColony, patchPlanet } from '../helpers/game.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

function requester(server: GameServer, s: Session) {
  return (method: Method, url: string, payload?: object) =>
    server.app.inject({
      method,
      url: `/player/${s.id}${url}`,
      headers: s.auth,
      ...(payload ? { payload } : {}),
    });
}

async function setup(t: import('node:test').TestContext) {
  const { server } = await startTestServer(t, { env: { ADMIN_TOKEN } });
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const as = requester(server, alice);
  const home = (await as('GET', '')).json().planet.id as number;
  const colony = await addColony(server, alice, 4);
  const rich = { metal: 100_000, crystal: 100_000, deuterium: 100_000 };
  await patchPlanet(server, colony, { resources: rich, buildings: { research_lab: 1 } });
  const bobHome = (await requester(server, bob)('GET', '')).json().planet.id as number;
  return { server, alice, bob, as, home, colony, bobHome };
}

const NOT_OWNED = { detail: 'Planet not found or not owned by user', code: 'planet_not_found' };

test('planet_id addresses one planet of the player; without it the active planet is used', async (t) => {
  const { server, alice, as, home, colony, bobHome } = await setup(t);

  // GET /player/{id}?planet_id= shows the colony, byte for byte a fresh snapshot of it.
  const snap = await as('GET', `?planet_id=${colony}`);
  assert.equal(snap.statusCode, 200, snap.body);
  assert.equal(snap.json().planet.id, colony);
  assert.deepEqual(snap.json().position, { galaxy: 2, system: 7, planet: 4 });
  const fresh = server.runtime.read((ctx) =>
    JSON.stringify(playerSnapshot(ctx, requireUser(ctx, alice.id), colony)),
  );
  assert.equal(snap.body, fresh);
  assert.equal((await as('GET', '')).json().planet.id, home, 'the active planet is unchanged');

  // Build, demolish and cancel on the colony leave the homeworld alone.
  const build = await as('POST', '/build', { building_type: 'metal_mine', planet_id: colony });
  assert.equal(build.statusCode, 200, build.body);
  assert.equal(build.json().message, 'Build command queued for metal_mine');
  assert.equal((await as('GET', `?planet_id=${colony}`)).json().build_queue.length, 1);
  assert.equal((await as('GET', '')).json().build_queue.length, 0);
  assert.equal((await as('GET', `/planets/${home}`)).json().build_queue.length, 0);

  const cancelHome = await as('DELETE', '/build-queue/0');
  assert.equal(cancelHome.statusCode, 404, 'the homeworld queue is empty');
  assert.equal(cancelHome.json().code, 'queue_item_not_found');
  const cancel = await as('DELETE', `/build-queue/0?planet_id=${colony}`);
  assert.equal(cancel.statusCode, 200, cancel.body);
  assert.equal(cancel.json().planet_id, colony);
  assert.equal(cancel.json().message, 'Cancel command queued for build queue index 0');
  assert.equal(cancel.json().cancelled[0].type, 'metal_mine');

  const demolish = await as('DELETE', `/buildings/research_lab?planet_id=${colony}`);
  assert.equal(demolish.statusCode, 200, demolish.body);
  assert.equal(demolish.json().planet_id, colony);
  assert.equal(demolish.json().new_level, 0);
  const homeLab = await as('DELETE', '/buildings/research_lab');
  assert.equal(homeLab.statusCode, 409, 'the homeworld has no lab');
  assert.equal(homeLab.json().code, 'not_built');

  // Research is the player's, but runs at (and is paid by) the named planet's lab.
  await patchPlanet(server, colony, { buildings: { research_lab: 1 } });
  const research = await as('POST', '/research', { research_type: 'energy', planet_id: colony });
  assert.equal(research.statusCode, 200, research.body);
  assert.equal(research.json().item.planet_id, colony);
  const colonyAfter = (await as('GET', `/planets/${colony}`)).json();
  assert.ok(colonyAfter.resources.metal < 100_000, 'paid by the colony');
  assert.deepEqual((await as('GET', '')).json().resources, {
    metal: 500,
    crystal: 300,
    deuterium: 100,
  });
  assert.equal((await as('GET', '/research')).json().queue[0].planet_id, colony);

  // The catalog prices the named planet.
  const catalog = await as('GET', `/catalog?planet_id=${colony}`);
  assert.equal(catalog.statusCode, 200, catalog.body);
  assert.equal(catalog.json().planet_id, colony);
  assert.equal((await as('GET', '/catalog')).json().planet_id, home);

  // Another player's planet is 404 everywhere, and nothing changes.
  for (const [method, url, payload] of [
    ['GET', `?planet_id=${bobHome}`],
    ['GET', `/catalog?planet_id=${bobHome}`],
    ['GET', `/planets/${bobHome}`],
    ['PATCH', `/planets/${bobHome}`, { name: 'Mine now' }],
    ['POST', `/planets/${bobHome}/select`],
    ['POST', '/build', { building_type: 'metal_mine', planet_id: bobHome }],
    ['POST', '/research', { research_type: 'laser', planet_id: bobHome }],
    ['DELETE', `/buildings/metal_mine?planet_id=${bobHome}`],
    ['DELETE', `/build-queue/0?planet_id=${bobHome}`],
    ['GET', '?planet_id=999999'],
  ] as Array<[Method, string, object?]>) {
    const res = await as(method, url, payload);
    assert.equal(res.statusCode, 404, `${method} ${url}: ${res.body}`);
    assert.deepEqual(res.json(), NOT_OWNED, `${method} ${url}`);
  }
});

test('planet_id must be a positive integer: 400 in checked bodies, 422 in query strings', async (t) => {
  const { as, colony } = await setup(t);
  for (const planet_id of [String(colony), 0, -1, 1.5, [colony], { id: colony }]) {
    const res = await as('POST', '/build', { building_type: 'metal_mine', planet_id });
    assert.equal(res.statusCode, 400, `${JSON.stringify(planet_id)}: ${res.body}`);
    assert.deepEqual(res.json(), {
      detail: 'planet_id must be a positive integer',
      code: 'invalid_field',
    });
  }
  const nullId = await as('POST', '/build', { building_type: 'metal_mine', planet_id: null });
  assert.equal(nullId.statusCode, 200, 'null means the active planet');

  const query = await as('GET', '?planet_id=abc');
  assert.equal(query.statusCode, 422);
  assert.equal(query.json().code, 'validation_failed');
  assert.deepEqual(query.json().detail[0].loc, ['query', 'planet_id']);
  assert.equal((await as('GET', '/catalog?planet_id=0')).statusCode, 422);
});

test('build and research bodies keep the reference texts; path enums answer 422', async (t) => {
  const { as } = await setup(t);
  const cases: Array<[string, object, number, string, string]> = [
    ['/build', {}, 400, 'building_type is required', 'missing_field'],
    ['/build', { building_type: '' }, 400, 'building_type is required', 'missing_field'],
    ['/build', { building_type: '  ' }, 400, 'building_type is required', 'missing_field'],
    ['/build', { building_type: 5 }, 400, 'building_type must be a string', 'invalid_field'],
    [
      '/build',
      { building_type: ['metal_mine'] },
      400,
      'building_type must be a string',
      'invalid_field',
    ],
    ['/research', {}, 400, 'research_type is required', 'missing_field'],
    ['/research', { research_type: true }, 400, 'research_type must be a string', 'invalid_field'],
  ];
  for (const [url, body, status, detail, code] of cases) {
    const res = await as('POST', url, body);
    assert.equal(res.statusCode, status, `${url} ${JSON.stringify(body)}: ${res.body}`);
    assert.deepEqual(res.json(), { detail, code });
  }
  const unknown = await as('POST', '/build', { building_type: 'castle' });
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().code, 'unknown_type');
  assert.ok(unknown.json().valid.includes('metal_mine'));

  const notJson = await as('POST', '/build', [1, 2] as unknown as object);
  assert.equal(notJson.statusCode, 422, 'a checked body must still be a JSON object');

  const castle = await as('DELETE', '/buildings/castle');
  assert.equal(castle.statusCode, 422);
  assert.deepEqual(castle.json().detail[0].loc, ['path', 'building_type']);
  assert.equal(castle.json().code, 'validation_failed');
});

test('GET /player/{id}/planets/{planet_id} returns one planet whole', async (t) => {
  const { as, home, colony } = await setup(t);
  const res = await as('GET', `/planets/${colony}`);
  assert.equal(res.statusCode, 200, res.body);
  const p = res.json();
  assert.deepEqual(Object.keys(p), [
    'id',
    'name',
    'galaxy',
    'system',
    'position',
    'active',
    'resources',
    'temperature',
    'size',
    'last_update',
    'production',
    'energy',
    'capacity',
    'buildings',
    'ships',
    'defenses',
    'build_queue',
    'ship_build_queue',
  ]);
  assert.deepEqual([p.id, p.name, p.galaxy, p.system, p.position], [colony, 'Colony', 2, 7, 4]);
  assert.equal(p.active, false);
  assert.equal(p.buildings.research_lab, 1);
  assert.equal(p.resources.metal, 100_000);
  assert.ok(p.production.metal > 0 && p.energy.produced > 0 && p.capacity.metal > 0);
  assert.equal((await as('GET', `/planets/${home}`)).json().active, true);

  // Selecting the colony makes it the default target of every planet-scoped route.
  const select = await as('POST', `/planets/${colony}/select`);
  assert.equal(select.statusCode, 200, select.body);
  assert.deepEqual(select.json(), {
    message: 'Active planet switched',
    planet_id: colony,
    position: { galaxy: 2, system: 7, planet: 4 },
  });
  assert.equal((await as('GET', `/planets/${colony}`)).json().active, true);
  assert.equal((await as('GET', '')).json().planet.id, colony);
  assert.equal((await as('GET', `?planet_id=${home}`)).json().planet.id, home);
  const list = (await as('GET', '/planets')).json().planets;
  assert.deepEqual(
    list.map((x: { id: number; active: boolean }) => [x.id, x.active]),
    [
      [home, false],
      [colony, true],
    ],
  );
  assert.equal((await as('GET', '/planets/abc')).statusCode, 422);
});

test('the admin API shows and patches planets whole, names under the planet name rule', async (t) => {
  const { server, alice, colony } = await setup(t);
  const player = await server.app.inject({
    method: 'GET',
    url: `/admin/players/${alice.id}`,
    headers: ADMIN,
  });
  assert.equal(player.statusCode, 200, player.body);
  assert.equal(player.json().planets.length, 2);
  assert.equal(player.json().planets[1].buildings.research_lab, 1);
  const patch = (payload: object) =>
    server.app.inject({
      method: 'PATCH',
      url: `/admin/planets/${colony}`,
      headers: ADMIN,
      payload,
    });
  const renamed = await patch({ name: ' Outpost 2 ' });
  assert.equal(renamed.statusCode, 200, renamed.body);
  assert.equal(renamed.json().name, 'Outpost 2');
  assert.equal((await patch({ name: '<b>x</b>' })).json().code, 'invalid_planet_name');
  const bad = await patch({ buildings: { metal_mine: '3' } });
  assert.equal(bad.statusCode, 422, 'operator bodies are validated by their schema');
  assert.deepEqual(bad.json().detail[0].loc, ['body', 'buildings', 'metal_mine']);
  assert.equal((await patch({ buildings: { castle: 1 } })).json().code, 'unknown_type');
  const missing = await server.app.inject({
    method: 'GET',
    url: '/admin/players/999999',
    headers: ADMIN,
  });
  assert.deepEqual(missing.json(), { detail: 'Player not found', code: 'player_not_found' });
});
