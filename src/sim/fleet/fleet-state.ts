// State changes every mission shares: saving a fleet, turning it home, landing it on a planet
// and removing it. Each records its writes so the runtime commits them.

import type { SimContext } from '../context.js';
import { watchStorage } from '../economy/level-change.js';
import { credit, settle } from '../economy/planet-state.js';
import type { Fleet, Planet } from '../types.js';
import { noResources, resourceTotal, shipCount } from './capacity.js';
import { scheduleFleet } from './schedule.js';

/** Records the fleet's row (and its ships when they changed) for the next commit. */
export function saveFleet(ctx: SimContext, fleet: Fleet, shipsChanged = false): void {
  ctx.changes.touch('fleets', fleet.id);
  if (shipsChanged) ctx.changes.touch('fleet_ships', fleet.id);
}

export function removeFleet(ctx: SimContext, fleet: Fleet): void {
  ctx.world.fleets.remove(fleet);
  ctx.changes.remove('fleets', fleet.id);
  ctx.changes.remove('fleet_ships', fleet.id);
}

/**
 * The fleet turns around at `at` and flies home in the time the outbound flight took (OGame's
 * and the seed's rule). Fleets without ships left are removed instead.
 */
export function turnHome(ctx: SimContext, fleet: Fleet, at: number): void {
  if (shipCount(fleet.ships) === 0) {
    removeFleet(ctx, fleet);
    return;
  }
  fleet.state = 'returning';
  fleet.holdUntil = null;
  fleet.battleSeed = null;
  fleet.returnTime = at + (fleet.arrivalTime - fleet.departureTime);
  saveFleet(ctx, fleet);
  scheduleFleet(ctx, fleet);
}

/** Stations the fleet's ships and unloads its cargo on `planet` at `at`; the fleet is gone. */
export function landFleet(ctx: SimContext, fleet: Fleet, planet: Planet, at: number): void {
  settle(ctx, planet, at);
  for (const [type, count] of Object.entries(fleet.ships)) {
    if (count <= 0) continue;
    planet.ships[type] = (planet.ships[type] ?? 0) + count;
    ctx.changes.touchUnits(planet.id);
  }
  unloadCargo(ctx, fleet, planet);
  removeFleet(ctx, fleet);
}

/** Moves the fleet's cargo into the planet's stores (which may overflow, as deliveries do). */
export function unloadCargo(ctx: SimContext, fleet: Fleet, planet: Planet): void {
  if (resourceTotal(fleet.cargo) <= 0) return;
  credit(ctx, planet, fleet.cargo);
  fleet.cargo = noResources();
  saveFleet(ctx, fleet);
  watchStorage(ctx, planet, ctx.now);
}

/** The planet at the fleet's target, if any. */
export function planetAtTarget(ctx: SimContext, fleet: Fleet): Planet | undefined {
  return ctx.world.planetAt(fleet.target);
}

/** Where a returning fleet lands: its origin, or another planet of the owner if that is gone. */
export function homePlanet(ctx: SimContext, fleet: Fleet): Planet | undefined {
  const origin = ctx.world.planets.get(fleet.originPlanetId);
  if (origin && origin.ownerId === fleet.ownerId) return origin;
  return ctx.world.planetsOf(fleet.ownerId)[0];
}
