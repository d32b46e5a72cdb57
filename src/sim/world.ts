import { FleetRegistry } from './fleet/registry.js';
import { MarketState } from './market/state.js';
import { Inboxes } from './notifications/inbox.js';
import { Scores } from './scores/scores.js';
import { SessionRegistry } from './sessions/registry.js';
import type {
  Coordinates,
  DebrisField,
  Planet,
  PlanetId,
  QueueItem,
  QueueItemId,
  User,
  UserId,
} from './types.js';
import { usernameSkeleton } from './players/username.js';

/**
 * The meta row holding the last event sequence number handed out (see World.nextEventSeq): a
 * batch that allocated numbers writes it, so the sequence never goes back after a restart even
 * when the newest numbers went to messages that store nothing.
 */
export const EVENT_SEQ_KEY = 'event_seq';

export const coordKey = (c: Coordinates): string => `${c.galaxy}:${c.system}:${c.position}`;

/** Whether v is a whole number in [0, limit). */
const fits = (v: number, limit: number): boolean => v >= 0 && v < limit && Math.floor(v) === v;

/**
 * The planetsByCoord key: one small integer (no string per planet) while the coordinates are
 * whole numbers that fit in 9 + 12 + 8 bits, the coordKey string otherwise (a number key and a
 * string key never collide).
 */
const coordIndex = (c: Coordinates): number | string =>
  fits(c.galaxy, 512) && fits(c.system, 4096) && fits(c.position, 256)
    ? c.galaxy * 1_048_576 + c.system * 256 + c.position
    : coordKey(c);

/** How queue items are ordered in their queue. */
const byStart = (a: QueueItem, b: QueueItem): number => a.startTime - b.startTime || a.id - b.id;

/**
 * Every piece of game state, held in plain maps with the secondary indexes the commands need.
 * Only the single-writer loop mutates it; readers get consistent snapshots between commands.
 */
/** Id sequences whose rows are deleted (done queue items, planets of deleted accounts). */
export const KEPT_SEQUENCES = ['queueItem', 'planet'] as const;
export type KeptSequence = (typeof KEPT_SEQUENCES)[number];
/** The meta row holding the last id a kept sequence handed out. */
export const idSequenceKey = (kind: KeptSequence): string => `last_id_${kind}`;

export class World {
  readonly users = new Map<UserId, User>();
  readonly usersByName = new Map<string, User>();
  /** Users by what their name looks like (usernameSkeleton): no two names look alike. */
  readonly usersBySkeleton = new Map<string, User>();
  readonly usersByEmail = new Map<string, User>();
  readonly planets = new Map<PlanetId, Planet>();
  /** By coordinates (key: see coordIndex; use planetAt). */
  readonly planetsByCoord = new Map<number | string, Planet>();
  /**
   * Each owner's planet ids, sorted (use planetsOf): a bare id for the usual single planet, so
   * an idle player costs no collection of their own.
   */
  readonly planetsByOwner = new Map<UserId, PlanetId | PlanetId[]>();
  readonly queueItems = new Map<QueueItemId, QueueItem>();
  /** Queue items in execution order: building and shipyard queues per planet, research per player. */
  readonly buildQueues = new Map<PlanetId, QueueItem[]>();
  readonly shipQueues = new Map<PlanetId, QueueItem[]>();
  readonly researchQueues = new Map<UserId, QueueItem[]>();
  /** Revoked token ids (jti) -> owner and expiry (ms); expired entries are pruned. */
  readonly revokedTokens = new Map<string, { userId: UserId; expiresAt: number }>();
  /** Logins (access and refresh tokens name theirs), and each player's last password change. */
  readonly sessions = new SessionRegistry();
  /** Debris fields by coordinate key (see coordKey); removed once empty. */
  readonly debrisFields = new Map<string, DebrisField>();
  /** Fleets away from home (in flight, holding at a target, returning). */
  readonly fleets = new FleetRegistry();
  /** Open marketplace offers (closed ones live only in the store). */
  readonly market = new MarketState();
  /** Which stored notifications each player has, and which are unread. */
  readonly inboxes = new Inboxes();
  /** Players the daily cleanup marked inactive -> when; deleted after the grace period. */
  readonly inactiveMarks = new Map<UserId, number>();
  /** Highscores: derived from state, rebuilt at load, kept current as things change. */
  readonly scores = new Scores();
  /** The universe's pre-seeded free coordinates, sorted. */
  seededCoordinates: Coordinates[] = [];
  readonly meta = new Map<string, string>();
  /**
   * Derived bookkeeping that is not persisted: it is rebuilt from state at load (storage-full
   * watches) or is deliberately soft (notification cooldowns).
   */
  readonly transient = {
    notificationCooldowns: new Map<string, number>(),
    storageFullAt: new Map<PlanetId, number>(),
  };
  private readonly nextIds = {
    user: 1,
    planet: 1,
    queueItem: 1,
    /** The event sequence: notification ids and the `seq` of every WebSocket event. */
    notification: 1,
    battleReport: 1,
    espionageReport: 1,
    offer: 1,
    tradeEvent: 1,
  };

  nextId(kind: keyof World['nextIds']): number {
    return this.nextIds[kind]++;
  }

