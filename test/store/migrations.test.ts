import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import Database from 'libsql';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
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
      assert.deepEqual(await upgraded.migrate(), ['0006_planet_units_in_row']);
      const world = buildWorld(await upgraded.loadAll());
      await upgraded.close();
      assert.deepEqual(world.planets.get(7)?.buildings, { metal_mine: 12, solar_plant: 9 });
      assert.deepEqual(world.planets.get(7)?.ships, { light_fighter: 4_000_000_000 });
      assert.deepEqual(world.planets.get(7)?.defenses, { rocket_launcher: 30 });
      assert.deepEqual(world.planets.get(8)?.buildings, { metal_mine: 1 });
      assert.deepEqual(world.planets.get(9)?.buildings, {}, 'a planet without units');

      assert.equal((await migrator.migrateDown()).error, undefined);
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
  });
}
