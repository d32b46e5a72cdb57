// No id is handed out twice (issue 14): a queue item that finished is deleted from the store,
// and its id used to come back after a restart (the sequence restarted from the largest id
// stored). Both stores.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GameServer } from '../../src/server.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, type Session } from '../helpers/server.js';

async function build(server: GameServer, player: Session): Promise<{ id: number; end: number }> {
  const res = await server.app.inject({
    method: 'POST',
    url: `/player/${player.id}/build`,
    headers: player.auth,
    payload: { building_type: 'metal_mine' },
  });
  assert.equal(res.statusCode, 200, res.body);
  const item = res.json().item;
  return { id: item.id, end: Date.parse(item.completion_time) };
}

for (const kind of STORE_KINDS) {
  test(`a finished queue item's id is not handed out again after a restart (${kind})`, async (t) => {
    const first = await startTestServer(t, { store: kind });
    const alice = await registerPlayer(first.server, 'alice');
    const done = await build(first.server, alice);
    first.clock.set(done.end + 1000);
    first.server.runtime.tick();
    await first.server.runtime.flush();
    const after = await first.server.app.inject({
      method: 'GET',
      url: `/player/${alice.id}`,
      headers: alice.auth,
    });
    assert.equal(after.json().build_queue.length, 0, 'the item finished and is gone');
    await first.stop();

    const second = await startTestServer(t, {
      store: kind,
      clock: first.clock,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    const next = await build(second.server, alice);
    assert.ok(next.id > done.id, `id ${next.id} after ${done.id}`);
  });
}
