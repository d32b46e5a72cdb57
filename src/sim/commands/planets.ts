import type { Command } from '../context.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { requireUser } from '../economy/lookup.js';
import type { Coordinates, Planet, UserId } from '../types.js';
import { createPlanet } from '../universe.js';

export const PLANET_NAME_MAX = 40;

export interface ChooseStartInput {
  userId: UserId;
  galaxy: number;
  system: number;
  position?: number;
  name?: string;
}

/** 400 with the specification's text when a coordinate is outside the universe. */
export function checkBounds(
  universe: { galaxies: number; systems: number; positions: number },
  c: Partial<Coordinates>,
): void {
  if (c.galaxy !== undefined && (c.galaxy < 1 || c.galaxy > universe.galaxies)) {
    throw badRequest(`galaxy must be in [1, ${universe.galaxies}]`);
  }
  if (c.system !== undefined && (c.system < 1 || c.system > universe.systems)) {
    throw badRequest(`system must be in [1, ${universe.systems}]`);
  }
  if (c.position !== undefined && (c.position < 1 || c.position > universe.positions)) {
    throw badRequest(`position must be in [1, ${universe.positions}]`);
  }
}

export function cleanPlanetName(name: string | undefined, fallback: string): string {
  const trimmed = (name ?? '').replace(/\p{Cc}/gu, '').trim();
  if (trimmed.length > PLANET_NAME_MAX)
    throw badRequest(`name must be at most ${PLANET_NAME_MAX} characters`);
  return trimmed === '' ? fallback : trimmed;
}

/** REQUIRE_START_CHOICE mode: the player picks the system (and optionally the slot) of the homeworld. */
export const chooseStart: Command<ChooseStartInput, Planet> = (ctx, input) => {
  const user = requireUser(ctx, input.userId);
  const u = ctx.settings.universe;
  checkBounds(u, input);
  if (ctx.world.planetsOf(user.id).length > 0) throw badRequest('Starter planet already chosen');
  const name = cleanPlanetName(input.name, ctx.settings.starter.planetName);
  let position = input.position;
  if (position === undefined) {
    for (let p = 1; p <= u.positions; p++) {
      if (!ctx.world.planetAt({ galaxy: input.galaxy, system: input.system, position: p })) {
        position = p;
        break;
      }
    }
    if (position === undefined) throw conflict('Selected system is full');
  } else if (ctx.world.planetAt({ galaxy: input.galaxy, system: input.system, position })) {
    throw conflict('Selected position is occupied');
  }
  return createPlanet(ctx, user, { galaxy: input.galaxy, system: input.system, position }, name);
};

export const selectPlanet: Command<{ userId: UserId; planetId: number }, Planet> = (
  ctx,
  { userId, planetId },
) => {
  const user = requireUser(ctx, userId);
  const planet = ctx.world.planets.get(planetId);
  if (!planet || planet.ownerId !== user.id)
    throw notFound('Planet not found or not owned by user');
  if (user.activePlanetId !== planet.id) {
    user.activePlanetId = planet.id;
    ctx.changes.touch('users', user.id);
  }
  return planet;
};
