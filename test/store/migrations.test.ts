import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import Database from 'libsql';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { EVENT_LOG_PRUNED_KEY } from '../../src/sim/commands/event-log.js';
import { buildWorld } from '../../src/store/mapping.js';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openPostgresStore } from '../../src/store/postgres.js';
import { openSqliteStore, SQLITE_FILE_NAME } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import { TEST_DATABASE_URL, TEST_PG_POOL, testDatabaseUrl } from '../helpers/postgres.js';

// Kysely without a schema type: the test writes tables of an older schema version.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type RawDb = Kysely<any>;

interface Engine {
  name: string;
  /** A raw Kysely handle on a fresh database, and the server's store on the same database. */
  open(t: TestContext): Promise<{ raw: RawDb; store: () => Store }>;
}

const ENGINES: Engine[] = [
  {
    name: 'sqlite',
    open: async (t) => {
      const dir = mkdtempSync(join(tmpdir(), 'ogame-migrate-'));
      t.after(() => rmSync(dir, { recursive: true, force: true }));
      const raw = new Kysely<Record<string, never>>({
        dialect: new SqliteDialect({
          database: new Database(join(dir, SQLITE_FILE_NAME)) as never,
        }),
      });
      return { raw, store: () => openSqliteStore({ dataDir: dir, synchronous: 'NORMAL' }) };
    },
  },
];
if (TEST_DATABASE_URL) {
  ENGINES.push({
    name: 'postgres',
    open: async (t) => {
      const url = await testDatabaseUrl(t);
      const raw = new Kysely<Record<string, never>>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      });
      return {
        raw,
        store: () => openPostgresStore({ url, replicaUrls: [], pool: TEST_PG_POOL }),
      };
    },
  });
}

const UNIT_ROWS = [
  { planet_id: 7, unit_type: 'metal_mine', category: 'building', amount: 12 },
  { planet_id: 7, unit_type: 'solar_plant', category: 'building', amount: 9 },
  { planet_id: 7, unit_type: 'light_fighter', category: 'ship', amount: 4_000_000_000 },
  { planet_id: 7, unit_type: 'rocket_launcher', category: 'defense', amount: 30 },
  { planet_id: 8, unit_type: 'metal_mine', category: 'building', amount: 1 },
];

