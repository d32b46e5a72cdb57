import type { EventHandler } from '../context.js';
import { battleHeldAt } from '../fleet/battle-hold.js';
import { homePlanet, landFleet, removeFleet } from '../fleet/fleet-state.js';
import { liveFleet } from '../fleet/schedule.js';
import { coordinatesView } from '../missions/messages.js';
import { MISSIONS } from '../missions/index.js';

/**
 * A fleet reaches its target: the mission's effect, exactly once (a recalled or already arrived
 * fleet makes the entry stale). While a battle reserved for the battle worker is pending at the
 * target, the arrival waits; it is scheduled again when that battle is applied.
 */
export const onFleetArrival: EventHandler = (ctx, ref, due) => {
  const fleet = liveFleet(ctx.world, ref, 'outbound', due);
  if (!fleet) return;
  if (battleHeldAt(ctx.world, fleet.target)) return;
  MISSIONS[fleet.mission].arrive(ctx, fleet, due);
};

/** A fleet's holding at its target ends (a colony is founded, a reserved battle resumes). */
export const onFleetHoldEnd: EventHandler = (ctx, ref, due) => {
  const fleet = liveFleet(ctx.world, ref, 'holding', due);
  if (!fleet) return;
  const hold = MISSIONS[fleet.mission].hold;
  if (hold) hold(ctx, fleet, due);
};

/** A fleet is home: ships and cargo are back on the planet (another one if it is gone). */
export const onFleetReturn: EventHandler = (ctx, ref, due) => {
  const fleet = liveFleet(ctx.world, ref, 'returning', due);
  if (!fleet) return;
  const home = homePlanet(ctx, fleet);
  if (!home) {
    // The owner has no planet left (the account was cleaned up): nothing to land on.
    removeFleet(ctx, fleet);
    return;
  }
  ctx.emit(fleet.ownerId, {
    type: 'fleet_returned',
    fleet_id: fleet.id,
    mission: fleet.mission,
    recalled: fleet.recalled,
    planet_id: home.id,
    position: coordinatesView(home),
    ships: { ...fleet.ships },
    cargo: { ...fleet.cargo },
    ts: new Date(due).toISOString(),
  });
  landFleet(ctx, fleet, home, due);
};
