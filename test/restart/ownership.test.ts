import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('a DATA_DIR that cannot hold the store is named plainly, exit code 2, no stack trace', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'ogame-datadir-'));
  let mountedAt: string | null = null;
  t.after(() => {
    if (mountedAt !== null) spawnSync('umount', [mountedAt]);
    rmSync(dir, { recursive: true, force: true });
  });
  const file = join(dir, 'a-file');
  writeFileSync(file, '');
  const cases: Array<[string, string, RegExp]> = [['a file', file, /is not a folder/]];
  // A read-only file system, where this machine lets us mount one (root).
  const readOnly = join(dir, 'ro');
  mkdirSync(readOnly);
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]);
  if (mounted.status === 0) {
    mountedAt = readOnly;
    cases.push(['a read-only mount', readOnly, /is on a read-only file system/]);
  } else t.diagnostic('no read-only mount here (needs root): that case is skipped');
  for (const [why, dataDir, message] of cases) {
    const server = spawnServer(t, { STORAGE: 'embedded', DATA_DIR: dataDir }, await freePort());
    assert.equal(await server.exited, 2, `${why}: ${server.output()}`);
    assert.match(server.output(), message);
    assert.doesNotMatch(server.output(), /\n\s+at /, `${why}: no stack trace`);
  }
});
