import { runBattle, type BattleResult } from '../battle/index.js';
import type { Command, SimContext } from '../context.js';
import { turnHome } from '../fleet/fleet-state.js';
import type { Fleet, FleetId } from '../types.js';
import {
  fightOrReserve,
  hostileTarget,
  prepareBattle,
  releaseWaitingArrivals,
  resolveBattle,
} from './attack.js';

export interface ReservedBattleResult {
  fleetId: FleetId;
  seed: number;
  /** The worker's result; null to fight on this thread (the worker failed). */
  result: BattleResult | null;
}

/**
 * Applies the result of a battle fought on the battle worker at the battle's logical time (the
 * fleet's arrival). Stale results (the fleet is gone or holds another battle) are ignored, so
 * applying twice is harmless. Internal: only the BattleService submits it.
 */
export const applyReservedBattle: Command<ReservedBattleResult, boolean> = (
  ctx,
  { fleetId, seed, result },
) => {
  const fleet = ctx.world.fleets.get(fleetId);
  if (!fleet || fleet.state !== 'holding' || fleet.battleSeed !== seed) {
    if (ctx.world.fleets.reservedBattles.get(fleetId)?.input.seed === seed) {
      ctx.world.fleets.reservedBattles.delete(fleetId);
    }
    return false;
  }
  const at = fleet.holdUntil ?? ctx.now;
  const planet = hostileTarget(ctx, fleet);
  if (!planet) turnHome(ctx, fleet, at);
  else {
    const input =
      ctx.world.fleets.reservedBattles.get(fleet.id)?.input ??
      prepareBattle(ctx, fleet, planet, seed);
    resolveBattle(ctx, fleet, planet, input, result ?? runBattle(input), at);
  }
  ctx.world.fleets.reservedBattles.delete(fleet.id);
  releaseWaitingArrivals(ctx, fleet.target);
  return true;
};

/**
 * The hold event of an attack fleet, i.e. a battle reserved before a restart (or a recovery):
 * it is reserved again (or fought inline if it is now small enough). While this process already
 * has it on the worker, nothing happens.
 */
export function resumeReservedBattle(ctx: SimContext, fleet: Fleet, at: number): void {
  if (ctx.world.fleets.reservedBattles.has(fleet.id)) return;
  const planet = hostileTarget(ctx, fleet);
  if (!planet || fleet.battleSeed === null) {
    turnHome(ctx, fleet, at);
  } else {
    fightOrReserve(ctx, fleet, planet, fleet.battleSeed, at);
  }
  if (!ctx.world.fleets.reservedBattles.has(fleet.id)) releaseWaitingArrivals(ctx, fleet.target);
}
