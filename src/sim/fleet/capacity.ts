import { RESOURCE_KINDS, type Levels, type Ruleset } from '../../rules/types.js';
import type { Resources } from '../types.js';

/** Total cargo room of `ships` under the owner's research. */
export function cargoCapacity(rules: Ruleset, ships: Levels, research: Levels): number {
  let total = 0;
  for (const [type, count] of Object.entries(ships)) {
    if (count !== undefined && count > 0) total += rules.unitStats(type, research).cargo * count;
  }
  return total;
}

export function shipCount(ships: Levels): number {
  let n = 0;
  for (const count of Object.values(ships)) n += count ?? 0;
  return n;
}

export function resourceTotal(r: Resources): number {
  return r.metal + r.crystal + r.deuterium;
}

export const noResources = (): Resources => ({ metal: 0, crystal: 0, deuterium: 0 });

export function addInto(target: Resources, amounts: Resources): void {
  for (const kind of RESOURCE_KINDS) target[kind] += amounts[kind];
}
