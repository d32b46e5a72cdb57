import assert from 'node:assert/strict';
import { test } from 'node:test';
import { advanceTo, call, equip, join, send, startFleetServer, target } from './helpers.js';

test('battle and espionage reports: both participants read them, anyone else gets 404', async (t) => {
  const ts = await startFleetServer(t);
  const { server } = ts;
  const alice = await join(server, 'alice');
  const bob = await join(server, 'bob');
  const mallory = await join(server, 'mallory');
  await equip(server, alice.planetId, { ships: { cruiser: 5, light_fighter: 1 } });
  const spy = await send(server, alice, {
    ...target(bob.coords),
    mission: 'espionage',
    ships: { light_fighter: 1 },
  });
  const raid = await send(server, alice, {
    ...target(bob.coords),
    mission: 'attack',
    ships: { cruiser: 5 },
  });
  await advanceTo(ts, spy.arrival_time);
  await advanceTo(ts, raid.arrival_time);

  for (const [kind, missing] of [
    ['battle-reports', 'Battle report not found'],
    ['espionage-reports', 'Espionage report not found'],
  ] as const) {
    const mine = (await call(server, alice, 'GET', `/${kind}`)).body.reports;
    const theirs = (await call(server, bob, 'GET', `/${kind}`)).body.reports;
    assert.equal(mine.length, 1, kind);
    assert.deepEqual(theirs, mine, `${kind}: the defender sees the same report`);
    assert.deepEqual((await call(server, mallory, 'GET', `/${kind}`)).body.reports, []);
    const id = mine[0].id;
    assert.equal((await call(server, alice, 'GET', `/${kind}/${id}`)).status, 200);
    assert.equal((await call(server, bob, 'GET', `/${kind}/${id}`)).status, 200);
    const snoop = await call(server, mallory, 'GET', `/${kind}/${id}`);
    assert.equal(snoop.status, 404);
    assert.equal(snoop.body.detail, missing);
    assert.equal((await call(server, alice, 'GET', `/${kind}/${id + 1000}`)).status, 404);
    // Someone else's id in the path is refused before anything is looked up.
    const other = await server.app.inject({
      method: 'GET',
      url: `/player/${alice.id}/${kind}/${id}`,
      headers: mallory.auth,
    });
    assert.equal(other.statusCode, 403);
    // Paging: limit 1..200, offset >= 0.
    assert.equal(
      (await call(server, alice, 'GET', `/${kind}?limit=1&offset=1`)).body.reports.length,
      0,
    );
    assert.equal((await call(server, alice, 'GET', `/${kind}?limit=0`)).status, 422);
  }
});
