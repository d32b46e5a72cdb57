import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import { createSigner } from 'fast-jwt';
import {
  freePort,
  getJson,
  postJson,
  spawnServer,
  storeEnv,
  waitReady,
} from '../helpers/process.js';

for (const kind of STORE_KINDS) {
  describe(`single owner of the ${kind} store`, () => {
    test('a second server on the same store exits with code 3 and says why; the first keeps running', async (t) => {
      const env = await storeEnv(t, kind);
      const first = spawnServer(t, env, await freePort());
      await waitReady(first);
      const second = spawnServer(t, env, await freePort());
      assert.equal(await second.exited, 3, second.output());
      const expected =
        kind === 'embedded'
          ? /Another server \(pid \d+ on .+, since .+\) owns the data directory/
          : /Another server owns the database/;
      assert.match(second.output(), expected);
      assert.equal((await getJson(first.base, '/healthz')).status, 200);
    });
  });
}

test('a bad configuration value stops startup with exit code 2, naming the variable', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const server = spawnServer(t, { ...env, TICK_RATE: 'fast' }, await freePort());
  assert.equal(await server.exited, 2);
  assert.match(server.output(), /TICK_RATE/);
});

test('the production guard refuses a weak JWT secret at startup', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const weak = { ...env, NODE_ENV: 'production', JWT_SECRET: 'dev-secret-change-me' };
  const server = spawnServer(t, weak, await freePort());
  assert.equal(await server.exited, 2);
  assert.match(server.output(), /JWT_SECRET/);
});

test('without JWT_SECRET a secret is made, kept with the data, and tokens survive a restart', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const port = await freePort();
  const first = spawnServer(t, { ...env, NODE_ENV: 'production' }, port);
  await waitReady(first);
  const credentials = { username: 'kept', email: 'kept@example.com', password: 'password123' };
  assert.equal((await postJson(first.base, '/auth/register', credentials)).status, 200);
  const login = await postJson(first.base, '/auth/login', credentials);
  const auth = { authorization: `Bearer ${String(login.body.access_token)}` };
  first.child.kill('SIGTERM');
  await first.exited;
  const second = spawnServer(t, { ...env, NODE_ENV: 'production' }, port);
  await waitReady(second);
  assert.equal((await getJson(second.base, '/auth/me', auth)).status, 200);
  // The published default of earlier versions signs nothing here.
  const forged = createSigner({ key: 'dev-secret-change-me', algorithm: 'HS256' })({
    sub: String(login.body.user_id),
    jti: 'forged',
  });
  const refused = await getJson(second.base, '/auth/me', { authorization: `Bearer ${forged}` });
  assert.equal(refused.status, 401);
});

test('the startup log reports the time to listening', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const server = spawnServer(t, env, await freePort());
  await waitReady(server);
  // /healthz can answer before the log line written right after listen() reaches our pipe.
  const findLine = () =>
    server
      .output()
      .split('\n')
      .find((l) => l.includes('server listening'));
  for (let i = 0; i < 100 && findLine() === undefined; i++)
    await new Promise((r) => setTimeout(r, 20));
  const line = findLine();
  assert.ok(line, server.output());
  const startupMs = Number(JSON.parse(line).startupMs);
  assert.ok(Number.isFinite(startupMs) && startupMs > 0);
});
