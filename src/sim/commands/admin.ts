import { RESOURCE_KINDS, type UnitCategory } from '../../rules/types.js';
import type { Command } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { afterLevelChange } from '../economy/level-change.js';
import { settle, settleAll } from '../economy/planet-state.js';
import { parsePlanetName } from '../planet-name.js';
import type { Planet, User } from '../types.js';

export interface PlanetPatch {
  planetId: number;
  /** A new name (unchecked: `parsePlanetName` decides). */
  name?: unknown;
  resources?: Record<string, number>;
  buildings?: Record<string, number>;
  ships?: Record<string, number>;
  defenses?: Record<string, number>;
}

const MAX_AMOUNT = 1e15;

function checkAmounts(
  field: string,
  values: Record<string, number>,
  known: (key: string) => boolean,
): void {
  for (const [key, value] of Object.entries(values)) {
    if (!known(key)) throw badRequest('unknown_type', `${field}: unknown type "${key}"`);
    if (
      !Number.isFinite(value) ||
      value < 0 ||
      value > MAX_AMOUNT ||
      (field !== 'resources' && !Number.isInteger(value))
    ) {
      throw badRequest(
        'invalid_field',
        `${field}.${key} must be a ${field === 'resources' ? 'number' : 'whole number'} in [0, ${MAX_AMOUNT}]`,
      );
    }
  }
}

/**
 * Operator edit of a planet. Production is settled up to now first, so the edit applies from
 * this moment; every value is validated before anything changes.
 */
export const adminPatchPlanet: Command<PlanetPatch, Planet> = (ctx, patch) => {
  const planet = ctx.world.planets.get(patch.planetId);
  if (!planet) throw notFound('planet_not_found', 'Planet not found');
  const isUnit = (category: UnitCategory) => (key: string) =>
    ctx.rules.unit(key)?.category === category;
  if (patch.resources)
    checkAmounts('resources', patch.resources, (k) =>
      (RESOURCE_KINDS as readonly string[]).includes(k),
    );
  if (patch.buildings) checkAmounts('buildings', patch.buildings, isUnit('building'));
  if (patch.ships) checkAmounts('ships', patch.ships, isUnit('ship'));
  if (patch.defenses) checkAmounts('defenses', patch.defenses, isUnit('defense'));
  const name = patch.name === undefined ? planet.name : parsePlanetName(patch.name);
  settle(ctx, planet);
  planet.name = name;
  for (const [kind, value] of Object.entries(patch.resources ?? {})) {
    planet.resources[kind as keyof Planet['resources']] = value;
  }
  Object.assign(planet.buildings, patch.buildings ?? {});
  Object.assign(planet.ships, patch.ships ?? {});
  Object.assign(planet.defenses, patch.defenses ?? {});
  ctx.changes.touchUnits(planet.id);
  afterLevelChange(ctx, planet);
  return planet;
};

export const adminPatchPlayer: Command<
  { userId: number; research?: Record<string, number> },
  User
> = (ctx, patch) => {
  const user = ctx.world.users.get(patch.userId);
  if (!user) throw notFound('player_not_found', 'Player not found');
  if (patch.research)
    checkAmounts('research', patch.research, (k) => ctx.rules.unit(k)?.category === 'research');
  settleAll(ctx, user);
  Object.assign(user.research, patch.research ?? {});
  ctx.changes.touch('research', user.id);
  for (const planet of ctx.world.planetsOf(user.id)) afterLevelChange(ctx, planet);
  return user;
};
