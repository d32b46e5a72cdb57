import { advanceResources, hoursUntilFullByResource } from '../../rules/production.js';
import {
  RESOURCE_KINDS,
  type Cost,
  type ProductionRates,
  type Resources,
} from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { conflict } from '../errors.js';
import type { Planet, User } from '../types.js';
import type { World } from '../world.js';

const MS_PER_HOUR = 3_600_000;

export function ownerOf(world: World, planet: Planet): User | undefined {
  return world.users.get(planet.ownerId);
}

/** The planet's hourly rates under its current buildings, ships and its owner's research. */
export function ratesOf(ctx: Pick<SimContext, 'world' | 'rules'>, planet: Planet): ProductionRates {
  const owner = ownerOf(ctx.world, planet);
  return ctx.rules.production({
    buildings: planet.buildings,
    ships: planet.ships,
    research: owner?.research ?? {},
    temperature: planet.temperature,
    size: planet.size,
    position: planet.position,
  });
}

export function capacityOf(ctx: Pick<SimContext, 'rules'>, planet: Planet): Resources {
  return ctx.rules.storageCapacity({
    buildings: planet.buildings,
    ships: planet.ships,
    temperature: planet.temperature,
    size: planet.size,
    position: planet.position,
  });
}

/** Resources at time `t` without changing the planet (a view of the closed form). */
export function resourcesAt(
  ctx: Pick<SimContext, 'world' | 'rules'>,
  planet: Planet,
  t: number,
): Resources {
  if (t <= planet.lastUpdate) return { ...planet.resources };
  return advanceResources(
    planet.resources,
    ratesOf(ctx, planet),
    capacityOf(ctx, planet),
    (t - planet.lastUpdate) / MS_PER_HOUR,
  );
}

/**
 * Brings the stored amounts up to `t` at the current rates. Must run before anything changes
 * the rates or the amounts, so each production segment uses the levels in force during it.
 */
export function settle(ctx: SimContext, planet: Planet, t: number = ctx.now): void {
  if (t <= planet.lastUpdate) return;
  planet.resources = resourcesAt(ctx, planet, t);
  planet.lastUpdate = t;
  ctx.changes.touch('planets', planet.id);
}

/** Settles every planet of a player (research changes the rates of all of them). */
export function settleAll(ctx: SimContext, user: User, t: number = ctx.now): void {
  for (const planet of ctx.world.planetsOf(user.id)) settle(ctx, planet, t);
}

export const floorResources = (r: Resources): Resources => ({
  metal: Math.floor(r.metal),
  crystal: Math.floor(r.crystal),
  deuterium: Math.floor(r.deuterium),
});

export function scaleCost(cost: Cost, factor: number): Resources {
  return {
    metal: cost.metal * factor,
    crystal: cost.crystal * factor,
    deuterium: cost.deuterium * factor,
  };
}

/** What is missing to pay `cost` from `available`, or null if it is affordable. */
export function shortfall(available: Resources, cost: Cost): Partial<Resources> | null {
  const missing: Partial<Resources> = {};
  let short = false;
  for (const kind of RESOURCE_KINDS) {
    const gap = cost[kind] - Math.floor(available[kind]);
    if (gap > 0) {
      missing[kind] = gap;
      short = true;
    }
  }
  return short ? missing : null;
}

/**
 * Deducts `cost` from the planet at `ctx.now`, or throws 409 naming the shortfall without
 * changing anything.
 */
export function spend(ctx: SimContext, planet: Planet, cost: Cost, what: string): void {
  const available = resourcesAt(ctx, planet, ctx.now);
  const missing = shortfall(available, cost);
  if (missing) {
    const text = Object.entries(missing)
      .map(([kind, amount]) => `${amount} ${kind}`)
      .join(', ');
    throw conflict(
      'insufficient_resources',
      `Insufficient resources for ${what}: missing ${text}`,
      {
        shortfall: missing,
        cost: { metal: cost.metal, crystal: cost.crystal, deuterium: cost.deuterium },
      },
    );
  }
  settle(ctx, planet);
  for (const kind of RESOURCE_KINDS) planet.resources[kind] -= cost[kind];
  ctx.changes.touch('planets', planet.id);
}

/** Adds resources (refunds, deliveries); may exceed storage, as transports do in the real game. */
export function credit(ctx: SimContext, planet: Planet, amounts: Partial<Resources>): void {
  settle(ctx, planet);
  for (const kind of RESOURCE_KINDS) planet.resources[kind] += amounts[kind] ?? 0;
  ctx.changes.touch('planets', planet.id);
}

/** The earliest time a resource of the planet reaches its capacity, if it ever does. */
export function nextStorageFull(
  ctx: Pick<SimContext, 'world' | 'rules'>,
  planet: Planet,
  now: number,
  rates: Resources = ratesOf(ctx, planet),
): number | null {
  const capacity = capacityOf(ctx, planet);
  // Settled planets (the usual caller) need no second evaluation of the closed form.
  const amounts =
    now === planet.lastUpdate
      ? planet.resources
      : advanceResources(
          planet.resources,
          rates,
          capacity,
          (now - planet.lastUpdate) / MS_PER_HOUR,
        );
  const hours = hoursUntilFullByResource(amounts, rates, capacity);
  let earliest: number | null = null;
  for (const h of Object.values(hours)) {
    if (h === undefined || h <= 0) continue;
    const due = now + Math.ceil(h * MS_PER_HOUR);
    if (earliest === null || due < earliest) earliest = due;
  }
  return earliest;
}
