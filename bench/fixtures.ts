// Builds large worlds for benchmarks directly (no HTTP, no per-player commits), writes them to a
// store in big batches, and prepares login tokens. Shared by the tick, startup and HTTP benches.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../src/api/auth/passwords.js';
import { loadConfig, type Config } from '../src/config/index.js';
import { createRuleset } from '../src/rules/index.js';
import { simSettings } from '../src/server.js';
import { ChangeSet } from '../src/sim/changes.js';
import type { SimContext } from '../src/sim/context.js';
import { newQueueItem } from '../src/sim/economy/queues.js';
import { createRng } from '../src/sim/random.js';
import { Scheduler } from '../src/sim/scheduler.js';
import type { User } from '../src/sim/types.js';
import { createPlanet } from '../src/sim/universe.js';
import { World } from '../src/sim/world.js';
import { openStore } from '../src/store/index.js';
import { toRowBatch } from '../src/store/mapping.js';
import type { Store } from '../src/store/store.js';
import type { RowBatch } from '../src/store/tables.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

export const BENCH_EPOCH = Date.UTC(2026, 0, 1);
export const BENCH_PASSWORD = 'bench-password';

export type BenchStore = 'embedded' | 'postgres';

/** The environment of a benchmark server (also handed to child processes). */
export function benchEnv(
  store: BenchStore,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {
    LOG_LEVEL: 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_PER_MINUTE: '0',
    AUTH_RATE_LIMIT_PER_MINUTE: '0',
    // The bench signs its players' tokens itself, so it names the secret.
    JWT_SECRET: 'bench-secret-signing-the-tokens-of-seeded-players',
    BUILD_QUEUE_LIMIT: '1000',
    // 100 000 players need more than the default 9 x 499 x 15 = 67 365 slots.
    GALAXY_COUNT: '20',
    ...extra,
  };
  if (store === 'embedded') {
    env.STORAGE = 'embedded';
    env.DATA_DIR = extra.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ogame-bench-'));
  } else {
    env.STORAGE = 'postgres';
    env.DATABASE_URL = extra.DATABASE_URL ?? benchDatabaseUrl();
  }
  return env;
}

export function benchConfig(store: BenchStore, extra: Record<string, string> = {}): Config {
  return loadConfig(benchEnv(store, extra));
}

export function benchDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  return url.replace(/^postgresql\+[a-z0-9]+:\/\//i, 'postgresql://');
}

export interface BuiltWorld {
  world: World;
  changes: ChangeSet;
  users: User[];
}

/**
 * `players` users with one planet each, every planet with a running build (due between one and
 * two hours after BENCH_EPOCH, spread evenly), optionally with huge resources.
 */
export async function buildWorld(
  config: Config,
  players: number,
  options: { rich?: boolean } = {},
): Promise<BuiltWorld> {
  const world = new World();
  const changes = new ChangeSet();
  const rules = createRuleset(config.ruleset, {});
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const settings = simSettings(config);
  const ctx = (now: number): SimContext => ({
    world,
    rules,
    settings,
    now,
    rng: createRng(7),
    changes,
    scheduler: new Scheduler(),
    emit: () => undefined,
    listening: () => false,
  });
  const users: User[] = [];
  const u = config.universe;
  for (let i = 0; i < players; i++) {
    const user: User = {
      id: world.nextId('user'),
      username: `bench${i}`,
      email: `bench${i}@example.com`,
      passwordHash,
      createdAt: BENCH_EPOCH,
      lastLogin: null,
      lastActive: BENCH_EPOCH,
      isActive: true,
      activePlanetId: null,
      research: {},
    };
    world.addUser(user);
    changes.touch('users', user.id);
    changes.touch('research', user.id);
    const slot = i;
    const c = {
      galaxy: (Math.floor(slot / (u.systems * u.positions)) % u.galaxies) + 1,
      system: (Math.floor(slot / u.positions) % u.systems) + 1,
      position: (slot % u.positions) + 1,
    };
    const planet = createPlanet(ctx(BENCH_EPOCH), user, c, 'Homeworld');
    if (options.rich) {
      planet.resources = { metal: 1e15, crystal: 1e15, deuterium: 1e15 };
      planet.buildings.robot_factory = 2;
    }
    // One running build per planet, due spread over an hour starting one hour from the epoch.
    const due = BENCH_EPOCH + 3_600_000 + Math.floor((i * 3_600_000) / players);
    newQueueItem(ctx(BENCH_EPOCH), {
      queue: 'building',
      ownerId: user.id,
      planetId: planet.id,
      type: 'metal_mine',
      action: 'build',
      level: 2,
      count: 1,
      cost: { metal: 90, crystal: 22, deuterium: 0 },
      startTime: BENCH_EPOCH,
      unitMs: due - BENCH_EPOCH,
      completionTime: due,
    });
    users.push(user);
  }
  return { world, changes, users };
}

/** Writes a batch in chunks so no single transaction gets huge. */
export async function writeInChunks(
  store: Store,
  batch: RowBatch,
  chunkRows = 20_000,
): Promise<void> {
  for (const [table, rows] of batch.upserts) {
    for (let i = 0; i < rows.length; i += chunkRows) {
      await store.commit({
        upserts: new Map([[table, rows.slice(i, i + chunkRows)]]),
        deletes: new Map(),
      });
    }
  }
}

/** Creates the schema in the configured store and fills it with a benchmark world. */
export async function seedStore(config: Config, built: BuiltWorld): Promise<void> {
  const store = openStore(config);
  await store.acquireOwnership();
  try {
    await store.migrate();
    await writeInChunks(store, toRowBatch(built.changes, built.world));
  } finally {
    await store.close();
  }
}

/** A store of its own (a fresh PostgreSQL database, dropped by `drop`) seeded with N players. */
export async function seededStore(
  store: BenchStore,
  players: number,
): Promise<{
  env: Record<string, string>;
  config: Config;
  built: BuiltWorld;
  drop(): Promise<void>;
}> {
  const extra: Record<string, string> = {};
  let drop: () => Promise<void> = async () => undefined;
  if (store === 'postgres') {
    const db = await createTestDatabase();
    extra.DATABASE_URL = db.url;
    drop = db.drop;
  }
  const env = benchEnv(store, extra);
  const config = loadConfig(env);
  const built = await buildWorld(config, players, { rich: true });
  await seedStore(config, built);
  return { env, config, built, drop };
}

/** Milliseconds to three decimals (microseconds), as the tables print them. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

export function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? 0;
}
