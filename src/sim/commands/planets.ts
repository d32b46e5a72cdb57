import type { Command } from '../context.js';
import { badRequest, conflict } from '../errors.js';
import { planetFor, requireUser } from '../economy/lookup.js';
import { parsePlanetName } from '../planet-name.js';
import type { Coordinates, Planet, PlanetId, UserId } from '../types.js';
import { createPlanet } from '../universe.js';

export interface ChooseStartInput {
  userId: UserId;
  galaxy: number;
  system: number;
  position?: number;
  /**
   * The name as sent (unchecked: `parsePlanetName` decides). Absent, null or empty means the
   * starter name, as the reference server's `name or STARTER_PLANET_NAME` did.
   */
  name?: unknown;
}

/** 400 with the specification's text when a coordinate is outside the universe. */
export function checkBounds(
  universe: { galaxies: number; systems: number; positions: number },
  c: Partial<Coordinates>,
): void {
  if (c.galaxy !== undefined && (c.galaxy < 1 || c.galaxy > universe.galaxies)) {
    throw badRequest('out_of_bounds', `galaxy must be in [1, ${universe.galaxies}]`);
  }
  if (c.system !== undefined && (c.system < 1 || c.system > universe.systems)) {
    throw badRequest('out_of_bounds', `system must be in [1, ${universe.systems}]`);
  }
  if (c.position !== undefined && (c.position < 1 || c.position > universe.positions)) {
    throw badRequest('out_of_bounds', `position must be in [1, ${universe.positions}]`);
  }
}

/** REQUIRE_START_CHOICE mode: the player picks the system (and optionally the slot) of the homeworld. */
export const chooseStart: Command<ChooseStartInput, Planet> = (ctx, input) => {
  const user = requireUser(ctx, input.userId);
  const u = ctx.settings.universe;
  checkBounds(u, input);
  if (ctx.world.planetsOf(user.id).length > 0)
    throw badRequest('start_already_chosen', 'Starter planet already chosen');
  const given = input.name;
  const name =
    given === undefined || given === null || given === ''
      ? ctx.settings.starter.planetName
      : parsePlanetName(given);
  let position = input.position;
  if (position === undefined) {
    for (let p = 1; p <= u.positions; p++) {
      if (!ctx.world.planetAt({ galaxy: input.galaxy, system: input.system, position: p })) {
        position = p;
        break;
      }
    }
    if (position === undefined) throw conflict('system_full', 'Selected system is full');
  } else if (ctx.world.planetAt({ galaxy: input.galaxy, system: input.system, position })) {
    throw conflict('position_occupied', 'Selected position is occupied');
  }
  return createPlanet(ctx, user, { galaxy: input.galaxy, system: input.system, position }, name);
};

export const selectPlanet: Command<{ userId: UserId; planetId: number }, Planet> = (
  ctx,
  { userId, planetId },
) => {
  const user = requireUser(ctx, userId);
  const planet = planetFor(ctx, user, planetId);
  if (user.activePlanetId !== planet.id) {
    user.activePlanetId = planet.id;
    ctx.changes.touch('users', user.id);
  }
  return planet;
};

export interface RenamePlanetInput {
  userId: UserId;
  planetId: PlanetId;
  /** The name as sent (unchecked: absent is 400 `missing_field`, else `parsePlanetName`). */
  name?: unknown;
}

/** Renames one of the player's planets; the name is stored as given (trimmed), never escaped. */
export const renamePlanet: Command<RenamePlanetInput, Planet> = (ctx, input) => {
  const user = requireUser(ctx, input.userId);
  // The planet first: another player's planet is 404 whatever the body says.
  const planet = planetFor(ctx, user, input.planetId);
  if (input.name === undefined || input.name === null)
    throw badRequest('missing_field', 'name is required');
  const name = parsePlanetName(input.name);
  if (planet.name !== name) {
    planet.name = name;
    ctx.changes.touch('planets', planet.id);
  }
  return planet;
};
