import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import type { GameServer } from '../../src/server.js';
import { registerPlayer, startTestServer, TEST_EPOCH, type Session } from '../helpers/server.js';

const BAD_NAMES: unknown[] = [
  'x', // too short
  '  y  ', // too short once trimmed
  'a'.repeat(21), // too long
  '<script>alert(1)</script>',
  '&amp;',
  "Bob's world",
  'tab\there',
  'line\nbreak',
  'rocket 🚀',
  '',
  42,
  ['Home'],
  { name: 'Home' },
];

function rename(server: GameServer, s: Session, planetId: number, payload: object) {
  return server.app.inject({
    method: 'PATCH',
    url: `/player/${s.id}/planets/${planetId}`,
    headers: s.auth,
    payload,
  });
}

async function homeOf(server: GameServer, s: Session): Promise<{ id: number; name: string }> {
  const res = await server.app.inject({ method: 'GET', url: `/player/${s.id}`, headers: s.auth });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().planet;
}

test('PATCH /player/{id}/planets/{planet_id} renames under the rule and stores the name as given', async (t) => {
  const { server } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const home = await homeOf(server, alice);
  assert.equal(home.name, 'Homeworld');

  const ok = await rename(server, alice, home.id, { name: '  Nová-Terra_2.b  ' });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().message, 'Planet renamed');
  assert.equal(ok.json().planet.name, 'Nová-Terra_2.b', 'trimmed, otherwise as given');
  assert.equal(ok.json().planet.id, home.id);
  assert.equal(ok.json().planet.active, true);
  assert.equal((await homeOf(server, alice)).name, 'Nová-Terra_2.b');
  const list = await server.app.inject({
    method: 'GET',
    url: `/player/${alice.id}/planets`,
    headers: alice.auth,
  });
  assert.equal(list.json().planets[0].name, 'Nová-Terra_2.b');
  assert.equal((await rename(server, alice, home.id, { name: 'ab' })).statusCode, 200);
  assert.equal((await rename(server, alice, home.id, { name: 'z'.repeat(20) })).statusCode, 200);

  for (const name of BAD_NAMES) {
    const res = await rename(server, alice, home.id, { name });
    assert.equal(res.statusCode, 400, `${JSON.stringify(name)}: ${res.body}`);
    assert.equal(res.json().code, 'invalid_planet_name', JSON.stringify(name));
  }
  assert.equal((await homeOf(server, alice)).name, 'z'.repeat(20), 'no bad name was stored');

  const missing = await rename(server, alice, home.id, {});
  assert.equal(missing.statusCode, 400);
  assert.deepEqual(missing.json(), { detail: 'name is required', code: 'missing_field' });

  const bob = await registerPlayer(server, 'bob');
  const other = await rename(server, bob, home.id, { name: 'Stolen' });
  assert.equal(other.statusCode, 404);
  assert.equal(other.json().code, 'planet_not_found');
  const forbidden = await server.app.inject({
    method: 'PATCH',
    url: `/player/${alice.id}/planets/${home.id}`,
    headers: bob.auth,
    payload: { name: 'Stolen' },
  });
  assert.equal(forbidden.statusCode, 403);
  assert.equal((await homeOf(server, alice)).name, 'z'.repeat(20));
});

test('choose-start names follow the same rule; an absent or empty name is the starter name', async (t) => {
  const env = { REQUIRE_START_CHOICE: 'true' };
  const { server } = await startTestServer(t, { env });
  const choose = (s: Session, payload: object) =>
    server.app.inject({
      method: 'POST',
      url: `/player/${s.id}/choose-start`,
      headers: s.auth,
      payload,
    });
  const alice = await registerPlayer(server, 'alice');
  for (const name of BAD_NAMES.filter((n) => n !== '')) {
    const res = await choose(alice, { galaxy: 1, system: 3, name });
    assert.equal(res.statusCode, 400, `${JSON.stringify(name)}: ${res.body}`);
    assert.equal(res.json().code, 'invalid_planet_name');
  }
  const none = await server.app.inject({
    method: 'GET',
    url: `/player/${alice.id}`,
    headers: alice.auth,
  });
  assert.equal(none.statusCode, 404, 'no planet was created');
  assert.deepEqual(none.json(), { detail: 'Player not found', code: 'no_planet' });

  const created = await choose(alice, { galaxy: 1, system: 3, name: ' Alpha Base ' });
  assert.equal(created.statusCode, 200, created.body);
  assert.deepEqual(created.json(), {
    message: 'Starter planet created',
    planet: { id: created.json().planet.id, name: 'Alpha Base', galaxy: 1, system: 3, position: 1 },
  });

  const bob = await registerPlayer(server, 'bob');
  const bobStart = await choose(bob, { galaxy: 1, system: 3, position: 2, name: '' });
  assert.equal(bobStart.statusCode, 200, bobStart.body);
  assert.equal(bobStart.json().planet.name, 'Homeworld');
  const carol = await registerPlayer(server, 'carol');
  assert.equal((await choose(carol, { galaxy: 1, system: 3 })).json().planet.position, 3);

  // The reference server's texts for the coordinates are kept.
  const dave = await registerPlayer(server, 'dave');
  for (const [payload, detail] of [
    [{ system: 3 }, 'galaxy and system are required and must be integers'],
    [{ galaxy: '1', system: 3 }, 'galaxy and system are required and must be integers'],
    [{ galaxy: 1, system: 3, position: 'x' }, 'position must be an integer if provided'],
    [{ galaxy: 10, system: 3 }, 'galaxy must be in [1, 9]'],
    [{ galaxy: 1, system: 3, position: 16 }, 'position must be in [1, 15]'],
  ] as const) {
    const res = await choose(dave, payload);
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().detail, detail);
  }
  const taken = await choose(dave, { galaxy: 1, system: 3, position: 1 });
  assert.equal(taken.statusCode, 409);
  assert.deepEqual(taken.json(), {
    detail: 'Selected position is occupied',
    code: 'position_occupied',
  });
  const again = await choose(alice, { galaxy: 1, system: 4 });
  assert.deepEqual(again.json(), {
    detail: 'Starter planet already chosen',
    code: 'start_already_chosen',
  });
});

test('a renamed planet keeps its name across a restart (embedded)', async (t) => {
  const clock = new ManualClock(TEST_EPOCH);
  const first = await startTestServer(t, { store: 'embedded', clock });
  const alice = await registerPlayer(first.server, 'alice');
  const home = await homeOf(first.server, alice);
  const res = await rename(first.server, alice, home.id, { name: 'New Eden' });
  assert.equal(res.statusCode, 200, res.body);
  await first.stop();

  const second = await startTestServer(t, {
    store: 'embedded',
    clock,
    dataDir: first.dataDir ?? undefined,
  });
  const after = await homeOf(second.server, alice);
  assert.deepEqual(after, { ...home, name: 'New Eden' });
});
