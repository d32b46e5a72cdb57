import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH, type Session } from '../helpers/server.js';

const HOUR = 3_600_000;

async function snapshot(server: Awaited<ReturnType<typeof startTestServer>>['server'], s: Session) {
  const res = await server.app.inject({ method: 'GET', url: `/player/${s.id}`, headers: s.auth });
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

for (const store of STORE_KINDS) {
  test(`queues, research and ship orders resume at their original times after a restart (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const first = await startTestServer(t, { store, clock, env: { ADMIN_TOKEN: 'adm' } });
    const s = await registerPlayer(first.server, 'dora');
    const planetId = (await snapshot(first.server, s)).planet.id;
    const admin = { authorization: 'Bearer adm' };
    await first.server.app.inject({
      method: 'PATCH',
      url: `/admin/planets/${planetId}`,
      headers: admin,
      payload: {
        resources: { metal: 50_000, crystal: 50_000, deuterium: 50_000 },
        buildings: { robot_factory: 2, shipyard: 1 },
      },
    });
    const post = (server: typeof first.server, url: string, payload: object) =>
      server.app.inject({ method: 'POST', url: `/player/${s.id}${url}`, headers: s.auth, payload });
    assert.equal(
      (await post(first.server, '/build', { building_type: 'metal_mine' })).statusCode,
      200,
    );
    assert.equal(
      (await post(first.server, '/build', { building_type: 'metal_mine' })).statusCode,
      200,
    );
    assert.equal(
      (await post(first.server, '/research', { research_type: 'energy' })).statusCode,
      200,
    );
    assert.equal(
      (await post(first.server, '/build-ships', { ship_type: 'light_fighter', quantity: 5 }))
        .statusCode,
      200,
    );
    const before = await snapshot(first.server, s);
    await first.stop();

    // Down for an hour: everything that fell due completes at its own time during catch-up.
    clock.advance(HOUR);
    const second = await startTestServer(t, {
      store,
      clock,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    const after = await snapshot(second.server, s);
    assert.equal(after.buildings.metal_mine, 3);
    assert.equal(after.research.energy, 1);
    assert.equal(after.fleet.light_fighter, 5);
    assert.equal(after.build_queue.length, 0);
    assert.ok(before.build_queue.length === 2);

    // The same hour played online on a third, never-stopped server gives the same resources.
    const online = await startTestServer(t, {
      store: 'memory',
      clock: new ManualClock(TEST_EPOCH),
      env: { ADMIN_TOKEN: 'adm' },
    });
    const s2 = await registerPlayer(online.server, 'dora');
    const p2 = (await snapshot(online.server, s2)).planet.id;
    // Same planet size and temperature as the original (they are random per planet).
    await online.server.runtime.execute((ctx) => {
      const p = ctx.world.planets.get(p2)!;
      p.size = before.planet.size;
      p.temperature = before.planet.temperature;
    }, undefined);
    await online.server.app.inject({
      method: 'PATCH',
      url: `/admin/planets/${p2}`,
      headers: admin,
      payload: {
        resources: { metal: 50_000, crystal: 50_000, deuterium: 50_000 },
        buildings: { robot_factory: 2, shipyard: 1 },
      },
    });
    const post2 = (url: string, payload: object) =>
      online.server.app.inject({
        method: 'POST',
        url: `/player/${s2.id}${url}`,
        headers: s2.auth,
        payload,
      });
    await post2('/build', { building_type: 'metal_mine' });
    await post2('/build', { building_type: 'metal_mine' });
    await post2('/research', { research_type: 'energy' });
    await post2('/build-ships', { ship_type: 'light_fighter', quantity: 5 });
    for (let i = 0; i < 60; i++) {
      online.clock.advance(60_000);
      online.server.runtime.tick();
    }
    const played = await snapshot(online.server, s2);
    assert.deepEqual(after.resources, played.resources, 'offline catch-up equals online play');
  });
}
