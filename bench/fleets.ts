// Fleets in flight versus tick cost: `node --import tsx --expose-gc bench/fleets.ts [fleets]`.
// Builds one player per fleet (10 000 by default) through the real start-up path, dispatches one
// transport per player to a planet far away (through the dispatch command, with group commit),
// then measures (1) a tick with every fleet in flight and nothing due, (2) ticks with about 1 000
// arrivals due each (arrival + turn home + commit), (3) the dispatch throughput and the heap per
// fleet. Runs on the embedded store and, when DATABASE_URL is set, on PostgreSQL.
import { cpus } from 'node:os';
import { pathToFileURL } from 'node:url';
import { ManualClock } from '../src/runtime/clock.js';
import { createServer } from '../src/server.js';
import { dispatchFleet } from '../src/sim/commands/fleet-dispatch.js';
import { FleetRegistry } from '../src/sim/fleet/registry.js';
import type { Fleet } from '../src/sim/types.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
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

export interface FleetBenchResult {
  store: BenchStore;
  fleets: number;
  dispatchPerSecond: number;
  heapPerFleetBytes: number;
  idleTickMedianMs: number;
  idleTickP99Ms: number;
  dueTickArrivals: number;
  dueTickMedianMs: number;
  dueTickP99Ms: number;
  cpus: number;
}

const IDLE_TICKS = 200;
const DUE_ROUNDS = 5;
const DUE_PER_TICK = 1000;
const DISPATCH_CHUNK = 1000;
/** A large prime: player i sends to player i × STRIDE mod n, so distances (and arrivals) spread. */
const STRIDE = 7919;

const gc = (globalThis as { gc?: () => void }).gc;
/** Several full collections: garbage of the start-up must not count against the fleets. */
const fullGc = () => {
  for (let i = 0; i < 3; i++) gc?.();
};

export async function runFleetBench(store: BenchStore, fleets = 10_000): Promise<FleetBenchResult> {
  let dropDb: (() => Promise<void>) | null = null;
  const extra: Record<string, string> = {};
  if (store === 'postgres') {
    const db = await createTestDatabase();
    extra.DATABASE_URL = db.url;
    dropDb = db.drop;
  }
  const config = benchConfig(store, extra);
  const coords: Array<{ galaxy: number; system: number; position: number }> = [];
  {
    const built = await buildWorld(config, fleets);
    for (const planet of built.world.planets.values()) {
      planet.ships.light_fighter = 1;
      built.changes.touchUnits(planet.id);
      coords.push({ galaxy: planet.galaxy, system: planet.system, position: planet.position });
    }
    await seedStore(config, built);
  }
  const clock = new ManualClock(BENCH_EPOCH);
  const server = await createServer(config, { clock, logger: false, seed: 1 });
  const { runtime } = server;
  try {
    const userIds = [...runtime.world.users.keys()].sort((a, b) => a - b);
    const started = performance.now();
    const arrivals: number[] = [];
    for (let i = 0; i < userIds.length; i += DISPATCH_CHUNK) {
      const chunk = userIds.slice(i, i + DISPATCH_CHUNK).map((userId, j) => {
        const to = coords[((i + j + 1) * STRIDE) % coords.length]!;
        return runtime.execute(dispatchFleet, {
          userId,
          ...to,
          mission: 'transfer' as const,
          speed: 1,
          ships: { light_fighter: 1 },
          resources: { metal: 0, crystal: 0, deuterium: 0 },
          originPlanetId: null,
        });
      });
      for (const fleet of await Promise.allSettled(chunk)) {
        if (fleet.status === 'fulfilled') arrivals.push(fleet.value.arrivalTime);
      }
    }
    const dispatchMs = performance.now() - started;
    await runtime.flush();
    const heapPerFleetBytes = registryBytesPerFleet([...runtime.world.fleets.values()]);

    const idle: number[] = [];
    for (let i = 0; i < IDLE_TICKS; i++) {
      const t0 = performance.now();
      runtime.tick();
      idle.push(performance.now() - t0);
    }
    arrivals.sort((a, b) => a - b);
    const due: number[] = [];
    let handled = 0;
    for (let round = 1; round <= DUE_ROUNDS; round++) {
      const until = arrivals[Math.min(arrivals.length - 1, round * DUE_PER_TICK - 1)]!;
      const before = countOutbound(server.runtime.world.fleets.values());
      clock.set(until);
      const t0 = performance.now();
      runtime.tick();
      await runtime.flush();
      due.push(performance.now() - t0);
      handled += before - countOutbound(server.runtime.world.fleets.values());
    }
    return {
      store,
      fleets: arrivals.length,
      dispatchPerSecond: Math.round((arrivals.length / dispatchMs) * 1000),
      heapPerFleetBytes: Math.round(heapPerFleetBytes),
      idleTickMedianMs: round3(median(idle)),
      idleTickP99Ms: round3(percentile(idle, 99)),
      dueTickArrivals: Math.round(handled / DUE_ROUNDS),
      dueTickMedianMs: round3(median(due)),
      dueTickP99Ms: round3(percentile(due, 99)),
      cpus: cpus().length,
    };
  } finally {
    await server.close();
    await dropDb?.();
  }
}

/**
 * Heap held per fleet by the registry (entity + indexes), measured on a copy of the live fleets
 * in isolation: the whole server's heap moves by more than the fleets between two samples.
 */
function registryBytesPerFleet(fleets: readonly Fleet[]): number {
  fullGc();
  const before = process.memoryUsage().heapUsed;
  const registry = new FleetRegistry();
  for (const f of fleets) registry.add(structuredClone(f));
  fullGc();
  return (process.memoryUsage().heapUsed - before) / Math.max(1, registry.size);
}

function countOutbound(fleets: Iterable<{ state: string }>): number {
  let n = 0;
  for (const f of fleets) if (f.state === 'outbound') n++;
  return n;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const fleets = Number(process.argv[2] ?? 10_000);
  const stores: BenchStore[] = process.env.DATABASE_URL ? ['embedded', 'postgres'] : ['embedded'];
  for (const store of stores) console.log(JSON.stringify(await runFleetBench(store, fleets)));
}
