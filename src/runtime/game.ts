import type { Logger } from 'pino';
import type { Ruleset } from '../rules/types.js';
import { ChangeSet } from '../sim/changes.js';
import type { Command, EventHandler, SimContext, SimSettings, TickView } from '../sim/context.js';
import { DomainError, unavailable } from '../sim/errors.js';
import { Scheduler } from '../sim/scheduler.js';
import type { LazyEvent, OutboundEvent, Rng, UserId } from '../sim/types.js';
import {
  EVENT_SEQ_KEY,
  idSequenceKey,
  KEPT_SEQUENCES,
  type KeptSequence,
  type World,
} from '../sim/world.js';
import { toRowBatch } from '../store/mapping.js';
import type { Store } from '../store/store.js';
import type { Clock } from './clock.js';
import { logEvents } from './event-log.js';
import type { Metrics } from './metrics.js';

export interface Publisher {
  publish(events: ReadonlyArray<OutboundEvent | LazyEvent>): void;
  onlineUsers(): Iterable<UserId>;
  /** Whether the player has an open socket; absent = assume yes (every message is kept). */
  isOnline?(userId: UserId): boolean;
}

export interface GameRuntimeOptions {
  world: World;
  store: Store;
  rules: Ruleset;
  settings: SimSettings;
  clock: Clock;
  rng: Rng;
  logger: Logger;
  metrics: Metrics;
  events: Record<string, EventHandler>;
  /** Puts every pending timed thing of a (re)loaded world into the scheduler. */
  scheduleAll(world: World, scheduler: Scheduler, rules: Ruleset, now: number): void;
  /** Rebuilds the world from the store, for recovery after a failed commit. */
  reload(): Promise<World>;
  tickViews?: TickView[];
  /** Merges the messages of one commit before they are sent (e.g. ship completions). */
  coalesce?: (events: readonly OutboundEvent[]) => OutboundEvent[];
  /**
   * Sees the changes of each command (and of each run of due events) right after they are
   * applied, to keep derived in-memory indexes (highscores) current. Must not mutate state.
   */
  onApplied?: (world: World, changes: ChangeSet) => void;
  publisher?: Publisher;
  recoveryIntervalMs?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

interface PendingBatch {
  changes: ChangeSet;
  events: OutboundEvent[];
  waiters: Waiter[];
}

const newBatch = (): PendingBatch => ({ changes: new ChangeSet(), events: [], waiters: [] });

/**
 * With a pipelined store, a run of due events is handed to the store every this many events,
 * so the store writes one part while the next is simulated (1 000 completions in one tick: the
 * writes overlap the simulation instead of following it).
 */
export const PIPELINE_EVENTS = 100;

export type RuntimeState = 'running' | 'failed' | 'stopping' | 'stopped';

/**
 * The single writer. Commands and timed events mutate the world synchronously on this thread;
 * their changes are committed in groups (one transaction for everything that accumulated while
 * the previous commit was in flight), and a command's promise resolves only after its changes
 * are durable. Messages go out after the commit that made them true.
 */
export class GameRuntime {
  world: World;
  readonly scheduler = new Scheduler();
  state: RuntimeState = 'running';
  lastSaveTs: number | null = null;
  ticks = 0;
  lastTickMs = 0;
  /** When the loop last ran a tick (performance.now()); readiness sees a stalled loop by it. */
  lastLoopAt = 0;
  lastJitterMs = 0;
  failure: string | null = null;

  /**
   * Counts changes to the world: bumped whenever a command runs, timed events are applied or the
   * world is reloaded. Read views derived only from world state (not the clock) stay valid while
   * it is unchanged, which lets the HTTP layer reuse them (the GET /player snapshot).
   */
  private worldVersion = 0;
  private pending = newBatch();
  private flushing: Promise<void> | null = null;
  private flushScheduled = false;
  private loopTimer: NodeJS.Timeout | null = null;
  private recoveryTimer: NodeJS.Timeout | null = null;
  private recovering: Promise<void> | null = null;
  private nextTickAt = 0;
  /** The event sequence number last written to the store's `event_seq` meta row. */
  private writtenEventSeq: number;
  private committedSeq: number;
  private waitingForCommit = 0;
  /** The last ids of KEPT_SEQUENCES written to the store's meta rows. */
  private readonly writtenIds: Record<KeptSequence, number> = { queueItem: 0, planet: 0 };

  constructor(private readonly opts: GameRuntimeOptions) {
    this.world = opts.world;
    this.writtenEventSeq = opts.world.lastEventSeq;
    this.committedSeq = opts.world.lastEventSeq;
    opts.scheduleAll(this.world, this.scheduler, opts.rules, opts.clock.now());
  }

