import type { Cost, Ruleset } from '../../rules/types.js';
import type { Fleet, Planet, User } from '../types.js';

/** Highscore points are resources spent divided by this (the genre's convention). */
export const RESOURCES_PER_POINT = 1000;

/**
 * Levels above this are scored as this level. Operators can set absurd levels through the admin
 * API; prices grow geometrically, so the cap only guards the prefix tables against huge loops.
 */
const MAX_SCORED_LEVEL = 300;

const total = (c: Cost): number => c.metal + c.crystal + c.deuterium;

/**
 * Per ruleset and unit type: prefix[L] = resources spent on levels 1..L, or null for a type that
 * has no levels (ships, defenses, unknown types).
 */
const prefixes = new WeakMap<Ruleset, Map<string, number[] | null>>();

function prefixTable(rules: Ruleset): Map<string, number[] | null> {
  let table = prefixes.get(rules);
  if (!table) prefixes.set(rules, (table = new Map()));
  return table;
}

/** Resources spent to reach `level` of a building or technology (its levels 1..level). */
function levelCost(
  rules: Ruleset,
  table: Map<string, number[] | null>,
  type: string,
  level: number,
): number {
  let prefix = table.get(type);
  if (prefix === undefined) {
    const category = rules.unit(type)?.category;
    prefix = category === 'building' || category === 'research' ? [0] : null;
    table.set(type, prefix);
  }
  if (prefix === null || level <= 0) return 0;
  const target = Math.min(Math.floor(level), MAX_SCORED_LEVEL);
  while (prefix.length <= target) {
    const current = prefix.length - 1;
    const price =
      rules.unit(type)?.category === 'building'
        ? rules.buildingCost(type, current)
        : rules.researchCost(type, current);
    prefix.push((prefix[current] as number) + total(price));
  }
  return prefix[target] as number;
}

/** Per ruleset: the full price of one ship or defense, by type (0 for anything else). */
const unitPrices = new WeakMap<Ruleset, Map<string, number>>();

function unitPrice(rules: Ruleset, type: string): number {
  let prices = unitPrices.get(rules);
  if (!prices) unitPrices.set(rules, (prices = new Map()));
  let price = prices.get(type);
  if (price === undefined) {
    const category = rules.unit(type)?.category;
    price = category === 'ship' || category === 'defense' ? total(rules.unitCost(type)) : 0;
    prices.set(type, price);
  }
  return price;
}

function unitsSpend(rules: Ruleset, counts: Record<string, number>): number {
  let sum = 0;
  for (const type in counts) {
    const count = counts[type] as number;
    if (count > 0) sum += unitPrice(rules, type) * count;
  }
  return sum;
}

/** Resources a planet embodies: its building levels (economy), ships and defenses (military). */
export function planetSpend(rules: Ruleset, planet: Planet): { economy: number; military: number } {
  let economy = 0;
  const table = prefixTable(rules);
  for (const type in planet.buildings)
    economy += levelCost(rules, table, type, planet.buildings[type] as number);
  return {
    economy,
    military: unitsSpend(rules, planet.ships) + unitsSpend(rules, planet.defenses),
  };
}

/** Resources the ships of a fleet away from home embody (military). */
export const fleetSpend = (rules: Ruleset, fleet: Fleet): number => unitsSpend(rules, fleet.ships);

/** Resources a player's technology levels embody. */
export function researchSpend(rules: Ruleset, user: User): number {
  let sum = 0;
  const table = prefixTable(rules);
  for (const type in user.research)
    sum += levelCost(rules, table, type, user.research[type] as number);
  return sum;
}

export const toPoints = (resources: number): number => Math.floor(resources / RESOURCES_PER_POINT);
