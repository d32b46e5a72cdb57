import { randomInt } from 'node:crypto';
import pino, { type Logger } from 'pino';
import { buildApp, type BuiltApp } from './api/app.js';
import { TokenService } from './api/auth/tokens.js';
import { ResponseChecker } from './api/contract/check.js';
import type { AppServices } from './api/services.js';
import type { Config } from './config/index.js';
import { createRuleset } from './rules/index.js';
import { systemClock, type Clock } from './runtime/clock.js';
import { BattleService } from './runtime/battles.js';
import { GameRuntime } from './runtime/game.js';
import { Metrics } from './runtime/metrics.js';
import { IdempotencyLedger } from './runtime/idempotency.js';
import { runMaintenance } from './runtime/maintenance.js';
import { keptJwtSecret } from './runtime/secrets.js';
import type { CleanupReport } from './sim/commands/cleanup.js';
import type { SimSettings } from './sim/context.js';
import { EVENT_HANDLERS, scheduleAll } from './sim/events/index.js';
import { refreshScores } from './sim/scores/refresh.js';
import { createRng } from './sim/random.js';
import { coalesceEvents } from './sim/views/coalesce.js';
import { createTickViews } from './sim/views/index.js';
import { initializeUniverse } from './sim/universe.js';
import { openStore } from './store/index.js';
import { loadWorld } from './store/mapping.js';
import type { Store } from './store/store.js';

export interface ServerOptions {
  clock?: Clock;
  logger?: Logger | false;
  /** Seed of the simulation's random source (random by default). */
  seed?: number;
  /** Wait as a standby while another server owns the database instead of exiting. */
  standby?: boolean;
  /** Check every HTTP answer against the contract (tests); see GameServer.contractViolations. */
  checkContract?: boolean;
}

export interface GameServer extends BuiltApp {
  config: Config;
  runtime: GameRuntime;
  store: Store;
  services: AppServices;
  startedAt: number;
  /** Answers that broke the contract (only with ServerOptions.checkContract). */
  contractViolations: readonly string[];
  /** Listens on HOST:PORT and starts the game loop. */
  listen(): Promise<string>;
  /** One round of housekeeping (the listen() timer calls it; tests call it on their clock). */
  runMaintenance(): Promise<CleanupReport>;
  /** Graceful stop: stop accepting, finish in-flight commands, final flush, close everything. */
  close(): Promise<void>;
}

export function simSettings(config: Config): SimSettings {
  return {
    universe: {
      galaxies: config.universe.galaxies,
      systems: config.universe.systems,
      positions: config.universe.positions,
      initialPlanets: config.universe.initialPlanets,
    },
    starter: config.starter,
    gameplay: config.gameplay,
    cleanup: { inactiveDays: config.cleanupDays, graceDays: config.cleanupGraceDays },
    combat: config.combat,
    tokenLifetimeMs: config.jwt.expireMinutes * 60_000,
  };
}

/**
 * The composition root: config -> store (lock, migrate, load) -> world -> runtime -> HTTP/WS.
 * Everything built here is closed here, in reverse order.
 */
export async function createServer(
  config: Config,
  options: ServerOptions = {},
): Promise<GameServer> {
  const startedAt = performance.now();
  const clock = options.clock ?? systemClock;
  const logger = options.logger === undefined ? pino({ level: config.logLevel }) : options.logger;
  const log = logger || pino({ level: 'silent' });
  const metrics = new Metrics();

  let waiting = false;
  const store = openStore(config, {
    standby: options.standby,
    onSql: (sql, ms) => log.debug({ sql, ms }, 'sql'),
    onWaiting: () => {
      if (waiting) return;
      waiting = true;
      log.warn('another server owns the store; waiting as standby');
    },
  });
  await store.acquireOwnership();
  try {
    if (config.migrateOnStart) {
      const applied = await store.migrate();
      if (applied.length > 0) log.info({ applied }, 'migrations applied');
    }
    const loadStarted = performance.now();
    const world = await loadWorld(store);
    metrics.time('autoload.duration', performance.now() - loadStarted);
    metrics.inc('events.autoload.count');

    const rules = createRuleset(config.ruleset, {
      ...config.rulesetOptions,
      baseMaxFleetSize: config.gameplay.baseMaxFleetSize,
      fleetSizePerComputerLevel: config.gameplay.fleetSizePerComputerLevel,
      colonizationTimeSeconds: config.gameplay.colonizationTimeSeconds,
    });
    const runtime = new GameRuntime({
      world,
      store,
      rules,
      settings: simSettings(config),
      clock,
      rng: createRng(options.seed ?? config.universe.seed ?? randomInt(2 ** 31)),
      logger: log,
      metrics,
      events: EVENT_HANDLERS,
      scheduleAll,
      tickViews: createTickViews(),
      coalesce: coalesceEvents,
      onApplied: (w, changes) => refreshScores(w, rules, changes),
      reload: async () => {
        await store.acquireOwnership();
        return loadWorld(store);
      },
    });
    // First start seeds the universe; every start catches up on events that fell due while down.
    await runtime.execute(initializeUniverse, undefined);
    await runtime.flush();
    log.info(
      {
        users: world.users.size,
        planets: world.planets.size,
        scheduled: runtime.scheduler.size,
        store: store.location,
      },
      'world loaded',
    );

    const tokens = new TokenService(
      config.jwt.secret ?? (await keptJwtSecret(runtime)),
      config.jwt.algorithm,
      config.jwt.expireMinutes * 60_000,
      clock,
    );
    const battles = new BattleService(runtime, log);
    const ledger = new IdempotencyLedger(
      runtime,
      config.idempotencyTtlSeconds * 1000,
      config.maxQueuedCommands,
    );
    const services: AppServices = {
      config,
      clock,
      runtime,
      ledger,
      store,
      tokens,
      metrics,
      battles,
    };
    const checker = options.checkContract ? new ResponseChecker() : undefined;
    const built = await buildApp(services, logger, { checker });
    // Every publication (after a commit) also wakes the battle service for reserved battles;
    // those reserved during the start-up catch-up are picked up at once.
    runtime.publisher(battles.publisherFor(built.hub));
    battles.kick();

    let maintenance: NodeJS.Timeout | null = null;
    let closed = false;
    return {
      ...built,
      config,
      runtime,
      store,
      services,
      startedAt,
      contractViolations: checker?.violations ?? [],
      runMaintenance: () => runMaintenance(runtime, ledger, log, metrics),
      async listen() {
        const address = await built.app.listen({ host: config.host, port: config.port });
        runtime.startLoop(config.tickRateHz);
        // Every command and tick commits on its own; this periodic job only does housekeeping.
        maintenance = setInterval(() => {
          runMaintenance(runtime, ledger, log, metrics).catch((err: unknown) =>
            log.warn({ err }, 'maintenance failed'),
          );
        }, config.saveIntervalSeconds * 1000);
        maintenance.unref();
        return address;
      },
      async close() {
        if (closed) return;
        closed = true;
        if (maintenance) clearInterval(maintenance);
        built.hub.closeAll();
        await built.app.close();
        await battles.close();
        await runtime.stop();
        await store.close();
      },
    };
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
}
