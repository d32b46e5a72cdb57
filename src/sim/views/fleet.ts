import type { SimContext } from '../context.js';
import { planDispatch } from '../fleet/plan.js';
import { HOSTILE_MISSIONS } from '../fleet/missions.js';
import type { DispatchRequest } from '../fleet/request.js';
import { coordinatesView } from '../missions/messages.js';
import { MISSIONS } from '../missions/index.js';
import type { Fleet, User, UserId } from '../types.js';

type ViewContext = Pick<SimContext, 'world' | 'rules' | 'settings' | 'now'>;

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));
const MS_PER_SECOND = 1000;

/** One of the player's own fleets, as listed in GET /player/{id}/fleet `missions`. */
export function fleetView(fleet: Fleet) {
  return {
    id: fleet.id,
    mission: fleet.mission,
    state: fleet.state,
    origin: { ...coordinatesView(fleet.origin), planet_id: fleet.originPlanetId },
    target: { ...coordinatesView(fleet.target), planet_id: fleet.targetPlanetId },
    ships: { ...fleet.ships },
    cargo: { ...fleet.cargo },
    speed: fleet.speed,
    distance: fleet.distance,
    fuel: fleet.fuel,
    departure_time: iso(fleet.departureTime),
    arrival_time: iso(fleet.arrivalTime),
    hold_until: isoOrNull(fleet.holdUntil),
    return_time: isoOrNull(fleet.returnTime),
    recalled: fleet.recalled,
  };
}

/** Another player's fleet heading to one of the player's planets; hostile ones hide their ships. */
export function incomingView(fleet: Fleet) {
  const hostile = HOSTILE_MISSIONS.has(fleet.mission);
  return {
    id: fleet.id,
    mission: fleet.mission,
    hostile,
    owner_user_id: fleet.ownerId,
    origin: coordinatesView(fleet.origin),
    target: { ...coordinatesView(fleet.target), planet_id: fleet.targetPlanetId },
    arrival_time: iso(fleet.arrivalTime),
    ships: hostile ? null : { ...fleet.ships },
  };
}

/** `missions` (own fleets) and `incoming` (others' fleets on their way to the player's planets). */
export function fleetMovements(ctx: ViewContext, user: User) {
  const missions = ctx.world.fleets.ownedBy(user.id).map(fleetView);
  const incoming = [];
  for (const planet of ctx.world.planetsOf(user.id)) {
    for (const fleet of ctx.world.fleets.headingTo(planet)) {
      if (fleet.ownerId !== user.id && fleet.state === 'outbound')
        incoming.push(incomingView(fleet));
    }
  }
  incoming.sort((a, b) => a.arrival_time.localeCompare(b.arrival_time) || a.id - b.id);
  return { missions, incoming };
}

/**
 * POST /player/{id}/fleet/dispatch: the specification's fields plus the fleet itself, and
 * `ships_taken` when the request named no ships and the server chose them (defaultShips).
 */
export function dispatchView(fleet: Fleet, shipsTaken: boolean) {
  return {
    message: 'Fleet dispatch queued',
    target: coordinatesView(fleet.target),
    mission: fleet.mission,
    fleet_id: fleet.id,
    departure_time: iso(fleet.departureTime),
    arrival_time: iso(fleet.arrivalTime),
    return_time: isoOrNull(fleet.returnTime),
    duration_seconds: (fleet.arrivalTime - fleet.departureTime) / MS_PER_SECOND,
    distance: fleet.distance,
    fuel: fleet.fuel,
    fleet: fleetView(fleet),
    ...(shipsTaken ? { ships_taken: { ...fleet.ships } } : {}),
  };
}

/**
 * POST /player/{id}/fleet/preview: the flight a dispatch would make, without sending it (with
 * `ships_taken` when the request named no ships, as the dispatch would take them now).
 */
export function previewFlight(ctx: ViewContext, userId: UserId, request: DispatchRequest) {
  const plan = planDispatch(ctx, userId, request, false);
  const durationMs = plan.flight.durationSeconds * MS_PER_SECOND;
  return {
    distance: plan.flight.distance,
    duration_seconds: plan.flight.durationSeconds,
    fuel: plan.flight.fuel,
    arrival_time: iso(ctx.now + durationMs),
    return_time: MISSIONS[request.mission].returns ? iso(ctx.now + 2 * durationMs) : null,
    speed: plan.flight.speed,
    speed_fraction: request.speed,
    cargo_capacity: plan.capacity,
    mission: request.mission,
    target: coordinatesView(plan.target),
    ...(plan.shipsTaken ? { ships_taken: plan.shipsTaken } : {}),
  };
}
