// The battle of an attack mission. Small battles are fought inline, at the arrival's logical
// time. Battles with more than BATTLE_WORKER_UNITS units are *reserved* instead: the fleet holds
// at the target with its battle seed persisted, the battle runs on the battle worker thread, and
// the runtime's BattleService applies the result through the `applyReservedBattle` command
// (reserved.ts) moments later. Until then other fleets arriving at that position wait and the
// defender's fleet cannot leave, so arrivals there stay in order.

import { RESOURCE_KINDS } from '../../rules/types.js';
import { runBattle, type BattleInput, type BattleResult } from '../battle/index.js';
import type { SimContext } from '../context.js';
import { watchStorage } from '../economy/level-change.js';
import { floorResources, resourcesAt, settle } from '../economy/planet-state.js';
import { resourceTotal } from '../fleet/capacity.js';
import { planetAtTarget, saveFleet, turnHome } from '../fleet/fleet-state.js';
import { scheduleFleet } from '../fleet/schedule.js';
import type { Coordinates, Fleet, Planet } from '../types.js';
import { battleAftermath } from './aftermath.js';
import { addDebris } from './debris-field.js';
import { combatSide, unitsIn } from './groups.js';
import { battleOutcome, locationView } from './outcome.js';
import { storeBattleReport } from './report.js';

/** The planet an attack at the fleet's target would hit: someone else's planet, if any. */
export function hostileTarget(ctx: SimContext, fleet: Fleet): Planet | undefined {
  const planet = planetAtTarget(ctx, fleet);
  return planet && planet.ownerId !== fleet.ownerId ? planet : undefined;
}

/** Both sides as the engine wants them: the fleet against the planet's ships and defenses. */
export function prepareBattle(
  ctx: SimContext,
  fleet: Fleet,
  planet: Planet,
  seed: number,
): BattleInput {
  const attacker = ctx.world.users.get(fleet.ownerId);
  const defender = ctx.world.users.get(planet.ownerId);
  return {
    seed,
    attackers: combatSide(ctx.rules, fleet.ships, attacker?.research ?? {}),
    defenders: combatSide(
      ctx.rules,
      { ...planet.ships, ...planet.defenses },
      defender?.research ?? {},
    ),
  };
}

/** Fights now, or reserves the battle for the worker when it is too big for the game loop. */
export function fightOrReserve(
  ctx: SimContext,
  fleet: Fleet,
  planet: Planet,
  seed: number,
  at: number,
): void {
  const input = prepareBattle(ctx, fleet, planet, seed);
  if (unitsIn(input.attackers) + unitsIn(input.defenders) > ctx.settings.combat.battleWorkerUnits) {
    reserveBattle(ctx, fleet, planet, input, at);
    return;
  }
  resolveBattle(ctx, fleet, planet, input, runBattle(input), at);
}

function reserveBattle(
  ctx: SimContext,
  fleet: Fleet,
  planet: Planet,
  input: BattleInput,
  at: number,
): void {
  fleet.state = 'holding';
  fleet.holdUntil = at;
  fleet.battleSeed = input.seed;
  saveFleet(ctx, fleet);
  ctx.world.fleets.reservedBattles.set(fleet.id, { input, at });
  // Also the signal for the BattleService: messages are published after the commit that holds
  // the reservation, and each publication wakes the service up.
  const message = {
    type: 'battle_started',
    fleet_id: fleet.id,
    attacker_user_id: fleet.ownerId,
    defender_user_id: planet.ownerId,
    location: locationView(fleet.target),
    ts: new Date(at).toISOString(),
  };
  ctx.emit(fleet.ownerId, message);
  ctx.emit(planet.ownerId, message);
}

/**
 * Applies a fought battle at logical time `at`: losses on both sides (never more than is there
 * now), loot, debris, the report; then the survivors fly home with the loot.
 */
export function resolveBattle(
  ctx: SimContext,
  fleet: Fleet,
  planet: Planet,
  input: BattleInput,
  result: BattleResult,
  at: number,
): void {
  settle(ctx, planet);
  const attacker = ctx.world.users.get(fleet.ownerId);
  const after = battleAftermath({
    rules: ctx.rules,
    combat: ctx.settings.combat,
    result,
    attackerResearch: attacker?.research ?? {},
    defenderResources: floorResources(resourcesAt(ctx, planet, ctx.now)),
    carried: resourceTotal(fleet.cargo),
  });
  for (const [type, lost] of Object.entries(after.defenderLosses)) {
    const units = ctx.rules.unit(type)?.category === 'defense' ? planet.defenses : planet.ships;
    units[type] = Math.max(0, (units[type] ?? 0) - lost);
    ctx.changes.touchUnits(planet.id);
  }
  for (const kind of RESOURCE_KINDS) {
    const taken = Math.min(after.loot[kind], Math.max(0, Math.floor(planet.resources[kind])));
    after.loot[kind] = taken;
    planet.resources[kind] -= taken;
    fleet.cargo[kind] += taken;
  }
  ctx.changes.touch('planets', planet.id);
  watchStorage(ctx, planet, ctx.now);
  addDebris(ctx, planet, after.debris);
  fleet.ships = { ...after.attackerSurvivors };
  fleet.battleSeed = null;
  saveFleet(ctx, fleet, true);
  storeBattleReport(ctx, {
    fleet,
    defenderId: planet.ownerId,
    seed: input.seed,
    at,
    outcome: battleOutcome(input, result, after, { at, location: fleet.target }),
  });
  turnHome(ctx, fleet, at);
}

/**
 * After a reserved battle: fleets that reached `c` while it was pending were left waiting;
 * their arrivals are scheduled again at their original times (already due, so they run next,
 * in arrival order). A duplicate of an arrival not yet processed is stale once it has run.
 */
export function releaseWaitingArrivals(ctx: SimContext, c: Coordinates): void {
  for (const waiting of ctx.world.fleets.headingTo(c)) {
    if (waiting.state === 'outbound' && waiting.arrivalTime <= ctx.now) scheduleFleet(ctx, waiting);
  }
}
