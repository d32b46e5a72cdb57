// The event log behind `/ws?after=<seq>`: events other than notifications (fleets, typed
// completions) are logged in the commit of their change, so a client that reconnects gets what it
// missed while its socket was down, in seq order, before live events; across a restart on both
// stores; and told `truncated` once the retention (or the per-replay cap) took some away.
import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { REPLAY_EVENT_CAP, SERVER_MESSAGES } from '../../src/api/contract/messages.js';
import type { GameServer } from '../../src/server.js';
import { EVENT_LOG_PRUNED_KEY } from '../../src/sim/commands/event-log.js';
import type { Command } from '../../src/sim/context.js';
import type { UserId } from '../../src/sim/types.js';
import { equip, join, send, target } from '../fleet/helpers.js';
import { notifyMany } from '../notifications/helpers.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, type TestServer } from '../helpers/server.js';
import {
  assertIncreasing,
  listeningServer,
  openSocket,
  type WsClient,
  type WsMessage,
} from '../helpers/ws.js';

const EVENTS = new Set(SERVER_MESSAGES.filter((m) => m.event).map((m) => m.type));
const HOUR = 3_600_000;

/** `count` typed events without a notification, in one command: only the event log keeps them. */
const researchDone =
  (count = 1): Command<UserId, void> =>
  (ctx, userId) => {
    for (let i = 0; i < count; i++)
      ctx.emit(userId, {
        type: 'research_complete',
        research_type: 'energy',
        new_level: i + 1,
        ts: new Date(ctx.now).toISOString(),
      });
  };

const events = (c: WsClient) => c.messages.filter((m) => EVENTS.has(String(m.type)));
const seqs = (messages: WsMessage[]) => messages.map((m) => m.seq as number);

/** An event as `live|replayed <type>`, any other message as its type. */
const shown = (m: WsMessage) =>
  EVENTS.has(String(m.type))
    ? `${m.replayed ? 'replayed' : 'live'} ${String(m.type)}`
    : String(m.type);

/** The socket's position: the seq of a `pong` (the last event sent on it). */
async function position(c: WsClient): Promise<number> {
  const pongs = c.messages.filter((m) => m.type === 'pong').length;
  c.ws.send('ping');
  await c.until(() => c.messages.filter((m) => m.type === 'pong').length > pongs, 'pong');
  return c.messages.filter((m) => m.type === 'pong').at(-1)?.seq as number;
}

async function closeSocket(c: WsClient): Promise<void> {
  c.ws.close();
  await c.closed;
}

/** Opens `/ws?after=` and waits for the end of the replay. */
async function reconnect(t: TestContext, url: string, token: string, after: number) {
  const c = openSocket(t, `${url}?token=${token}&after=${after}`);
  await c.until((m) => m.type === 'replay_complete', 'replay_complete');
  return c;
}

const replayInfo = (c: WsClient) => (c.messages[0] as WsMessage).replay;

/** Moves the manual clock to `iso` (or a second past it), runs a tick and waits for its commit. */
async function tickAt(ts: TestServer, iso: string): Promise<void> {
  const due = Date.parse(iso) + 1000;
  if (due > ts.clock.now()) ts.clock.advance(due - ts.clock.now());
  ts.server.runtime.tick();
  await ts.server.runtime.flush();
}

/** Builds a metal mine level and lets it complete (a timed event for an offline player). */
async function completeMine(ts: TestServer, p: { id: number; auth: Record<string, string> }) {
  const res = await ts.server.app.inject({
    method: 'POST',
    url: `/player/${p.id}/build`,
    headers: p.auth,
    payload: { building_type: 'metal_mine' },
  });
  assert.equal(res.statusCode, 200, res.body);
  ts.clock.advance(10 * 60_000);
  ts.server.runtime.tick();
  await ts.server.runtime.flush();
}

const logRows = (server: GameServer, userId: number) =>
  server.store.readPrimary((db) =>
    db.selectFrom('event_log').select('seq').where('user_id', '=', userId).execute(),
  );

