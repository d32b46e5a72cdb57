// Everything a dispatch must satisfy, checked before anything changes. The preview runs the
// same checks except the stock on hand, so a player can plan a flight with ships still in the
// shipyard.

import { linearFlight } from '../../rules/flight.js';
import type { FlightPlan, Ruleset } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { badRequest, conflict, notFound } from '../errors.js';
import { activePlanet, requireUnit, requireUser } from '../economy/lookup.js';
import { MAX_QUEUE_WAIT_MS } from '../economy/queues.js';
import { resourcesAt, shortfall } from '../economy/planet-state.js';
import { checkBounds } from '../commands/planets.js';
import { MISSIONS } from '../missions/index.js';
import type { Coordinates, Planet, Resources, User, UserId } from '../types.js';
import { cargoCapacity, resourceTotal } from './capacity.js';
import { battleHeldAt } from './battle-hold.js';
import type { DispatchRequest } from './request.js';

export interface DispatchPlan {
  user: User;
  origin: Planet;
  target: Coordinates;
  targetPlanet: Planet | undefined;
  request: DispatchRequest;
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

function originPlanet(ctx: PlanContext, user: User, originPlanetId: number | null): Planet {
  if (originPlanetId === null) return activePlanet(ctx, user);
  const planet = ctx.world.planets.get(originPlanetId);
  if (!planet || planet.ownerId !== user.id)
    throw notFound('Planet not found or not owned by user');
  return planet;
}

/**
 * Validates a dispatch against the universe, the mission's rules and (with `checkStock`) the
 * ships, resources and fuel on the origin planet. Throws the first problem as a DomainError.
 */
export function planDispatch(
  ctx: PlanContext,
  userId: UserId,
  request: DispatchRequest,
  checkStock: boolean,
): DispatchPlan {
  const user = requireUser(ctx, userId);
  const origin = originPlanet(ctx, user, request.originPlanetId);
  const target = { galaxy: request.galaxy, system: request.system, position: request.position };
  checkBounds(ctx.settings.universe, target);
  for (const type of Object.keys(request.ships)) {
    requireUnit(ctx, type, ['ship'], 'ship_type');
    // Some ships never fly (OGame's solar satellites and crawlers have no drive).
    if (ctx.rules.unitStats(type, user.research).speed <= 0) throw badRequest(`${type} cannot fly`);
  }

  const targetPlanet = ctx.world.planetAt(target);
  const capacity = cargoCapacity(ctx.rules, request.ships, user.research);
  const plan: DispatchPlan = {
    user,
    origin,
    target,
    targetPlanet,
    request,
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
    throw badRequest('speed is too low: the flight would take longer than 100 years');
  }
  MISSIONS[request.mission].validate(ctx, plan);
  const carried = resourceTotal(request.resources);
  if (carried > capacity) {
    throw badRequest(`Cargo exceeds capacity: ${carried} > ${capacity}`, {
      capacity,
      cargo: carried,
    });
  }
  const slots = ctx.rules.maxFleetSlots(user.research);
  if (slots !== undefined && ctx.world.fleets.ownedBy(user.id).length >= slots) {
    throw conflict(`No free fleet slot: ${slots} fleets already in flight`);
  }
  if (checkStock) checkStockOnHand(ctx, plan);
  return plan;
}

/** 409 when the origin lacks ships, cargo resources or fuel, or is under attack right now. */
function checkStockOnHand(ctx: PlanContext, plan: DispatchPlan): void {
  const { origin, request, flight } = plan;
  if (battleHeldAt(ctx.world, origin)) {
    throw conflict('A battle is being fought at this planet; try again in a moment');
  }
  for (const [type, count] of Object.entries(request.ships)) {
    const have = origin.ships[type] ?? 0;
    if (have < count) {
      throw conflict(`Not enough ${type}: have ${have}, requested ${count}`, {
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
      `Insufficient resources for cargo and fuel: missing ${text}` +
        (burns ? ` (the flight burns ${flight.fuel} deuterium)` : ''),
      burns ? { shortfall: missing, fuel: flight.fuel } : { shortfall: missing },
    );
  }
}
