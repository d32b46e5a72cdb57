import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STORE_KINDS } from '../helpers/postgres.js';
import { freePort, getJson, spawnServer, storeEnv, waitReady } from '../helpers/process.js';

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

test('the production guard refuses the default JWT secret at startup', async (t) => {
  const env = await storeEnv(t, 'embedded');
  const server = spawnServer(t, { ...env, NODE_ENV: 'production' }, await freePort());
  assert.equal(await server.exited, 2);
  assert.match(server.output(), /JWT_SECRET/);
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
