// The SDK sends every command with an Idempotency-Key and sends it again when the answer was
// lost (a network failure after the server committed) or the server answered 503: the retry
// gets the first reply and the action happens once.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { createGameClient, ok } from '../../packages/sdk/src/index.js';
import { startTestServer } from '../helpers/server.js';

async function listening(t: TestContext) {
  const ts = await startTestServer(t);
  const address = await ts.server.app.listen({ host: '127.0.0.1', port: 0 });
  return { ts, baseUrl: address.replace('[::1]', '127.0.0.1') };
}

/** A fetch that delivers every request but loses the first answer of the first `lose` commands. */
function losingFetch(lose: number) {
  const sent: Array<{ method: string; key: string | null }> = [];
  const lost = new Set<string | null>();
  const fetch = async (request: Request) => {
    const key = request.headers.get('idempotency-key');
    sent.push({ method: request.method, key });
    const response = await globalThis.fetch(request);
    if (request.method !== 'GET' && lost.size < lose && !lost.has(key)) {
      lost.add(key);
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return response;
  };
  return { fetch, sent };
}

test('a command whose reply was lost is retried with its key and happens once', async (t) => {
  const { baseUrl } = await listening(t);
  const { fetch, sent } = losingFetch(2);
  const client = createGameClient({ baseUrl, fetch });
  // The registration's reply is lost once: the retry must not answer "username taken".
  const user = await ok(
    client.api.POST('/auth/register', {
      body: { username: 'retry', email: 'retry@example.com', password: 'password123' },
    }),
  );
  const userId = await client.login('retry', 'password123');
  assert.equal(userId, user.id);

  const path = { params: { path: { user_id: userId } } };
  const before = await ok(client.api.GET('/player/{user_id}', path));
  const queued = await ok(
    client.api.POST('/player/{user_id}/build', { ...path, body: { building_type: 'metal_mine' } }),
  );
  const after = await ok(client.api.GET('/player/{user_id}', path));
  assert.equal(after.build_queue.length, before.build_queue.length + 1);
  assert.equal(queued.item.type, 'metal_mine');

  const commands = sent.filter((s) => s.method === 'POST');
  // register twice (one reply lost), login twice (one reply lost), build once.
  assert.equal(commands.length, 5);
  assert.ok(commands.every((c) => c.key !== null && c.key.length === 36));
  assert.equal(commands[0]?.key, commands[1]?.key, 'a retry keeps its key');
  assert.notEqual(commands[1]?.key, commands[2]?.key, 'a new action has a new key');
  assert.equal(commands[2]?.key, commands[3]?.key);
});

test('a 503 is retried after its Retry-After; with retries: 0 it is returned at once', async (t) => {
  const { baseUrl } = await listening(t);
  let busy = 1;
  const attempts: string[] = [];
  const fetch = async (request: Request) => {
    attempts.push(request.headers.get('idempotency-key') ?? 'none');
    if (request.method === 'POST' && busy-- > 0)
      return new Response(JSON.stringify({ detail: 'busy', code: 'unavailable' }), {
        status: 503,
        headers: { 'content-type': 'application/json', 'retry-after': '0' },
      });
    return globalThis.fetch(request);
  };
  const client = createGameClient({ baseUrl, fetch });
  const body = { username: 'busy', email: 'busy@example.com', password: 'password123' };
  await ok(client.api.POST('/auth/register', { body }));
  assert.equal(attempts.length, 2);
  assert.equal(attempts[0], attempts[1]);

  busy = 1;
  const once = createGameClient({ baseUrl, fetch, retries: 0 });
  const { response } = await once.api.POST('/auth/login', {
    body: { username: 'busy', password: 'password123' },
  });
  assert.equal(response.status, 503);
});
