import type { SimContext } from '../context.js';
import type { Coordinates, Fleet } from '../types.js';

export const coordinatesView = (c: Coordinates) => ({
  galaxy: c.galaxy,
  system: c.system,
  position: c.position,
});

/** `fleet_arrived` to the fleet's owner: what the mission did at the target. */
export function emitArrived(
  ctx: SimContext,
  fleet: Fleet,
  at: number,
  outcome: Record<string, unknown>,
): void {
  ctx.emit(fleet.ownerId, {
    type: 'fleet_arrived',
    fleet_id: fleet.id,
    mission: fleet.mission,
    target: coordinatesView(fleet.target),
    ...outcome,
    ts: new Date(at).toISOString(),
  });
}
