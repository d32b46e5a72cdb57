// The token of a WebSocket need not be in the URL: the `bearer` subprotocol or a first frame
// carry it too. Handshakes from origins CORS does not allow are refused.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { describe, test } from 'node:test';
import WebSocket from 'ws';
import { registerPlayer } from '../helpers/server.js';
import { listeningServer, openSocket } from '../helpers/ws.js';

describe('WebSocket authentication', () => {
  test('the token in the bearer subprotocol; the server selects bearer', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = openSocket(t, url, { protocols: ['bearer', alice.token] });
    const welcome = await c.next();
    assert.equal(welcome.type, 'welcome');
    assert.equal(welcome.user_id, alice.id);
    assert.equal(c.ws.protocol, 'bearer');

    for (const protocols of [
      ['bearer', `${alice.token.slice(0, -4)}AAAA`],
      ['bearer', 'garbage'],
      ['bearer'],
    ]) {
      const bad = openSocket(t, url, { protocols });
      assert.equal((await bad.closed).code, 1008, protocols.join(', '));
      assert.deepEqual(bad.messages, []);
    }
  });

  test('the token as the first frame; anything else, or nothing in time, closes 1008', async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const c = openSocket(t, url);
    await once(c.ws, 'open');
    c.ws.send(JSON.stringify({ type: 'auth', token: alice.token }));
    const welcome = await c.next();
    assert.equal(welcome.type, 'welcome');
    assert.equal(welcome.user_id, alice.id);
    c.ws.send('ping');
    assert.equal((await c.next()).type, 'pong');

    // With ?after= the replay follows the auth frame as usual.
    const resumed = openSocket(t, `${url}?after=0`);
    await once(resumed.ws, 'open');
    resumed.ws.send(JSON.stringify({ type: 'auth', token: alice.token }));
    assert.equal((await resumed.next()).type, 'welcome');
    assert.equal((await resumed.next()).type, 'replay_complete');

    for (const frame of [
      JSON.stringify({ type: 'auth', token: 'garbage' }),
      JSON.stringify({ type: 'auth' }),
      JSON.stringify({ token: alice.token }),
      'ping',
      alice.token,
    ]) {
      const bad = openSocket(t, url);
      await once(bad.ws, 'open');
      bad.ws.send(frame);
      const { code, reason } = await bad.closed;
      assert.equal(code, 1008, frame);
      assert.match(reason, /token/);
      assert.deepEqual(bad.messages, [], frame);
    }

    ts.server.hub.authTimeoutMs = 50;
    const silent = openSocket(t, url);
    const { code } = await silent.closed;
    assert.equal(code, 1008, 'no auth frame in time');
    assert.equal(ts.server.hub.connectionCount, 2);
  });

  test("a logout ends the session's sockets at once; other sessions stay", async (t) => {
    const { ts, url } = await listeningServer(t);
    const alice = await registerPlayer(ts.server, 'alice');
    const login = await ts.server.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { username: 'alice', password: 'password123' },
    });
    const other = login.json().access_token as string;
    const ended = openSocket(t, `${url}?token=${alice.token}`);
    const kept = openSocket(t, `${url}?token=${other}`);
    await ended.next();
    await kept.next();
    const out = await ts.server.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: alice.auth,
    });
    assert.equal(out.statusCode, 200);
    // No heartbeat needed: the logout closed it after its commit.
    const { code, reason } = await ended.closed;
    assert.deepEqual([code, reason], [1008, 'Session ended']);
    kept.ws.send('ping');
    assert.equal((await kept.next()).type, 'pong');
  });

  test('a socket closes (1008 Token expired) at the heartbeat after its token expired', async (t) => {
    const { ts, url } = await listeningServer(t, { env: { ACCESS_TOKEN_EXPIRE_MINUTES: '5' } });
    const alice = await registerPlayer(ts.server, 'alice');
    const socket = openSocket(t, `${url}?token=${alice.token}`);
    await socket.next();
    const beat = () => (ts.server.hub as unknown as { beat(): void }).beat();
    beat();
    socket.ws.send('ping');
    assert.equal((await socket.next()).type, 'pong', 'still valid: kept');
    ts.clock.advance(6 * 60_000);
    beat();
    const { code, reason } = await socket.closed;
    assert.deepEqual([code, reason], [1008, 'Token expired']);
  });

  test('a handshake from an origin CORS does not allow is refused (403)', async (t) => {
    const { ts, url } = await listeningServer(t, {
      env: { CORS_ALLOW_ORIGINS: 'https://game.example' },
    });
    const alice = await registerPlayer(ts.server, 'alice');
    const refused = new WebSocket(`${url}?token=${alice.token}`, {
      headers: { origin: 'https://evil.example' },
    });
    refused.on('error', () => undefined);
    const [, response] = (await once(refused, 'unexpected-response')) as [
      unknown,
      { statusCode: number },
    ];
    assert.equal(response.statusCode, 403);
    refused.terminate();

    for (const headers of [{ origin: 'https://game.example' }, {}] as Record<string, string>[]) {
      const c = openSocket(t, `${url}?token=${alice.token}`, { headers });
      assert.equal((await c.next()).type, 'welcome', JSON.stringify(headers));
    }
  });
});
