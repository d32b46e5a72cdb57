import type { Command } from '../context.js';
import { badRequest, conflict } from '../errors.js';
import { spend } from '../economy/planet-state.js';
import { planetFor, requireMet, requireUnit, requireUser } from '../economy/lookup.js';
import {
  assertSchedulable,
  newQueueItem,
  queueTail,
  shipsIncludingQueued,
  unitIncludingQueued,
} from '../economy/queues.js';
import type { PlanetId, QueueItem, UserId } from '../types.js';

/** Largest order accepted at once; beyond it costs overflow any economy anyway. */
export const MAX_SHIP_ORDER = 1_000_000;

export interface BuildShipsInput {
  userId: UserId;
  /** The planet whose shipyard builds and pays; the active planet when absent. */
  planetId?: PlanetId | null;
  shipType: string;
  quantity: number;
}

/**
 * Orders `quantity` ships (or defenses) at the shipyard of the planet (the active one unless
 * named). Every check runs before anything is paid; the units are delivered one by one, one
 * unit-time apart.
 */
export const buildShips: Command<BuildShipsInput, QueueItem> = (
  ctx,
  { userId, planetId, shipType, quantity },
) => {
  if (!Number.isInteger(quantity)) throw badRequest('invalid_field', 'quantity must be an integer');
  if (quantity <= 0) throw badRequest('invalid_field', 'quantity must be > 0');
  if (quantity > MAX_SHIP_ORDER)
    throw badRequest('invalid_field', `quantity must be <= ${MAX_SHIP_ORDER}`);
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  const unit = requireUnit(ctx, shipType, ['ship', 'defense'], 'ship_type');
  requireMet(ctx, unit, { buildings: planet.buildings, research: user.research });
  const queue = ctx.world.shipQueue(planet.id);
  const queueLimit = ctx.rules.shipyardQueueLimit(planet.buildings);
  if (queue.length >= queueLimit)
    throw conflict('queue_full', `Shipyard queue full (max ${queueLimit} orders)`);
  if (unit.maxCount !== undefined) {
    const have = unitIncludingQueued(ctx.world, planet, unit.type);
    if (have + quantity > unit.maxCount) {
      throw conflict(
        'unit_limit',
        `At most ${unit.maxCount} ${unit.type} per planet (${have} built or ordered)`,
      );
    }
  }
  if (unit.category === 'ship') {
    const cap = ctx.rules.maxShipsPerPlanet(user.research);
    if (cap !== undefined) {
      const isShip = (type: string) => ctx.rules.unit(type)?.category === 'ship';
      const have = shipsIncludingQueued(ctx.world, planet, 'ship', isShip);
      if (have + quantity > cap) {
        throw conflict(
          'fleet_size_cap',
          `Fleet size cap exceeded: ${have} ships stationed or queued + ${quantity} ordered > cap ${cap}`,
          { cap, current: have, requested: quantity },
        );
      }
    }
  }
  const unitCost = ctx.rules.unitCost(unit.type);
  const cost = {
    metal: unitCost.metal * quantity,
    crystal: unitCost.crystal * quantity,
    deuterium: unitCost.deuterium * quantity,
  };
  const seconds = ctx.rules.shipyardTime(unit.type, quantity, {
    buildings: planet.buildings,
    research: user.research,
  });
  // The batch takes the ruleset's batch time; units come out evenly spaced within it.
  const unitMs = Math.max(1, Math.round((seconds * 1000) / quantity));
  const start = queueTail(queue, ctx.now);
  assertSchedulable(ctx.now, start, unitMs * quantity, `${quantity} x ${unit.type}`);
  spend(ctx, planet, cost, `${quantity} x ${unit.type}`);
  return newQueueItem(ctx, {
    queue: 'shipyard',
    ownerId: user.id,
    planetId: planet.id,
    type: unit.type,
    action: 'build',
    level: 0,
    count: quantity,
    cost,
    startTime: start,
    unitMs,
    completionTime: start + unitMs * quantity,
  });
};
