import assert from 'node:assert/strict';
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

for (const kind of STORE_KINDS) {
  describe(`graceful stop on the ${kind} store`, () => {
    test('SIGTERM lets in-flight requests finish, exits 0, and keeps their effects', async (t) => {
      const env = await storeEnv(t, kind);
      const port = await freePort();
      const server = spawnServer(t, env, port);
      await waitReady(server);

      const n = 20;
      const pending = Array.from({ length: n }, (_, i) =>
        postJson(server.base, '/auth/register', {
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
