// The real game's durations (spec/ogame-rules.md §3.4) and demolition price. Every duration is
// max(1, ⌊seconds⌋); the deuterium part of a price never counts.

import { levelCost, levelOf, price, reductionFactor, truncate } from '../math.js';
import type { Cost, TimeContext, UnitDef, UniverseSpeeds } from '../types.js';

export const SECONDS_PER_HOUR = 3600;
/** Metal + crystal a level-0 robotics factory (or shipyard) turns into buildings (ships) per hour. */
export const BUILDING_RESOURCES_PER_HOUR = 2500;
export const SHIPYARD_RESOURCES_PER_HOUR = 2500;
/** Metal + crystal a level-0 research lab turns into research per hour. */
export const RESEARCH_RESOURCES_PER_HOUR = 1000;
/** Each nanite factory level doubles building and shipyard speed. */
export const NANITE_SPEEDUP_PER_LEVEL = 2;
/**
 * Building levels up to 5 take 2 / (8 − L) of the formula's time (L = level being built), the
 * same as OGameX's division by max(4 − L/2, 1); the nanite factory is exempt (AG).
 */
export const LOW_LEVEL_TIME_MAX_LEVEL = 5;
export const LOW_LEVEL_TIME_NUMERATOR = 2;
export const LOW_LEVEL_TIME_OFFSET = 8;
export const LOW_LEVEL_TIME_EXEMPT: readonly string[] = ['nanite_factory'];
/** Each ion technology level takes 4 % off the price of a demolition. */
export const DEMOLITION_DISCOUNT_PER_ION_LEVEL = 0.04;
export const MIN_DURATION_SECONDS = 1;

/** max(1, ⌊seconds⌋). */
function wholeSeconds(seconds: number): number {
  return Math.max(MIN_DURATION_SECONDS, truncate(seconds));
}

/** Hours of work for `cost` at `perHour` metal + crystal, in seconds (deuterium is free). */
function workSeconds(cost: Cost, perHour: number): number {
  return ((cost.metal + cost.crystal) * SECONDS_PER_HOUR) / perHour;
}

/** The 2 / (8 − L) factor of low levels, 1 from level 6 on and for exempt buildings. */
export function lowLevelTimeFactor(unit: UnitDef, targetLevel: number): number {
  if (targetLevel > LOW_LEVEL_TIME_MAX_LEVEL || LOW_LEVEL_TIME_EXEMPT.includes(unit.type)) return 1;
  return LOW_LEVEL_TIME_NUMERATOR / (LOW_LEVEL_TIME_OFFSET - targetLevel);
}

/**
 * Seconds to build level currentLevel + 1: (M + C) / (2500 × (1 + robotics) × 2^nanite ×
 * economy speed) hours, × 2 / (8 − L) for L ≤ 5.
 */
export function buildingSeconds(
  unit: UnitDef,
  currentLevel: number,
  context: Pick<TimeContext, 'buildings'>,
  economySpeed: number,
): number {
  const rate =
    BUILDING_RESOURCES_PER_HOUR *
    (1 + levelOf(context.buildings, 'robot_factory')) *
    Math.pow(NANITE_SPEEDUP_PER_LEVEL, levelOf(context.buildings, 'nanite_factory')) *
    economySpeed;
  const seconds = workSeconds(levelCost(unit, currentLevel), rate);
  return wholeSeconds(seconds * lowLevelTimeFactor(unit, currentLevel + 1));
}

/**
 * The research labs working on `unit`: the researching planet's lab plus, with an intergalactic
 * research network at level N, the N best other labs of the player that are themselves big
 * enough for the technology (at least its research-lab requirement).
 */
export function effectiveLabLevel(unit: UnitDef, context: TimeContext): number {
  const linked = levelOf(context.research, 'intergalactic_research_network');
  const own = levelOf(context.buildings, 'research_lab');
  if (linked <= 0) return own;
  const needed = unit.requires.find((req) => req.type === 'research_lab')?.level ?? 0;
  const others = (context.otherLabLevels ?? [])
    .filter((level) => level >= needed)
    .sort((a, b) => b - a)
    .slice(0, linked);
  return others.reduce((sum, level) => sum + level, own);
}

/**
 * Seconds to research level currentLevel + 1: (M + C) / (1000 × (1 + labs) × economy speed ×
 * research speed) hours. The live game divides by the universe (economy) speed; the research
 * speed knob is an extra multiplier on top, 1 by default.
 */
export function researchSeconds(
  unit: UnitDef,
  currentLevel: number,
  context: TimeContext,
  speeds: Pick<UniverseSpeeds, 'economySpeed' | 'researchSpeed'>,
): number {
  const rate =
    RESEARCH_RESOURCES_PER_HOUR *
    (1 + effectiveLabLevel(unit, context)) *
    speeds.economySpeed *
    speeds.researchSpeed;
  return wholeSeconds(workSeconds(levelCost(unit, currentLevel), rate));
}

/**
 * Seconds for `quantity` units: each takes max(1, ⌊(M + C) / (2500 × (1 + shipyard) ×
 * 2^nanite × economy speed) hours⌋), rounded per unit as in the live game.
 */
export function shipyardSeconds(
  unit: UnitDef,
  quantity: number,
  context: Pick<TimeContext, 'buildings'>,
  economySpeed: number,
): number {
  const rate =
    SHIPYARD_RESOURCES_PER_HOUR *
    (1 + levelOf(context.buildings, 'shipyard')) *
    Math.pow(NANITE_SPEEDUP_PER_LEVEL, levelOf(context.buildings, 'nanite_factory')) *
    economySpeed;
  return wholeSeconds(workSeconds(unit.baseCost, rate)) * quantity;
}

/**
 * Price of tearing down level `currentLevel`: that level's price × (1 − 0.04 × ion), each
 * resource truncated (AG). Energy is a condition of building, not of demolishing, so it is
 * left out.
 */
export function demolitionCost(unit: UnitDef, currentLevel: number, ionLevel: number): Cost {
  const removed = levelCost(unit, Math.max(0, currentLevel - 1));
  const share = reductionFactor(DEMOLITION_DISCOUNT_PER_ION_LEVEL, ionLevel);
  return price(
    truncate(removed.metal * share),
    truncate(removed.crystal * share),
    truncate(removed.deuterium * share),
  );
}
