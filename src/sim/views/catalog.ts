import type { Cost, UnitCategory, UnitDef } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { activePlanet } from '../economy/lookup.js';
import { projectedBuildings } from '../economy/queues.js';
import type { Planet, User } from '../types.js';

type ViewContext = Pick<SimContext, 'world' | 'rules' | 'now'>;

const GROUPS: ReadonlyArray<[UnitCategory, string]> = [
  ['building', 'buildings'],
  ['research', 'research'],
  ['ship', 'ships'],
  ['defense', 'defenses'],
];

function costView(cost: Cost) {
  const out: Record<string, number> = {
    metal: cost.metal,
    crystal: cost.crystal,
    deuterium: cost.deuterium,
  };
  if (cost.energy) out.energy = cost.energy;
  return out;
}

function entry(ctx: ViewContext, user: User, planet: Planet, unit: UnitDef) {
  const { rules, world } = ctx;
  const buildings =
    unit.category === 'building' ? projectedBuildings(world, planet) : planet.buildings;
  const levels = { buildings, research: user.research };
  const missing = rules.missingRequirements(unit.type, levels);
  const timeCtx = { buildings, research: user.research };
  const base = { type: unit.type, name: unit.name, category: unit.category };
  const requirements = {
    requirements_met: missing.length === 0,
    missing_requirements: missing.map((r) => ({
      type: r.type,
      level: r.level,
      current: buildings[r.type] ?? user.research[r.type] ?? 0,
    })),
  };
  if (unit.category === 'building' || unit.category === 'research') {
    const current =
      unit.category === 'building' ? (buildings[unit.type] ?? 0) : (user.research[unit.type] ?? 0);
    const cost =
      unit.category === 'building'
        ? rules.buildingCost(unit.type, current)
        : rules.researchCost(unit.type, current);
    const seconds =
      unit.category === 'building'
        ? rules.buildingTime(unit.type, current, timeCtx)
        : rules.researchTime(unit.type, current, timeCtx);
    return {
      ...base,
      level: current,
      next_cost: costView(cost),
      next_duration_seconds: seconds,
      ...requirements,
    };
  }
  const count =
    unit.category === 'ship' ? (planet.ships[unit.type] ?? 0) : (planet.defenses[unit.type] ?? 0);
  return {
    ...base,
    count,
    next_cost: costView(rules.unitCost(unit.type)),
    next_duration_seconds: rules.shipyardTime(unit.type, 1, timeCtx),
    stats: rules.unitStats(unit.type, user.research),
    ...requirements,
  };
}

/** GET /player/{id}/catalog: what can be built next on the active planet, priced and timed. */
export function catalogView(ctx: ViewContext, user: User) {
  const planet = activePlanet(ctx, user);
  const out: Record<string, unknown> = { ruleset: ctx.rules.id, planet_id: planet.id };
  for (const [category, key] of GROUPS) {
    const units = ctx.rules.units(category);
    if (units.length === 0 && category === 'defense') continue;
    out[key] = units.map((u) => entry(ctx, user, planet, u));
  }
  return out;
}