describe('WebSocket event log', () => {
  test('a reconnect replays the fleet events missed while offline, in seq order, then live events', async (t) => {
    const { ts, url } = await listeningServer(t, { env: { ADMIN_TOKEN: 'fleet-admin' } });
    const alice = await join(ts.server, 'alice');
    const bob = await join(ts.server, 'bob');
    await equip(ts.server, alice.planetId, {
      ships: { cruiser: 2 },
      resources: { metal: 5000, crystal: 3000, deuterium: 1000 },
    });
    // A second socket of alice stays online: what a live client saw, to compare with the replay.
    const witness = openSocket(t, `${url}?token=${alice.token}`);
    const socket = openSocket(t, `${url}?token=${alice.token}`);
    await socket.until((m) => m.type === 'welcome', 'welcome');
    await witness.until((m) => m.type === 'welcome', 'welcome');
    const fleet = await send(ts.server, alice, {
      ...target(bob.coords),
      mission: 'transfer',
      speed: 1,
      ships: { cruiser: 2 },
      resources: { metal: 1000, crystal: 0, deuterium: 0 },
    });
    const after = await position(socket);
    await closeSocket(socket);

    await tickAt(ts, fleet.arrival_time);
    await tickAt(ts, fleet.return_time);
    await witness.until((m) => m.type === 'fleet_returned', 'the live fleet_returned');

    const again = await reconnect(t, url, alice.token, after);
    await ts.server.runtime.execute(researchDone(), alice.id);
    await again.until((m) => m.type === 'research_complete', 'a live event');
    assert.deepEqual(again.messages.map(shown), [
      'welcome',
      'replayed fleet_arrived',
      'replayed fleet_returned',
      'replay_complete',
      'live research_complete',
    ]);
    assert.deepEqual(replayInfo(again), { after, count: 2, truncated: false });
    assertIncreasing([after, ...seqs(events(again))], 'the replay, then live');
    const complete = again.messages[3] as WsMessage;
    assert.equal(complete.seq, again.messages[2]?.seq, 'replay_complete carries the position');

    // The replayed messages are the live ones (same seq, same fields) plus `replayed: true`.
    const bare = ({ server_time: _time, replayed: _replayed, ...rest }: WsMessage) => rest;
    for (const type of ['fleet_arrived', 'fleet_returned']) {
      const live = witness.messages.find((m) => m.type === type) as WsMessage;
      const replayed = again.messages.find((m) => m.type === type) as WsMessage;
      assert.equal(replayed.replayed, true);
      assert.equal(live.replayed, undefined);
      assert.deepEqual(bare(replayed), bare(live), type);
    }
    assert.equal((again.messages[1] as WsMessage).fleet_id, fleet.fleet_id);

    // Bob never had a socket: his side of the transport is logged too.
    const bobs = await reconnect(t, url, bob.token, 0);
    assert.deepEqual(bobs.messages.map(shown), [
      'welcome',
      'replayed transport_received',
      'replay_complete',
    ]);
  });

  for (const store of STORE_KINDS) {
    test(`logged events survive a restart (${store})`, async (t) => {
      const first = await listeningServer(t, { store });
      const alice = await registerPlayer(first.ts.server, 'alice');
      const socket = openSocket(t, `${first.url}?token=${alice.token}`);
      await socket.until((m) => m.type === 'welcome', 'welcome');
      const after = await position(socket);
      await closeSocket(socket);
      // Offline: a building completes (a typed event and its notification) and a typed event.
      await completeMine(first.ts, alice);
      await first.ts.server.runtime.execute(researchDone(), alice.id);
      const last = first.ts.server.runtime.world.lastEventSeq;
      await first.ts.stop();

      const second = await listeningServer(t, {
        store,
        clock: first.ts.clock,
        dataDir: first.ts.dataDir ?? undefined,
        databaseUrl: first.ts.databaseUrl ?? undefined,
      });
      const again = await reconnect(t, second.url, alice.token, after);
      assert.deepEqual(again.messages.map(shown), [
        'welcome',
        'replayed building_complete',
        'replayed notification',
        'replayed research_complete',
        'replay_complete',
      ]);
      assert.deepEqual(replayInfo(again), { after, count: 3, truncated: false });
      assertIncreasing([after, ...seqs(events(again))], 'after the restart');
      assert.equal(events(again).at(-1)?.seq, last);
      const built = again.messages[1] as WsMessage;
      const planet = second.ts.server.runtime.world.planetsOf(alice.id)[0];
      assert.deepEqual(
        { type: built.building_type, level: built.new_level },
        { type: 'metal_mine', level: planet?.buildings.metal_mine },
      );
    });
  }

  for (const store of STORE_KINDS) {
    test(`events older than EVENT_LOG_RETENTION_SECONDS are pruned; a resume from before them says truncated (${store})`, async (t) => {
      const { ts, url } = await listeningServer(t, {
        store,
        env: { EVENT_LOG_RETENTION_SECONDS: '3600' },
      });
      const alice = await registerPlayer(ts.server, 'alice');
      const socket = openSocket(t, `${url}?token=${alice.token}`);
      await socket.until((m) => m.type === 'welcome', 'welcome');
      const start = await position(socket);
      await closeSocket(socket);

      await ts.server.runtime.execute(researchDone(), alice.id);
      const old = ts.server.runtime.world.lastEventSeq;
      ts.clock.advance(2 * HOUR);
      await ts.server.runtime.execute(researchDone(), alice.id);
      const recent = ts.server.runtime.world.lastEventSeq;
      // Nothing is old enough yet: a replay from the start has both, complete.
      assert.deepEqual(replayInfo(await reconnect(t, url, alice.token, start)), {
        after: start,
        count: 2,
        truncated: false,
      });

      await ts.server.runMaintenance();
      assert.deepEqual(
        (await logRows(ts.server, alice.id)).map((r) => Number(r.seq)),
        [recent],
        'the old event is deleted, the recent one kept',
      );
      const pruned = Number(ts.server.runtime.world.meta.get(EVENT_LOG_PRUNED_KEY));
      assert.ok(pruned >= old && pruned < recent, `pruned up to ${pruned}`);

      for (const after of [start, old - 1]) {
        const c = await reconnect(t, url, alice.token, after);
        assert.deepEqual(replayInfo(c), { after, count: 1, truncated: true }, `after=${after}`);
        assert.deepEqual(seqs(events(c)), [recent]);
      }
      // From the pruned bound on, nothing is missing.
      const c = await reconnect(t, url, alice.token, pruned);
      assert.deepEqual(replayInfo(c), { after: pruned, count: 1, truncated: false });

      // A second round finds nothing more to prune; the bound is durable with the rest.
      await ts.server.runMaintenance();
      assert.equal(Number(ts.server.runtime.world.meta.get(EVENT_LOG_PRUNED_KEY)), pruned);
      const stored = await ts.server.store.readPrimary((db) =>
        db
          .selectFrom('meta')
          .select('value')
          .where('key', '=', EVENT_LOG_PRUNED_KEY)
          .executeTakeFirst(),
      );
      assert.equal(Number(stored?.value), pruned);
    });
  }

  test(`a replay sends at most the newest ${REPLAY_EVENT_CAP} logged events and says truncated`, async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const [start] = await notifyMany(ts.server, alice.id, 1);
    await ts.server.runtime.execute(researchDone(REPLAY_EVENT_CAP + 5), alice.id);
    const last = ts.server.runtime.world.lastEventSeq;

    const c = await reconnect(t, url, alice.token, (start as number) - 1);
    assert.deepEqual(replayInfo(c), {
      after: (start as number) - 1,
      count: REPLAY_EVENT_CAP + 1,
      truncated: true,
    });
    const replayed = seqs(events(c));
    assert.equal(replayed.length, REPLAY_EVENT_CAP + 1, 'the notification and the newest events');
    assert.deepEqual(replayed.slice(0, 2), [start, last - REPLAY_EVENT_CAP + 1]);
    assert.equal(replayed.at(-1), last);
    assertIncreasing(replayed, 'the capped replay');

    // Exactly the cap is not truncated.
    const full = await reconnect(t, url, alice.token, last - REPLAY_EVENT_CAP);
    assert.deepEqual(replayInfo(full), {
      after: last - REPLAY_EVENT_CAP,
      count: REPLAY_EVENT_CAP,
      truncated: false,
    });
  });
});
