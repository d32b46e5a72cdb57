import type { Ruleset } from '../rules/types.js';
import type { ChangeSet } from './changes.js';
import type { Scheduler } from './scheduler.js';
import type { LazyEvent, OutboundEvent, Rng, UserId } from './types.js';
import type { World } from './world.js';

/** The numbers from configuration that game logic needs; plain data, no environment reads. */
export interface SimSettings {
  universe: { galaxies: number; systems: number; positions: number; initialPlanets: number };
  starter: {
    requireStartChoice: boolean;
    planetName: string;
    metal: number;
    crystal: number;
    deuterium: number;
    sizeMin: number;
    sizeMax: number;
    temperatureMin: number;
    temperatureMax: number;
  };
  gameplay: {
    colonizationTimeSeconds: number;
    baseMaxFleetSize: number;
    fleetSizePerComputerLevel: number;
    buildQueueLimit: number;
    tradeFeeRate: number;
    /** Offer lifetime in seconds; 0 = offers never expire. */
    tradeOfferTtlSeconds: number;
    /** Stored notifications kept per player (the newest). */
    notificationRetention: number;
    /** Seconds the WebSocket event log keeps an event (pruned by the housekeeping). */
    eventLogRetentionSeconds: number;
  };
  /** The daily cleanup: mark after `inactiveDays` without activity, delete `graceDays` later. */
  cleanup: { inactiveDays: number; graceDays: number };
  combat: {
    /** Percent of destroyed ships' metal and crystal left as debris. */
    debrisShipPercent: number;
    /** Percent of destroyed (unrepaired) defenses' metal and crystal left as debris. */
    debrisDefensePercent: number;
    /** Battles with more units (both sides) go to the battle worker thread. */
    battleWorkerUnits: number;
  };
  tokenLifetimeMs: number;
}

/**
 * Everything a command or timed event may use. `now` is the command's time or the event's due
 * time; randomness comes only from `rng`. Writes are recorded in `changes`, messages in `emit`,
 * and both take effect only when the batch commits.
 */
export interface SimContext {
  readonly world: World;
  readonly rules: Ruleset;
  readonly settings: SimSettings;
  readonly now: number;
  readonly rng: Rng;
  readonly changes: ChangeSet;
  readonly scheduler: Scheduler;
  /**
   * Sends `message` to the player after the commit, and logs it for a later reconnect (the
   * event log; not `notification` messages). It gets the next number of the event sequence as
   * its `seq`, unless `seq` is given (a notification's message reuses its id).
   */
  emit(userId: UserId, message: OutboundEvent['message'], seq?: number): void;
  /**
   * Whether messages emitted for the player can reach anyone now (a socket is open). Only a
   * message that a reconnect can rebuild from stored state may be skipped when not (the
   * `notification` message: its notification is stored); state changes never depend on it.
   */
  listening(userId: UserId): boolean;
}

/** A command: validates, throws a DomainError before any change, or applies and returns. */
export type Command<I, O> = (ctx: SimContext, input: I) => O;

/** A timed event handler; `ref` identifies its entity (stale entries are ignored). */
export type EventHandler = (ctx: SimContext, ref: number, due: number) => void;

/** Produces per-tick messages for online players (a view of state, never state itself). */
export type TickView = (
  world: World,
  rules: Ruleset,
  now: number,
  online: readonly UserId[],
) => LazyEvent[];
