import { planetAtTarget, turnHome, unloadCargo } from '../fleet/fleet-state.js';
import { emitArrived } from './messages.js';
import { requireNotOrigin, requireTargetPlanet } from './targets.js';
import type { MissionDef } from './types.js';

/** Transport: unload the cargo at any planet (own or another player's), then fly home empty. */
export const transferMission: MissionDef = {
  returns: true,
  validate(_ctx, plan) {
    requireNotOrigin(plan);
    requireTargetPlanet(plan);
  },
  arrive(ctx, fleet, at) {
    const planet = planetAtTarget(ctx, fleet);
    const delivered = { ...fleet.cargo };
    if (planet) unloadCargo(ctx, fleet, planet);
    emitArrived(ctx, fleet, at, planet ? { delivered, planet_id: planet.id } : { delivered: null });
    if (planet && planet.ownerId !== fleet.ownerId) {
      ctx.emit(planet.ownerId, {
        type: 'transport_received',
        fleet_id: fleet.id,
        from_user_id: fleet.ownerId,
        planet_id: planet.id,
        resources: delivered,
        ts: new Date(at).toISOString(),
      });
    }
    turnHome(ctx, fleet, at);
  },
};
