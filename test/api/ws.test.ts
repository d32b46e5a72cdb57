import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { describe, test, type TestContext } from 'node:test';
import WebSocket from 'ws';
import type { Command } from '../../src/sim/context.js';
import { registerPlayer, startTestServer, TEST_EPOCH, type TestServer } from '../helpers/server.js';

interface Client {
  ws: WebSocket;
  messages: Array<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  /** Resolves with the next message (or the first one not yet taken). */
  next(): Promise<Record<string, unknown>>;
}

/** Starts the HTTP server on an ephemeral port (the game loop stays off) and returns its ws URL. */
async function listening(
  t: TestContext,
  env: Record<string, string> = {},
): Promise<{ ts: TestServer; url: string }> {
  const ts = await startTestServer(t, { env });
  await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = ts.server.app.server.address() as AddressInfo;
  return { ts, url: `ws://127.0.0.1:${port}/ws` };
}

function connect(t: TestContext, url: string): Client {
  const ws = new WebSocket(url);
  const messages: Array<Record<string, unknown>> = [];
  const waiters: Array<(m: Record<string, unknown>) => void> = [];
  let taken = 0;
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(message);
    const waiter = waiters.shift();
    if (waiter) {
      taken++;
      waiter(message);
    }
  });
  ws.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  t.after(() => ws.terminate());
  return {
    ws,
    messages,
    closed,
    next: () => {
      if (taken < messages.length)
        return Promise.resolve(messages[taken++] as Record<string, unknown>);
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}

const NOW = new Date(TEST_EPOCH).toISOString();
const isoTime = (v: unknown) => typeof v === 'string' && !Number.isNaN(Date.parse(v));

describe('WebSocket /ws', () => {
  test('a missing, malformed, forged or revoked token is closed with 1008', async (t) => {
    const { ts, url } = await listening(t);
    // Without any token the server waits for an auth frame (5 s): not in this test.
    ts.server.hub.authTimeoutMs = 50;
    const alice = await registerPlayer(ts.server, 'alice');
    const other = await registerPlayer(ts.server, 'other');
    await ts.server.app.inject({ method: 'POST', url: '/auth/logout', headers: other.auth });
    const forged = `${alice.token.slice(0, -4)}AAAA`;
    for (const query of [
      '',
      '?token=',
      '?token=garbage',
      `?token=${forged}`,
      `?token=${other.token}`,
    ]) {
      const client = connect(t, `${url}${query}`);
      const { code } = await client.closed;
      assert.equal(code, 1008, query);
      assert.deepEqual(client.messages, [], `no welcome for ${query}`);
    }
  });

  test('welcome, ping/pong (trimmed, any case), info echo and error on binary frames', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = connect(t, `${url}?token=${alice.token}`);
    const welcome = await c.next();
    assert.equal(welcome.type, 'welcome');
    assert.equal(welcome.user_id, alice.id);
    assert.ok(isoTime(welcome.server_time));
    assert.equal(welcome.server_time, new Date(ts.clock.now()).toISOString(), 'the injected clock');
    const seq = welcome.seq;
    assert.ok(Number.isInteger(seq));
    const envelope = { seq, server_time: welcome.server_time };

    c.ws.send('ping');
    const pong = await c.next();
    assert.equal(pong.type, 'pong');
    assert.ok(isoTime(pong.server_time));
    c.ws.send('  PING \n');
    assert.equal((await c.next()).type, 'pong');
    c.ws.send('hello there');
    assert.deepEqual(await c.next(), { type: 'info', message: 'hello there', ...envelope });
    c.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    assert.deepEqual(await c.next(), { type: 'error', message: 'invalid message', ...envelope });
    c.ws.send(JSON.stringify({ type: 'auth', token: alice.token }));
    assert.deepEqual(await c.next(), {
      type: 'error',
      message: 'already authenticated',
      ...envelope,
    });
    c.ws.send('ping');
    assert.equal((await c.next()).type, 'pong', 'the socket stays usable after an error');
  });

  test('every socket of a user receives an event published after its commit; others do not', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const bob = await registerPlayer(ts.server, 'bob');
    const mine = [1, 2, 3].map(() => connect(t, `${url}?token=${alice.token}`));
    const theirs = connect(t, `${url}?token=${bob.token}`);
    for (const c of [...mine, theirs]) assert.equal((await c.next()).type, 'welcome');
    assert.equal(ts.server.hub.connectionCount, 4);

    const event = { type: 'research_complete', research_type: 'energy', new_level: 1, ts: NOW };
    const notify: Command<number, void> = (ctx, userId) => ctx.emit(userId, { ...event });
    const sealed = (seq: number) => ({ ...event, seq, server_time: NOW });
    const seq = ts.server.runtime.world.lastEventSeq;
    await ts.server.runtime.execute(notify, alice.id);
    for (const c of mine) assert.deepEqual(await c.next(), sealed(seq + 1));
    theirs.ws.send('ping');
    assert.equal((await theirs.next()).type, 'pong', 'bob got nothing before his pong');

    mine[0]?.ws.close();
    await mine[0]?.closed;
    await ts.server.runtime.execute(notify, alice.id);
    for (const c of mine.slice(1)) assert.deepEqual(await c.next(), sealed(seq + 2));
  });

  test('a frame over the size limit closes the socket (1009)', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = connect(t, `${url}?token=${alice.token}`);
    await c.next();
    c.ws.send('x'.repeat(64 * 1024));
    const { code } = await c.closed;
    assert.equal(code, 1009);
  });

  test('a client flooding messages is disconnected with 1008', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = connect(t, `${url}?token=${alice.token}`);
    await c.next();
    for (let i = 0; i < 200; i++) c.ws.send('ping');
    const { code, reason } = await c.closed;
    assert.equal(code, 1008);
    assert.match(reason, /Too many messages/);
    const pongs = c.messages.filter((m) => m.type === 'pong').length;
    assert.ok(pongs < 200, `answered ${pongs} pings before closing`);
  });

  test('the heartbeat drops a socket that stopped answering pings, and keeps live ones', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const live = connect(t, `${url}?token=${alice.token}`);
    const dead = connect(t, `${url}?token=${alice.token}`);
    await live.next();
    await dead.next();
    assert.equal(ts.server.hub.connectionCount, 2);
    // A peer that vanished without closing: its socket no longer reads, so it never pongs.
    (dead.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    // Two heartbeats (normally 30 s apart): a ping, then the check that the pong came back.
    const beat = () => (ts.server.hub as unknown as { beat(): void }).beat();
    beat();
    await new Promise((r) => setTimeout(r, 100));
    beat();
    const deadline = Date.now() + 5000;
    while (ts.server.hub.connectionCount > 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    assert.equal(ts.server.hub.connectionCount, 1);
    live.ws.send('ping');
    assert.equal((await live.next()).type, 'pong');
  });

  test('shutdown closes every socket with 1001', async (t) => {
    const { ts, url } = await listening(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = connect(t, `${url}?token=${alice.token}`);
    await c.next();
    const closing = ts.stop();
    const { code } = await c.closed;
    assert.equal(code, 1001);
    await closing;
  });

  test('injectWS works without a listener (what the OpenAPI and unit tests rely on)', async (t) => {
    const ts = await startTestServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    let first: Promise<unknown[]> | null = null;
    // The welcome is sent as soon as the socket opens: listen before that.
    const ws = await ts.server.app.injectWS(
      `/ws?token=${alice.token}`,
      {},
      {
        onInit: (socket) => {
          first = once(socket, 'message');
        },
      },
    );
    t.after(() => ws.terminate());
    assert.ok(first);
    const [data] = (await first) as [Buffer];
    assert.equal(JSON.parse(String(data)).type, 'welcome');
    const pong = once(ws, 'message');
    ws.send('ping');
    assert.equal(JSON.parse(String(((await pong) as [Buffer])[0])).type, 'pong');
  });
});
