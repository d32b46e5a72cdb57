// What a battle leaves behind, shared by attack missions and POST /simulate/battle: survivors,
// repaired defenses, the debris field, the moon chance and the loot.

import type { Levels, Ruleset } from '../../rules/types.js';
import {
  addResources,
  computeDebris,
  computeLoot,
  moonChancePercent,
  repairDefenses,
  type BattleResult,
} from '../battle/index.js';
import type { SimSettings } from '../context.js';
import { createRng } from '../random.js';
import type { Resources } from '../types.js';
import { cargoCapacity } from '../fleet/capacity.js';
import { unitCatalog } from './groups.js';

/** Repair rolls use their own stream derived from the battle seed, so a report replays exactly. */
const REPAIR_STREAM_SALT = 0x5eed_4e9a;

export interface Aftermath {
  attackerSurvivors: Record<string, number>;
  attackerLosses: Record<string, number>;
  /** Defender ships and defenses lost for good (repaired defenses excluded). */
  defenderLosses: Record<string, number>;
  defenderSurvivors: Record<string, number>;
  repaired: Record<string, number>;
  debris: Resources;
  moonChance: number;
  loot: Resources;
}

export interface AftermathInput {
  rules: Ruleset;
  combat: SimSettings['combat'];
  result: BattleResult;
  attackerResearch: Levels;
  /** What the defender has to loot (already floored to whole units). */
  defenderResources: Resources;
  /** Cargo the attackers already carry (takes room from the loot). */
  carried: number;
}

const positive = (counts: Readonly<Record<string, number>>): Record<string, number> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));

export function battleAftermath(input: AftermathInput): Aftermath {
  const { rules, result } = input;
  const catalog = unitCatalog(rules);
  const defenseLost: Record<string, number> = {};
  for (const [type, lost] of Object.entries(result.defenders.losses)) {
    if (lost > 0 && catalog[type]?.kind === 'defense') defenseLost[type] = lost;
  }
  const repaired = positive(
    repairDefenses(defenseLost, catalog, createRng((result.seed ^ REPAIR_STREAM_SALT) >>> 0)),
  );
  const defenderLosses: Record<string, number> = {};
  const defenderSurvivors: Record<string, number> = { ...result.defenders.survivors };
  for (const [type, lost] of Object.entries(result.defenders.losses)) {
    const back = repaired[type] ?? 0;
    if (lost - back > 0) defenderLosses[type] = lost - back;
    defenderSurvivors[type] = (defenderSurvivors[type] ?? 0) + back;
  }
  const options = {
    shipPercent: input.combat.debrisShipPercent,
    defensePercent: input.combat.debrisDefensePercent,
  };
  const debris = addResources(
    computeDebris(positive(result.attackers.losses), catalog, options),
    computeDebris(defenderLosses, catalog, options),
  );
  const attackerSurvivors = positive(result.attackers.survivors);
  let loot: Resources = { metal: 0, crystal: 0, deuterium: 0 };
  if (result.winner === 'attacker') {
    const room = cargoCapacity(rules, attackerSurvivors, input.attackerResearch) - input.carried;
    loot = { ...computeLoot(input.defenderResources, Math.max(0, room)) };
  }
  return {
    attackerSurvivors,
    attackerLosses: positive(result.attackers.losses),
    defenderLosses,
    defenderSurvivors: positive(defenderSurvivors),
    repaired,
    debris: { ...debris },
    moonChance: moonChancePercent(debris),
    loot,
  };
}
