import type { Command } from '../context.js';
import { settle, spend } from '../economy/planet-state.js';
import { saveFleet } from '../fleet/fleet-state.js';
import { planDispatch } from '../fleet/plan.js';
import { LAST_FLEET_ID_KEY } from '../fleet/registry.js';
import type { DispatchRequest } from '../fleet/request.js';
import { scheduleFleet } from '../fleet/schedule.js';
import { MISSIONS } from '../missions/index.js';
import type { Fleet, UserId } from '../types.js';

const MS_PER_SECOND = 1000;

export interface DispatchInput extends DispatchRequest {
  userId: UserId;
}

/**
 * Sends a fleet: every check first (planDispatch), then the ships leave the planet, the cargo
 * and fuel are paid, and the arrival is scheduled. Attacks warn the target at once.
 */
export const dispatchFleet: Command<DispatchInput, Fleet> = (ctx, input) => {
  const plan = planDispatch(ctx, input.userId, input, true);
  const { origin, request, flight } = plan;
  const mission = MISSIONS[request.mission];
  // Paid first: spend() is the one step that could still refuse, and it changes nothing then.
  const paid = { ...request.resources };
  paid.deuterium += flight.fuel;
  spend(ctx, origin, paid, 'cargo and fuel');
  settle(ctx, origin);
  for (const [type, count] of Object.entries(request.ships)) {
    origin.ships[type] = (origin.ships[type] ?? 0) - count;
    ctx.changes.touchUnits(origin.id);
  }

  const durationMs = flight.durationSeconds * MS_PER_SECOND;
  const fleet: Fleet = {
    id: ctx.world.fleets.nextId(),
    ownerId: plan.user.id,
    originPlanetId: origin.id,
    origin: { galaxy: origin.galaxy, system: origin.system, position: origin.position },
    target: plan.target,
    targetPlanetId: plan.targetPlanet?.id ?? null,
    mission: request.mission,
    state: 'outbound',
    ships: { ...request.ships },
    cargo: { ...request.resources },
    speed: request.speed,
    distance: flight.distance,
    fuel: flight.fuel,
    departureTime: ctx.now,
    arrivalTime: ctx.now + durationMs,
    holdUntil: null,
    returnTime: mission.returns ? ctx.now + 2 * durationMs : null,
    recalled: false,
    battleSeed: null,
  };
  ctx.world.fleets.add(fleet);
  ctx.world.meta.set(LAST_FLEET_ID_KEY, String(fleet.id));
  ctx.changes.touch('meta', LAST_FLEET_ID_KEY);
  saveFleet(ctx, fleet, true);
  scheduleFleet(ctx, fleet);
  mission.dispatched?.(ctx, fleet);
  return fleet;
};