  get rules(): Ruleset {
    return this.opts.rules;
  }

  get settings(): SimSettings {
    return this.opts.settings;
  }

  /** The store it commits to; for the housekeeping's reads of store-only histories. */
  get store(): Store {
    return this.opts.store;
  }

  get loopRunning(): boolean {
    return this.loopTimer !== null;
  }

  /** Changes to the world so far (see worldVersion). */
  get version(): number {
    return this.worldVersion;
  }

  /**
   * The last event sequence number known to be committed: every event at or below it is
   * durable (and, if anyone listened, published). A socket opened now resumes from here.
   */
  get committedEventSeq(): number {
    return this.committedSeq;
  }

  /** Commands waiting for their commit plus changes not yet written. */
  get queueDepth(): number {
    return this.pending.waiters.length;
  }

  /** Commands applied and waiting for their commit, in every batch (the API bounds it). */
  get commandsWaiting(): number {
    return this.waitingForCommit;
  }

  now(): number {
    return this.opts.clock.now();
  }

  publisher(p: Publisher): void {
    this.opts.publisher = p;
  }

  private readonly listening = (userId: UserId): boolean =>
    this.opts.publisher?.isOnline?.(userId) ?? true;

  private context(now: number, changes: ChangeSet, events: OutboundEvent[]): SimContext {
    return {
      world: this.world,
      rules: this.opts.rules,
      settings: this.opts.settings,
      now,
      rng: this.opts.rng,
      changes,
      scheduler: this.scheduler,
      // One counter increment per message; the number becomes durable with the batch.
      emit: (userId, message, seq) =>
        events.push({ userId, message, seq: seq ?? this.world.nextEventSeq() }),
      listening: this.listening,
    };
  }

  private ensureAccepting(): void {
    if (this.state === 'failed') {
      throw unavailable(
        'unavailable',
        'The game database is unavailable; the server is recovering. Retry shortly.',
      );
    }
    if (this.state !== 'running')
      throw unavailable('shutting_down', 'The server is shutting down.');
  }

  /**
   * Applies every timed event due at or before `now`, in (due, seq) order, each at its own due
   * time. Commands call this first so that they always see a world that is up to date.
   */
  private advance(now: number): number {
    let processed = 0;
    // The events' own changes, kept apart so onApplied sees just them; then one absorb. Made
    // only once an event is due: every read calls this, and most find nothing due.
    let changes: ChangeSet | null = null;
    let sinceHandOff = 0;
    for (;;) {
      const event = this.scheduler.popDue(now);
      if (!event) break;
      const handler = this.opts.events[event.kind];
      if (!handler) {
        this.opts.logger.error({ kind: event.kind, ref: event.ref }, 'no handler for timed event');
        continue;
      }
      changes ??= new ChangeSet();
      const ctx = this.context(event.due, changes, this.pending.events);
      try {
        handler(ctx, event.ref, event.due);
      } catch (err) {
        // A failing event must not stop the loop; it is logged with enough to reproduce it.
        this.opts.logger.error(
          { err, kind: event.kind, ref: event.ref, due: event.due },
          'timed event failed',
        );
        this.opts.metrics.inc('events.failed');
      }
      processed++;
      if (++sinceHandOff === PIPELINE_EVENTS && this.opts.store.pipelined) {
        // Every event so far is whole: the store gets a consistent prefix of this run.
        this.applied(changes);
        changes = null;
        sinceHandOff = 0;
        void this.flush();
      }
    }
    if (changes !== null) {
      this.applied(changes);
      this.scheduleFlush();
    }
    return processed;
  }

  /** Changes of timed events join the pending batch (and the derived indexes see them). */
  private applied(changes: ChangeSet): void {
    this.worldVersion++;
    this.opts.onApplied?.(this.world, changes);
    this.pending.changes.absorb(changes);
  }

  /**
   * Runs a command and resolves once its effects are committed. `after` runs right after the
   * command, on the same state, and may add rows to its change set (a command's kept reply,
   * runtime/idempotency.ts); it must not throw.
   */
  async execute<I, O>(
    command: Command<I, O>,
    input: I,
    after?: (result: O, changes: ChangeSet, ctx: SimContext) => void,
  ): Promise<O> {
    this.ensureAccepting();
    const now = this.now();
    this.advance(now);
    const changes = new ChangeSet();
    const events: OutboundEvent[] = [];
    // Bumped before the command runs, so even one that throws halfway counts as a change.
    this.worldVersion++;
    const ctx = this.context(now, changes, events);
    const result = command(ctx, input);
    after?.(result, changes, ctx);
    this.opts.onApplied?.(this.world, changes);
    if (changes.isEmpty && events.length === 0) {
      // Nothing to write, but the answer may reflect changes still committing: wait for them.
      if (this.flushing || !this.pending.changes.isEmpty) {
        await this.flush();
        // The answer was computed from state that the store refused: it must not be shown.
        if (this.state === 'failed') {
          throw unavailable(
            'unavailable',
            'The game database is unavailable; the server is recovering. Retry shortly.',
          );
        }
      }
      return result;
    }
    const batch = this.pending;
    batch.changes.absorb(changes);
    batch.events.push(...events);
    const committed = new Promise<void>((resolve, reject) =>
      batch.waiters.push({ resolve, reject }),
    );
    this.scheduleFlush();
    this.waitingForCommit++;
    try {
      await committed;
    } finally {
      this.waitingForCommit--;
    }
    return result;
  }

