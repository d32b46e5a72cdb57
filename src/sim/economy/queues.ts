import type { SimContext } from '../context.js';
import type { Planet, QueueItem, User } from '../types.js';
import type { World } from '../world.js';

import { conflict } from '../errors.js';

export const EVENT_BUILDING = 'building';

/**
 * The longest wait the game accepts for one queue item. Real games never get near it; the
 * bound keeps absurd levels from producing times no store column (or player) can hold.
 */
export const MAX_QUEUE_WAIT_MS = 100 * 365 * 24 * 3_600_000;

/** 409 if an item starting at `start` and lasting `durationMs` would end too far in the future. */
export function assertSchedulable(
  now: number,
  start: number,
  durationMs: number,
  what: string,
): void {
  if (!Number.isFinite(durationMs) || start + durationMs - now > MAX_QUEUE_WAIT_MS) {
    throw conflict('duration_too_long', `${what} would take longer than 100 years to complete`);
  }
}
export const EVENT_RESEARCH = 'research';
export const EVENT_SHIPYARD = 'shipyard';
export const EVENT_STORAGE_FULL = 'storage_full';

/** Building levels as they will be once every queued item has completed. */
export function projectedBuildings(world: World, planet: Planet): Record<string, number> {
  const levels: Record<string, number> = { ...planet.buildings };
  for (const item of world.buildQueue(planet.id)) levels[item.type] = item.level;
  return levels;
}

/** When the next item of a chained queue would start: when the last one ends, or now. */
export function queueTail(items: readonly QueueItem[], now: number): number {
  const last = items[items.length - 1];
  return last ? Math.max(now, last.completionTime) : now;
}

/** The due time of a queue item's next timed event (ships complete one unit at a time). */
export function nextDue(item: QueueItem): number {
  return item.queue === 'shipyard'
    ? item.startTime + (item.doneCount + 1) * item.unitMs
    : item.completionTime;
}

const EVENT_BY_QUEUE = {
  building: EVENT_BUILDING,
  research: EVENT_RESEARCH,
  shipyard: EVENT_SHIPYARD,
} as const;

export function scheduleItem(ctx: Pick<SimContext, 'scheduler'>, item: QueueItem): void {
  ctx.scheduler.schedule(nextDue(item), EVENT_BY_QUEUE[item.queue], item.id);
}

/** Looks up the item a timed event refers to; null when the event is stale (cancelled, re-timed). */
export function liveItem(world: World, ref: number, due: number): QueueItem | null {
  const item = world.queueItems.get(ref);
  if (!item || nextDue(item) !== due) return null;
  return item;
}

export function newQueueItem(
  ctx: SimContext,
  fields: Omit<QueueItem, 'id' | 'queuedAt' | 'doneCount'> & { doneCount?: number },
): QueueItem {
  const item: QueueItem = {
    id: ctx.world.nextId('queueItem'),
    queuedAt: ctx.now,
    doneCount: 0,
    ...fields,
  };
  ctx.world.addQueueItem(item);
  ctx.changes.touch('queue_items', item.id);
  scheduleItem(ctx, item);
  return item;
}

export function removeItem(ctx: SimContext, item: QueueItem): void {
  ctx.world.removeQueueItem(item);
  ctx.changes.remove('queue_items', item.id);
}

/**
 * Re-chains a building queue after a cancellation: the running item keeps its times, every
 * later item starts when its predecessor ends (earlier than planned), keeping its duration.
 */
export function rechain(ctx: SimContext, items: readonly QueueItem[]): void {
  let cursor = ctx.now;
  for (const item of items) {
    if (item.startTime <= ctx.now) {
      cursor = item.completionTime;
      continue;
    }
    if (item.startTime !== cursor) {
      const duration = item.completionTime - item.startTime;
      item.startTime = cursor;
      item.completionTime = cursor + duration;
      ctx.changes.touch('queue_items', item.id);
      scheduleItem(ctx, item);
    }
    cursor = item.completionTime;
  }
}

/** Ships (or defenses) stationed plus still to be delivered by the shipyard queue. */
export function shipsIncludingQueued(
  world: World,
  planet: Planet,
  category: 'ship' | 'defense',
  isOfCategory: (type: string) => boolean,
): number {
  const stationed = Object.values(category === 'ship' ? planet.ships : planet.defenses).reduce(
    (a, b) => a + b,
    0,
  );
  let queued = 0;
  for (const item of world.shipQueue(planet.id))
    if (isOfCategory(item.type)) queued += item.count - item.doneCount;
  // Ships away on a mission still belong to the planet (they come back), except deployments.
  let away = 0;
  if (category === 'ship') {
    for (const fleet of world.fleets.ownedBy(planet.ownerId)) {
      if (fleet.originPlanetId !== planet.id || fleet.mission === 'deploy') continue;
      for (const count of Object.values(fleet.ships)) away += count;
    }
  }
  return stationed + queued + away;
}

/** Units of one type on the planet plus those still to come out of its shipyard queue. */
export function unitIncludingQueued(world: World, planet: Planet, type: string): number {
  let n = (planet.ships[type] ?? 0) + (planet.defenses[type] ?? 0);
  for (const item of world.shipQueue(planet.id))
    if (item.type === type) n += item.count - item.doneCount;
  return n;
}

export function activeResearch(world: World, user: User): QueueItem | undefined {
  return world.researchQueue(user.id)[0];
}