  /**
   * The next number of the one event sequence: every message the simulation emits gets one (its
   * `seq`), and a stored notification's id is the `seq` of its `notification` message. Numbers
   * are world-wide, so they increase for each player too.
   */
  nextEventSeq(): number {
    return this.nextIds.notification++;
  }

  /** The last event sequence number handed out (0 before the first). */
  get lastEventSeq(): number {
    return this.nextIds.notification - 1;
  }

  /** After loading rows, continue every id sequence above the largest stored id. */
  bumpId(kind: keyof World['nextIds'], usedId: number): void {
    if (usedId >= this.nextIds[kind]) this.nextIds[kind] = usedId + 1;
  }

  /** The last id the sequence handed out (0 before the first). */
  lastIssued(kind: keyof World['nextIds']): number {
    return this.nextIds[kind] - 1;
  }

  /** Whether `id` was handed out by the sequence (ids are never reused). */
  wasIssued(kind: keyof World['nextIds'], id: number): boolean {
    return id >= 1 && id < this.nextIds[kind];
  }

  addUser(user: User): void {
    this.users.set(user.id, user);
    this.usersByName.set(user.username.toLowerCase(), user);
    this.usersBySkeleton.set(usernameSkeleton(user.username), user);
    this.usersByEmail.set(user.email.toLowerCase(), user);
    this.bumpId('user', user.id);
  }

  /** Forgets a user and their name and email (their planets are removed separately). */
  removeUser(user: User): void {
    this.users.delete(user.id);
    this.usersByName.delete(user.username.toLowerCase());
    const skeleton = usernameSkeleton(user.username);
    if (this.usersBySkeleton.get(skeleton) === user) this.usersBySkeleton.delete(skeleton);
    this.usersByEmail.delete(user.email.toLowerCase());
  }

  addPlanet(planet: Planet): void {
    this.planets.set(planet.id, planet);
    this.planetsByCoord.set(coordIndex(planet), planet);
    const owned = this.planetsByOwner.get(planet.ownerId);
    if (owned === undefined || owned === planet.id) {
      this.planetsByOwner.set(planet.ownerId, planet.id);
    } else if (typeof owned === 'number') {
      this.planetsByOwner.set(
        planet.ownerId,
        owned < planet.id ? [owned, planet.id] : [planet.id, owned],
      );
    } else if (!owned.includes(planet.id)) {
      owned.push(planet.id);
      owned.sort((a, b) => a - b);
    }
    this.bumpId('planet', planet.id);
  }

  removePlanet(planet: Planet): void {
    this.planets.delete(planet.id);
    this.planetsByCoord.delete(coordIndex(planet));
    const owned = this.planetsByOwner.get(planet.ownerId);
    if (owned === planet.id) this.planetsByOwner.delete(planet.ownerId);
    else if (typeof owned === 'object') {
      const rest = owned.filter((id) => id !== planet.id);
      if (rest.length === 0) this.planetsByOwner.delete(planet.ownerId);
      else this.planetsByOwner.set(planet.ownerId, rest.length === 1 ? (rest[0] as number) : rest);
    }
  }

  private queueList(item: Pick<QueueItem, 'queue' | 'planetId' | 'ownerId'>): {
    map: Map<number, QueueItem[]>;
    key: number;
  } {
    if (item.queue === 'research') return { map: this.researchQueues, key: item.ownerId };
    return {
      map: item.queue === 'building' ? this.buildQueues : this.shipQueues,
      key: item.planetId,
    };
  }

  addQueueItem(item: QueueItem): void {
    this.queueItems.set(item.id, item);
    const { map, key } = this.queueList(item);
    const list = map.get(key);
    // A new list holds exactly its one item (a pushed-to empty array reserves 17 slots).
    if (!list) map.set(key, [item]);
    else {
      list.push(item);
      list.sort(byStart);
    }
    this.bumpId('queueItem', item.id);
  }

  removeQueueItem(item: QueueItem): void {
    this.queueItems.delete(item.id);
    const { map, key } = this.queueList(item);
    const list = map.get(key);
    if (!list) return;
    const rest = list.filter((x) => x.id !== item.id);
    if (rest.length === 0) map.delete(key);
    else map.set(key, rest);
  }

  buildQueue(planetId: PlanetId): readonly QueueItem[] {
    return this.buildQueues.get(planetId) ?? [];
  }

  shipQueue(planetId: PlanetId): readonly QueueItem[] {
    return this.shipQueues.get(planetId) ?? [];
  }

  researchQueue(userId: UserId): readonly QueueItem[] {
    return this.researchQueues.get(userId) ?? [];
  }

  planetsOf(userId: UserId): Planet[] {
    const ids = this.planetsByOwner.get(userId);
    if (ids === undefined) return [];
    if (typeof ids === 'number') {
      const p = this.planets.get(ids);
      return p ? [p] : [];
    }
    const out: Planet[] = [];
    for (const id of ids) {
      const p = this.planets.get(id);
      if (p) out.push(p);
    }
    return out;
  }

  planetAt(c: Coordinates): Planet | undefined {
    return this.planetsByCoord.get(coordIndex(c));
  }
}
