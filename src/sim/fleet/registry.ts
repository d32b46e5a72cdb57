import type { BattleInput } from '../battle/index.js';
import type { Coordinates, Fleet, FleetId, UserId } from '../types.js';

/** Meta key holding the last fleet id handed out, so ids of finished fleets are never reused. */
export const LAST_FLEET_ID_KEY = 'last_fleet_id';

const coordKeyOf = (c: Coordinates): string => `${c.galaxy}:${c.system}:${c.position}`;

/** A battle handed to the battle worker: its input and the logical time it is fought at. */
export interface ReservedBattle {
  readonly input: BattleInput;
  readonly at: number;
}

/**
 * Every fleet away from home, with the indexes the game needs: by owner (the player's missions)
 * and by target coordinates (fleets heading to a planet, debris field or free position).
 */
export class FleetRegistry {
  private readonly byId = new Map<FleetId, Fleet>();
  private readonly byOwner = new Map<UserId, Set<FleetId>>();
  private readonly byTarget = new Map<string, Set<FleetId>>();
  private nextFleetId = 1;
  /**
   * Battles waiting for (or running on) the battle worker, by attacking fleet. Not persisted: the
   * fleet's `holding` state and battle seed are, and re-create the entry after a restart.
   */
  readonly reservedBattles = new Map<FleetId, ReservedBattle>();

  get size(): number {
    return this.byId.size;
  }

  nextId(): FleetId {
    return this.nextFleetId++;
  }

  /** Continues the id sequence above `usedId` (ids are never reused, even after a restart). */
  bumpId(usedId: number): void {
    if (usedId >= this.nextFleetId) this.nextFleetId = usedId + 1;
  }

  get(id: FleetId): Fleet | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<Fleet> {
    return this.byId.values();
  }

  add(fleet: Fleet): void {
    this.byId.set(fleet.id, fleet);
    addTo(this.byOwner, fleet.ownerId, fleet.id);
    addTo(this.byTarget, coordKeyOf(fleet.target), fleet.id);
    this.bumpId(fleet.id);
  }

  remove(fleet: Fleet): void {
    this.byId.delete(fleet.id);
    removeFrom(this.byOwner, fleet.ownerId, fleet.id);
    removeFrom(this.byTarget, coordKeyOf(fleet.target), fleet.id);
    this.reservedBattles.delete(fleet.id);
  }

  /** The player's fleets, oldest first. */
  ownedBy(userId: UserId): Fleet[] {
    return this.resolve(this.byOwner.get(userId));
  }

  /** Whether any fleet heading to `c` matches; no allocation (checked on every arrival). */
  someHeadingTo(c: Coordinates, predicate: (fleet: Fleet) => boolean): boolean {
    const ids = this.byTarget.get(coordKeyOf(c));
    if (!ids) return false;
    for (const id of ids) {
      const fleet = this.byId.get(id);
      if (fleet && predicate(fleet)) return true;
    }
    return false;
  }

  /** Fleets whose target is `c` (in any state), oldest first. */
  headingTo(c: Coordinates): Fleet[] {
    return this.resolve(this.byTarget.get(coordKeyOf(c)));
  }

  private resolve(ids: Set<FleetId> | undefined): Fleet[] {
    if (!ids) return [];
    const out: Fleet[] = [];
    for (const id of ids) {
      const fleet = this.byId.get(id);
      if (fleet) out.push(fleet);
    }
    return out.sort((a, b) => a.id - b.id);
  }
}

function addTo<K>(index: Map<K, Set<FleetId>>, key: K, id: FleetId): void {
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  ids.add(id);
}

function removeFrom<K>(index: Map<K, Set<FleetId>>, key: K, id: FleetId): void {
  const ids = index.get(key);
  if (!ids) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}
