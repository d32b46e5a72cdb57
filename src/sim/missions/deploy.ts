import { badRequest } from '../errors.js';
import { landFleet, planetAtTarget, turnHome } from '../fleet/fleet-state.js';
import { emitArrived } from './messages.js';
import { requireNotOrigin, requireTargetPlanet } from './targets.js';
import type { MissionDef } from './types.js';

/** Deploy: the ships and their cargo move to another planet of the same player and stay. */
export const deployMission: MissionDef = {
  returns: false,
  validate(_ctx, plan) {
    requireNotOrigin(plan);
    const planet = requireTargetPlanet(plan);
    if (planet.ownerId !== plan.user.id)
      throw badRequest('not_own_planet', 'Deploy target must be one of your planets');
  },
  arrive(ctx, fleet, at) {
    const planet = planetAtTarget(ctx, fleet);
    if (!planet || planet.ownerId !== fleet.ownerId) {
      // The planet changed hands or vanished in the meantime: the fleet comes back.
      emitArrived(ctx, fleet, at, { deployed: false });
      turnHome(ctx, fleet, at);
      return;
    }
    emitArrived(ctx, fleet, at, {
      deployed: true,
      planet_id: planet.id,
      ships: { ...fleet.ships },
    });
    landFleet(ctx, fleet, planet, at);
  },
};
