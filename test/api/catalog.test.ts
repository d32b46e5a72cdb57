import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registerPlayer, startTestServer } from '../helpers/server.js';

// Every answer below is also checked against its schema (Rules, Catalog, GameStatus, ...) by
// the test server's contract checker, for both rulesets.
for (const ruleset of ['seed', 'ogame'] as const) {
  test(`GET /rules and the catalog describe the ${ruleset} ruleset`, async (t) => {
    const { server } = await startTestServer(t, {
      env: { RULESET: ruleset, GALAXY_COUNT: '3', SYSTEMS_PER_GALAXY: '50', DONUT_SYSTEM: 'false' },
    });
    const rules = await server.app.inject({ method: 'GET', url: '/rules' });
    assert.equal(rules.statusCode, 200, rules.body);
    const { universe, ...body } = rules.json();
    assert.equal(body.id, ruleset);
    assert.deepEqual(body, JSON.parse(JSON.stringify(server.runtime.rules.describe())));
    assert.deepEqual(universe, {
      galaxies: 3,
      systems: 50,
      positions: 15,
      donutGalaxy: true,
      donutSystem: false,
    });
    assert.equal(body.units.defense.length > 0, ruleset === 'ogame');
    assert.ok(body.units.building.every((u: { requires: unknown[] }) => Array.isArray(u.requires)));

    const alice = await registerPlayer(server, 'alice');
    const catalog = await server.app.inject({
      method: 'GET',
      url: `/player/${alice.id}/catalog`,
      headers: alice.auth,
    });
    assert.equal(catalog.statusCode, 200, catalog.body);
    const c = catalog.json();
    assert.equal(c.ruleset, ruleset);
    assert.equal(c.buildings.length, body.units.building.length);
    assert.equal(c.research.length, body.units.research.length);
    assert.equal('defenses' in c, ruleset === 'ogame', 'defenses only where the ruleset has them');
    const mine = c.buildings.find((b: { type: string }) => b.type === 'metal_mine');
    assert.equal(mine.category, 'building');
    assert.equal(typeof mine.next_cost.metal, 'number');
  });
}

test('game status, market guidance, building costs and free positions', async (t) => {
  const { server } = await startTestServer(t);
  await registerPlayer(server, 'alice');
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  const status = (await get('/game-status')).json();
  assert.equal(status.game_running, true);
  assert.equal(status.total_entities, 1);
  assert.equal(status.total_planets, 1);
  assert.deepEqual(status.database, { status: 'ok', persistence: 'memory' });
  assert.equal(status.energy.total_planets, 1);

  assert.deepEqual((await get('/market/guidance')).json(), {
    exchange_ratios: { metal: 3, crystal: 2, deuterium: 1 },
    transaction_fee_rate: 0,
  });

  const cost = await get('/building-costs/metal_mine?level=1');
  assert.equal(cost.statusCode, 200, cost.body);
  assert.deepEqual(cost.json().cost, { metal: 90, crystal: 22, deuterium: 0 });
  const unknown = await get('/building-costs/castle');
  assert.equal(unknown.statusCode, 404);
  assert.equal(unknown.json().code, 'unknown_type');
  const badLevel = await get('/building-costs/metal_mine?level=-1');
  assert.equal(badLevel.statusCode, 422);
  assert.deepEqual(badLevel.json().detail[0].loc, ['query', 'level']);

  const free = await get('/planets/available?galaxy=1&system=1&limit=3');
  assert.equal(free.statusCode, 200, free.body);
  assert.ok(free.json().available.length <= 3);
  const outside = await get('/planets/available?galaxy=10');
  assert.equal(outside.statusCode, 400);
  assert.deepEqual(outside.json(), { detail: 'galaxy must be in [1, 9]', code: 'out_of_bounds' });
  assert.equal((await get('/planets/available?limit=0')).statusCode, 422);

  const ranking = await get('/highscore');
  assert.equal(ranking.statusCode, 200, ranking.body);
  assert.equal(ranking.json().category, 'total', 'the default category');
  const luck = await get('/highscore?category=luck');
  assert.equal(luck.statusCode, 422);
  assert.deepEqual(luck.json().detail[0].loc, ['query', 'category']);
});
