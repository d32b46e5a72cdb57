import { computeLoot } from '../battle/index.js';
import { takeDebris } from '../combat/debris-field.js';
import { conflict } from '../errors.js';
import { addInto, cargoCapacity, resourceTotal } from '../fleet/capacity.js';
import { saveFleet, turnHome } from '../fleet/fleet-state.js';
import { coordKey } from '../world.js';
import { emitArrived } from './messages.js';
import type { MissionDef } from './types.js';

/** Collecting takes every resource of the field the cargo room allows (100 %, not loot's 50 %). */
const COLLECT_PERCENT = 100;

/**
 * Recycle: collect the debris field at the target up to the fleet's free cargo room and bring it
 * home. The seed has no recycler, so every ship's cargo hold collects; the room is shared out
 * like loot (a third per resource first, then evenly).
 */
export const recycleMission: MissionDef = {
  returns: true,
  validate(ctx, plan) {
    if (!ctx.world.debrisFields.has(coordKey(plan.target))) {
      throw conflict('no_debris_field', 'No debris field at the target coordinates');
    }
  },
  arrive(ctx, fleet, at) {
    const field = ctx.world.debrisFields.get(coordKey(fleet.target));
    const owner = ctx.world.users.get(fleet.ownerId);
    const room =
      cargoCapacity(ctx.rules, fleet.ships, owner?.research ?? {}) - resourceTotal(fleet.cargo);
    const collected = field
      ? { ...computeLoot(field, Math.max(0, room), COLLECT_PERCENT) }
      : { metal: 0, crystal: 0, deuterium: 0 };
    if (resourceTotal(collected) > 0) {
      takeDebris(ctx, fleet.target, collected);
      addInto(fleet.cargo, collected);
      saveFleet(ctx, fleet);
    }
    emitArrived(ctx, fleet, at, { collected });
    turnHome(ctx, fleet, at);
  },
};
