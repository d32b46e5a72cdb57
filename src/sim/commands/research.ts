import type { Command } from '../context.js';
import { conflict } from '../errors.js';
import { spend } from '../economy/planet-state.js';
import {
  planetFor,
  requireEnergy,
  requireMet,
  requireUnit,
  requireUser,
} from '../economy/lookup.js';
import { assertSchedulable, newQueueItem } from '../economy/queues.js';
import type { PlanetId, QueueItem, UserId } from '../types.js';

/** The research-lab levels of the player's other planets, best first. */
function otherLabLevels(
  ctx: Parameters<Command<unknown, unknown>>[0],
  userId: UserId,
  exceptPlanetId: number,
): number[] {
  return ctx.world
    .planetsOf(userId)
    .filter((p) => p.id !== exceptPlanetId)
    .map((p) => p.buildings.research_lab ?? 0)
    .sort((a, b) => b - a);
}

export interface ResearchInput {
  userId: UserId;
  researchType: string;
  /** The lab's planet (the player's); the active planet when absent. */
  planetId?: PlanetId | null;
}

/**
 * Starts the next level of a technology. Research is the player's, but it is paid from and
 * runs at the lab of one planet: the named one, else the active one.
 */
export const startResearch: Command<ResearchInput, QueueItem> = (
  ctx,
  { userId, researchType, planetId },
) => {
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  const unit = requireUnit(ctx, researchType, ['research'], 'research_type');
  const running = ctx.world.researchQueue(user.id);
  const max = ctx.rules.policies.maxConcurrentResearch;
  if (running.length >= max) {
    const item = running[0]!;
    throw conflict(
      'research_busy',
      `Research already in progress: ${item.type} level ${item.level} until ${new Date(item.completionTime).toISOString()}`,
    );
  }
  requireMet(ctx, unit, { buildings: planet.buildings, research: user.research });
  const current = user.research[unit.type] ?? 0;
  const cost = ctx.rules.researchCost(unit.type, current);
  const seconds = ctx.rules.researchTime(unit.type, current, {
    buildings: planet.buildings,
    research: user.research,
    otherLabLevels: otherLabLevels(ctx, user.id, planet.id),
  });
  requireEnergy(ctx, planet, cost.energy, `${unit.type} level ${current + 1}`);
  assertSchedulable(ctx.now, ctx.now, seconds * 1000, `${unit.type} level ${current + 1}`);
  spend(ctx, planet, cost, `${unit.type} level ${current + 1}`);
  return newQueueItem(ctx, {
    queue: 'research',
    ownerId: user.id,
    planetId: planet.id,
    type: unit.type,
    action: 'build',
    level: current + 1,
    count: 1,
    cost: { metal: cost.metal, crystal: cost.crystal, deuterium: cost.deuterium },
    startTime: ctx.now,
    unitMs: seconds * 1000,
    completionTime: ctx.now + seconds * 1000,
  });
};
