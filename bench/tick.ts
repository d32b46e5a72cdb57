// Tick cost versus world size: `node --import tsx --expose-gc bench/tick.ts [players]`.
// Builds 100 000 players with 100 000 planets, each with a running build, loads them through the
// real start-up path (store -> world), then measures (1) a tick with nothing due and (2) a tick
// with about 1 000 completions due, including their commit. Also reports start-up time and heap
// per planet. Runs on the embedded store and, when DATABASE_URL is set, on PostgreSQL.
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ManualClock } from '../src/runtime/clock.js';
import { createServer } from '../src/server.js';
import { dispatchFleet } from '../src/sim/commands/fleet-dispatch.js';
import {
  BENCH_EPOCH,
  benchConfig,
  buildWorld,
  median,
  percentile,
  round3,
  seedStore,
  type BenchStore,
} from './fixtures.js';
import { createTestDatabase } from '../test/helpers/postgres.js';

export interface TickBenchResult {
  store: BenchStore;
  players: number;
  fleetsInFlight: number;
  startupMs: number;
  heapPerPlanetBytes: number;
  idleTickMedianMs: number;
  idleTickP99Ms: number;
  dueTickCompletions: number;
  dueTickMedianMs: number;
  dueTickP99Ms: number;
  /** The due tick's parts: the simulation (events, scores) and the commit of its changes. */
  dueTickSimMedianMs: number;
  dueTickCommitMedianMs: number;
  /**
   * Of the due tick, the time the main thread was busy (event-loop utilization): what the tick
   * takes from requests and the game loop. The rest is the store's work (SQLite writer thread,
   * PostgreSQL process) while the loop is free.
   */
  dueTickMainThreadMedianMs: number;
  cpus: number;
}

const IDLE_TICKS = 200;
const FLEETS = 10_000;
const DUE_ROUNDS = 30;
const DUE_PER_TICK = 1000;
const HOUR = 3_600_000;

const gc = (globalThis as { gc?: () => void }).gc;

export async function runTickBench(store: BenchStore, players = 100_000): Promise<TickBenchResult> {
  let dropDb: (() => Promise<void>) | null = null;
  const extra: Record<string, string> = {};
  if (store === 'postgres') {
    const db = await createTestDatabase();
    extra.DATABASE_URL = db.url;
    dropDb = db.drop;
  }
  const config = benchConfig(store, extra);
  const fleetOwners: number[] = [];
  {
    const built = await buildWorld(config, players);
    // The first FLEETS players get a light fighter each, dispatched below to a far galaxy.
    for (const planet of [...built.world.planets.values()].slice(0, FLEETS)) {
      planet.ships.light_fighter = 1;
      built.changes.touchUnits(planet.id);
      fleetOwners.push(planet.ownerId);
    }
    await seedStore(config, built);
  }
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const clock = new ManualClock(BENCH_EPOCH);
  const started = performance.now();
  const server = await createServer(config, { clock, logger: false, seed: 1 });
  const startupMs = performance.now() - started;
  gc?.();
  const heapPerPlanetBytes = (process.memoryUsage().heapUsed - heapBefore) / players;
  const { runtime } = server;
  try {
    // 10 000 fleets in flight, arriving long after the measured window (4+ galaxies away).
    const dispatches = fleetOwners.map((userId, i) =>
      runtime.execute(dispatchFleet, {
        userId,
        galaxy: ((runtime.world.planetsOf(userId)[0]!.galaxy + 4) % config.universe.galaxies) + 1,
        system: (i % config.universe.systems) + 1,
        position: (i % config.universe.positions) + 1,
        mission: 'transfer' as const,
        speed: 1,
        ships: { light_fighter: 1 },
        resources: { metal: 0, crystal: 0, deuterium: 0 },
        originPlanetId: null,
      }),
    );
    const settled = await Promise.allSettled(dispatches);
    const fleetsInFlight = settled.filter((r) => r.status === 'fulfilled').length;
    const idle: number[] = [];
    for (let i = 0; i < IDLE_TICKS; i++) {
      clock.advance(1000);
      const t0 = performance.now();
      runtime.tick();
      idle.push(performance.now() - t0);
    }
    const spacing = HOUR / players;
    const due: number[] = [];
    const dueSim: number[] = [];
    const dueCommit: number[] = [];
    const dueMain: number[] = [];
    let completions = 0;
    let cursor = BENCH_EPOCH + HOUR;
    for (let round = 0; round < DUE_ROUNDS; round++) {
      cursor += DUE_PER_TICK * spacing;
      clock.set(Math.floor(cursor) - 1);
      const before = runtime.world.queueItems.size;
      const elu = performance.eventLoopUtilization();
      const t0 = performance.now();
      runtime.tick();
      const t1 = performance.now();
      await runtime.flush();
      const t2 = performance.now();
      due.push(t2 - t0);
      dueSim.push(t1 - t0);
      dueCommit.push(t2 - t1);
      // Active = elapsed minus the time the loop sat idle waiting for I/O (the store's reply).
      dueMain.push(performance.eventLoopUtilization(elu).active);
      completions += before - runtime.world.queueItems.size;
    }
    return {
      store,
      players,
      fleetsInFlight,
      startupMs: Math.round(startupMs),
      heapPerPlanetBytes: Math.round(heapPerPlanetBytes),
      idleTickMedianMs: round3(median(idle)),
      idleTickP99Ms: round3(percentile(idle, 99)),
      dueTickCompletions: Math.round(completions / DUE_ROUNDS),
      dueTickMedianMs: round3(median(due)),
      dueTickP99Ms: round3(percentile(due, 99)),
      dueTickSimMedianMs: round3(median(dueSim)),
      dueTickCommitMedianMs: round3(median(dueCommit)),
      dueTickMainThreadMedianMs: round3(median(dueMain)),
      cpus: cpus().length,
    };
  } finally {
    await server.close();
    await dropDb?.();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const players = Number(process.argv[2] ?? 100_000);
  const stores: BenchStore[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
  for (const store of stores) console.log(JSON.stringify(await runTickBench(store, players)));
}
