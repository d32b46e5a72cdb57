// Battle groups from a ruleset: every unit type's research-modified stats (the ruleset's
// unitStats) with hull = structure / 10, and the catalog's rapid fire (none in the seed). The
// same derivation serves every ruleset, so the engine never needs to know which one is active.

import type { Levels, Ruleset } from '../../rules/types.js';
import {
  STRUCTURE_PER_HULL,
  type CombatGroup,
  type CombatSide,
  type UnitCatalog,
  type UnitEconomics,
} from '../battle/index.js';

/** Engine groups for `units` (type -> count) owned by a player with `research`. */
export function combatSide(rules: Ruleset, units: Levels, research: Levels): CombatSide {
  const groups: CombatGroup[] = [];
  for (const [type, count] of Object.entries(units)) {
    if (count === undefined || count <= 0) continue;
    const unit = rules.unit(type);
    if (unit?.stats === undefined) continue;
    const stats = rules.unitStats(type, research);
    const group: CombatGroup = {
      type,
      count,
      attack: stats.attack,
      shield: stats.shield,
      hull: stats.structure / STRUCTURE_PER_HULL,
    };
    groups.push(unit.rapidFire ? { ...group, rapidFire: unit.rapidFire } : group);
  }
  return { groups };
}

export function unitsIn(side: CombatSide): number {
  let n = 0;
  for (const g of side.groups) n += g.count;
  return n;
}

/** Σ count × attack: the Python server's "power" of a side, reported as is. */
export function powerOf(side: CombatSide, counts?: Readonly<Record<string, number>>): number {
  let power = 0;
  for (const g of side.groups) power += (counts ? (counts[g.type] ?? 0) : g.count) * g.attack;
  return power;
}

const catalogs = new WeakMap<Ruleset, UnitCatalog>();

/** Costs and cargo of every ship and defense, as the debris and repair helpers want them. */
export function unitCatalog(rules: Ruleset): UnitCatalog {
  let catalog = catalogs.get(rules);
  if (!catalog) {
    const entries: Record<string, UnitEconomics> = {};
    for (const kind of ['ship', 'defense'] as const) {
      for (const unit of rules.units(kind)) {
        const cost = rules.unitCost(unit.type);
        entries[unit.type] = {
          kind,
          cost: { metal: cost.metal, crystal: cost.crystal, deuterium: cost.deuterium },
          cargo: unit.stats?.cargo ?? 0,
        };
      }
    }
    catalog = Object.freeze(entries);
    catalogs.set(rules, catalog);
  }
  return catalog;
}
