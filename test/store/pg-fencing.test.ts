// Fencing on PostgreSQL (issue 14): ownership is an advisory lock on one session, and a lock
// session can die without its holder noticing (a proxy drops the connection). A standby then
// takes the lock and raises the owner epoch; every commit checks the epoch in its own
// transaction, so the deposed owner's next commit fails instead of acknowledging a write the
// new owner never sees. And `idle_session_timeout` no longer ends the owner's sessions.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { TableName } from '../../src/sim/changes.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { StoreOwnedError } from '../../src/store/store.js';
import type { Row, RowBatch } from '../../src/store/tables.js';
import { TEST_DATABASE_URL, TEST_PG_POOL, testDatabaseUrl } from '../helpers/postgres.js';
import { silentProxy } from '../helpers/tcp-proxy.js';

const batchOf = (
  upserts: Record<string, Row[]>,
  deletes: Record<string, Row[]> = {},
): RowBatch => ({
  upserts: new Map(Object.entries(upserts) as Array<[TableName, Row[]]>),
  deletes: new Map(Object.entries(deletes) as Array<[TableName, Row[]]>),
});

const metaKeys = async (url: string) => {
  const reader = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
  try {
    return (await reader.loadAll()).meta.map((r) => String(r.key)).sort();
  } finally {
    await reader.close();
  }
};

describe('PostgreSQL fencing', { skip: !TEST_DATABASE_URL && 'needs DATABASE_URL' }, () => {
  test('a silently dropped lock session: the standby takes over, the deposed owner cannot commit', async (t) => {
    const url = await testDatabaseUrl(t);
    const direct = new URL(url);
    const proxy = await silentProxy(t, direct);
    const proxied = new URL(url);
    proxied.host = `127.0.0.1:${proxy.port}`;

    const old = openPostgresStore({ url: proxied.toString(), replicaUrls: [], pool: TEST_PG_POOL });
    t.after(() => old.close());
    await old.acquireOwnership(); // the first connection through the proxy: the lock session
    await old.migrate();
    await old.commit(batchOf({ meta: [{ key: 'before', value: '1' }] }));

    proxy.silence(0);
    const standby = openPostgresStore({
      url,
      replicaUrls: [],
      pool: TEST_PG_POOL,
      onOwned: 'wait',
    });
    t.after(() => standby.close());
    await standby.acquireOwnership();
    await standby.commit(batchOf({ meta: [{ key: 'by_new_owner', value: '1' }] }));

    // The old owner has not noticed yet; its commits, of both shapes, are refused by the fence.
    const oneStatement = batchOf({ meta: [{ key: 'lost_1', value: '1' }] });
    const transaction = batchOf(
      { meta: [{ key: 'lost_2', value: '1' }] },
      { meta: [{ key: 'before' }] },
    );
    for (const batch of [oneStatement, transaction]) {
      await assert.rejects(old.commit(batch), (err: unknown) => {
        assert.ok(err instanceof StoreOwnedError, String(err));
        assert.match(err.message, /Another server owns the database now/);
        return true;
      });
    }
    assert.deepEqual(await metaKeys(url), ['before', 'by_new_owner']);
  });

  test('idle_session_timeout ends neither the lock session nor the pool: a quiet owner still commits', async (t) => {
    const url = await testDatabaseUrl(t);
    const name = new URL(url).pathname.slice(1);
    const admin = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
    await admin.readPrimary(async (db) => {
      const { sql } = await import('kysely');
      await sql.raw(`ALTER DATABASE "${name}" SET idle_session_timeout = '500ms'`).execute(db);
    });
    await admin.close();

    const owner = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
    t.after(() => owner.close());
    await owner.acquireOwnership();
    await owner.migrate();
    await owner.commit(batchOf({ meta: [{ key: 'first', value: '1' }] }));
    await new Promise((r) => setTimeout(r, 1500));
    await owner.commit(batchOf({ meta: [{ key: 'after_quiet', value: '1' }] }));
    const rival = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
    t.after(() => rival.close());
    await assert.rejects(rival.acquireOwnership(), StoreOwnedError);
  });
});
