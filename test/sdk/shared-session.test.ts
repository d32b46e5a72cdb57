// One player, two browser tabs, one session (issue 12): when the access token expires in both
// at once, only one refresh token may be spent. With `readSession` and `exclusive` the SDK
// clients share the session the way the web client's tabs do (localStorage and a Web Lock);
// without them the second tab spends the already rotated token and the server, taking that for
// theft, ends the whole session.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createGameClient, ok, type Session } from '../../packages/sdk/src/index.js';
import { startTestServer } from '../helpers/server.js';

const MINUTE = 60_000;

async function listening(t: TestContext) {
  const ts = await startTestServer(t, { env: { ACCESS_TOKEN_EXPIRE_MINUTES: '5' } });
  const address = await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  const baseUrl = address.replace('[::1]', '127.0.0.1');
  const first = createGameClient({ baseUrl });
  await ok(
    first.api.POST('/auth/register', {
      body: { username: 'tabs', email: 'tabs@example.com', password: 'password123' },
    }),
  );
  const userId = await first.login('tabs', 'password123');
  return { ts, baseUrl, userId, session: first.session as Session };
}

/** A lock like navigator.locks.request: one holder at a time, in order. */
function mutex() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
}

test('two tabs whose tokens expire together spend one refresh token and both stay logged in', async (t) => {
  const { ts, baseUrl, userId, session } = await listening(t);
  let stored: Session | null = session;
  const exclusive = mutex();
  const tab = () =>
    createGameClient({
      baseUrl,
      session: stored,
      readSession: () => stored,
      onSession: (next) => (stored = next),
      exclusive,
    });
  const [one, two] = [tab(), tab()];
  ts.clock.advance(6 * MINUTE);

  const read = (client: ReturnType<typeof tab>) =>
    ok(client.api.GET('/player/{user_id}', { params: { path: { user_id: userId } } }));
  const [a, b] = await Promise.all([read(one), read(two)]);
  assert.equal(a.player.user_id, userId);
  assert.equal(b.player.user_id, userId);
  assert.notEqual(stored?.refreshToken, session.refreshToken, 'rotated once');
  assert.equal(one.session?.accessToken, two.session?.accessToken, 'both tabs hold the new pair');
  // The session is intact: still usable after the next expiry too.
  ts.clock.advance(6 * MINUTE);
  assert.equal((await read(two)).player.user_id, userId);
  assert.ok(stored, 'never logged out');
});

test('without sharing, the second tab replays the spent refresh token and the session ends', async (t) => {
  const { ts, baseUrl, userId, session } = await listening(t);
  const one = createGameClient({ baseUrl, session });
  const two = createGameClient({ baseUrl, session });
  ts.clock.advance(6 * MINUTE);
  const read = (client: typeof one) =>
    client.api.GET('/player/{user_id}', { params: { path: { user_id: userId } } });
  assert.equal((await read(one)).response.status, 200);
  assert.equal((await read(two)).response.status, 401, 'the reused token is refused');
  assert.equal((await read(one)).response.status, 401, 'and the whole family is revoked');
});
