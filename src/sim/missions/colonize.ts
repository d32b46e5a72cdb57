import type { SimContext } from '../context.js';
import { badRequest, conflict } from '../errors.js';
import { removeFleet, saveFleet, turnHome, unloadCargo } from '../fleet/fleet-state.js';
import { COLONY_NAME, COLONY_SHIP } from '../fleet/missions.js';
import { scheduleFleet } from '../fleet/schedule.js';
import { notify } from '../notify.js';
import type { Fleet } from '../types.js';
import { createPlanet } from '../universe.js';
import { coordinatesView, emitArrived } from './messages.js';
import type { MissionDef } from './types.js';

const MS_PER_SECOND = 1000;

function failColonization(ctx: SimContext, fleet: Fleet, at: number, reason: string): void {
  const payload = {
    fleet_id: fleet.id,
    target: coordinatesView(fleet.target),
    reason,
    ts: new Date(at).toISOString(),
  };
  ctx.emit(fleet.ownerId, { type: 'colonization_failed', ...payload });
  notify(ctx, fleet.ownerId, 'colonization_failed', payload);
  turnHome(ctx, fleet, at);
}

/**
 * Colonize: at a free position the fleet holds for COLONIZATION_TIME_SECONDS, then the colony
 * ship becomes a new planet (the ruleset's starting values) and is consumed; the cargo is
 * unloaded there and any other ships fly home. An occupied target sends the whole fleet back.
 */
export const colonizeMission: MissionDef = {
  returns: false,
  validate(ctx, plan) {
    if ((plan.request.ships[COLONY_SHIP] ?? 0) < 1) {
      throw badRequest('needs_colony_ship', `A colonize mission needs a ${COLONY_SHIP}`);
    }
    if (plan.targetPlanet)
      throw conflict('position_occupied', 'Target position is already occupied');
  },
  arrive(ctx, fleet, at) {
    if (ctx.world.planetAt(fleet.target)) {
      failColonization(ctx, fleet, at, 'Target position is already occupied');
      return;
    }
    fleet.state = 'holding';
    fleet.holdUntil = at + Math.round(ctx.rules.policies.colonizationTimeSeconds * MS_PER_SECOND);
    saveFleet(ctx, fleet);
    scheduleFleet(ctx, fleet);
    emitArrived(ctx, fleet, at, { colony_at: new Date(fleet.holdUntil).toISOString() });
  },
  hold(ctx, fleet, at) {
    const owner = ctx.world.users.get(fleet.ownerId);
    if (!owner) {
      removeFleet(ctx, fleet);
      return;
    }
    if (ctx.world.planetAt(fleet.target)) {
      failColonization(ctx, fleet, at, 'Target position is already occupied');
      return;
    }
    const planet = createPlanet(ctx, owner, fleet.target, COLONY_NAME);
    fleet.ships[COLONY_SHIP] = (fleet.ships[COLONY_SHIP] ?? 0) - 1;
    if (fleet.ships[COLONY_SHIP] <= 0) delete fleet.ships[COLONY_SHIP];
    saveFleet(ctx, fleet, true);
    unloadCargo(ctx, fleet, planet);
    const payload = {
      fleet_id: fleet.id,
      planet_id: planet.id,
      name: planet.name,
      position: coordinatesView(planet),
      ts: new Date(at).toISOString(),
    };
    ctx.emit(fleet.ownerId, { type: 'colony_founded', ...payload });
    notify(ctx, fleet.ownerId, 'colony_founded', payload);
    turnHome(ctx, fleet, at);
  },
};
