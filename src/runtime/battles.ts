import type { Logger } from 'pino';
import {
  BattleWorker,
  runBattle,
  type BattleInput,
  type BattleResult,
} from '../sim/battle/index.js';
import { applyReservedBattle } from '../sim/combat/reserved.js';
import { unavailable } from '../sim/errors.js';
import type { OutboundEvent } from '../sim/types.js';
import { isDomainError, type GameRuntime, type Publisher } from './game.js';

/**
 * Fights big battles off the game loop. An attack whose battle has more than
 * BATTLE_WORKER_UNITS units is *reserved* by the simulation (the fleet holds at the target with
 * its seed persisted; see sim/combat/attack.ts). After the commit that holds the reservation
 * (every commit's publication wakes this service up), the battle runs on the battle worker
 * thread, and its result is applied by the `applyReservedBattle` command at the battle's
 * logical time. The main thread keeps serving requests and ticks meanwhile.
 *
 * Nothing here needs to survive a crash: the reservation is in the store, and after a restart
 * the fleet's hold event reserves the battle again (same seed, same battle) and this service
 * picks it up once the publisher is attached.
 */
/** Simulations that may wait for or run on the simulator thread at once; more are a 503. */
export const SIMULATION_QUEUE_LIMIT = 8;

export class BattleService {
  private readonly worker = new BattleWorker();
  /**
   * POST /simulate/battle runs on a thread of its own, made on first use: anonymous
   * simulations queued on the real battles' thread delayed a real battle's report from 0.7 s
   * to 19.7 s.
   */
  private simulator: BattleWorker | null = null;
  private simulating = 0;
  /** Battles on the worker, by `fleetId:seed`. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /**
   * Battles whose result could not be applied for a reason other than the store (a bug): not
   * retried by this process, so one bad battle cannot start a storm of worker runs. A restart
   * tries again.
   */
  private readonly failed = new Set<string>();
  private closed = false;

  constructor(
    private readonly runtime: GameRuntime,
    private readonly logger: Logger,
  ) {}

  /** Wraps the WebSocket publisher: publish as before, then look for reserved battles. */
  publisherFor(inner: Publisher): Publisher {
    return {
      publish: (events: readonly OutboundEvent[]) => {
        inner.publish(events);
        this.kick();
      },
      onlineUsers: () => inner.onlineUsers(),
      isOnline: (userId) => inner.isOnline?.(userId) ?? true,
    };
  }

  /** Starts every reserved battle that is not on the worker yet. Cheap when there is none. */
  kick(): void {
    if (this.closed) return;
    for (const [fleetId, reserved] of this.runtime.world.fleets.reservedBattles) {
      const key = `${fleetId}:${reserved.input.seed}`;
      if (this.inFlight.has(key) || this.failed.has(key)) continue;
      const job = this.fight(key, fleetId, reserved.input).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, job);
    }
  }

  private async fight(key: string, fleetId: number, input: BattleInput): Promise<void> {
    const started = performance.now();
    let result: BattleResult | null = null;
    try {
      result = await this.worker.run(input);
    } catch (err) {
      if (this.closed) return;
      // The command fights on the main thread instead: slower for the loop, but never lost.
      this.logger.error({ err, fleetId }, 'battle worker failed; fighting inline');
    }
    if (this.closed) return;
    try {
      await this.runtime.execute(applyReservedBattle, { fleetId, seed: input.seed, result });
      this.logger.info(
        { fleetId, ms: Math.round(performance.now() - started) },
        'reserved battle applied',
      );
    } catch (err) {
      if (isDomainError(err)) {
        // Store down (503) or shutting down: the reservation is persisted and resumes later.
        this.logger.warn({ err, fleetId }, 'reserved battle not applied');
      } else {
        this.failed.add(key);
        this.logger.error({ err, fleetId }, 'reserved battle failed; not retried until restart');
      }
    }
  }

  /** Resolves once no reserved battle is waiting or running (tests, graceful stop). */
  async idle(): Promise<void> {
    for (;;) {
      await this.runtime.flush();
      this.kick();
      if (this.inFlight.size === 0 || this.closed || this.runtime.state !== 'running') return;
      await Promise.allSettled([...this.inFlight.values()]);
    }
  }

  /**
   * Runs stand-alone battles (POST /simulate/battle): inline when their total size is at most
   * `inlineUnits`, otherwise one after the other on the worker thread.
   */
  async simulate(
    inputs: readonly BattleInput[],
    units: number,
    inlineUnits: number,
  ): Promise<BattleResult[]> {
    if (units * inputs.length <= inlineUnits) return inputs.map((input) => runBattle(input));
    if (this.simulating >= SIMULATION_QUEUE_LIMIT) {
      throw unavailable(
        'overloaded',
        `Too many battle simulations are queued (at most ${SIMULATION_QUEUE_LIMIT}); retry shortly`,
        { retryAfter: 1 },
      );
    }
    this.simulating++;
    try {
      this.simulator ??= new BattleWorker();
      const results: BattleResult[] = [];
      for (const input of inputs) results.push(await this.simulator.run(input));
      return results;
    } finally {
      this.simulating--;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.simulator?.close();
    await this.worker.close();
    await Promise.allSettled([...this.inFlight.values()]);
  }
}
