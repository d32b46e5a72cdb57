import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, DAY } from '../helpers/game.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';

test('the galaxy view lists planets, owners, activity markers and debris of a system', async (t) => {
  // Tokens outlive the simulated month (they expire after a day by default).
  const env = { REQUIRE_START_CHOICE: 'true', ACCESS_TOKEN_EXPIRE_MINUTES: String(60 * 24 * 365) };
  const { server, clock } = await startTestServer(t, { env });
  const players = [];
  for (const [name, position] of [
    ['alice', 4],
    ['bob', 5],
    ['carol', 6],
  ] as const) {
    const s = await registerPlayer(server, name);
    const res = await call(server, 'POST', `/player/${s.id}/choose-start`, s, {
      galaxy: 1,
      system: 2,
      position,
      name: `${name} world`,
    });
    assert.equal(res.statusCode, 200, res.body);
    players.push(s);
  }
  const [alice, bob] = players;
  await server.runtime.execute((ctx) => {
    ctx.world.debrisFields.set('1:2:9', {
      galaxy: 1,
      system: 2,
      position: 9,
      metal: 1200.7,
      crystal: 300,
      deuterium: 0,
    });
    ctx.changes.touch('debris_fields', '1:2:9');
  }, undefined);

  // Day 8: alice and bob act; carol has been away since registering.
  clock.advance(8 * DAY);
  await call(server, 'GET', `/player/${bob!.id}`, bob);
  clock.advance(21 * DAY);
  const view = await call(server, 'GET', '/galaxy/1/2', alice);
  assert.equal(view.statusCode, 200, view.body);
  const body = view.json();
  assert.deepEqual([body.galaxy, body.system, body.positions.length], [1, 2, 15]);
  const at = (p: number) => body.positions[p - 1];
  assert.deepEqual(at(1), { position: 1, planet: null, owner: null, debris: null });
  assert.equal(at(4).planet.name, 'alice world');
  assert.deepEqual(
    [4, 5, 6].map((p) => [at(p).owner.name, at(p).owner.activity, at(p).owner.marked_inactive]),
    [
      ['alice', 'active', false],
      ['bob', 'i', false],
      ['carol', 'I', false],
    ],
  );
  assert.equal(at(4).owner.user_id, alice!.id);
  assert.ok(at(4).owner.rank >= 1);
  assert.deepEqual(at(9).debris, { metal: 1200, crystal: 300, deuterium: 0 });

  const outside = await call(server, 'GET', '/galaxy/10/1', alice);
  assert.equal(outside.statusCode, 400);
  assert.equal(outside.json().detail, 'galaxy must be in [1, 9]');
  assert.equal(
    (await call(server, 'GET', '/galaxy/1/500', alice)).json().detail,
    'system must be in [1, 499]',
  );
  assert.equal((await call(server, 'GET', '/galaxy/1/2')).statusCode, 401);
});
