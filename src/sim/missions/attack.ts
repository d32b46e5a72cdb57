import { fightOrReserve, hostileTarget } from '../combat/attack.js';
import { resumeReservedBattle } from '../combat/reserved.js';
import { turnHome } from '../fleet/fleet-state.js';
import { notify } from '../notify.js';
import { coordinatesView, emitArrived } from './messages.js';
import { requireForeignPlanet } from './targets.js';
import type { MissionDef } from './types.js';

/** Attack: fight the planet's ships and defenses; survivors fly home with the loot. */
export const attackMission: MissionDef = {
  returns: true,
  validate(_ctx, plan) {
    requireForeignPlanet(plan, 'Cannot attack your own planet');
  },
  dispatched(ctx, fleet) {
    const planet = hostileTarget(ctx, fleet);
    if (!planet) return;
    const payload = {
      fleet_id: fleet.id,
      attacker_user_id: fleet.ownerId,
      origin: coordinatesView(fleet.origin),
      target: coordinatesView(fleet.target),
      planet_id: planet.id,
      eta: new Date(fleet.arrivalTime).toISOString(),
      ts: new Date(ctx.now).toISOString(),
    };
    ctx.emit(planet.ownerId, { type: 'incoming_attack', ...payload });
    notify(ctx, planet.ownerId, 'incoming_attack', payload);
  },
  arrive(ctx, fleet, at) {
    const planet = hostileTarget(ctx, fleet);
    if (!planet) {
      emitArrived(ctx, fleet, at, { battle: false });
      turnHome(ctx, fleet, at);
      return;
    }
    fightOrReserve(ctx, fleet, planet, ctx.rng.nextUint32(), at);
  },
  hold: resumeReservedBattle,
};