for (const engine of ENGINES) {
  describe(`migrations: ${engine.name}`, () => {
    test('0006 moves every unit row into its planet and back again on the way down', async (t) => {
      const { raw, store } = await engine.open(t);
      const migrator = new Migrator({ db: raw, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('0005_market')).error, undefined);
      const planet = (id: number, galaxy: number) => ({
        id,
        owner_id: 3,
        name: `P${id}`,
        galaxy,
        system: 1,
        position: 1,
        size: 163,
        temperature: 20,
        metal: 500,
        crystal: 400,
        deuterium: 0,
        last_update: 0,
        created_at: 0,
      });
      await raw
        .insertInto('planets')
        .values([planet(7, 1), planet(8, 2), planet(9, 3)])
        .execute();
      await raw.insertInto('planet_units').values(UNIT_ROWS).execute();

      // The server upgrades the database at start-up and sees the same units.
      const upgraded = store();
      await upgraded.acquireOwnership();
      assert.deepEqual((await upgraded.migrate()).slice(0, 1), ['0006_planet_units_in_row']);
      const world = buildWorld(await upgraded.loadAll());
      await upgraded.close();
      assert.deepEqual(world.planets.get(7)?.buildings, { metal_mine: 12, solar_plant: 9 });
      assert.deepEqual(world.planets.get(7)?.ships, { light_fighter: 4_000_000_000 });
      assert.deepEqual(world.planets.get(7)?.defenses, { rocket_launcher: 30 });
      assert.deepEqual(world.planets.get(8)?.buildings, { metal_mine: 1 });
      assert.deepEqual(world.planets.get(9)?.buildings, {}, 'a planet without units');

      assert.equal((await migrator.migrateTo('0005_market')).error, undefined);
      const back = await raw
        .selectFrom('planet_units')
        .selectAll()
        .orderBy('planet_id')
        .orderBy('unit_type')
        .execute();
      assert.deepEqual(
        back.map((r) => ({ ...r, planet_id: Number(r.planet_id), amount: Number(r.amount) })),
        [...UNIT_ROWS].sort(
          (a, b) => a.planet_id - b.planet_id || a.unit_type.localeCompare(b.unit_type),
        ),
      );
      await raw.destroy();
    });

    test('0007 adds sessions and password_changed_at, keeps users, and goes down again', async (t) => {
      const { raw, store } = await engine.open(t);
      const migrator = new Migrator({ db: raw, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('0006_planet_units_in_row')).error, undefined);
      const user = {
        id: 3,
        username: 'alice',
        email: 'alice@example.com',
        password_hash: 'h',
        created_at: 1,
        last_login: null,
        last_active: 2,
        is_active: 1,
        active_planet_id: null,
      };
      await raw.insertInto('users').values(user).execute();

      const upgraded = store();
      await upgraded.acquireOwnership();
      assert.deepEqual((await upgraded.migrate()).slice(0, 1), ['0007_sessions']);
      const session = {
        id: 'sid-1',
        user_id: 3,
        created_at: 10,
        last_used_at: 11,
        expires_at: 12,
        generation: 2,
        revoked_at: null,
      };
      await upgraded.commit({
        upserts: new Map([
          ['users', [{ ...user, password_changed_at: 9 }]],
          ['sessions', [session]],
        ]),
        deletes: new Map(),
      });
      const world = buildWorld(await upgraded.loadAll());
      await upgraded.close();
      assert.equal(world.users.get(3)?.username, 'alice');
      assert.equal(world.sessions.passwordChangedAt(3), 9);
      assert.deepEqual(world.sessions.get('sid-1'), {
        id: 'sid-1',
        userId: 3,
        createdAt: 10,
        lastUsedAt: 11,
        expiresAt: 12,
        generation: 2,
        revokedAt: null,
      });

      assert.equal((await migrator.migrateTo('0006_planet_units_in_row')).error, undefined);
      const users = await raw.selectFrom('users').selectAll().execute();
      assert.deepEqual(
        users.map((u) => Object.keys(u).sort()),
        [Object.keys(user).sort()],
        'password_changed_at is dropped, the user kept',
      );
      await assert.rejects(raw.selectFrom('sessions').selectAll().execute(), 'sessions dropped');
      await raw.destroy();
    });

    test('0008 adds the event log, counts the events before it as pruned, and goes down again', async (t) => {
      const { raw, store } = await engine.open(t);
      const migrator = new Migrator({ db: raw, provider: migrationProvider });
      assert.equal((await migrator.migrateTo('0007_sessions')).error, undefined);
      await raw.insertInto('meta').values({ key: 'event_seq', value: '41' }).execute();

      const upgraded = store();
      await upgraded.acquireOwnership();
      assert.deepEqual(await upgraded.migrate(), [
        '0008_event_log',
        '0009_idempotency_keys',
        '0010_owner_epoch',
      ]);
      const row = { seq: 42, user_id: 3, type: 'fleet_arrived', message: '{}', created_at: 5 };
      await upgraded.commit({ upserts: new Map([['event_log', [row]]]), deletes: new Map() });
      const stored = await upgraded.readPrimary((db) =>
        db.selectFrom('event_log').selectAll().execute(),
      );
      const world = buildWorld(await upgraded.loadAll());
      await upgraded.close();
      assert.deepEqual(
        stored.map((r) => ({
          ...r,
          seq: Number(r.seq),
          user_id: Number(r.user_id),
          created_at: Number(r.created_at),
        })),
        [row],
      );
      // Events numbered before the log existed were never logged: a resume from them is truncated.
      assert.equal(world.meta.get(EVENT_LOG_PRUNED_KEY), '41');

      assert.equal((await migrator.migrateTo('0007_sessions')).error, undefined);
      await assert.rejects(raw.selectFrom('event_log').selectAll().execute(), 'event_log dropped');
      const meta = await raw.selectFrom('meta').selectAll().execute();
      assert.deepEqual(meta, [{ key: 'event_seq', value: '41' }]);
      await raw.destroy();
    });
  });
}
