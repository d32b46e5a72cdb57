// The WebSocket event sequence: every message has a seq (events their own, per player
// increasing), a reconnection with ?after= replays the missed events (stored notifications and
// logged events) before live events, and the sequence survives a restart. The event log itself
// (fleets, restarts, retention, the cap) is tested in ws-event-log.test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_MESSAGES } from '../../src/api/contract/messages.js';
import type { Command } from '../../src/sim/context.js';
import type { UserId } from '../../src/sim/types.js';
import { notifyMany } from '../notifications/helpers.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, type Session } from '../helpers/server.js';
import {
  assertIncreasing,
  listeningServer,
  openSocket,
  type WsClient,
  type WsMessage,
} from '../helpers/ws.js';
import type { GameServer } from '../../src/server.js';

const EVENTS = new Set(SERVER_MESSAGES.filter((m) => m.event).map((m) => m.type));

/** A typed event without a notification: only the event log keeps it. */
const researchDone: Command<UserId, void> = (ctx, userId) =>
  ctx.emit(userId, {
    type: 'research_complete',
    research_type: 'energy',
    new_level: 1,
    ts: new Date(ctx.now).toISOString(),
  });

const seqs = (messages: WsMessage[]) => messages.map((m) => m.seq as number);

/** An event as `live|replayed <type> <seq>`, any other message as its type. */
const shown = (m: WsMessage) =>
  EVENTS.has(String(m.type))
    ? `${m.replayed ? 'replayed' : 'live'} ${String(m.type)} ${m.seq}`
    : String(m.type);

async function welcomed(c: WsClient): Promise<WsMessage> {
  try {
    return await c.until((m) => m.type === 'welcome', 'welcome');
  } catch (err) {
    throw new Error(`${(err as Error).message}: ${JSON.stringify(await c.closed)}`);
  }
}
const notificationWith = (c: WsClient, id: number) =>
  c.until(
    (m) => m.type === 'notification' && (m.notification as { id: number }).id === id,
    `notification ${id}`,
  );

/** Builds a metal mine level on the player's planet and lets it complete (a real timed event). */
async function completeMine(server: GameServer, clock: { advance(ms: number): void }, p: Session) {
  const res = await server.app.inject({
    method: 'POST',
    url: `/player/${p.id}/build`,
    headers: p.auth,
    payload: { building_type: 'metal_mine' },
  });
  assert.equal(res.statusCode, 200, res.body);
  clock.advance(10 * 60_000);
  server.runtime.tick();
  await server.runtime.flush();
}

