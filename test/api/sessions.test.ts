import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ManualClock } from '../../src/runtime/clock.js';
import type { GameServer } from '../../src/server.js';
import { advanceTo, call, equip, join, send, startFleetServer, target } from '../fleet/helpers.js';
import { STORE_KINDS } from '../helpers/postgres.js';
import { registerPlayer, startTestServer, TEST_EPOCH } from '../helpers/server.js';

const DAY = 86_400_000;

interface Pair {
  access_token: string;
  refresh_token: string;
  user_id: number;
  expires_in: number;
  refresh_expires_in: number;
}

async function login(server: GameServer, username: string, password = 'password123') {
  const res = await server.app.inject({
    method: 'POST',
    url: '/auth/login',
    payload: { username, password },
  });
  return { status: res.statusCode, body: res.json() };
}

async function loggedIn(server: GameServer, username: string, password?: string): Promise<Pair> {
  const res = await login(server, username, password);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as Pair;
}

async function refresh(server: GameServer, refreshToken: string) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/auth/refresh',
    payload: { refresh_token: refreshToken },
  });
  return { status: res.statusCode, body: res.json() };
}

/** The status of GET /auth/me with an access token. */
async function me(server: GameServer, accessToken: string): Promise<number> {
  const res = await server.app.inject({
    method: 'GET',
    url: '/auth/me',
    headers: { authorization: `Bearer ${accessToken}` },
  });
  return res.statusCode;
}

describe('sessions: rotating refresh tokens', () => {
  test('a refresh spends its token and gives a working pair; a replay revokes the session', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice');
    const first = await loggedIn(server, 'alice');
    assert.ok(first.refresh_expires_in > first.expires_in);

    const second = await refresh(server, first.refresh_token);
    assert.equal(second.status, 200, JSON.stringify(second.body));
    assert.equal(second.body.user_id, first.user_id);
    assert.notEqual(second.body.refresh_token, first.refresh_token);
    assert.equal(await me(server, second.body.access_token), 200);
    // The first access token belongs to the same, still live session.
    assert.equal(await me(server, first.access_token), 200);

    // The spent token again: a replay. The whole family goes, the newest pair included.
    const replay = await refresh(server, first.refresh_token);
    assert.equal(replay.status, 401);
    assert.equal(replay.body.code, 'refresh_reused');
    assert.equal((await refresh(server, second.body.refresh_token)).body.code, 'invalid_token');
    assert.equal(await me(server, second.body.access_token), 401);
    assert.equal(await me(server, first.access_token), 401);

    // Another login is another session, unaffected.
    const other = await loggedIn(server, 'alice');
    assert.equal((await refresh(server, other.refresh_token)).status, 200);
  });

  test('forged, access-as-refresh and expired refresh tokens are 401 invalid_token', async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const { server } = await startTestServer(t, {
      clock,
      env: { REFRESH_TOKEN_EXPIRE_DAYS: '2', ACCESS_TOKEN_EXPIRE_MINUTES: '5' },
    });
    await registerPlayer(server, 'alice');
    const pair = await loggedIn(server, 'alice');
    assert.equal(pair.refresh_expires_in, 2 * 86_400);
    for (const token of [pair.access_token, `${pair.refresh_token}x`, 'not-a-jwt']) {
      const res = await refresh(server, token);
      assert.equal(res.status, 401, token);
      assert.equal(res.body.code, 'invalid_token');
    }
    // The access token expires, the refresh token still works; a refresh moves the expiry on.
    clock.advance(DAY);
    assert.equal(await me(server, pair.access_token), 401);
    const next = await refresh(server, pair.refresh_token);
    assert.equal(next.status, 200);
    clock.advance(DAY + 60_000);
    assert.equal((await refresh(server, next.body.refresh_token)).status, 200, 'moved on');
    clock.advance(3 * DAY);
    const late = await loggedIn(server, 'alice');
    clock.advance(2 * DAY + 1000);
    assert.equal((await refresh(server, late.refresh_token)).body.code, 'invalid_token');
  });

  test('a refresh body is typed exactly: a missing or non-text token is a 422', async (t) => {
    const { server } = await startTestServer(t);
    for (const payload of [{}, { refresh_token: ['x'] }, { refresh_token: 7 }]) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/refresh', payload });
      assert.equal(res.statusCode, 422, JSON.stringify(payload));
      assert.equal(res.json().code, 'validation_failed');
      assert.ok(Array.isArray(res.json().detail));
    }
  });

  test('logout ends the session: its access and refresh tokens stop working', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice');
    const pair = await loggedIn(server, 'alice');
    const other = await loggedIn(server, 'alice');
    const out = await server.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { authorization: `Bearer ${pair.access_token}` },
    });
    assert.equal(out.statusCode, 200);
    assert.equal(await me(server, pair.access_token), 401);
    assert.equal((await refresh(server, pair.refresh_token)).status, 401);
    assert.equal(await me(server, other.access_token), 200, 'another session stays');
  });
});

