// Shared builders for the battle tests.

import { OGAME_COMBAT_UNITS, type CombatUnitId } from '../../../src/rules/ogame/combat-units.js';
import { combatGroup, type CombatTechs } from '../../../src/sim/battle/research.js';
import type { BattleInput, CombatGroup } from '../../../src/sim/battle/types.js';

/** An engine group of a real OGame unit type. */
export function ogame(type: CombatUnitId, count: number, techs?: CombatTechs): CombatGroup {
  return combatGroup(type, count, OGAME_COMBAT_UNITS[type], techs);
}

/** A made-up unit type with exact stats (hull given directly, no research). */
export function custom(
  type: string,
  count: number,
  stats: { attack: number; shield: number; hull: number; rapidFire?: Record<string, number> },
): CombatGroup {
  return { type, count, ...stats };
}

export function battle(
  attackers: CombatGroup[],
  defenders: CombatGroup[],
  seed = 1,
  maxRounds?: number,
): BattleInput {
  return maxRounds === undefined
    ? { attackers: { groups: attackers }, defenders: { groups: defenders }, seed }
    : { attackers: { groups: attackers }, defenders: { groups: defenders }, seed, maxRounds };
}
