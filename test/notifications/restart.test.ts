import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import { deleteNotification, markNotificationRead } from '../../src/sim/commands/notifications.js';
import { notify } from '../../src/sim/notify.js';
import { call, snapshot } from '../helpers/game.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH } from '../helpers/server.js';
import { notifyMany } from './helpers.js';

for (const store of STORE_KINDS) {
  test(`notifications, read marks, deletions and the unread count survive a restart (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const env = { NOTIFICATION_RETENTION: '5' };
    const first = await startTestServer(t, { store, clock, env });
    const alice = await registerPlayer(first.server, 'alice');
    const made = await notifyMany(first.server, alice.id, 4);
    await call(first.server, 'POST', `/notifications/${made[0]}/read`, alice);
    await call(first.server, 'DELETE', `/notifications/${made[1]}`, alice);
    // Created, read and deleted within one unit of work: the commit holds the final state.
    const read = await first.server.runtime.execute((ctx) => {
      const kept = notify(ctx, alice.id, 'storage_full', {});
      const dropped = notify(ctx, alice.id, 'storage_full', {});
      markNotificationRead(ctx, { userId: alice.id, id: kept });
      deleteNotification(ctx, { userId: alice.id, id: dropped });
      return kept;
    }, undefined);
    await first.stop();

    const second = await startTestServer(t, {
      store,
      clock,
      env,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    const { server } = second;
    const list = async () =>
      (await call(server, 'GET', `/player/${alice.id}/notifications`, alice)).json();
    assert.deepEqual(
      (await list()).notifications.map((n: { id: number; read_at: string | null }) => [
        n.id,
        n.read_at !== null,
      ]),
      [
        [read, true],
        [made[3], false],
        [made[2], false],
        [made[0], true],
      ],
    );
    assert.equal((await snapshot(server, alice)).unread_notifications, 2);
    assert.equal(
      (await call(server, 'DELETE', `/notifications/${made[1]}`, alice)).statusCode,
      404,
    );

    // Ids continue, and retention (5) counts what was stored before the restart.
    const more = await notifyMany(server, alice.id, 2);
    assert.ok((more[0] as number) > read);
    assert.deepEqual(
      (await list()).notifications.map((n: { id: number }) => n.id),
      [more[1], more[0], read, made[3], made[2]],
    );
    assert.equal((await snapshot(server, alice)).unread_notifications, 4);
  });
}
