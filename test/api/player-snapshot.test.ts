import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenService, InvalidTokenError } from '../../src/api/auth/tokens.js';
import { ManualClock } from '../../src/runtime/clock.js';
import { requireUser } from '../../src/sim/economy/lookup.js';
import { createPlanet } from '../../src/sim/universe.js';
import { playerSnapshot } from '../../src/sim/views/player.js';
import type { GameServer } from '../../src/server.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

const HOUR_MS = 3_600_000;

/** What serializing a freshly computed snapshot gives at the server's current time. */
function freshSnapshotJson(server: GameServer, userId: number, planetId?: number): string {
  return JSON.stringify(
    server.runtime.read((ctx) => playerSnapshot(ctx, requireUser(ctx, userId), planetId)),
  );
}

async function getSnapshot(server: GameServer, session: Session, planetId?: number) {
  const res = await server.app.inject({
    method: 'GET',
    url: `/player/${session.id}${planetId === undefined ? '' : `?planet_id=${planetId}`}`,
    headers: session.auth,
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
  return res;
}

// GET /player/{id} renders cached pieces of the snapshot; every answer must still be exactly
// the JSON of a snapshot computed from scratch at that moment.
test('GET /player/{id} always equals a fresh snapshot: over time, after commands and events', async (t) => {
  const { server, clock } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');

  const first = await getSnapshot(server, alice);
  assert.equal(first.body, freshSnapshotJson(server, alice.id));
  assert.equal((await getSnapshot(server, alice)).body, first.body, 'same instant, same body');
  assert.equal((await getSnapshot(server, bob)).body, freshSnapshotJson(server, bob.id));

  // Time alone moves resources and server_time.
  clock.advance(HOUR_MS);
  const later = await getSnapshot(server, alice);
  assert.equal(later.body, freshSnapshotJson(server, alice.id));
  assert.notEqual(later.json().server_time, first.json().server_time);
  assert.ok(later.json().resources.metal > first.json().resources.metal);

  // A command changes state: the queue shows up at once.
  const build = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/build`,
    headers: alice.auth,
    payload: { building_type: 'metal_mine' },
  });
  assert.equal(build.statusCode, 200, build.body);
  const queued = await getSnapshot(server, alice);
  assert.equal(queued.json().build_queue.length, 1);
  assert.equal(queued.body, freshSnapshotJson(server, alice.id));

  // The construction completes as a timed event applied by the read itself (no tick ran).
  const level = queued.json().buildings.metal_mine as number;
  const due = Date.parse(queued.json().build_queue[0].completion_time as string);
  clock.set(due + 1000);
  const built = await getSnapshot(server, alice);
  assert.equal(built.json().buildings.metal_mine, level + 1);
  assert.equal(built.json().build_queue.length, 0);
  assert.equal(built.body, freshSnapshotJson(server, alice.id));
});

test('snapshots are cached per planet: each planet of a player stays exact', async (t) => {
  const { server, clock } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const home = (await getSnapshot(server, alice)).json().planet.id as number;
  const colony = (
    await server.runtime.execute(
      (ctx) =>
        createPlanet(
          ctx,
          requireUser(ctx, alice.id),
          { galaxy: 3, system: 3, position: 3 },
          'Colony',
        ),
      undefined,
    )
  ).id;
  for (let round = 0; round < 2; round++) {
    const active = await getSnapshot(server, alice);
    const named = await getSnapshot(server, alice, colony);
    const sameAsActive = await getSnapshot(server, alice, home);
    assert.equal(active.json().planet.id, home);
    assert.equal(named.json().planet.id, colony);
    assert.equal(named.json().planet.name, 'Colony');
    assert.equal(active.body, freshSnapshotJson(server, alice.id));
    assert.equal(named.body, freshSnapshotJson(server, alice.id, colony));
    assert.equal(sameAsActive.body, active.body, 'the active planet named explicitly');
    clock.advance(HOUR_MS);
  }
  // Switching the active planet changes what the plain URL shows at once.
  const select = await server.app.inject({
    method: 'POST',
    url: `/player/${alice.id}/planets/${colony}/select`,
    headers: alice.auth,
  });
  assert.equal(select.statusCode, 200, select.body);
  const switched = await getSnapshot(server, alice);
  assert.equal(switched.json().planet.id, colony);
  assert.equal(switched.body, freshSnapshotJson(server, alice.id));
});

test('a cached token is still refused once expired or revoked', async (t) => {
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const tokens = new TokenService('secret-for-tests', 'HS256', 60_000, clock);
  const { token } = tokens.issue(7);
  assert.deepEqual(
    tokens.verify(token),
    tokens.verify(token),
    'a repeated check gives the same claims',
  );
  clock.advance(59_000);
  assert.equal(tokens.verify(token).userId, 7);
  clock.advance(1000);
  assert.throws(() => tokens.verify(token), InvalidTokenError, 'expired despite the cache');
  const [head, , signature] = token.split('.');
  const forged = `${head}.${Buffer.from('{"sub":"8"}').toString('base64url')}.${signature}`;
  assert.throws(() => tokens.verify(forged), InvalidTokenError);

  const { server } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  await getSnapshot(server, alice);
  const out = await server.app.inject({ method: 'POST', url: '/auth/logout', headers: alice.auth });
  assert.equal(out.statusCode, 200);
  const after = await server.app.inject({
    method: 'GET',
    url: `/player/${alice.id}`,
    headers: alice.auth,
  });
  assert.equal(after.statusCode, 401);
  assert.deepEqual(after.json(), { detail: 'Invalid token', code: 'invalid_token' });
});