describe('WebSocket event sequence', () => {
  test('events carry a seq that increases per player across batches; other messages the position', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const bob = await registerPlayer(ts.server, 'bob');
    const a = openSocket(t, `${url}?token=${alice.token}`);
    const b = openSocket(t, `${url}?token=${bob.token}`);
    const start = (await welcomed(a)).seq as number;
    await welcomed(b);

    const [n1, n2] = await notifyMany(ts.server, alice.id, 2);
    await ts.server.runtime.execute(researchDone, alice.id);
    await ts.server.runtime.execute(researchDone, bob.id);
    const [m1] = await notifyMany(ts.server, bob.id, 1);
    await completeMine(ts.server, ts.clock, alice);
    await a.until((m) => m.type === 'building_complete', 'building_complete');
    const last = await a.until(
      (m) =>
        m.type === 'notification' &&
        (m.notification as { type: string }).type === 'building_complete',
      'the building notification',
    );
    await notificationWith(b, m1 as number);

    const aliceEvents = a.messages.filter((m) => EVENTS.has(String(m.type)));
    assert.deepEqual(
      aliceEvents.map((m) => m.type),
      ['notification', 'notification', 'research_complete', 'building_complete', 'notification'],
    );
    assertIncreasing([start, ...seqs(aliceEvents)], 'alice');
    assertIncreasing(seqs(b.messages.filter((m) => EVENTS.has(String(m.type)))), 'bob');
    for (const m of aliceEvents.filter((x) => x.type === 'notification'))
      assert.equal((m.notification as { id: number }).id, m.seq, 'a notification id is its seq');
    assert.deepEqual(
      aliceEvents.slice(0, 2).map((m) => m.seq),
      [n1, n2],
    );
    for (const m of [...a.messages, ...b.messages]) {
      assert.equal(typeof m.server_time, 'string', String(m.type));
      assert.ok(Number.isInteger(m.seq), String(m.type));
    }

    // A message that records nothing carries the position: the last event's seq.
    a.ws.send('ping');
    const pong = await a.until((m) => m.type === 'pong', 'pong');
    assert.equal(pong.seq, last.seq);
    assert.equal(pong.server_time, new Date(ts.clock.now()).toISOString());
    // A socket opened now starts at the latest seq and gets only later events.
    const late = openSocket(t, `${url}?token=${alice.token}`);
    assert.equal((await welcomed(late)).seq, ts.server.runtime.world.lastEventSeq);
  });

  test('a reconnect with ?after= gets exactly the missed events, in order, then live events', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const bob = await registerPlayer(ts.server, 'bob');
    const first = openSocket(t, `${url}?token=${alice.token}`);
    await welcomed(first);
    const [seen] = await notifyMany(ts.server, alice.id, 1);
    await notificationWith(first, seen as number);
    first.ws.close();
    await first.closed;

    // Offline: two notifications for alice, a typed event (no notification) for her and for
    // bob, one notification for bob, then one more for alice.
    const missed = await notifyMany(ts.server, alice.id, 2);
    await ts.server.runtime.execute(researchDone, alice.id);
    const research = ts.server.runtime.world.lastEventSeq;
    await ts.server.runtime.execute(researchDone, bob.id);
    await notifyMany(ts.server, bob.id, 1);
    missed.push(...(await notifyMany(ts.server, alice.id, 1)));

    const again = openSocket(t, `${url}?token=${alice.token}&after=${seen}`);
    const complete = await again.until((m) => m.type === 'replay_complete', 'replay_complete');
    const [live] = await notifyMany(ts.server, alice.id, 1);
    await notificationWith(again, live as number);
    assert.deepEqual(again.messages.map(shown), [
      'welcome',
      `replayed notification ${missed[0]}`,
      `replayed notification ${missed[1]}`,
      `replayed research_complete ${research}`,
      `replayed notification ${missed[2]}`,
      'replay_complete',
      `live notification ${live}`,
    ]);
    const welcome = again.messages[0] as WsMessage;
    assert.equal(welcome.seq, seen);
    assert.deepEqual(welcome.replay, { after: seen, count: 4, truncated: false });
    assert.deepEqual(
      { seq: complete.seq, count: complete.count, unread: complete.unread_notifications },
      { seq: missed[2], count: 4, unread: 4 },
    );
    const replayed = again.messages[1] as WsMessage;
    assert.equal((replayed.notification as { id: number; user_id: number }).user_id, alice.id);
    assert.equal(replayed.unread_notifications, undefined);
    const { server_time: _time, ...event } = again.messages[3] as WsMessage;
    assert.deepEqual(event, {
      type: 'research_complete',
      research_type: 'energy',
      new_level: 1,
      ts: new Date(ts.clock.now()).toISOString(),
      replayed: true,
      seq: research,
    });

    // From the middle: only what came after.
    const middle = openSocket(t, `${url}?token=${alice.token}&after=${missed[1]}`);
    await middle.until((m) => m.type === 'replay_complete', 'replay_complete');
    assert.deepEqual(seqs(middle.messages.filter((m) => EVENTS.has(String(m.type)))), [
      research,
      missed[2],
      live,
    ]);
  });

  test('events committed while the replay is read are delivered once, in seq order', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const [before] = await notifyMany(ts.server, alice.id, 1);
    const store = ts.server.store;
    const readPrimary = store.readPrimary.bind(store);
    let during: number[] = [];
    let after: number[] = [];
    let research = 0;
    // The replay's read: one typed event and one notification commit just before the query
    // runs (so both are read and published), one just after (only published).
    store.readPrimary = async (query) => {
      store.readPrimary = readPrimary;
      await ts.server.runtime.execute(researchDone, alice.id);
      research = ts.server.runtime.world.lastEventSeq;
      during = await notifyMany(ts.server, alice.id, 1);
      const result = await readPrimary(query);
      after = await notifyMany(ts.server, alice.id, 1);
      return result;
    };
    const c = openSocket(t, `${url}?token=${alice.token}&after=0`);
    await c.until((m) => m.type === 'replay_complete', 'replay_complete');
    await notificationWith(c, after[0] as number);
    const sent = c.messages.map(shown);
    assert.deepEqual(sent, [
      'welcome',
      `replayed notification ${before}`,
      `replayed research_complete ${research}`,
      `replayed notification ${during[0]}`,
      'replay_complete',
      `live notification ${after[0]}`,
    ]);
    assertIncreasing(seqs(c.messages.filter((m) => EVENTS.has(String(m.type)))), 'replay');
    // The drain later reaches the live copies held back for the replay: none is sent again.
    c.ws.send('ping');
    await c.until((m) => m.type === 'pong', 'pong');
    assert.equal(c.messages.length, sent.length + 1);
  });

  test('after older than the retained notifications says truncated; a bad after closes 1008', async (t) => {
    const { ts, url } = await listeningServer(t, { env: { NOTIFICATION_RETENTION: '3' } });
    const alice = await registerPlayer(ts.server, 'alice');
    const ids = await notifyMany(ts.server, alice.id, 5);
    const replay = async (after: number | string) => {
      const c = openSocket(t, `${url}?token=${alice.token}&after=${after}`);
      await c.until((m) => m.type === 'replay_complete', 'replay_complete');
      return {
        replay: (c.messages[0] as WsMessage).replay,
        ids: c.messages.filter((m) => m.type === 'notification').map((m) => m.seq),
      };
    };
    assert.deepEqual(await replay(ids[0] as number), {
      replay: { after: ids[0], count: 3, truncated: true },
      ids: ids.slice(2),
    });
    assert.deepEqual(await replay(0), {
      replay: { after: 0, count: 3, truncated: true },
      ids: ids.slice(2),
    });
    assert.deepEqual(await replay(ids[2] as number), {
      replay: { after: ids[2], count: 2, truncated: false },
      ids: ids.slice(3),
    });
    // A position this server never handed out (another database): nothing to replay, and the
    // client is told to reload; its position becomes the server's latest.
    const ahead = openSocket(t, `${url}?token=${alice.token}&after=999999`);
    const welcome = await welcomed(ahead);
    assert.deepEqual(welcome.replay, { after: 999999, count: 0, truncated: true });
    assert.equal(welcome.seq, ids[4]);

    for (const bad of ['-1', 'abc', '1.5', '', '1e3', '99999999999999999']) {
      const c = openSocket(t, `${url}?token=${alice.token}&after=${bad}`);
      const { code, reason } = await c.closed;
      assert.equal(code, 1008, bad);
      assert.match(reason, /after/);
      assert.deepEqual(c.messages, [], `no welcome for after=${bad}`);
    }
  });

  test('a message outside the contract is recorded as a violation', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = openSocket(t, `${url}?token=${alice.token}`);
    await welcomed(c);
    await ts.server.runtime.execute((ctx) => {
      ctx.emit(alice.id, { type: 'made_up', value: 1 });
      ctx.emit(alice.id, { type: 'research_complete', research_type: 'energy', ts: 'soon' });
    }, undefined);
    await c.until((m) => m.type === 'research_complete', 'research_complete');
    const violations = ts.server.contractViolations as string[];
    assert.equal(violations.length, 2, violations.join('\n'));
    assert.match(violations[0] as string, /made_up.*not in the contract/);
    assert.match(violations[1] as string, /research_complete/);
    violations.length = 0;
  });

  for (const store of STORE_KINDS) {
    test(`the sequence survives a restart (${store})`, async (t) => {
      const first = await listeningServer(t, { store });
      const alice = await registerPlayer(first.ts.server, 'alice');
      const c = openSocket(t, `${first.url}?token=${alice.token}`);
      await welcomed(c);
      await notifyMany(first.ts.server, alice.id, 2);
      // The newest numbers go to events without a notification: event_seq and the log keep them.
      await first.ts.server.runtime.execute(researchDone, alice.id);
      await first.ts.server.runtime.execute(researchDone, alice.id);
      await c.until(
        () => c.messages.filter((m) => m.type === 'research_complete').length === 2,
        'both events',
      );
      const highest = Math.max(...seqs(c.messages));
      assert.equal(highest, first.ts.server.runtime.world.lastEventSeq);
      await first.ts.stop();

      const second = await listeningServer(t, {
        store,
        clock: first.ts.clock,
        dataDir: first.ts.dataDir ?? undefined,
        databaseUrl: first.ts.databaseUrl ?? undefined,
      });
      const resumed = openSocket(t, `${second.url}?token=${alice.token}&after=${highest}`);
      const welcome = await welcomed(resumed);
      assert.deepEqual(welcome.replay, { after: highest, count: 0, truncated: false });
      await resumed.until((m) => m.type === 'replay_complete', 'replay_complete');
      await second.ts.server.runtime.execute(researchDone, alice.id);
      const [next] = await notifyMany(second.ts.server, alice.id, 1);
      await notificationWith(resumed, next as number);
      const events = resumed.messages.filter((m) => EVENTS.has(String(m.type)));
      assert.equal(events.length, 2);
      assert.ok((events[0]?.seq as number) > highest, `${events[0]?.seq} > ${highest}`);
      assertIncreasing([highest, ...seqs(events)], 'after the restart');
    });
  }
});
