// Everything a dispatch must satisfy, checked before anything changes. The preview runs the
// same checks except the stock on hand, so a player can plan a flight with ships still in the
// shipyard.

import { linearFlight } from '../../rules/flight.js';
import type { FlightPlan, Ruleset } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { badRequest, conflict } from '../errors.js';
import { planetFor, requireUnit, requireUser } from '../economy/lookup.js';
import { MAX_QUEUE_WAIT_MS } from '../economy/queues.js';
import { resourcesAt, shortfall } from '../economy/planet-state.js';
import { checkBounds } from '../commands/planets.js';
import { MISSIONS } from '../missions/index.js';
import type { Coordinates, Planet, Resources, User, UserId } from '../types.js';
import { cargoCapacity, resourceTotal } from './capacity.js';
import { battleHeldAt } from './battle-hold.js';
import { defaultShips } from './default-ships.js';
import type { DispatchRequest } from './request.js';

/** A dispatch request whose ships are settled (named by the request or taken by default). */
export type ResolvedDispatch = DispatchRequest & { ships: Record<string, number> };

export interface DispatchPlan {
  user: User;
  origin: Planet;
  target: Coordinates;
  targetPlanet: Planet | undefined;
  request: ResolvedDispatch;
  /** The ships the server chose because the request named none; null when it named them. */
  shipsTaken: Record<string, number> | null;
  flight: FlightPlan;
  capacity: number;
}

type PlanContext = Pick<SimContext, 'world' | 'rules' | 'settings' | 'now'>;

/** The ruleset's flight rules, or the seed's linear formula for rulesets without any. */
export function flightPlan(rules: Ruleset, input: Parameters<NonNullable<Ruleset['flight']>>[0]) {
  return rules.flight
    ? rules.flight(input)
    : linearFlight(input, rules.unitStats, rules.speeds.fleetSpeed);
}

/** The request's ships, or what its mission takes from the origin when it named none. */
function resolveShips(
  ctx: PlanContext,
  user: User,
  origin: Planet,
  request: DispatchRequest,
): ResolvedDispatch {
  if (request.ships !== null) return { ...request, ships: request.ships };
  const ships = defaultShips(ctx.rules, origin, request.mission, user.research);
  if (Object.keys(ships).length === 0) {
    throw badRequest(
      'no_ships_selected',
      'No ships selected: ships must name at least one ship type with a count > 0 (the origin planet has no ships to take)',
    );
  }
  return { ...request, ships };
}

/**
 * Validates a dispatch against the universe, the mission's rules and (with `checkStock`) the
 * ships, resources and fuel on the origin planet. Throws the first problem as a DomainError. A
 * request without ships takes its mission's default from the origin first (defaultShips).
 */
export function planDispatch(
  ctx: PlanContext,
  userId: UserId,
  received: DispatchRequest,
  checkStock: boolean,
): DispatchPlan {
  const user = requireUser(ctx, userId);
  const origin = planetFor(ctx, user, received.originPlanetId);
  const request = resolveShips(ctx, user, origin, received);
  const target = { galaxy: request.galaxy, system: request.system, position: request.position };
  checkBounds(ctx.settings.universe, target);
  for (const type of Object.keys(request.ships)) {
    requireUnit(ctx, type, ['ship'], 'ship_type');
    // Some ships never fly (OGame's solar satellites and crawlers have no drive).
    if (ctx.rules.unitStats(type, user.research).speed <= 0)
      throw badRequest('cannot_fly', `${type} cannot fly`);
  }

  const targetPlanet = ctx.world.planetAt(target);
  const capacity = cargoCapacity(ctx.rules, request.ships, user.research);
  const plan: DispatchPlan = {
    user,
    origin,
    target,
    targetPlanet,
    request,
    shipsTaken: received.ships === null ? { ...request.ships } : null,
    capacity,
    flight: flightPlan(ctx.rules, {
      from: origin,
      to: target,
      universe: ctx.settings.universe,
      ships: request.ships,
      research: user.research,
      speedFraction: request.speed,
    }),
  };
  // A tiny speed fraction (1e-9, 5e-324) gave durations past what a Date can hold: the dispatch
  // left the ships flying with unusable times and answered 500 (found by the security fuzzer,
  // issue 6). The whole round trip must fit the game's longest wait.
  const roundTripMs = 2 * plan.flight.durationSeconds * 1000;
  if (!Number.isFinite(roundTripMs) || roundTripMs > MAX_QUEUE_WAIT_MS) {
    throw badRequest(
      'speed_too_low',
      'speed is too low: the flight would take longer than 100 years',
    );
  }
  MISSIONS[request.mission].validate(ctx, plan);
  const carried = resourceTotal(request.resources);
  if (carried > capacity) {
    throw badRequest('cargo_exceeds_capacity', `Cargo exceeds capacity: ${carried} > ${capacity}`, {
      capacity,
      cargo: carried,
    });
  }
  const slots = ctx.rules.maxFleetSlots(user.research);
  if (slots !== undefined && ctx.world.fleets.ownedBy(user.id).length >= slots) {
    throw conflict('no_fleet_slot', `No free fleet slot: ${slots} fleets already in flight`);
  }
  if (checkStock) checkStockOnHand(ctx, plan);
  return plan;
}

/** 409 when the origin lacks ships, cargo resources or fuel, or is under attack right now. */
function checkStockOnHand(ctx: PlanContext, plan: DispatchPlan): void {
  const { origin, request, flight } = plan;
  if (battleHeldAt(ctx.world, origin)) {
    throw conflict(
      'battle_in_progress',
      'A battle is being fought at this planet; try again in a moment',
    );
  }
  for (const [type, count] of Object.entries(request.ships)) {
    const have = origin.ships[type] ?? 0;
    if (have < count) {
      throw conflict('not_enough_ships', `Not enough ${type}: have ${have}, requested ${count}`, {
        ship_type: type,
        available: have,
        requested: count,
      });
    }
  }
  const needed: Resources = { ...request.resources };
  needed.deuterium += flight.fuel;
  const missing = shortfall(resourcesAt(ctx, origin, ctx.now), needed);
  if (missing) {
    const text = Object.entries(missing)
      .map(([kind, amount]) => `${amount} ${kind}`)
      .join(', ');
    // Where the flight burns fuel, the detail names it (rulesets without fuel keep the old text).
    const burns = flight.fuel > 0;
    throw conflict(
      'insufficient_resources',
      `Insufficient resources for cargo and fuel: missing ${text}` +
        (burns ? ` (the flight burns ${flight.fuel} deuterium)` : ''),
      burns ? { shortfall: missing, fuel: flight.fuel } : { shortfall: missing },
    );
  }
}
