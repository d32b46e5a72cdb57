/** The in-memory game state: plain typed records, owned by the single-writer loop. */
export type UserId = number;
export type PlanetId = number;
export type QueueItemId = number;

export interface Resources {
  metal: number;
  crystal: number;
  deuterium: number;
}

export interface Coordinates {
  galaxy: number;
  system: number;
  position: number;
}

export interface User {
  id: UserId;
  username: string;
  email: string;
  passwordHash: string;
  createdAt: number;
  lastLogin: number | null;
  lastActive: number;
  isActive: boolean;
  activePlanetId: PlanetId | null;
  /** Technology levels; research belongs to the player, not to a planet. */
  research: Record<string, number>;
}

export interface Planet extends Coordinates {
  id: PlanetId;
  ownerId: UserId;
  name: string;
  size: number;
  temperature: number;
  /** Amounts at `lastUpdate`; the amount at a later time is a closed form of the rates. */
  resources: Resources;
  lastUpdate: number;
  buildings: Record<string, number>;
  ships: Record<string, number>;
  defenses: Record<string, number>;
  createdAt: number;
}

export type QueueKind = 'building' | 'research' | 'shipyard';
export type QueueAction = 'build' | 'demolish';

/**
 * One item of a building, research or shipyard queue. Times are absolute milliseconds, so an
 * item resumes at its original completion time after a restart.
 */
export interface QueueItem {
  id: QueueItemId;
  queue: QueueKind;
  ownerId: UserId;
  planetId: PlanetId;
  type: string;
  action: QueueAction;
  /** Building/research: the level reached on completion. Ships: unused (0). */
  level: number;
  /** Ships: units ordered and units already delivered. Buildings/research: 1 and 0. */
  count: number;
  doneCount: number;
  cost: Resources;
  queuedAt: number;
  /** When work on the item begins (an item queued behind another starts when it ends). */
  startTime: number;
  /** Duration of one unit (ships) or of the whole item (buildings/research). */
  unitMs: number;
  completionTime: number;
}

export type { Rng } from './random.js';

/** A message for one user's WebSocket connections, sent only after its batch committed. */
/**
 * A per-tick view message rendered only when its turn to be sent comes, so fanning a view out
 * to many players is spread over the event loop instead of computed in one block.
 */
export interface LazyEvent {
  userId: UserId;
  render(): OutboundEvent['message'] | null;
}

export interface OutboundEvent {
  userId: UserId;
  message: Record<string, unknown> & { type: string };
  /**
   * The event's number in the world-wide event sequence (World.nextEventSeq), sent as the
   * message's `seq`; it increases with commit order. Set by the runtime when the event is emitted.
   */
  seq?: number;
  /**
   * `message` as JSON, once the runtime has written it to the event log: the WebSocket hub
   * sends this text rather than serializing the message a second time.
   */
  json?: string;
}

/** Metal, crystal (and optionally deuterium) floating at a position after a battle. */
export interface DebrisField extends Coordinates, Resources {}

export type FleetId = number;

/** The missions a fleet can fly (see sim/missions/). */
export type FleetMission = 'transfer' | 'deploy' | 'attack' | 'espionage' | 'colonize' | 'recycle';

/**
 * Where a fleet is in its life: flying to the target, staying there (a colony being founded, a
 * large battle being fought on the battle worker), or flying home.
 */
export type FleetState = 'outbound' | 'holding' | 'returning';

/**
 * A fleet away from its planet. Its ships and cargo left the origin planet at dispatch; every
 * timed step (arrival, end of holding, return) is derived from these fields, so the scheduler can
 * be rebuilt from them after a restart.
 */
export interface Fleet {
  id: FleetId;
  ownerId: UserId;
  originPlanetId: PlanetId;
  origin: Coordinates;
  target: Coordinates;
  /** The planet at the target when the fleet left (null for free positions and debris fields). */
  targetPlanetId: PlanetId | null;
  mission: FleetMission;
  state: FleetState;
  ships: Record<string, number>;
  cargo: Resources;
  /** Speed fraction chosen at dispatch, in (0, 1]. */
  speed: number;
  distance: number;
  fuel: number;
  departureTime: number;
  arrivalTime: number;
  /** State `holding`: when the holding ends (colony founded, reserved battle fought). */
  holdUntil: number | null;
  /** When the fleet is (or would be) home; null for one-way missions (deploy, colonize). */
  returnTime: number | null;
  recalled: boolean;
  /** Seed of a battle reserved for the battle worker (attack missions holding at the target). */
  battleSeed: number | null;
}
