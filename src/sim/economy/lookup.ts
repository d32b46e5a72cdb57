import type { UnitCategory, UnitDef } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { badRequest, conflict, notFound } from '../errors.js';
import type { Planet, User, UserId } from '../types.js';
import { ratesOf } from './planet-state.js';

export function requireUser(ctx: Pick<SimContext, 'world'>, userId: UserId): User {
  const user = ctx.world.users.get(userId);
  if (!user) throw notFound('player_not_found', 'Player not found');
  return user;
}

/** The player's active planet; 404 "Player not found" before a start planet exists. */
export function activePlanet(ctx: Pick<SimContext, 'world'>, user: User): Planet {
  const planet =
    user.activePlanetId === null ? undefined : ctx.world.planets.get(user.activePlanetId);
  if (planet) return planet;
  const first = ctx.world.planetsOf(user.id)[0];
  if (!first) throw notFound('no_planet', 'Player not found');
  return first;
}

/**
 * The planet a planet-scoped command or read acts on: `planetId` when the request names one
 * (it must be the player's: 404 otherwise), else the active planet, as the Python server's
 * clients expect. Two tabs on two planets each name theirs and never act on the wrong one.
 */
export function planetFor(
  ctx: Pick<SimContext, 'world'>,
  user: User,
  planetId: number | null | undefined,
): Planet {
  if (planetId === null || planetId === undefined) return activePlanet(ctx, user);
  const planet = ctx.world.planets.get(planetId);
  if (!planet || planet.ownerId !== user.id) {
    throw notFound('planet_not_found', 'Planet not found or not owned by user');
  }
  return planet;
}

/** A catalog entry of the expected category, or 400 naming the field and the valid values. */
export function requireUnit(
  ctx: Pick<SimContext, 'rules'>,
  type: string,
  categories: readonly UnitCategory[],
  field: string,
): UnitDef {
  const unit = ctx.rules.unit(type);
  if (!unit || !categories.includes(unit.category)) {
    const valid = categories.flatMap((c) => ctx.rules.units(c).map((u) => u.type));
    throw badRequest(
      'unknown_type',
      `Invalid ${field}: "${type}". Valid values: ${valid.join(', ')}`,
      { valid },
    );
  }
  return unit;
}

/**
 * Energy is a requirement, not a stock: a price with an energy part (OGame's terraformer,
 * graviton) needs that much energy produced on the planet.
 */
export function requireEnergy(
  ctx: Pick<SimContext, 'world' | 'rules'>,
  planet: Planet,
  energy: number | undefined,
  what: string,
): void {
  if (!energy) return;
  const produced = ratesOf(ctx, planet).energyProduced;
  if (produced < energy) {
    throw conflict(
      'insufficient_energy',
      `${what} needs ${energy} energy; the planet produces ${Math.floor(produced)}`,
      {
        energy_required: energy,
        energy_produced: produced,
      },
    );
  }
}

/** 409 naming every unmet prerequisite. */
export function requireMet(
  ctx: Pick<SimContext, 'rules'>,
  unit: UnitDef,
  levels: { buildings: Record<string, number>; research: Record<string, number> },
): void {
  const missing = ctx.rules.missingRequirements(unit.type, levels);
  if (missing.length === 0) return;
  const have = (type: string) => levels.buildings[type] ?? levels.research[type] ?? 0;
  const text = missing.map((r) => `${r.type} ${r.level} (have ${have(r.type)})`).join(', ');
  throw conflict('requirements_not_met', `Missing requirements for ${unit.type}: ${text}`, {
    missing_requirements: missing.map((r) => ({
      type: r.type,
      level: r.level,
      current: have(r.type),
    })),
  });
}
