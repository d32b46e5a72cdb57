import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import Database from 'libsql';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { TableName } from '../../src/sim/changes.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { StoreOwnedError, type Store } from '../../src/store/store.js';
import { HISTORY_TABLES, TABLES, type Row, type RowBatch } from '../../src/store/tables.js';
import { TEST_DATABASE_URL, TEST_PG_POOL, testDatabaseUrl } from '../helpers/postgres.js';

/** Epoch milliseconds beyond 2^32, so 32-bit truncation or string parsing would show. */
const BIG_MS = Date.UTC(2026, 0, 1, 12, 34, 56, 789);

interface Engine {
  name: string;
  /** Opens a store on a fresh database; `reopen` opens another store on the same database. */
  open(t: TestContext): Promise<{ store: Store; reopen: () => Store; location: string }>;
}

const ENGINES: Engine[] = [
  {
    name: 'sqlite memory',
    open: async () => {
      const store = openSqliteStore({ dataDir: null, synchronous: 'NORMAL' });
      return {
        store,
        reopen: () => openSqliteStore({ dataDir: null, synchronous: 'NORMAL' }),
        location: ':memory:',
      };
    },
  },
  {
    name: 'sqlite file',
    open: async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'ogame-store-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const open = () => openSqliteStore({ dataDir: dir, synchronous: 'FULL' });
      return { store: open(), reopen: open, location: dir };
    },
  },
];
if (TEST_DATABASE_URL) {
  ENGINES.push({
    name: 'postgres',
    open: async (t) => {
      const url = await testDatabaseUrl(t);
      const open = () => openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
      return { store: open(), reopen: open, location: url };
    },
  });
}

/** Opens, locks and migrates a store that is closed when the test ends. */
async function ready(t: TestContext, engine: Engine) {
  const opened = await engine.open(t);
  await opened.store.acquireOwnership();
  await opened.store.migrate();
  t.after(() => opened.store.close());
  return opened;
}

const batchOf = (
  upserts: Record<string, Row[]>,
  deletes: Record<string, Row[]> = {},
): RowBatch => ({
  upserts: new Map(Object.entries(upserts) as Array<[TableName, Row[]]>),
  deletes: new Map(Object.entries(deletes) as Array<[TableName, Row[]]>),
});

const selectAll = (store: Store, table: string): Promise<Row[]> =>
  store.read((db) => db.selectFrom(table).selectAll().execute() as Promise<Row[]>);

const sortRows = (rows: Row[]): Row[] =>
  [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
}

