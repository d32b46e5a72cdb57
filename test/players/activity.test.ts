import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, MINUTE, snapshot } from '../helpers/game.js';
import { registerPlayer, startTestServer, TEST_EPOCH } from '../helpers/server.js';

test('last_active follows authenticated actions, written at most once a minute', async (t) => {
  const { server, clock } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  const stored = async () => {
    await server.runtime.flush();
    const row = await server.store.read((db) =>
      db
        .selectFrom('users')
        .select('last_active')
        .where('id', '=', alice.id)
        .executeTakeFirstOrThrow(),
    );
    return Number(row.last_active);
  };
  assert.equal(await stored(), TEST_EPOCH);

  clock.advance(MINUTE - 1);
  await call(server, 'GET', `/player/${alice.id}/planets`, alice);
  assert.equal(await stored(), TEST_EPOCH, 'less than a minute later: nothing written');

  clock.advance(1);
  await call(server, 'GET', `/trade/offers`); // public: not an authenticated action
  assert.equal(await stored(), TEST_EPOCH);
  await call(server, 'GET', `/player/${alice.id}/planets`, alice);
  assert.equal(await stored(), TEST_EPOCH + MINUTE);
  const shown = (await snapshot(server, alice)).player.last_active;
  assert.equal(shown, new Date(TEST_EPOCH + MINUTE).toISOString());

  for (let i = 0; i < 5; i++) {
    clock.advance(10_000);
    await call(server, 'GET', `/auth/me`, alice);
  }
  assert.equal(await stored(), TEST_EPOCH + MINUTE, 'within the minute: one write only');
  clock.advance(10_000);
  await call(server, 'GET', `/auth/me`, alice);
  assert.equal(await stored(), TEST_EPOCH + 2 * MINUTE);
});
