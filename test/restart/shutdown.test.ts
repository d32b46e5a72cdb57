import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { describe, test } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import {
  freePort,
  getJson,
  postJson,
  spawnServer,
  storeEnv,
  waitReady,
} from '../helpers/process.js';

const PASSWORD = 'password123';

/** A JSON request through `agent` (so it can travel on a connection opened beforehand). */
function send(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) {
      req.setHeader('content-type', 'application/json');
      req.end(JSON.stringify(body));
    } else req.end();
  });
}

for (const kind of STORE_KINDS) {
  describe(`graceful stop on the ${kind} store`, () => {
    test('SIGTERM lets in-flight requests finish, exits 0, and keeps their effects', async (t) => {
      const env = await storeEnv(t, kind);
      const port = await freePort();
      const server = spawnServer(t, env, port);
      await waitReady(server);

      const n = 20;
      // Connections opened (and answered) first: on a busy machine a connection still waiting
      // in the kernel's accept queue when the listener closes is reset, which says nothing
      // about the requests the server had.
      const agent = new Agent({ keepAlive: true, maxSockets: n });
      t.after(() => agent.destroy());
      await Promise.all(
        Array.from({ length: n }, () => send(agent, server.base, 'GET', '/healthz')),
      );
      const pending = Array.from({ length: n }, (_, i) =>
        send(agent, server.base, 'POST', '/auth/register', {
          username: `term${i}`,
          email: `term${i}@example.com`,
          password: PASSWORD,
        }),
      );
      // Every request is on the wire once the first answer is back (password hashing keeps the
      // others busy); the signal arrives while they are in flight.
      await Promise.race(pending);
      server.child.kill('SIGTERM');
      const results = await Promise.all(pending);
      // A request the server had not started on when the signal came is refused with a clear
      // 503; every request it had accepted completes. Most complete (hashing holds them).
      for (const r of results) {
        assert.ok(r.status === 200 || r.status === 503, `status ${r.status}`);
        if (r.status === 503) assert.equal(typeof r.body.detail, 'string');
      }
      const acknowledged = results.flatMap((r, i) => (r.status === 200 ? [i] : []));
      assert.ok(acknowledged.length >= n / 2, `only ${acknowledged.length} of ${n} completed`);
      assert.equal(await server.exited, 0, server.output());
      assert.match(server.output(), /stopped cleanly/);
      await assert.rejects(fetch(`${server.base}/healthz`), 'nothing listens after the stop');

      const again = spawnServer(t, env, port);
      await waitReady(again);
      for (const i of acknowledged) {
        const login = await postJson(again.base, '/auth/login', {
          username: `term${i}`,
          password: PASSWORD,
        });
        assert.equal(login.status, 200, `term${i}`);
      }
      const health = await getJson(again.base, '/healthz');
      assert.equal(health.body.status, 'ok');
    });
  });
}

test('SIGINT stops the server cleanly too', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const server = spawnServer(t, env, await freePort());
  await waitReady(server);
  server.child.kill('SIGINT');
  assert.equal(await server.exited, 0, server.output());
});
