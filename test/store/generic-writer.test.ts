import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'libsql';
import { Kysely, SqliteDialect } from 'kysely';
import { KyselyStore } from '../../src/store/kysely-store.js';
import type { Row } from '../../src/store/tables.js';

const noLock = { acquireOwnership: async () => undefined, releaseOwnership: async () => undefined };

test('the generic Kysely commit path (no engine writer) applies deletes, updates, upserts in order', async (t) => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = new Kysely<any>({
    dialect: new SqliteDialect({ database: new Database(':memory:') as never }),
  });
  const store = new KyselyStore('sqlite', 'test', db, noLock);
  t.after(() => store.close());
  await store.migrate();
  const note = (id: number, user: number): Row => ({
    id,
    user_id: user,
    type: 't',
    payload: '{}',
    priority: 'info',
    created_at: id,
    read_at: null,
  });
  await store.commit({
    upserts: new Map([['notifications', [note(1, 7), note(2, 7), note(3, 8)]]]),
    deletes: new Map(),
  });
  await store.commit({
    upserts: new Map([['notifications', [note(4, 7)]]]),
    deletes: new Map([['notifications', [{ id: 2 }]]]),
    updates: [
      { table: 'notifications', where: { id: 1 }, set: { read_at: 10 } },
      { table: 'notifications', where: { id: 2 }, set: { read_at: 10 } },
      { table: 'notifications', where: { id: 4 }, set: { read_at: 10 } },
      { table: 'notifications', where: { user_id: 8, type: 't' }, set: { read_at: 11 } },
    ],
  });
  const rows = await store.read((q) =>
    q.selectFrom('notifications').select(['id', 'read_at']).orderBy('id').execute(),
  );
  assert.deepEqual(
    rows.map((r) => [Number(r.id), r.read_at === null ? null : Number(r.read_at)]),
    [
      [1, 10],
      [3, 11],
      [4, null],
    ],
  );
});
