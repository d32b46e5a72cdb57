import type { Cost, UnitDef } from '../../rules/types.js';
import type { SimContext } from '../context.js';
import { projectedBuildings } from '../economy/queues.js';
import type { Planet, User } from '../types.js';

type ViewContext = Pick<SimContext, 'world' | 'rules' | 'now'>;

/** A price; `energy` only where the price asks for energy (OGame's terraformer, graviton). */
function costView(cost: Cost): Cost {
  const out: Cost = { metal: cost.metal, crystal: cost.crystal, deuterium: cost.deuterium };
  if (cost.energy) out.energy = cost.energy;
  return out;
}

function requirementsView(
  ctx: ViewContext,
  user: User,
  unit: UnitDef,
  buildings: Record<string, number>,
) {
  const missing = ctx.rules.missingRequirements(unit.type, { buildings, research: user.research });
  return {
    requirements_met: missing.length === 0,
    missing_requirements: missing.map((r) => ({
      type: r.type,
      level: r.level,
      current: buildings[r.type] ?? user.research[r.type] ?? 0,
    })),
  };
}

/** A building or a technology: its level and the price and duration of the next one. */
function levelEntry(
  ctx: ViewContext,
  user: User,
  planet: Planet,
  unit: UnitDef,
  category: 'building' | 'research',
) {
  const { rules, world } = ctx;
  const isBuilding = category === 'building';
  // A building's next level follows the levels its queue will reach.
  const buildings = isBuilding ? projectedBuildings(world, planet) : planet.buildings;
  const timeCtx = { buildings, research: user.research };
  const current = isBuilding ? (buildings[unit.type] ?? 0) : (user.research[unit.type] ?? 0);
  return {
    type: unit.type,
    name: unit.name,
    category,
    level: current,
    next_cost: costView(
      isBuilding ? rules.buildingCost(unit.type, current) : rules.researchCost(unit.type, current),
    ),
    next_duration_seconds: isBuilding
      ? rules.buildingTime(unit.type, current, timeCtx)
      : rules.researchTime(unit.type, current, timeCtx),
    ...requirementsView(ctx, user, unit, buildings),
  };
}

/** A ship or a defense: the planet's count, the price and duration of one more, its stats. */
function unitEntry(
  ctx: ViewContext,
  user: User,
  planet: Planet,
  unit: UnitDef,
  category: 'ship' | 'defense',
) {
  const { rules } = ctx;
  const timeCtx = { buildings: planet.buildings, research: user.research };
  const count =
    category === 'ship' ? (planet.ships[unit.type] ?? 0) : (planet.defenses[unit.type] ?? 0);
  return {
    type: unit.type,
    name: unit.name,
    category,
    count,
    next_cost: costView(rules.unitCost(unit.type)),
    next_duration_seconds: rules.shipyardTime(unit.type, 1, timeCtx),
    stats: rules.unitStats(unit.type, user.research),
    ...requirementsView(ctx, user, unit, planet.buildings),
  };
}

/**
 * GET /player/{id}/catalog: what can be built next on the planet (the active one unless named),
 * priced and timed. `defenses` is absent in rulesets without defenses (the seed).
 */
export function catalogView(ctx: ViewContext, user: User, planet: Planet) {
  const { rules } = ctx;
  const defenses = rules.units('defense');
  return {
    ruleset: rules.id,
    planet_id: planet.id,
    buildings: rules.units('building').map((u) => levelEntry(ctx, user, planet, u, 'building')),
    research: rules.units('research').map((u) => levelEntry(ctx, user, planet, u, 'research')),
    ships: rules.units('ship').map((u) => unitEntry(ctx, user, planet, u, 'ship')),
    ...(defenses.length > 0
      ? { defenses: defenses.map((u) => unitEntry(ctx, user, planet, u, 'defense')) }
      : {}),
  };
}
