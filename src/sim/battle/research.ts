// Research modifiers for combat stats (spec/ogame-rules.md, "Battle engine rules"): each level
// of weapons, shielding or armour adds 10 % of the base value, and the combat hull is a tenth of
// the structural integrity. Each fleet uses its own owner's technologies.

import type { CombatGroup, RapidFireTable } from './types.js';

/** Points of structural integrity per combat hull point (hull = structure / 10). */
export const STRUCTURE_PER_HULL = 10;

/** Tech levels are multiplied as (TECH_LEVEL_DIVISOR + level) / TECH_LEVEL_DIVISOR, i.e. +10 %. */
const TECH_LEVEL_DIVISOR = 10;

export interface CombatTechs {
  readonly weapons: number;
  readonly shielding: number;
  readonly armour: number;
}

export const NO_COMBAT_TECHS: CombatTechs = Object.freeze({ weapons: 0, shielding: 0, armour: 0 });

/** The research-free stats of a unit type, as the ruleset's catalog gives them. */
export interface BaseCombatStats {
  readonly structure: number;
  readonly shield: number;
  readonly attack: number;
  readonly rapidFire?: RapidFireTable;
}

export interface ResearchedStats {
  readonly attack: number;
  readonly shield: number;
  readonly hull: number;
}

/**
 * Applies the owner's technologies. Written as base x (10 + level) / 10 rather than
 * base x (1 + 0.1 x level) because the former is exact for integer bases (400 x 11 / 10 = 440,
 * while 400 x 1.1 = 440.00000000000006), which keeps reports free of float noise.
 */
export function researchedStats(base: BaseCombatStats, techs: CombatTechs): ResearchedStats {
  return {
    attack: techFactor(base.attack, techs.weapons),
    shield: techFactor(base.shield, techs.shielding),
    hull: techFactor(base.structure, techs.armour) / STRUCTURE_PER_HULL,
  };
}

/** Builds an engine-ready group of `count` units of one type owned by a player with `techs`. */
export function combatGroup(
  type: string,
  count: number,
  base: BaseCombatStats,
  techs: CombatTechs = NO_COMBAT_TECHS,
): CombatGroup {
  const stats = researchedStats(base, techs);
  return base.rapidFire === undefined
    ? { type, count, ...stats }
    : { type, count, ...stats, rapidFire: base.rapidFire };
}

function techFactor(value: number, level: number): number {
  return (value * (TECH_LEVEL_DIVISOR + level)) / TECH_LEVEL_DIVISOR;
}
