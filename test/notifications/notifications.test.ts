import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, capturePublished, snapshot } from '../helpers/game.js';
import { registerPlayer, startTestServer } from '../helpers/server.js';
import { notifyMany } from './helpers.js';

const ids = (body: { notifications: Array<{ id: number }> }) => body.notifications.map((n) => n.id);

test('notifications: newest first, paginated, unread filter and count, read, read-all, delete', async (t) => {
  const { server } = await startTestServer(t);
  const published = capturePublished(server);
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const mine = await notifyMany(server, alice.id, 5);
  const [bobs] = await notifyMany(server, bob.id, 1);
  const list = (q = '') => call(server, 'GET', `/player/${alice.id}/notifications${q}`, alice);

  const first = (await list('?limit=2')).json();
  assert.deepEqual(ids(first), [mine[4], mine[3]]);
  assert.equal(first.unread_notifications, 5);
  assert.deepEqual(ids((await list('?limit=2&offset=2')).json()), [mine[2], mine[1]]);
  const item = first.notifications[0];
  assert.deepEqual(Object.keys(item).sort(), [
    'created_at',
    'id',
    'payload',
    'priority',
    'read_at',
    'type',
    'user_id',
  ]);
  assert.deepEqual(
    [item.user_id, item.type, item.priority, item.payload, item.read_at],
    [alice.id, 'research_complete', 'info', { n: 4 }, null],
  );
  assert.equal((await snapshot(server, alice)).unread_notifications, 5);
  assert.equal((await list('?limit=201')).statusCode, 422);
  assert.equal(
    (await call(server, 'GET', `/player/${alice.id}/notifications`, bob)).statusCode,
    403,
  );

  // Someone else's notification is "not found", for reading and for deleting.
  for (const [method, url] of [
    ['POST', `/notifications/${bobs}/read`],
    ['DELETE', `/notifications/${bobs}`],
    ['POST', '/notifications/999999/read'],
    ['DELETE', '/notifications/999999'],
  ] as const) {
    const res = await call(server, method, url, alice);
    assert.equal(res.statusCode, 404, `${method} ${url}`);
    assert.equal(res.json().detail, 'Notification not found');
  }
  assert.equal((await call(server, 'POST', `/notifications/${mine[0]}/read`)).statusCode, 401);

  const read = await call(server, 'POST', `/notifications/${mine[1]}/read`, alice);
  assert.deepEqual(read.json(), {
    read: true,
    id: mine[1],
    already_read: false,
    unread_notifications: 4,
  });
  const again = await call(server, 'POST', `/notifications/${mine[1]}/read`, alice);
  assert.equal(again.json().already_read, true);
  assert.deepEqual(ids((await list('?unread=true')).json()), [mine[4], mine[3], mine[2], mine[0]]);
  const readItem = (await list())
    .json()
    .notifications.find((n: { id: number }) => n.id === mine[1]);
  assert.ok(Date.parse(readItem.read_at) > 0);

  const deleted = await call(server, 'DELETE', `/notifications/${mine[4]}`, alice);
  assert.deepEqual(deleted.json(), { deleted: true, id: mine[4], unread_notifications: 3 });
  assert.equal((await call(server, 'DELETE', `/notifications/${mine[4]}`, alice)).statusCode, 404);
  assert.deepEqual(ids((await list()).json()), [mine[3], mine[2], mine[1], mine[0]]);

  const all = await call(server, 'POST', `/player/${alice.id}/notifications/read-all`, alice);
  assert.deepEqual(all.json(), { read: 3, unread_notifications: 0 });
  assert.deepEqual(ids((await list('?unread=true')).json()), []);
  assert.equal((await snapshot(server, alice)).unread_notifications, 0);
  assert.equal((await snapshot(server, bob)).unread_notifications, 1, "bob's are untouched");
  assert.equal(
    (await call(server, 'POST', `/player/${bob.id}/notifications/read-all`, alice)).statusCode,
    403,
  );

  // Online players get each notification on the WebSocket, with the new unread count.
  const live = published.filter((e) => e.message.type === 'notification' && e.userId === alice.id);
  assert.equal(live.length, 5);
  assert.equal((live[4]?.message.notification as { id: number }).id, mine[4]);
  assert.equal(live[4]?.message.unread_notifications, 5);
});

test('only the newest NOTIFICATION_RETENTION notifications per player are kept', async (t) => {
  const { server } = await startTestServer(t, { env: { NOTIFICATION_RETENTION: '3' } });
  const alice = await registerPlayer(server, 'alice');
  const bob = await registerPlayer(server, 'bob');
  const first = await notifyMany(server, alice.id, 2);
  await notifyMany(server, bob.id, 2);
  const later = await notifyMany(server, alice.id, 4);
  await call(server, 'POST', `/notifications/${later[3]}/read`, alice);
  const body = (await call(server, 'GET', `/player/${alice.id}/notifications`, alice)).json();
  assert.deepEqual(ids(body), [later[3], later[2], later[1]]);
  assert.equal(body.unread_notifications, 2);
  assert.equal(
    (await call(server, 'DELETE', `/notifications/${first[0]}`, alice)).statusCode,
    404,
    'pruned',
  );
  assert.equal(
    (await call(server, 'GET', `/player/${bob.id}/notifications`, bob)).json().notifications.length,
    2,
  );
});

test('game events store notifications with the specification priorities', async (t) => {
  const { server, clock } = await startTestServer(t);
  const alice = await registerPlayer(server, 'alice');
  await call(server, 'POST', `/player/${alice.id}/build`, alice, { building_type: 'metal_mine' });
  await call(server, 'POST', `/player/${alice.id}/research`, alice, { research_type: 'energy' });
  clock.advance(3_600_000);
  server.runtime.tick();
  const body = (await call(server, 'GET', `/player/${alice.id}/notifications`, alice)).json();
  const byType = Object.fromEntries(
    body.notifications.map((n: { type: string; priority: string }) => [n.type, n.priority]),
  );
  assert.equal(byType.building_complete, 'normal');
  assert.equal(byType.research_complete, 'info');
  assert.equal(body.unread_notifications, body.notifications.length);
});
