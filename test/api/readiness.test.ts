// Honest health (issue 14): /healthz/live answers while the process does; /healthz/ready is 503
// naming the check that fails (the store, failing commits, the data folder, the game loop), so
// an orchestrator takes the server out of rotation instead of sending players to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { dataDirReason } from '../../src/store/store.js';
import { freePort, getJson, spawnServer, storeEnv, waitReady } from '../helpers/process.js';
import { TEST_DATABASE_URL } from '../helpers/postgres.js';
import { startTestServer } from '../helpers/server.js';

test('a running server is live and ready, every check ok (real process, embedded store)', async (t) => {
  const server = spawnServer(t, await storeEnv(t, 'embedded'), await freePort());
  await waitReady(server);
  assert.deepEqual((await getJson(server.base, '/healthz/live')).body, { status: 'ok' });
  const ready = await getJson(server.base, '/healthz/ready');
  assert.equal(ready.status, 200, JSON.stringify(ready.body));
  assert.deepEqual(ready.body, {
    status: 'ready',
    checks: {
      store: { status: 'ok', detail: null },
      commits: { status: 'ok', detail: null },
      disk: { status: 'ok', detail: null },
      loop: { status: 'ok', detail: null },
    },
  });
});

test('not ready while the loop is stopped or commits fail: 503 naming each failed check', async (t) => {
  const { server } = await startTestServer(t, { store: 'embedded' });
  // The test server's loop never started (tests tick by hand).
  const stopped = await server.app.inject({ method: 'GET', url: '/healthz/ready' });
  assert.equal(stopped.statusCode, 503);
  assert.equal(stopped.json().code, 'unavailable');
  assert.deepEqual(stopped.json().checks.loop, {
    status: 'fail',
    detail: 'the game loop is not running',
  });
  assert.equal(stopped.json().checks.disk.status, 'ok');

  server.runtime.startLoop(20);
  t.after(() => server.runtime.stopLoop());
  server.runtime.state = 'failed';
  server.runtime.failure = 'SQLITE_FULL: database or disk is full';
  const failing = await server.app.inject({ method: 'GET', url: '/healthz/ready' });
  server.runtime.state = 'running';
  assert.equal(failing.statusCode, 503);
  assert.equal(failing.json().checks.loop.status, 'ok');
  assert.equal(
    failing.json().checks.commits.detail,
    'commits are failing (fail-stop): the disk of the database is full',
  );
  assert.doesNotMatch(failing.body, /SQLITE/, 'the store error text stays in the log');
  assert.match(failing.json().detail, /^Not ready: commits: /);
  // /healthz keeps the Python server's shape and answers all along.
  assert.equal((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode, 200);
});

test('a data folder that cannot be written is named plainly', () => {
  const error = (code: string) => Object.assign(new Error(code), { code });
  assert.equal(dataDirReason(error('ENOSPC')), 'is on a full disk');
  assert.equal(dataDirReason(error('EROFS')), 'is on a read-only file system');
});

test(
  'a PostgreSQL owner whose lock session ended is not ready, naming it',
  { skip: !TEST_DATABASE_URL && 'needs DATABASE_URL' },
  async (t) => {
    const { server } = await startTestServer(t, { store: 'postgres' });
    const check = async () =>
      (await server.app.inject({ method: 'GET', url: '/healthz/ready' })).json().checks.store;
    assert.deepEqual(await check(), { status: 'ok', detail: null });
    // Another session ends the lock holder's connection (a database restart or a network cut).
    await server.store.readPrimary((db) =>
      sql`select pg_terminate_backend(pid) from pg_locks
        where locktype = 'advisory'
          and database = (select oid from pg_database where datname = current_database())`.execute(
        db,
      ),
    );
    for (let i = 0; i < 100 && server.store.owned; i++) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(await check(), {
      status: 'fail',
      detail: 'this server lost the ownership of the database (its lock session ended)',
    });
  },
);