  /** Runs a read-only view on an up-to-date world (due events applied first). */
  read<O>(view: (ctx: SimContext) => O): O {
    if (this.state === 'failed') {
      throw unavailable(
        'unavailable',
        'The game database is unavailable; the server is recovering. Retry shortly.',
      );
    }
    const now = this.now();
    if (this.state === 'running') this.advance(now);
    return view(this.context(now, new ChangeSet(), []));
  }

  /** One game-loop step: due events, then per-tick views for online players. */
  tick(): { processed: number; ms: number } {
    const started = performance.now();
    let processed = 0;
    if (this.state === 'running') {
      const now = this.now();
      processed = this.advance(now);
      const publisher = this.opts.publisher;
      if (publisher && this.opts.tickViews) {
        const online = [...publisher.onlineUsers()];
        if (online.length > 0) {
          const messages: LazyEvent[] = [];
          for (const view of this.opts.tickViews)
            messages.push(...view(this.world, this.opts.rules, now, online));
          // Views are computed from committed-or-committing state; they carry no new facts.
          publisher.publish(messages);
        }
      }
    }
    this.ticks++;
    const ms = performance.now() - started;
    this.lastTickMs = ms;
    return { processed, ms };
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate lets every request already parsed in this turn join the same commit.
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  /**
   * Commits what is pending; resolves when the store has everything accumulated so far. A
   * pipelined store takes the batch at once, even while earlier ones are being written (it
   * writes them in order); otherwise the batch waits for the commit in flight.
   */
  flush(): Promise<void> {
    const previous = this.flushing;
    if (previous && !this.opts.store.pipelined) return previous.then(() => this.flush());
    const batch = this.pending;
    if (batch.changes.isEmpty && batch.waiters.length === 0 && batch.events.length === 0) {
      return previous ?? Promise.resolve();
    }
    this.pending = newBatch();
    const committing = this.commitBatch(batch, previous).finally(() => {
      if (this.flushing === committing) this.flushing = null;
    });
    this.flushing = committing;
    return committing;
  }

  /** `previous`: the commit still in flight before this one (never rejects; see fail()). */
  private async commitBatch(batch: PendingBatch, previous: Promise<void> | null): Promise<void> {
    const started = performance.now();
    let seq: number;
    let events: OutboundEvent[];
    try {
      seq = this.recordEventSeq(batch.changes);
      // Merged before the commit, so the event log holds exactly the messages published.
      events = this.opts.coalesce ? this.opts.coalesce(batch.events) : batch.events;
      logEvents(events, batch.changes, this.now());
      // Serialised synchronously, so the batch is a consistent snapshot between two commands.
      const rows = toRowBatch(batch.changes, this.world);
      const written = this.opts.store.commit(rows);
      // Durable only once everything before it is: an empty batch resolves at once. Its own
      // failure may come first: it is handled (awaited) below, not an unhandled rejection now.
      written.catch(() => undefined);
      if (previous) await previous;
      await written;
    } catch (err) {
      this.fail(err, batch);
      return;
    }
    if (this.state === 'failed') {
      // An earlier batch of the pipeline failed; this one stood on its state.
      this.fail(new Error('an earlier commit failed'), batch);
      return;
    }
    if (seq > this.committedSeq) this.committedSeq = seq;
    this.opts.metrics.time('commit', performance.now() - started);
    this.opts.metrics.inc('events.commit.count');
    this.lastSaveTs = this.now();
    for (const w of batch.waiters) w.resolve();
    if (events.length > 0) this.opts.publisher?.publish(events);
  }

  /**
   * Makes the event sequence durable: a batch during which numbers were handed out also writes
   * the last one (one meta row per batch, not per event). Its messages are published only after
   * this commit, so a client never sees a number that a restart could hand out again.
   */
  private recordEventSeq(changes: ChangeSet): number {
    this.recordIdSequences(changes);
    const seq = this.world.lastEventSeq;
    if (seq === this.writtenEventSeq) return seq;
    this.writtenEventSeq = seq;
    this.world.meta.set(EVENT_SEQ_KEY, String(seq));
    changes.touch('meta', EVENT_SEQ_KEY);
    return seq;
  }

  /**
   * Keeps the last id of the sequences whose rows are deleted (finished queue items, planets of
   * deleted accounts) with the batch that used them, so a restart never hands one out again
   * (loadWorld continues each sequence from there).
   */
  private recordIdSequences(changes: ChangeSet): void {
    for (const kind of KEPT_SEQUENCES) {
      const last = this.world.lastIssued(kind);
      if (last === this.writtenIds[kind]) continue;
      this.writtenIds[kind] = last;
      const key = idSequenceKey(kind);
      this.world.meta.set(key, String(last));
      changes.touch('meta', key);
    }
  }

  /**
   * Fail-stop: the world in memory is now ahead of the database. Everything waiting is told
   * 503, nothing more is accepted, and the world is rebuilt from the store once it answers.
   */
  private fail(err: unknown, batch: PendingBatch): void {
    const error = unavailable(
      'unavailable',
      'The game database is unavailable; your action was not saved. Retry shortly.',
    );
    // Batches pipelined behind the failed one fail after it: the first failure is the story.
    if (this.state !== 'failed') {
      this.opts.logger.error({ err }, 'commit failed; entering recovery');
      this.opts.metrics.inc('events.commit.failed');
      this.failure = err instanceof Error ? err.message : String(err);
    }
    for (const w of batch.waiters) w.reject(error);
    for (const w of this.pending.waiters) w.reject(error);
    this.pending = newBatch();
    if (this.state === 'running') {
      this.state = 'failed';
      this.scheduleRecovery();
    }
  }

  private scheduleRecovery(): void {
    this.recoveryTimer = setTimeout(() => {
      this.recovering = this.recover().finally(() => (this.recovering = null));
    }, this.opts.recoveryIntervalMs ?? 1000);
  }

  private async recover(): Promise<void> {
    this.recoveryTimer = null;
    if (this.state !== 'failed') return;
    try {
      if (!(await this.opts.store.ping())) throw new Error('database not reachable');
      const world = await this.opts.reload();
      this.world = world;
      this.writtenEventSeq = world.lastEventSeq;
      this.committedSeq = world.lastEventSeq;
      this.worldVersion++;
      this.scheduler.clear();
      this.opts.scheduleAll(world, this.scheduler, this.opts.rules, this.now());
      this.state = 'running';
      this.failure = null;
      this.opts.metrics.inc('events.recovered');
      this.opts.logger.warn('store reachable again; world reloaded from the store');
    } catch (err) {
      this.opts.logger.warn({ err: (err as Error).message }, 'store still unavailable');
      this.scheduleRecovery();
    }
  }

  /** Starts the loop: it sleeps until the next deadline (1 / TICK_RATE s) instead of polling. */
  startLoop(tickRateHz: number): void {
    const intervalMs = 1000 / tickRateHz;
    this.nextTickAt = performance.now() + intervalMs;
    this.lastLoopAt = performance.now();
    const run = () => {
      const started = performance.now();
      this.lastLoopAt = started;
      const jitter = Math.max(0, started - this.nextTickAt);
      const { ms } = this.tick();
      this.lastJitterMs = jitter;
      this.opts.metrics.recordTick(ms, jitter);
      this.nextTickAt += intervalMs;
      // After a long stall, skip missed ticks rather than running them back to back.
      if (this.nextTickAt < performance.now()) this.nextTickAt = performance.now() + intervalMs;
      this.loopTimer = setTimeout(run, Math.max(0, this.nextTickAt - performance.now()));
    };
    this.loopTimer = setTimeout(run, intervalMs);
  }

  stopLoop(): void {
    if (this.loopTimer) clearTimeout(this.loopTimer);
    this.loopTimer = null;
  }

  /** Graceful stop: refuse new commands, let in-flight ones commit, final flush. */
  async stop(): Promise<void> {
    this.stopLoop();
    // A recovery under way could otherwise set the state back to running (and take the store's
    // lock again) after the stop: it finishes first, then no further attempt is scheduled.
    if (this.recovering) await this.recovering;
    if (this.recoveryTimer) clearTimeout(this.recoveryTimer);
    if (this.state === 'running') {
      this.state = 'stopping';
      await this.flush();
      if (this.flushing) await this.flushing;
    }
    this.state = 'stopped';
  }
}

export function isDomainError(err: unknown): err is DomainError {
  return err instanceof DomainError;
}