/** The columns of a table as the database itself declares them (so new tables are covered too). */
async function columnsOf(store: Store, table: string): Promise<ColumnInfo[]> {
  if (store.engine === 'sqlite') {
    const rows = await store.read((db) =>
      sql<{
        name: string;
        type: string;
        notnull: number;
        pk: number;
      }>`select * from pragma_table_info(${table})`.execute(db),
    );
    return rows.rows.map((r) => ({
      name: r.name,
      type: r.type.toLowerCase(),
      nullable: r.notnull === 0 && r.pk === 0,
    }));
  }
  const rows = await store.read((db) =>
    sql<{ column_name: string; data_type: string; is_nullable: string }>`
      select column_name, data_type, is_nullable from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(db),
  );
  return rows.rows.map((r) => ({
    name: r.column_name,
    type: r.data_type,
    nullable: r.is_nullable === 'YES',
  }));
}

/** A sample value of a column's type; `variant` makes a second, distinct row. */
function sampleValue(column: ColumnInfo, variant: number): string | number {
  if (column.type.startsWith('bigint') || column.type === 'int8') return BIG_MS + variant * 1000;
  if (column.type.startsWith('int')) return variant === 0 ? -7 : 8;
  if (column.type.startsWith('double') || column.type === 'real' || column.type === 'float8') {
    return variant === 0 ? 1234.5625 : 0.1;
  }
  return variant === 0 ? `text-${column.name}` : `other ${column.name} ✓`;
}

for (const engine of ENGINES) {
  describe(`store contract: ${engine.name}`, () => {
    test('migrate applies every migration once; a second run is a no-op', async (t) => {
      const { store } = await engine.open(t);
      t.after(() => store.close());
      await store.acquireOwnership();
      const first = await store.migrate();
      assert.ok(first.length >= 1);
      assert.equal(first[0], '0001_initial');
      assert.deepEqual(await store.migrate(), []);
      assert.ok(await store.ping());
      const rows = await store.loadAll();
      for (const table of Object.keys(TABLES))
        assert.deepEqual(rows[table as TableName], [], table);
    });

    test('every table of tables.ts round-trips every column, with nulls and bigint ms as numbers', async (t) => {
      const { store } = await ready(t, engine);
      const expected = new Map<string, Row[]>();
      const upserts: Record<string, Row[]> = {};
      for (const [table, def] of Object.entries(TABLES)) {
        const columns = await columnsOf(store, table);
        assert.deepEqual(
          columns.map((c) => c.name).sort(),
          [...def.columns].sort(),
          `tables.ts and the migrations agree on the columns of ${table}`,
        );
        const full: Row = {};
        const sparse: Row = {};
        for (const c of columns) {
          full[c.name] = sampleValue(c, 0);
          sparse[c.name] = c.nullable ? null : sampleValue(c, 1);
        }
        // The first row is "live" for tables that load only some rows; the second is not.
        Object.assign(full, def.loadWhere ?? {});
        upserts[table] = [full, sparse];
        expected.set(table, [full, sparse]);
      }
      await store.commit(batchOf(upserts));

      const loaded = await store.loadAll();
      for (const [table, rows] of expected) {
        const def = TABLES[table as TableName];
        const stored = await selectAll(store, table);
        assert.deepEqual(sortRows(stored), sortRows(rows), `${table} round-trips`);
        // What start-up loads: live rows only, and of a history only its index columns.
        const live = rows.filter((r) =>
          Object.entries(def.loadWhere ?? {}).every(([c, v]) => r[c] === v),
        );
        let wanted = live;
        if (HISTORY_TABLES.has(table as TableName)) {
          const index = def.indexColumns ?? [];
          wanted =
            index.length === 0
              ? []
              : live.map((r) => Object.fromEntries(index.map((c) => [c, r[c] ?? null])));
        }
        assert.deepEqual(sortRows(loaded[table as TableName]), sortRows(wanted), `${table} loads`);
      }
      const user = loaded.users.find((r) => r.created_at === BIG_MS);
      assert.ok(user, 'bigint ms come back as equal numbers');
      assert.equal(typeof user.created_at, 'number');
    });

    test('an upsert replaces the row with the same key; deletes match on every given column', async (t) => {
      const { store } = await ready(t, engine);
      const ships = (fleet: number, amount: number): Row[] => [
        { fleet_id: fleet, ship_type: 'cruiser', amount },
        { fleet_id: fleet, ship_type: 'light_fighter', amount: amount * 10 },
      ];
      await store.commit(
        batchOf({
          fleet_ships: [...ships(1, 1), ...ships(2, 1)],
          meta: [{ key: 'a', value: '1' }],
        }),
      );
      await store.commit(batchOf({ fleet_ships: ships(1, 5), meta: [{ key: 'a', value: '2' }] }));
      let rows = await store.loadAll();
      assert.deepEqual(rows.meta, [{ key: 'a', value: '2' }]);
      assert.deepEqual(sortRows(rows.fleet_ships), sortRows([...ships(1, 5), ...ships(2, 1)]));

      await store.commit(batchOf({}, { fleet_ships: [{ fleet_id: 1 }], meta: [{ key: 'a' }] }));
      rows = await store.loadAll();
      assert.deepEqual(rows.meta, []);
      assert.deepEqual(sortRows(rows.fleet_ships), sortRows(ships(2, 1)));

      // Deletes run before upserts in a batch: "replace the rows of fleet 2" in one transaction.
      await store.commit(
        batchOf({ fleet_ships: [ships(2, 3)[0] as Row] }, { fleet_ships: [{ fleet_id: 2 }] }),
      );
      assert.deepEqual((await store.loadAll()).fleet_ships, [ships(2, 3)[0]]);
    });

    test('a batch is atomic: when one row fails, none of its upserts or deletes is applied', async (t) => {
      const { store } = await ready(t, engine);
      await store.commit(batchOf({ meta: [{ key: 'keep', value: 'yes' }] }));
      const bad = batchOf(
        {
          meta: [{ key: 'new', value: 'no' }],
          // value is NOT NULL: this row makes the transaction fail after the others were sent.
          seeded_coordinates: [{ galaxy: 1, system: 1, position: 1 }],
          revoked_tokens: [{ jti: 'x', user_id: 1, expires_at: null }],
        },
        { meta: [{ key: 'keep' }] },
      );
      await assert.rejects(store.commit(bad));
      const rows = await store.loadAll();
      assert.deepEqual(rows.meta, [{ key: 'keep', value: 'yes' }]);
      assert.deepEqual(rows.seeded_coordinates, []);
      assert.deepEqual(rows.revoked_tokens, []);
      // The store still works after a failed batch.
      await store.commit(batchOf({ meta: [{ key: 'after', value: 'ok' }] }));
      assert.equal((await store.loadAll()).meta.length, 2);
    });

    test('large batches are split below the bound-variable limit and still commit as one', async (t) => {
      const { store } = await ready(t, engine);
      const coords: Row[] = [];
      for (let i = 0; i < 25_000; i++)
        coords.push({ galaxy: 1 + (i % 9), system: 1 + Math.floor(i / 9), position: 1 });
      await store.commit(batchOf({ seeded_coordinates: coords }));
      assert.equal((await store.loadAll()).seeded_coordinates.length, 25_000);
      await store.commit(batchOf({}, { seeded_coordinates: [{ position: 1 }] }));
      assert.equal((await store.loadAll()).seeded_coordinates.length, 0);

      // Many deletes by one column (entities by id) are merged into chunked IN lists.
      const meta: Row[] = Array.from({ length: 35_000 }, (_, i) => ({
        key: `k${i}`,
        value: String(i),
      }));
      await store.commit(batchOf({ meta }));
      const gone = meta.filter((_, i) => i % 7 !== 0).map((r): Row => ({ key: r.key ?? null }));
      await store.commit(batchOf({}, { meta: gone }));
      const left = (await store.loadAll()).meta;
      assert.equal(left.length, 5000);
      assert.ok(left.every((r) => Number(r.value) % 7 === 0));
    });

    test('updates set columns of matching rows, after the deletes and before the upserts', async (t) => {
      const { store } = await ready(t, engine);
      const note = (id: number, user: number): Row => ({
        id,
        user_id: user,
        type: 't',
        payload: '{}',
        priority: 'info',
        created_at: BIG_MS + id,
        read_at: null,
      });
      const many = Array.from({ length: 1500 }, (_, i) => note(100 + i, 9));
      await store.commit(batchOf({ notifications: [note(1, 7), note(2, 7), note(3, 8), ...many] }));
      const batch = batchOf({ notifications: [note(4, 7)] }, { notifications: [{ id: 2 }] });
      batch.updates = [
        { table: 'notifications', where: { id: 1 }, set: { read_at: BIG_MS } },
        // Deleted by this batch first: it stays deleted.
        { table: 'notifications', where: { id: 2 }, set: { read_at: BIG_MS } },
        // Inserted by this batch: not stored yet when updates run (the unit of work patches it).
        { table: 'notifications', where: { id: 4 }, set: { read_at: BIG_MS } },
        { table: 'notifications', where: { user_id: 8, type: 't' }, set: { read_at: BIG_MS + 1 } },
        ...many.map((r) => ({
          table: 'notifications' as TableName,
          where: { id: r.id ?? null },
          set: { read_at: 5 },
        })),
      ];
      await store.commit(batch);
      const rows = (await selectAll(store, 'notifications')).sort(
        (a, b) => Number(a.id) - Number(b.id),
      );
      assert.deepEqual(
        rows.slice(0, 3).map((r) => [r.id, r.read_at]),
        [
          [1, BIG_MS],
          [3, BIG_MS + 1],
          [4, null],
        ],
      );
      assert.equal(rows.length, 3 + many.length);
      assert.ok(rows.slice(3).every((r) => r.read_at === 5));
      // A batch of updates alone is not empty.
      await store.commit({
        upserts: new Map(),
        deletes: new Map(),
        updates: [{ table: 'notifications', where: { id: 4 }, set: { read_at: 6 } }],
      });
      assert.equal((await selectAll(store, 'notifications')).find((r) => r.id === 4)?.read_at, 6);
    });

    test('a range delete removes the rows below its bound, after the deletes and before the upserts', async (t) => {
      const { store } = await ready(t, engine);
      const event = (seq: number): Row => ({
        seq,
        user_id: 7,
        type: 'fleet_arrived',
        message: `{"type":"fleet_arrived","n":${seq}}`,
        created_at: BIG_MS + seq,
      });
      await store.commit(batchOf({ event_log: [1, 2, 3, 4, 5].map(event) }));
      // With an upsert of the same table (PostgreSQL: a transaction, not one statement) and a
      // delete by key: 1-2 go by the range, 4 by key, 6 is new (above the bound anyway).
      const batch = batchOf({ event_log: [event(6)] }, { event_log: [{ seq: 4 }] });
      batch.ranges = [{ table: 'event_log', column: 'seq', below: 3 }];
      await store.commit(batch);
      const seqsOf = async () =>
        (await selectAll(store, 'event_log')).map((r) => Number(r.seq)).sort((a, b) => a - b);
      assert.deepEqual(await seqsOf(), [3, 5, 6]);
      // A batch with only a range delete is not empty.
      await store.commit({
        upserts: new Map(),
        deletes: new Map(),
        ranges: [{ table: 'event_log', column: 'seq', below: 6 }],
      });
      assert.deepEqual(await seqsOf(), [6]);
    });

    test('an empty batch commits nothing and succeeds', async (t) => {
      const { store } = await ready(t, engine);
      await store.commit(batchOf({}));
      assert.deepEqual((await store.loadAll()).meta, []);
    });

    if (engine.name !== 'sqlite memory') {
      test('committed data survives closing and reopening the store', async (t) => {
        const { store, reopen } = await engine.open(t);
        await store.acquireOwnership();
        await store.migrate();
        await store.commit(batchOf({ meta: [{ key: 'durable', value: 'yes' }] }));
        await store.close();
        const again = reopen();
        t.after(() => again.close());
        await again.acquireOwnership();
        assert.deepEqual(await again.migrate(), []);
        assert.deepEqual((await again.loadAll()).meta, [{ key: 'durable', value: 'yes' }]);
      });

      test('a second store on the same database refuses with StoreOwnedError until the owner closes', async (t) => {
        const { store, reopen } = await ready(t, engine);
        const second = reopen();
        t.after(() => second.close());
        await assert.rejects(second.acquireOwnership(), (err: unknown) => {
          assert.ok(err instanceof StoreOwnedError, String(err));
          assert.match(err.message, /owns the (data directory|database)/);
          return true;
        });
        await store.close();
        await second.acquireOwnership();
        await second.migrate();
        assert.deepEqual((await second.loadAll()).meta, []);
        // The new owner holds it now: a third one is refused.
        const third = reopen();
        t.after(() => third.close());
        await assert.rejects(third.acquireOwnership(), StoreOwnedError);
      });
    }
  });
}

describe('store contract: sqlite data-directory lock', () => {
  const tempDir = (t: TestContext) => {
    const dir = mkdtempSync(join(tmpdir(), 'ogame-lock-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  /** Another process holding the lock the way a server does; resolves once it holds it. */
  async function holdingProcess(t: TestContext, dir: string) {
    const script = `
      const Database = require('libsql');
      const db = new Database(${JSON.stringify(join(dir, 'owner.lock'))});
      db.exec('PRAGMA locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE');
      process.stdout.write('held\\n');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => child.kill('SIGKILL'));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    return child;
  }

  test('a second store of this process is refused; after close the folder can be taken', async (t) => {
    const dir = tempDir(t);
    const first = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    await first.acquireOwnership();
    const second = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    await assert.rejects(second.acquireOwnership(), StoreOwnedError);
    await first.close();
    await second.acquireOwnership();
    await second.close();
  });

  test('a lock held by another process is respected, and free the moment it dies (kill -9)', async (t) => {
    const dir = tempDir(t);
    const owner = await holdingProcess(t, dir);
    const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    t.after(() => store.close());
    await assert.rejects(store.acquireOwnership(), /Another server.* owns the data directory/);
    owner.kill('SIGKILL');
    await new Promise((resolve) => owner.once('exit', resolve));
    await store.acquireOwnership();
    await store.migrate();
  });

  test('a standby waits on the lock and takes it when the owner is gone', async (t) => {
    const dir = tempDir(t);
    const owner = await holdingProcess(t, dir);
    let waited = 0;
    const standby = openSqliteStore({
      dataDir: dir,
      synchronous: 'NORMAL',
      onOwned: 'wait',
      onWaiting: () => waited++,
    });
    t.after(() => standby.close());
    const taken = standby.acquireOwnership();
    await new Promise((r) => setTimeout(r, 700));
    assert.ok(waited >= 1);
    owner.kill('SIGKILL');
    await taken;
  });

  test('the pid file of earlier versions: left-overs are removed, a live owner is respected', async (t) => {
    const dir = tempDir(t);
    const legacy = join(dir, 'server.lock');
    const dead = spawnSync(process.execPath, ['-e', '']);
    for (const content of [String(dead.pid), 'not a pid', String(process.pid)]) {
      writeFileSync(legacy, content);
      const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
      await store.acquireOwnership();
      assert.equal(existsSync(legacy), false, `${content} is left over`);
      await store.close();
    }
    // pid 1 (init) is always alive and is not us: an old server may still be running.
    writeFileSync(legacy, '1');
    const store = openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' });
    t.after(() => store.close());
    await assert.rejects(store.acquireOwnership(), StoreOwnedError);
    assert.equal(readFileSync(legacy, 'utf8').trim(), '1', 'the old owner is left alone');
  });
});

