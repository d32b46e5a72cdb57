// The SDK end to end (issue 11): a client written against packages/sdk only (no hand-written
// URLs or JSON) registers, logs in, builds, dispatches a fleet and receives its events over
// the WebSocket, through a dropped connection. The server listens on a real port; the test
// drives its injected clock and ticks, as the game loop would.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import WebSocket from 'ws';
import {
  ApiError,
  createGameClient,
  GameSocket,
  ok,
  type MessageOf,
  type ServerMessage,
  type ServerMessageType,
  type WebSocketLike,
} from '../../packages/sdk/src/index.js';
import { advanceTo } from '../fleet/helpers.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const ADMIN_TOKEN = 'sdk-admin';
const nodeWebSocket = (url: string, protocols: string[]) =>
  new WebSocket(url, protocols) as unknown as WebSocketLike;

/** The messages one player's GameSocket delivered, and a way to wait for one. */
class Inbox {
  readonly messages: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  push = (message: ServerMessage): void => {
    this.messages.push(message);
    for (const wake of this.waiters.splice(0)) wake();
  };

  async next<T extends ServerMessageType>(type: T, after = 0): Promise<MessageOf<T>> {
    for (;;) {
      const found = this.messages.slice(after).find((m) => m.type === type);
      if (found) return found as MessageOf<T>;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} message`)), 5000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

async function listening(t: TestContext): Promise<{ ts: TestServer; baseUrl: string }> {
  const ts = await startTestServer(t, { env: { ADMIN_TOKEN } });
  const address = await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  return { ts, baseUrl: address.replace('[::1]', '127.0.0.1') };
}

test('the SDK alone: register, log in, build, dispatch, and the events over a dropped socket', async (t) => {
  const { ts, baseUrl } = await listening(t);
  const transcript: string[] = [];
  const log = (line: string) => transcript.push(line);

  // Two players; the SDK keeps each one's session and adds the bearer token itself.
  const alice = createGameClient({ baseUrl });
  const bob = createGameClient({ baseUrl });
  for (const [client, name] of [
    [alice, 'alice'],
    [bob, 'bob'],
  ] as const) {
    const user = await ok(
      client.api.POST('/auth/register', {
        body: { username: name, email: `${name}@example.com`, password: 'password123' },
      }),
    );
    log(`registerUser ${name} -> id ${user.id}`);
  }
  const aliceId = await alice.login('alice', 'password123');
  const bobId = await bob.login('bob', 'password123');
  log(
    `login alice -> user_id ${aliceId}, refresh token ${alice.session?.refreshToken ? 'yes' : 'no'}`,
  );

  const params = { path: { user_id: aliceId } };
  const snapshot = await ok(alice.api.GET('/player/{user_id}', { params }));
  const home = snapshot.planet.id;
  const bobHome = (
    await ok(bob.api.GET('/player/{user_id}', { params: { path: { user_id: bobId } } }))
  ).position;
  log(
    `getPlayer alice -> planet ${home} "${snapshot.planet.name}", metal ${Math.floor(snapshot.resources.metal)}`,
  );

  const inbox = new Inbox();
  const states: string[] = [];
  const socket = new GameSocket({
    baseUrl,
    token: () => alice.session?.accessToken ?? null,
    onMessage: inbox.push,
    onState: (state) => states.push(state),
    webSocket: nodeWebSocket,
    initialDelayMs: 20,
    pingIntervalMs: 0,
  });
  socket.connect();
  t.after(() => socket.close());
  const welcome = await inbox.next('welcome');
  log(`ws welcome (subprotocol token) seq ${welcome.seq}`);

  // A rejection is an ApiError with the server's stable code.
  const refused = await alice.api.POST('/player/{user_id}/build', {
    params,
    body: { building_type: 'fusion_reactor' },
  });
  assert.equal(refused.response.status, 409);
  assert.equal(refused.error?.code, 'insufficient_resources');
  log(`buildBuilding fusion_reactor -> ${refused.response.status} ${refused.error?.code}`);

  const build = await ok(
    alice.api.POST('/player/{user_id}/build', {
      params,
      body: { building_type: 'metal_mine', planet_id: home },
    }),
  );
  log(`buildBuilding metal_mine -> level ${build.item.level}, done ${build.item.completion_time}`);
  await advanceTo(ts, build.item.completion_time);
  const built = await inbox.next('building_complete');
  assert.equal(built.building_type, 'metal_mine');
  log(`ws ${built.type} seq ${built.seq}: ${built.building_type} level ${built.new_level}`);

  // Ships through the operator API (the SDK types it too), then a transport to bob.
  await ok(
    alice.api.PATCH('/admin/planets/{planet_id}', {
      params: { path: { planet_id: home } },
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      body: { ships: { heavy_fighter: 2 } },
    }),
  );
  const target = { galaxy: bobHome.galaxy, system: bobHome.system, position: bobHome.planet };
  const preview = await ok(
    alice.api.POST('/player/{user_id}/fleet/preview', {
      params,
      body: { ...target, mission: 'transfer', ships: { heavy_fighter: 2 } },
    }),
  );
  const fleet = await ok(
    alice.api.POST('/player/{user_id}/fleet/dispatch', {
      params,
      body: {
        ...target,
        mission: 'transfer',
        ships: { heavy_fighter: 2 },
        resources: { metal: 10 },
        planet_id: home,
      },
    }),
  );
  assert.equal(fleet.arrival_time, preview.arrival_time);
  log(`dispatchFleet transfer -> fleet ${fleet.fleet_id}, arrives ${fleet.arrival_time}`);

  // The connection drops while the fleet flies; the SDK reconnects with ?after=<seq> and the
  // server replays what was missed before anything live.
  const seqBeforeDrop = socket.lastSeq;
  for (const client of ts.server.app.websocketServer.clients) client.terminate();
  await advanceTo(ts, fleet.arrival_time);
  const mark = inbox.messages.length;
  const arrived = await inbox.next('fleet_arrived', mark);
  assert.equal(arrived.mission, 'transfer');
  assert.deepEqual(arrived.delivered, { metal: 10, crystal: 0, deuterium: 0 });
  assert.ok(arrived.seq > seqBeforeDrop);
  assert.equal(arrived.replayed, true, 'missed while the socket was down');
  const replayDone = await inbox.next('replay_complete', mark);
  log(
    `ws dropped at seq ${seqBeforeDrop}; reconnected, replayed ${arrived.type} seq ${arrived.seq}, then ${replayDone.type}`,
  );

  const returned = fleet.return_time;
  assert.ok(returned, 'a transfer comes back');
  await advanceTo(ts, returned);
  const home2 = await inbox.next('fleet_returned', mark);
  assert.deepEqual(home2.ships, { heavy_fighter: 2 });
  log(`ws ${home2.type} seq ${home2.seq}: ${JSON.stringify(home2.ships)}`);

  // Sessions: the access token is refreshed, the spent refresh token is refused for good.
  const before = alice.session!;
  const after = await alice.refresh();
  assert.notEqual(after.refreshToken, before.refreshToken);
  const replay = await alice.api.POST('/auth/refresh', {
    body: { refresh_token: before.refreshToken! },
  });
  assert.equal(replay.error?.code, 'refresh_reused');
  log(
    `refreshSession -> new pair; the spent token again -> ${replay.response.status} ${replay.error?.code}`,
  );
  await assert.rejects(ok(alice.api.GET('/player/{user_id}', { params })), (err: unknown) => {
    assert.ok(err instanceof ApiError);
    assert.equal(err.status, 401);
    return true;
  });
  assert.equal(alice.session, null, 'a refused refresh ends the session');
  log('getPlayer after the revocation -> 401, session cleared');
  assert.deepEqual(states.slice(0, 2), ['connecting', 'open']);
  assert.ok(states.filter((s) => s === 'open').length >= 2, 'reconnected after the drop');

  t.diagnostic(`SDK transcript:\n${transcript.join('\n')}`);
});
