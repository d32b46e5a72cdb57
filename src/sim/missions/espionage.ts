import { FULL_ESPIONAGE } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { badRequest } from '../errors.js';
import { floorResources, resourcesAt } from '../economy/planet-state.js';
import { shipCount } from '../fleet/capacity.js';
import { planetAtTarget, turnHome } from '../fleet/fleet-state.js';
import type { DispatchPlan } from '../fleet/plan.js';
import { notify } from '../notify.js';
import { fightOrReserve } from '../combat/attack.js';
import { locationView } from '../combat/outcome.js';
import { resumeReservedBattle } from '../combat/reserved.js';
import type { Fleet, Planet } from '../types.js';
import { levelsOf } from '../views/player.js';
import { emitArrived } from './messages.js';
import { requireForeignPlanet } from './targets.js';
import type { MissionDef, PlanContext } from './types.js';

const PERCENT = 100;

/** 400 when the ruleset lets only some ship types spy (OGame: probes) and others are sent. */
function requireSpyShips(ctx: PlanContext, plan: DispatchPlan): void {
  const allowed = ctx.rules.policies.espionageShipTypes;
  if (allowed === undefined) return;
  const others = Object.keys(plan.request.ships).filter((type) => !allowed.includes(type));
  if (others.length === 0) return;
  throw badRequest(
    'espionage_ships_only',
    `Only ${allowed.join(', ')} can fly an espionage mission; remove ${others.join(', ')} from the fleet`,
    { allowed_ship_types: [...allowed], not_allowed: others },
  );
}

/**
 * What the report shows, by the ruleset's espionage rules (the seed: everything; parts a
 * ruleset hides are null), and the chance that the defender catches the spies. Amounts are
 * those at the moment of arrival.
 */
function snapshotOf(ctx: SimContext, fleet: Fleet, planet: Planet, at: number) {
  const attacker = ctx.world.users.get(fleet.ownerId);
  const defender = ctx.world.users.get(planet.ownerId);
  const visible =
    ctx.rules.espionage?.({
      shipsSent: fleet.ships,
      attackerResearch: attacker?.research ?? {},
      defenderResearch: defender?.research ?? {},
      defenderShips: shipCount(planet.ships),
    }) ?? FULL_ESPIONAGE;
  const chance = visible.counterEspionageChance;
  const { rules } = ctx;
  const snapshot = {
    planet: {
      id: planet.id,
      name: planet.name,
      temperature: planet.temperature,
      size: planet.size,
    },
    owner: { user_id: planet.ownerId, name: defender?.username ?? null },
    resources: visible.resources ? floorResources(resourcesAt(ctx, planet, at)) : null,
    buildings: visible.buildings ? levelsOf(rules, 'building', planet.buildings) : null,
    fleet: visible.fleet ? levelsOf(rules, 'ship', planet.ships) : null,
    defenses: visible.defenses ? levelsOf(rules, 'defense', planet.defenses) : null,
    research: visible.research ? levelsOf(rules, 'research', defender?.research ?? {}) : null,
    // Only rulesets with counter-espionage report a chance (the seed's report is unchanged).
    ...(chance === undefined ? {} : { counter_espionage_chance: chance }),
  };
  return { snapshot, chance };
}

/**
 * Espionage: a report on the target planet for the sender, a warning for its owner, then home.
 * Where the ruleset has counter-espionage (OGame), the defender may catch the spies after they
 * have sent their report (one draw of ctx.rng against the chance): the probes then fight the
 * planet's ships and defenses like an attack (battle report, debris), and survivors fly home.
 * The seed has no counter-espionage: its spies never fight and draw no random number.
 */
export const espionageMission: MissionDef = {
  returns: true,
  validate(ctx, plan) {
    requireSpyShips(ctx, plan);
    requireForeignPlanet(plan, 'Cannot spy on your own planet');
  },
  arrive(ctx, fleet, at) {
    const planet = planetAtTarget(ctx, fleet);
    if (!planet || planet.ownerId === fleet.ownerId) {
      emitArrived(ctx, fleet, at, { report_id: null });
      turnHome(ctx, fleet, at);
      return;
    }
    const id = ctx.world.nextId('espionageReport');
    const { snapshot, chance } = snapshotOf(ctx, fleet, planet, at);
    const location = locationView(fleet.target);
    const createdAt = new Date(at).toISOString();
    ctx.changes.insert('espionage_reports', {
      id,
      created_at: at,
      attacker_user_id: fleet.ownerId,
      defender_user_id: planet.ownerId,
      galaxy: fleet.target.galaxy,
      system: fleet.target.system,
      position: fleet.target.position,
      fleet_id: fleet.id,
      snapshot: JSON.stringify(snapshot),
    });
    ctx.emit(fleet.ownerId, {
      type: 'espionage_report',
      report_id: id,
      created_at: createdAt,
      location,
      snapshot,
    });
    notify(ctx, fleet.ownerId, 'espionage_report', { report_id: id, location, ts: createdAt });
    notify(ctx, planet.ownerId, 'espionage_detected', {
      report_id: id,
      spy_user_id: fleet.ownerId,
      location,
      ts: createdAt,
    });
    if (chance === undefined) {
      emitArrived(ctx, fleet, at, { report_id: id });
      turnHome(ctx, fleet, at);
      return;
    }
    const caught = chance > 0 && ctx.rng.next() * PERCENT < chance;
    emitArrived(ctx, fleet, at, { report_id: id, counter_espionage: caught });
    if (caught) fightOrReserve(ctx, fleet, planet, ctx.rng.nextUint32(), at);
    else turnHome(ctx, fleet, at);
  },
  // A counter-espionage battle too big for the game loop is reserved like an attack's.
  hold: resumeReservedBattle,
};
