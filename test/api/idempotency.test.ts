// Exactly-once commands: a command sent with an Idempotency-Key keeps its reply in its own
// commit; a retry with the key gets that reply (Idempotent-Replayed: true) and changes nothing,
// also after a restart on both stores; the key with another request is a 422; keys are per
// player and expire.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GameServer } from '../../src/server.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

const DAY_MS = 86_400_000;

function build(server: GameServer, player: Session, key: string | null, building = 'metal_mine') {
  return server.app.inject({
    method: 'POST',
    url: `/player/${player.id}/build`,
    headers: { ...player.auth, ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: { building_type: building },
  });
}

/** The player's metal and the items of its build queue. */
async function holdings(server: GameServer, player: Session) {
  const res = await server.app.inject({
    method: 'GET',
    url: `/player/${player.id}`,
    headers: player.auth,
  });
  const body = res.json();
  return { metal: Math.floor(body.resources.metal), queued: body.build_queue.length };
}

describe('Idempotency-Key', () => {
  test('a retry gets the first reply and changes nothing; without a key it runs again', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice');
    const before = await holdings(server, alice);

    const first = await build(server, alice, 'build-1');
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const after = await holdings(server, alice);
    assert.equal(after.queued, before.queued + 1);

    const retry = await build(server, alice, 'build-1');
    assert.equal(retry.statusCode, 200);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.deepEqual(retry.json(), first.json());
    assert.deepEqual(await holdings(server, alice), after);

    // The same request without a key is a new action.
    assert.equal((await build(server, alice, null)).statusCode, 200);
    assert.equal((await holdings(server, alice)).queued, after.queued + 1);
  });

  test('duplicates sent at once run once: the later ones wait for the first reply', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice');
    const before = await holdings(server, alice);
    const replies = await Promise.all([1, 2, 3, 4].map(() => build(server, alice, 'burst')));
    assert.deepEqual(
      replies.map((r) => r.statusCode),
      [200, 200, 200, 200],
    );
    assert.equal(replies.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 3);
    assert.equal(new Set(replies.map((r) => r.body)).size, 1);
    assert.equal((await holdings(server, alice)).queued, before.queued + 1);
  });

  test('the key with another request is 422 idempotency_key_reused and changes nothing', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice');
    assert.equal((await build(server, alice, 'k')).statusCode, 200);
    const before = await holdings(server, alice);
    const other = await build(server, alice, 'k', 'crystal_mine');
    assert.equal(other.statusCode, 422, other.body);
    assert.equal(other.json().code, 'idempotency_key_reused');
    assert.deepEqual(other.json().detail[0].loc, ['header', 'idempotency-key']);
    assert.match(other.json().detail[0].msg, /Idempotency-Key/);
    // Another route with the key is another request too.
    const rename = await server.app.inject({
      method: 'POST',
      url: `/player/${alice.id}/notifications/read-all`,
      headers: { ...alice.auth, 'idempotency-key': 'k' },
    });
    assert.equal(rename.statusCode, 422, rename.body);
    assert.deepEqual(await holdings(server, alice), before);
  });

  test('keys are per player, a rejected command is not kept, a malformed key is a 422', async (t) => {
    const { server } = await startTestServer(t);
    const alice = await registerPlayer(server, 'alice');
    const bob = await registerPlayer(server, 'bob');
    assert.equal((await build(server, alice, 'shared')).statusCode, 200);
    const bobs = await build(server, bob, 'shared');
    assert.equal(bobs.statusCode, 200);
    assert.equal(bobs.headers['idempotent-replayed'], undefined);

    // A rejection changed nothing: its retry runs (and is rejected) again.
    const refused = await build(server, alice, 'no-such', 'no_such_building');
    assert.equal(refused.statusCode, 400, refused.body);
    const again = await build(server, alice, 'no-such', 'no_such_building');
    assert.equal(again.statusCode, 400);
    assert.equal(again.headers['idempotent-replayed'], undefined);

    for (const key of ['has space', 'x'.repeat(256)]) {
      const bad = await build(server, alice, key);
      assert.equal(bad.statusCode, 422, bad.body);
      assert.deepEqual(bad.json().detail[0].loc, ['header', 'idempotency-key']);
    }
  });

  test('a registration retried after its reply was lost does not fail as a taken name', async (t) => {
    const { server } = await startTestServer(t);
    const register = () =>
      server.app.inject({
        method: 'POST',
        url: '/auth/register',
        headers: { 'idempotency-key': 'signup-1' },
        payload: { username: 'carol', email: 'carol@example.com', password: 'password123' },
      });
    const first = await register();
    const retry = await register();
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(retry.statusCode, 200, retry.body);
    assert.deepEqual(retry.json(), first.json());
  });

  test('keys expire after IDEMPOTENCY_TTL_SECONDS (pruned by the housekeeping)', async (t) => {
    const { server, clock } = await startTestServer(t, {
      env: { IDEMPOTENCY_TTL_SECONDS: '3600' },
    });
    const alice = await registerPlayer(server, 'alice');
    assert.equal((await build(server, alice, 'old')).statusCode, 200);
    clock.advance(3_601_000);
    await server.runMaintenance();
    const rows = await server.store.readPrimary((db) =>
      db.selectFrom('idempotency_keys').selectAll().execute(),
    );
    assert.deepEqual(rows, []);
    const later = await build(server, alice, 'old');
    assert.equal(later.headers['idempotent-replayed'], undefined);
  });

  for (const kind of STORE_KINDS) {
    test(`a kept reply survives a restart (${kind})`, async (t) => {
      const first = await startTestServer(t, { store: kind });
      const alice = await registerPlayer(first.server, 'alice');
      const original = await build(first.server, alice, 'across-restart');
      assert.equal(original.statusCode, 200, original.body);
      const held = await holdings(first.server, alice);
      await first.stop();

      const second = await startTestServer(t, {
        store: kind,
        clock: first.clock,
        dataDir: first.dataDir ?? undefined,
        databaseUrl: first.databaseUrl ?? undefined,
      });
      const retry = await build(second.server, alice, 'across-restart');
      assert.equal(retry.statusCode, 200, retry.body);
      assert.equal(retry.headers['idempotent-replayed'], 'true');
      assert.deepEqual(retry.json(), original.json());
      assert.deepEqual(await holdings(second.server, alice), held);
      first.clock.advance(DAY_MS + 1);
    });
  }
});