describe('password change and account deletion', () => {
  test('a password change ends every other session and keeps the one making it', async (t) => {
    const { server } = await startTestServer(t);
    await registerPlayer(server, 'alice', 'old-password');
    const here = await loggedIn(server, 'alice', 'old-password');
    const there = await loggedIn(server, 'alice', 'old-password');
    const change = (payload: object) =>
      server.app.inject({
        method: 'POST',
        url: '/auth/password',
        headers: { authorization: `Bearer ${here.access_token}` },
        payload,
      });

    const wrong = await change({ current_password: 'nope-nope', new_password: 'new-password' });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, 'invalid_credentials');
    const short = await change({ current_password: 'old-password', new_password: 'x' });
    assert.equal(short.json().code, 'invalid_password');
    assert.equal(await me(server, there.access_token), 200, 'nothing changed by a rejection');

    const ok = await change({ current_password: 'old-password', new_password: 'new-password' });
    assert.equal(ok.statusCode, 200, ok.body);
    // Two others: the login of registerPlayer, and `there`.
    assert.equal(ok.json().sessions_revoked, 2);
    assert.equal(await me(server, here.access_token), 200);
    assert.equal((await refresh(server, here.refresh_token)).status, 200);
    assert.equal(await me(server, there.access_token), 401);
    assert.equal((await refresh(server, there.refresh_token)).status, 401);
    assert.equal((await login(server, 'alice', 'old-password')).status, 401);
    await loggedIn(server, 'alice', 'new-password');
  });

  test('deleting the account frees its planet and keeps reports readable by the other side', async (t) => {
    const ts = await startFleetServer(t);
    const { server } = ts;
    const alice = await join(server, 'alice');
    const bob = await join(server, 'bob');
    await equip(server, alice.planetId, { ships: { light_fighter: 1 } });
    const spy = await send(server, alice, {
      ...target(bob.coords),
      mission: 'espionage',
      ships: { light_fighter: 1 },
    });
    await advanceTo(ts, spy.arrival_time);
    const [report] = (await call(server, bob, 'GET', '/espionage-reports')).body.reports;
    assert.ok(report, 'bob was spied on');

    const remove = (password: string) =>
      server.app.inject({
        method: 'DELETE',
        url: '/auth/me',
        headers: alice.auth,
        payload: { password },
      });
    const refused = await remove('wrong-password');
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().code, 'invalid_credentials');

    const deleted = await remove('password123');
    assert.equal(deleted.statusCode, 200, deleted.body);
    assert.deepEqual(deleted.json(), {
      detail: 'Account deleted',
      user_id: alice.id,
      planets_freed: 1,
    });
    assert.equal(await me(server, alice.token), 401);
    assert.equal((await login(server, 'alice')).status, 401);

    // The other side still reads the report; alice's home is a free position again.
    const kept = await call(server, bob, 'GET', `/espionage-reports/${report.id}`);
    assert.equal(kept.status, 200);
    const { galaxy, system, position } = alice.coords;
    const view = await server.app.inject({
      method: 'GET',
      url: `/galaxy/${galaxy}/${system}`,
      headers: bob.auth,
    });
    const slot = view.json().positions.find((p: { position: number }) => p.position === position);
    assert.deepEqual([slot.planet, slot.owner], [null, null]);
    // The name can be registered again, as a new account with a new id.
    const again = await registerPlayer(server, 'alice');
    assert.notEqual(again.id, alice.id);
  });
});

for (const store of STORE_KINDS) {
  test(`sessions, revocations and password changes survive a restart (${store})`, async (t) => {
    const clock = new ManualClock(TEST_EPOCH);
    const first = await startTestServer(t, { store, clock });
    await registerPlayer(first.server, 'alice', 'old-password');
    const live = await loggedIn(first.server, 'alice', 'old-password');
    const spent = live.refresh_token;
    const rotated = (await refresh(first.server, spent)).body as Pair;
    const loggedOut = await loggedIn(first.server, 'alice', 'old-password');
    await first.server.app.inject({
      method: 'POST',
      url: '/auth/logout',
      headers: { authorization: `Bearer ${loggedOut.access_token}` },
    });
    await first.stop();

    clock.advance(60_000);
    const second = await startTestServer(t, {
      store,
      clock,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    const { server } = second;
    assert.equal(await me(server, rotated.access_token), 200, 'the live session is live');
    assert.equal(await me(server, loggedOut.access_token), 401, 'the logout holds');
    assert.equal((await refresh(server, loggedOut.refresh_token)).status, 401);
    const next = (await refresh(server, rotated.refresh_token)).body as Pair;
    assert.ok(next.access_token, 'the current generation refreshes');
    // The generation survived: the spent token is still recognised as a replay.
    assert.equal((await refresh(server, spent)).body.code, 'refresh_reused');
    assert.equal(await me(server, next.access_token), 401);
    // A password change too.
    const again = await loggedIn(server, 'alice', 'old-password');
    const changed = await server.app.inject({
      method: 'POST',
      url: '/auth/password',
      headers: { authorization: `Bearer ${again.access_token}` },
      payload: { current_password: 'old-password', new_password: 'new-password' },
    });
    assert.equal(changed.statusCode, 200);
    await second.stop();
    const third = await startTestServer(t, {
      store,
      clock,
      dataDir: first.dataDir ?? undefined,
      databaseUrl: first.databaseUrl ?? undefined,
    });
    assert.equal((await login(third.server, 'alice', 'old-password')).status, 401);
    await loggedIn(third.server, 'alice', 'new-password');
  });
}
