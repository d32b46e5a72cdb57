import type { Command } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { credit, settle, spend } from '../economy/planet-state.js';
import {
  planetFor,
  requireEnergy,
  requireMet,
  requireUnit,
  requireUser,
} from '../economy/lookup.js';
import {
  assertSchedulable,
  newQueueItem,
  projectedBuildings,
  queueTail,
  rechain,
  removeItem,
} from '../economy/queues.js';
import { afterLevelChange } from '../economy/level-change.js';
import type { PlanetId, QueueItem, Resources, UserId } from '../types.js';

/** The planet a building command acts on: `planetId` (the player's), else the active one. */
interface PlanetScoped {
  userId: UserId;
  planetId?: PlanetId | null;
}

export interface BuildInput extends PlanetScoped {
  buildingType: string;
}

/**
 * Queues the next level of a building on the planet (the active one unless named). The item is priced and timed at
 * the level it will build, starts when the previous item ends, and is paid for now.
 */
export const buildBuilding: Command<BuildInput, QueueItem> = (
  ctx,
  { userId, planetId, buildingType },
) => {
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  const unit = requireUnit(ctx, buildingType, ['building'], 'building_type');
  const queue = ctx.world.buildQueue(planet.id);
  const limit = ctx.settings.gameplay.buildQueueLimit;
  if (queue.length >= limit) throw conflict('queue_full', `Build queue full (max ${limit} items)`);
  const projected = projectedBuildings(ctx.world, planet);
  requireMet(ctx, unit, { buildings: projected, research: user.research });
  const current = projected[unit.type] ?? 0;
  const cost = ctx.rules.buildingCost(unit.type, current);
  const seconds = ctx.rules.buildingTime(unit.type, current, {
    buildings: projected,
    research: user.research,
  });
  requireEnergy(ctx, planet, cost.energy, `${unit.type} level ${current + 1}`);
  const start = queueTail(queue, ctx.now);
  assertSchedulable(ctx.now, start, seconds * 1000, `${unit.type} level ${current + 1}`);
  spend(ctx, planet, cost, `${unit.type} level ${current + 1}`);
  return newQueueItem(ctx, {
    queue: 'building',
    ownerId: user.id,
    planetId: planet.id,
    type: unit.type,
    action: 'build',
    level: current + 1,
    count: 1,
    cost: { metal: cost.metal, crystal: cost.crystal, deuterium: cost.deuterium },
    startTime: start,
    unitMs: seconds * 1000,
    completionTime: start + seconds * 1000,
  });
};

export interface DemolishResult {
  planetId: PlanetId;
  buildingType: string;
  newLevel: number;
  refund: Resources;
  queued: QueueItem | null;
}

/** Removes one level (at once in the seed, refunding part of its price; queued where timed). */
export const demolishBuilding: Command<BuildInput, DemolishResult> = (
  ctx,
  { userId, planetId, buildingType },
) => {
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  const unit = requireUnit(ctx, buildingType, ['building'], 'building_type');
  const queue = ctx.world.buildQueue(planet.id);
  if (queue.some((item) => item.type === unit.type)) {
    throw conflict('already_queued', `${unit.type} is in the build queue; cancel that item first`);
  }
  const block = ctx.rules.demolishBlock(unit.type, planet.buildings);
  if (block?.reason === 'not_built') throw conflict('not_built', `${unit.type} is not built`);
  if (block?.reason === 'required_by') {
    throw conflict(
      'demolish_blocked',
      `Cannot demolish ${unit.type}: ${block.blockedBy} requires it at level ${block.requiredLevel}`,
    );
  }
  const current = planet.buildings[unit.type] ?? 0;
  const quote = ctx.rules.demolition(unit.type, current, {
    buildings: planet.buildings,
    research: user.research,
  });
  assertSchedulable(
    ctx.now,
    queueTail(queue, ctx.now),
    quote.timeSeconds * 1000,
    `demolishing ${unit.type}`,
  );
  spend(ctx, planet, quote.cost, `demolishing ${unit.type}`);
  const refund = {
    metal: quote.refund.metal,
    crystal: quote.refund.crystal,
    deuterium: quote.refund.deuterium,
  };
  if (quote.timeSeconds <= 0) {
    settle(ctx, planet);
    planet.buildings[unit.type] = current - 1;
    ctx.changes.touchUnits(planet.id);
    credit(ctx, planet, refund);
    afterLevelChange(ctx, planet);
    return {
      planetId: planet.id,
      buildingType: unit.type,
      newLevel: current - 1,
      refund,
      queued: null,
    };
  }
  const start = queueTail(queue, ctx.now);
  const queued = newQueueItem(ctx, {
    queue: 'building',
    ownerId: user.id,
    planetId: planet.id,
    type: unit.type,
    action: 'demolish',
    level: current - 1,
    count: 1,
    cost: { metal: quote.cost.metal, crystal: quote.cost.crystal, deuterium: quote.cost.deuterium },
    startTime: start,
    unitMs: quote.timeSeconds * 1000,
    completionTime: start + quote.timeSeconds * 1000,
  });
  return { planetId: planet.id, buildingType: unit.type, newLevel: current - 1, refund, queued };
};

export interface CancelResult {
  planetId: PlanetId;
  cancelled: QueueItem[];
  refund: Resources;
}

/**
 * Cancels a building queue item and every later item of the same building (their levels
 * depended on it), refunding by the ruleset's rate; later items move up.
 */
export const cancelBuild: Command<PlanetScoped & { index: number }, CancelResult> = (
  ctx,
  { userId, planetId, index },
) => {
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  const queue = ctx.world.buildQueue(planet.id);
  const target = queue[index];
  if (!target)
    throw notFound(
      'queue_item_not_found',
      `No build queue item at index ${index} (queue has ${queue.length})`,
    );
  const cancelled = queue.filter((item, i) => i >= index && item.type === target.type);
  const refund: Resources = { metal: 0, crystal: 0, deuterium: 0 };
  for (const item of cancelled) {
    const back = ctx.rules.cancelRefund(item.cost);
    refund.metal += back.metal;
    refund.crystal += back.crystal;
    refund.deuterium += back.deuterium;
    removeItem(ctx, item);
  }
  credit(ctx, planet, refund);
  rechain(ctx, ctx.world.buildQueue(planet.id));
  return { planetId: planet.id, cancelled, refund };
};
