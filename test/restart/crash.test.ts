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
  describe(`kill -9 on the ${kind} store`, () => {
    test('every acknowledged registration survives; a logged-out token stays revoked', async (t) => {
      const env = await storeEnv(t, kind);
      const port = await freePort();
      const first = spawnServer(t, env, port);
      await waitReady(first);

      // One user logs in twice and logs one token out before the crash.
      assert.equal(
        (
          await postJson(first.base, '/auth/register', {
            username: 'keeper',
            email: 'keeper@example.com',
            password: PASSWORD,
          })
        ).status,
        200,
      );
      const login = async (base: string, username: string) =>
        postJson(base, '/auth/login', { username, password: PASSWORD });
      const revoked = String((await login(first.base, 'keeper')).body.access_token);
      const kept = String((await login(first.base, 'keeper')).body.access_token);
      const out = await postJson(
        first.base,
        '/auth/logout',
        {},
        { authorization: `Bearer ${revoked}` },
      );
      assert.equal(out.status, 200);

      const n = 40;
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          postJson(first.base, '/auth/register', {
            username: `crash${i}`,
            email: `crash${i}@example.com`,
            password: PASSWORD,
          }),
        ),
      );
      // Killed the moment the last answer arrived: no graceful flush can help.
      first.child.kill('SIGKILL');
      assert.equal(await first.exited, 'SIGKILL');
      const acknowledged = results.flatMap((r, i) => (r.status === 200 ? [`crash${i}`] : []));
      assert.equal(acknowledged.length, n, 'every registration was acknowledged');

      const second = spawnServer(t, env, port);
      await waitReady(second);
      const logins = await Promise.all(acknowledged.map((u) => login(second.base, u)));
      logins.forEach((r, i) =>
        assert.equal(r.status, 200, `${acknowledged[i]} can log in after the crash`),
      );

      const meRevoked = await getJson(second.base, '/auth/me', {
        authorization: `Bearer ${revoked}`,
      });
      assert.equal(meRevoked.status, 401);
      assert.deepEqual(meRevoked.body, { detail: 'Invalid token', code: 'invalid_token' });
      const meKept = await getJson(second.base, '/auth/me', { authorization: `Bearer ${kept}` });
      assert.equal(meKept.status, 200, 'tokens issued before the crash stay valid');
      assert.equal(meKept.body.username, 'keeper');

      // Ids continue after the stored ones: a new user gets a fresh id.
      const late = await postJson(second.base, '/auth/register', {
        username: 'late',
        email: 'late@example.com',
        password: PASSWORD,
      });
      assert.equal(late.status, 200);
      assert.equal(late.body.id, n + 2);
    });
  });
}
