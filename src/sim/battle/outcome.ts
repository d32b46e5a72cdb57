// Turns the engine's typed-array counters into the plain, JSON-friendly report shapes.

import type { CombatGroup, GroupOutcome, RoundSideStats, SideOutcome } from './types.js';
import type { VolleyStats } from './volley.js';

export function roundSideStats(
  volley: VolleyStats,
  unitsLost: number,
  alive: Float64Array,
): RoundSideStats {
  return {
    shots: volley.shots,
    damageDealt: volley.damageDealt,
    damageAbsorbed: volley.damageAbsorbed,
    unitsLost,
    survivorsByGroup: Array.from(alive),
  };
}

export function outcomeOf(groups: readonly CombatGroup[], alive: Float64Array): SideOutcome {
  const perGroup: GroupOutcome[] = [];
  const survivors: Record<string, number> = {};
  const losses: Record<string, number> = {};
  for (let g = 0; g < groups.length; g++) {
    const { type, count } = groups[g]!;
    const left = alive[g]!;
    perGroup.push({ type, initial: count, survivors: left, lost: count - left });
    survivors[type] = (survivors[type] ?? 0) + left;
    losses[type] = (losses[type] ?? 0) + count - left;
  }
  return { groups: perGroup, survivors, losses };
}
