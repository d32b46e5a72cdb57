import type { SimContext } from '../context.js';
import type { Fleet, FleetState } from '../types.js';
import type { World } from '../world.js';

export const EVENT_FLEET_ARRIVAL = 'fleet_arrival';
export const EVENT_FLEET_HOLD = 'fleet_hold';
export const EVENT_FLEET_RETURN = 'fleet_return';

const EVENT_BY_STATE: Record<FleetState, string> = {
  outbound: EVENT_FLEET_ARRIVAL,
  holding: EVENT_FLEET_HOLD,
  returning: EVENT_FLEET_RETURN,
};

/** When the fleet's next timed step is due, derived from its persisted fields. */
export function nextFleetDue(fleet: Fleet): number {
  if (fleet.state === 'outbound') return fleet.arrivalTime;
  if (fleet.state === 'holding') return fleet.holdUntil ?? fleet.arrivalTime;
  return fleet.returnTime ?? fleet.arrivalTime;
}

/** Schedules the fleet's next step; an older entry for the same fleet becomes stale. */
export function scheduleFleet(ctx: Pick<SimContext, 'scheduler'>, fleet: Fleet): void {
  ctx.scheduler.schedule(nextFleetDue(fleet), EVENT_BY_STATE[fleet.state], fleet.id);
}

/**
 * The fleet a timed event refers to, or null when the event is stale: the fleet is gone, is in
 * another state (recalled, already arrived) or its step was re-timed.
 */
export function liveFleet(world: World, ref: number, state: FleetState, due: number): Fleet | null {
  const fleet = world.fleets.get(ref);
  if (!fleet || fleet.state !== state || nextFleetDue(fleet) !== due) return null;
  return fleet;
}

/** Puts every fleet's next step into a fresh scheduler (start-up, recovery). */
export function scheduleAllFleets(world: World, ctx: Pick<SimContext, 'scheduler'>): void {
  for (const fleet of world.fleets.values()) scheduleFleet(ctx, fleet);
}