describe('store contract: read replicas', () => {
  /** A SQLite database holding one meta row, as a Kysely instance. */
  function sqliteWith(value: string) {
    const raw = new Database(':memory:');
    raw.exec('create table meta (key text primary key, value text not null)');
    raw.prepare('insert into meta values (?, ?)').run('who', value);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return new Kysely<any>({ dialect: new SqliteDialect({ database: raw as never }) });
  }
  const whoIs = (store: Store) =>
    store.read(
      async (db) =>
        (await db.selectFrom('meta').select('value').executeTakeFirstOrThrow()).value as string,
    );
  const noLock = {
    acquireOwnership: async () => undefined,
    releaseOwnership: async () => undefined,
  };

  test('reads go to a healthy replica', async (t) => {
    const store = new KyselyStore('sqlite', 'test', sqliteWith('primary'), {
      ...noLock,
      replicas: [sqliteWith('replica')],
    });
    t.after(() => store.close());
    assert.equal(await whoIs(store), 'replica');
  });

  test('an unreachable replica falls back to the primary, and is skipped afterwards', async (t) => {
    let attempts = 0;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const broken = new Kysely<any>({
      dialect: new SqliteDialect({
        database: async () => {
          attempts++;
          throw new Error('replica unreachable');
        },
      }),
    });
    const store = new KyselyStore('sqlite', 'test', sqliteWith('primary'), {
      ...noLock,
      replicas: [broken],
    });
    t.after(() => store.close());
    assert.equal(await whoIs(store), 'primary');
    assert.equal(await whoIs(store), 'primary');
    assert.equal(attempts, 1, 'a failed replica is not retried on every read');
  });

  if (TEST_DATABASE_URL) {
    test('postgres: an unreachable replica URL falls back to the primary', async (t) => {
      const url = await testDatabaseUrl(t);
      const store = openPostgresStore({
        url,
        replicaUrls: ['postgresql://postgres@127.0.0.1:1/nowhere'],
        pool: TEST_PG_POOL,
      });
      t.after(() => store.close());
      await store.acquireOwnership();
      await store.migrate();
      await store.commit(batchOf({ meta: [{ key: 'who', value: 'primary' }] }));
      assert.equal(await whoIs(store), 'primary');
    });

    test('postgres: when the lock session dies, commits stop until the lock is taken again', async (t) => {
      const url = await testDatabaseUrl(t);
      const store = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
      t.after(() => store.close());
      await store.acquireOwnership();
      await store.migrate();
      await store.commit(batchOf({ meta: [{ key: 'a', value: '1' }] }));
      // Another session ends the lock holder's connection (as a database restart or a network
      // cut would); a standby could now take the lock, so this store must not write.
      await store.read((k) =>
        sql`select pg_terminate_backend(pid) from pg_locks
            where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`.execute(
          k,
        ),
      );
      const deadline = Date.now() + 5000;
      let refused: unknown = null;
      while (!refused && Date.now() < deadline) {
        try {
          await store.commit(batchOf({ meta: [{ key: 'b', value: '2' }] }));
          await new Promise((r) => setTimeout(r, 20));
        } catch (err) {
          refused = err;
        }
      }
      assert.ok(refused instanceof StoreOwnedError, String(refused));
      assert.match(refused.message, /Lost the ownership/);
      await store.acquireOwnership();
      await store.commit(batchOf({ meta: [{ key: 'c', value: '3' }] }));
      assert.ok((await store.loadAll()).meta.some((r) => r.key === 'c'));
    });

    test('postgres: a standby waits for the owner to go, then takes over', async (t) => {
      const url = await testDatabaseUrl(t);
      const owner = openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL });
      await owner.acquireOwnership();
      let waited = 0;
      const standby = openPostgresStore({
        url,
        replicaUrls: [],
        pool: TEST_PG_POOL,
        onOwned: 'wait',
        onWaiting: () => waited++,
      });
      t.after(() => standby.close());
      let acquired = false;
      const taking = standby.acquireOwnership().then(() => (acquired = true));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(acquired, false);
      assert.ok(waited >= 1);
      await owner.close();
      await taking;
      assert.equal(acquired, true);
    });
  }
});
